import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EQUIPMENT, EQUIPMENT_LABELS, INCIDENT_KINDS, INCIDENT_KIND_LABELS, type Equipment, type IncidentKind } from '../../../../src/domain/incidents.js';
import { useBranches } from '../../api/clinic';
import { useReportIncident } from '../../api/incidents';
import { FormErrors } from '../../components/FormErrors';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';

const SHOWN = ['kind', 'equipment', 'branchId', 'description'];

/** «Сообщить о сбое»: what, where (the first branch preselected), a line on what happened. */
export function ReportIncidentForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const branches = (useBranches().data?.items ?? []).filter((b) => b.isActive);
  const report = useReportIncident();
  const errors = useFieldErrors(report.error);
  const [kind, setKind] = useState<IncidentKind>('power');
  const [equipment, setEquipment] = useState<Equipment | null>(null);
  const [branchId, setBranchId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [affects, setAffects] = useState(false);
  const branch = branchId ?? branches[0]?.id ?? null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!branch) return;
    report.mutate(
      { branchId: branch, kind, equipment: kind === 'equipment' ? equipment : null, description, affectsVisits: affects },
      { onSuccess: () => { notifySaved(t('incidents.reported')); onDone(); } },
    );
  };

  return (
    <Paper withBorder p="md" data-testid="incident-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('incidents.kind')} data={INCIDENT_KINDS.map((k) => ({ value: k, label: INCIDENT_KIND_LABELS[k][lang] }))} value={kind}
              onChange={(v) => v && setKind(v as IncidentKind)} allowDeselect={false} error={errors.field('kind')} data-testid="incident-kind" />
            {kind === 'equipment' && (
              <Select label={t('incidents.equipment')} data={EQUIPMENT.map((k) => ({ value: k, label: EQUIPMENT_LABELS[k][lang] }))} value={equipment}
                onChange={(v) => setEquipment(v as Equipment | null)} error={errors.field('equipment')} required data-testid="incident-equipment" />
            )}
            <Select label={t('incidents.branch')} data={branches.map((b) => ({ value: b.id, label: b.name }))} value={branch}
              onChange={setBranchId} allowDeselect={false} error={errors.field('branchId')} data-testid="incident-branch" />
          </SimpleGrid>
          <TextInput label={t('incidents.description')} placeholder={t('incidents.descriptionPlaceholder')} value={description}
            onChange={(e) => setDescription(e.currentTarget.value)} maxLength={200} required error={errors.field('description')} data-testid="incident-description" />
          <Checkbox label={t('incidents.affectsVisits')} checked={affects} onChange={(e) => setAffects(e.currentTarget.checked)} />
          <FormErrors messages={errors.rest((f) => SHOWN.includes(f))} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>{t('incidents.cancel')}</Button>
            <Button type="submit" color="red" loading={report.isPending} data-testid="incident-send">{t('incidents.send')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
