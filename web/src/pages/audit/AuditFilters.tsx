import { Button, Group, Select } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditQuery } from '../../../../src/contracts/audit.js';
import type { AuditFilters as Filters } from '../../api/audit';
import { useStaff } from '../../api/staff';
import { DateField } from '../../components/DateField';
import { useCan, useClinicTimeZone } from '../../components/session';
import { clinicDayBoundary } from '../../lib/format';
import { auditRu } from '../../i18n/audit.ru';
import { AuditPatientSelect } from './AuditPatientSelect';

export const ACTIONS = AuditQuery.shape.action.unwrap().options;
/** Every object type the log names (the labels' keys, so a type with a label is also offered in the filter). */
export const OBJECT_TYPES: readonly string[] = Object.keys(auditRu.objectType);

/** Filters of the audit log; the period is in clinic-local dates, sent as instants. */
export function AuditFilters({ initialPatientId, onApply }: { initialPatientId?: string; onApply: (f: Filters) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const tz = useClinicTimeZone();
  const staff = useStaff(can('staff.read'));
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [objectType, setObjectType] = useState('');
  const [patientId, setPatientId] = useState<string | null>(initialPatientId ?? null);

  const apply = (e?: FormEvent) => {
    e?.preventDefault();
    onApply({
      from: from ? clinicDayBoundary(from, tz, 'start') : undefined,
      to: to ? clinicDayBoundary(to, tz, 'end') : undefined,
      userId: userId ?? undefined,
      action: action ?? undefined,
      objectType: objectType.trim() || undefined,
      patientId: patientId ?? undefined,
    });
  };
  const clear = () => {
    setFrom(null);
    setTo(null);
    setUserId(null);
    setAction(null);
    setObjectType('');
    setPatientId(null);
    onApply({});
  };

  return (
    <form onSubmit={apply} noValidate data-testid="audit-filters">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <DateField label={t('audit.from')} value={from} onChange={setFrom} w={140} size="xs" />
        <DateField label={t('audit.to')} value={to} onChange={setTo} minDate={from ?? undefined} w={140} size="xs" />
        {can('staff.read') && (
          <Select
            label={t('audit.user')}
            size="xs"
            data={(staff.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.login})` }))}
            value={userId}
            onChange={setUserId}
            clearable
            searchable
            placeholder={t('audit.anyone')}
            w={240}
          />
        )}
        <Select
          label={t('audit.action')}
          size="xs"
          data={ACTIONS.map((a) => ({ value: a, label: t(`auditAction.${a}`) }))}
          value={action}
          onChange={setAction}
          clearable
          placeholder={t('audit.any')}
          w={170}
        />
        <Select
          label={t('audit.objectType')}
          size="xs"
          data={OBJECT_TYPES.map((o) => ({ value: o, label: t(`objectType.${o}`) }))}
          value={objectType || null}
          onChange={(v) => setObjectType(v ?? '')}
          clearable
          searchable
          placeholder={t('audit.any')}
          w={200}
        />
        <AuditPatientSelect value={patientId} onChange={setPatientId} />
        <Button type="submit" size="xs" data-testid="audit-apply">
          {t('audit.apply')}
        </Button>
        <Button variant="default" size="xs" onClick={clear}>
          {t('audit.reset')}
        </Button>
      </Group>
    </form>
  );
}
