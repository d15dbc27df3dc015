import { Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_KINDS, INCIDENT_KIND_LABELS } from '../../../../src/domain/incidents.js';
import { useIncidents } from '../../api/incidents';
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
  const list = useIncidents({ status, ...(kind && { kind }) });
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
        <Group gap="sm">
          <SegmentedControl value={status} onChange={(v) => setStatus(v as 'open' | 'all')} data={[{ value: 'open', label: t('incidents.open') }, { value: 'all', label: t('incidents.log') }]} />
          <Select aria-label={t('incidents.filterKind')} placeholder={t('incidents.allKinds')} clearable value={kind} onChange={setKind}
            data={INCIDENT_KINDS.map((k) => ({ value: k, label: INCIDENT_KIND_LABELS[k][lang] }))} w={240} />
        </Group>
      )}
      {status === 'all' && (list.data?.summary.length ?? 0) > 0 && (
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
