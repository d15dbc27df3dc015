import { Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_KINDS, INCIDENT_KIND_LABELS } from '../../../../src/domain/incidents.js';
import { useBranches } from '../../api/clinic';
import { useIncidents } from '../../api/incidents';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../../components/session';
import { useLang } from '../../i18n';
import { durationText, IncidentCard } from './IncidentCard';
import { ReportIncidentForm } from './ReportIncidentForm';

/** «Инциденты» (DESK-5): the open failures for everyone; the whole log and its summary for management. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const [formOpen, setFormOpen] = useState(false);
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [kind, setKind] = useState<string | null>(null);
  const [branchId, setBranchId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const branches = useBranches().data?.items ?? [];
  // The filters narrow the whole log; the open list is short and shown whole.
  const log = status === 'all';
  const list = useIncidents({ status, ...(log && kind && { kind }), ...(log && branchId && { branchId }), ...(log && from && { from }), ...(log && to && { to }) });
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={t('incidents.title')}>
        {can('incidents.write') && !formOpen && (
          <Button color="red" onClick={() => setFormOpen(true)} data-testid="incident-report">{t('incidents.report')}</Button>
        )}
      </PageHeader>
      <Text size="sm" c="dimmed" mt={-12}>{t('incidents.hint')}</Text>
      {formOpen && <ReportIncidentForm onDone={() => setFormOpen(false)} />}
      {can('incidents.log') && (
        <Group gap="sm" align="flex-end">
          <SegmentedControl value={status} onChange={(v) => setStatus(v as 'open' | 'all')} data={[{ value: 'open', label: t('incidents.open') }, { value: 'all', label: t('incidents.log') }]} data-testid="incident-status" />
          {log && (
            <>
              <Select aria-label={t('incidents.filterKind')} placeholder={t('incidents.allKinds')} clearable value={kind} onChange={setKind}
                data={INCIDENT_KINDS.map((k) => ({ value: k, label: INCIDENT_KIND_LABELS[k][lang] }))} w={220} />
              <Select aria-label={t('incidents.branch')} placeholder={t('incidents.allBranches')} clearable value={branchId} onChange={setBranchId}
                data={branches.map((b) => ({ value: b.id, label: b.name }))} w={240} />
              <DateField aria-label={t('incidents.from')} placeholder={t('incidents.from')} value={from} onChange={setFrom} w={140} clearable />
              <DateField aria-label={t('incidents.to')} placeholder={t('incidents.to')} value={to} onChange={setTo} minDate={from ?? undefined} w={140} clearable />
            </>
          )}
        </Group>
      )}
      {log && (list.data?.summary.length ?? 0) > 0 && (
        <Text size="sm" data-testid="incident-summary">
          <b>{t('incidents.summary')}:</b>{' '}
          {list.data!.summary.map((s) => t('incidents.summaryRow', { kind: INCIDENT_KIND_LABELS[s.kind][lang], count: s.count, value: durationText(s.downtimeMinutes, t) })).join('; ')}
        </Text>
      )}
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && !items.length && <Text c="dimmed">{status === 'open' ? t('incidents.none') : t('incidents.noneLog')}</Text>}
      {items.map((i) => <IncidentCard key={i.id} i={i} />)}
    </Stack>
  );
}
