import { Anchor, Badge, Button, Group, Pagination, Select, Stack, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { CallT } from '../../api/calls';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { addDays } from '../../../../src/domain/dates.js';
import { callsExportUrl, useCalls } from '../../api/calls';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { displayPhone, formatInstant, todayIn } from '../../lib/format';
import { ConversionPanel } from './ConversionPanel';
import { QualityDialog } from './QualityDialog';
import { QualityPanel } from './QualityPanel';
import { ScriptEditor } from './ScriptEditor';

const PAGE = 50;
const OUTCOME_COLOR: Record<string, string> = { booked: 'teal', not_booked: 'red', info_given: 'gray', callback: 'orange', routed: 'grape', confirmed: 'teal' };
const mmss = (s: number | null) => (s === null ? '—' : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`);

/** «Звонки»: the call base (CALL-4) with filters and CSV; management also sees conversion (CALL-5) and edits the script (CALL-3). */
export function CallsPage() {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const can = useCan();
  const navigate = useNavigate();
  const today = todayIn(tz);
  const [from, setFrom] = useState<string | null>(addDays(today, -6));
  const [to, setTo] = useState<string | null>(today);
  const [direction, setDirection] = useState<string | null>(null);
  const [callerType, setCallerType] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [rating, setRating] = useState<CallT | null>(null);
  const scores = can('calls.quality');
  const q = {
    from: from ?? undefined, to: to ?? undefined, direction: (direction ?? undefined) as 'in' | 'out' | undefined,
    callerType: (callerType ?? undefined) as 'primary' | undefined, outcome: outcome ?? undefined, limit: PAGE, offset: (page - 1) * PAGE,
  };
  const calls = useCalls(q);
  const opt = (prefix: string, keys: string[]) => keys.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }));
  const filters = (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <DateField label={t('calls.base.from')} value={from} onChange={(v) => { setFrom(v); setPage(1); }} clearable={false} w={140} />
      <DateField label={t('calls.base.to')} value={to} onChange={(v) => { setTo(v); setPage(1); }} clearable={false} w={140} />
      <Select label={t('calls.base.direction')} placeholder={t('calls.base.any')} data={opt('calls.directions', ['in', 'out'])} value={direction} onChange={(v) => { setDirection(v); setPage(1); }} clearable w={150} />
      <Select label={t('calls.base.type')} placeholder={t('calls.base.any')} data={opt('calls.types', ['primary', 'repeat', 'non_patient'])} value={callerType} onChange={(v) => { setCallerType(v); setPage(1); }} clearable w={190} data-testid="calls-filter-type" />
      <Select label={t('calls.base.outcome')} placeholder={t('calls.base.any')} data={opt('calls.outcomes', ['booked', 'not_booked', 'info_given', 'callback', 'routed', 'confirmed'])} value={outcome} onChange={(v) => { setOutcome(v); setPage(1); }} clearable w={180} data-testid="calls-filter-outcome" />
      <Anchor href={callsExportUrl(q)} download data-testid="calls-export"><Button variant="default">{t('calls.base.export')}</Button></Anchor>
    </Group>
  );
  const base = (
    <Stack gap="sm">
      {filters}
      {!calls.data ? <QueryState isPending={calls.isPending} error={calls.error} /> : calls.data.items.length === 0 ? <Text c="dimmed">{t('calls.base.empty')}</Text> : (
        <>
          <Text size="sm" c="dimmed">{t('calls.base.total', { n: calls.data.total })}</Text>
          <Table fz="sm" striped data-testid="calls-table">
            <Table.Thead>
              <Table.Tr>
                {(['when', 'who', 'type', 'purpose', 'source', 'outcome', 'admin', 'answer', 'duration', 'visit'] as const).map((c) => <Table.Th key={c}>{t(`calls.base.cols.${c}`)}</Table.Th>)}
                {scores && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calls.data.items.map((c) => (
                <Table.Tr key={c.id} data-testid="call-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(c.startedAt, tz)} <Badge size="xs" variant="light" color={c.direction === 'in' ? 'blue' : 'grape'}>{t(`calls.directions.${c.direction}`)}</Badge></Table.Td>
                  <Table.Td>{c.patientName ?? c.callerName ?? ''}<Text size="xs" c="dimmed">{displayPhone(c.phone)}</Text></Table.Td>
                  <Table.Td>{t(`calls.types.${c.callerType}`, { defaultValue: c.callerType })}</Table.Td>
                  <Table.Td>{t(`calls.purposes.${c.purpose}`, { defaultValue: c.purpose })}</Table.Td>
                  <Table.Td>{c.sourceName ?? ''}</Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME_COLOR[c.outcome] ?? 'gray'} variant="light">{t(`calls.outcomes.${c.outcome}`, { defaultValue: c.outcome })}</Badge>
                    {c.outcomeReason && <Text size="xs" c="dimmed">{c.outcomeReason}</Text>}
                  </Table.Td>
                  <Table.Td>{c.userName ?? ''}</Table.Td>
                  <Table.Td>{c.answerSec === null ? '—' : `${c.answerSec} с`}</Table.Td>
                  <Table.Td>{mmss(c.durationSec)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.visit ? formatInstant(c.visit.startsAt, tz) : ''}</Table.Td>
                  {scores && (
                    <Table.Td>
                      {c.userId && <Button size="compact-xs" variant="light" onClick={() => setRating(c)} title={t('quality.rateCall')} data-testid="call-rate">{t('quality.rate')}</Button>}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {calls.data.total > PAGE && <Pagination total={Math.ceil(calls.data.total / PAGE)} value={page} onChange={setPage} size="sm" />}
        </>
      )}
    </Stack>
  );
  return (
    <Stack gap="md">
      <PageHeader title={t('calls.base.title')}>
        {can('calls.write') && <Button onClick={() => navigate('/calls/new')} data-testid="calls-new">{t('calls.newCall')}</Button>}
      </PageHeader>
      {can('calls.manage') || scores ? (
        <Tabs defaultValue="base" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="base">{t('calls.base.tabs.base')}</Tabs.Tab>
            {can('calls.manage') && <Tabs.Tab value="conversion" data-testid="tab-conversion">{t('calls.base.tabs.conversion')}</Tabs.Tab>}
            {scores && <Tabs.Tab value="quality" data-testid="tab-quality">{t('quality.tab')}</Tabs.Tab>}
            {can('calls.manage') && <Tabs.Tab value="script" data-testid="tab-script">{t('calls.base.tabs.script')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="base" pt="sm">{base}</Tabs.Panel>
          <Tabs.Panel value="conversion" pt="sm"><ConversionPanel from={addDays(to ?? today, -83)} to={to ?? today} /></Tabs.Panel>
          <Tabs.Panel value="quality" pt="sm"><QualityPanel /></Tabs.Panel>
          <Tabs.Panel value="script" pt="sm"><ScriptEditor /></Tabs.Panel>
        </Tabs>
      ) : base}
      <QualityDialog call={rating} onClose={() => setRating(null)} />
    </Stack>
  );
}
