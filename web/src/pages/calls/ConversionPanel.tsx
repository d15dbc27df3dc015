import { BarChart } from '@mantine/charts';
import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ruDate } from '../../../../src/domain/dates.js';
import { useConversion, type ConversionDrill, type ConversionReportT } from '../../api/calls';
import { QueryState } from '../../components/QueryState';
import { ConversionListModal } from './ConversionListModal';

type Row = ConversionReportT['total'];
type Measure = ConversionDrill['measure'];
type Open = (measure: Measure, group?: ConversionDrill['group'], row?: Row) => void;
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10} %`.replace('.', ','));
const COLOR = { low: 'red', good: 'yellow', excellent: 'teal' } as const;

/** A figure that opens its list of calls (issue #14). */
function Opens({ onClick, children, testId }: { onClick: () => void; children: ReactNode; testId?: string }) {
  return (
    <UnstyledButton onClick={onClick} data-testid={testId} style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3 }}>
      {children}
    </UnstyledButton>
  );
}

/** CALL-5: primary calls → primary visits booked against 60 % and 80 %, by week, administrator, source, branch; every figure opens its calls. */
export function ConversionPanel({ from, to }: { from: string | null; to: string | null }) {
  const { t } = useTranslation();
  const q = useConversion(from, to);
  const [drill, setDrill] = useState<ConversionDrill | null>(null);
  const r = q.data;
  if (!r) return <QueryState isPending={q.isPending} error={q.error} />;
  const groupTitle = { admin: t('calls.conv.byAdmin'), source: t('calls.conv.bySource'), branch: t('calls.conv.byBranch'), week: t('calls.conv.byWeek'), month: t('calls.conv.byMonth') };
  const open: Open = (measure, group, row) =>
    setDrill({
      measure, group, key: row?.key,
      title: group && row ? `${t(`calls.conv.${measure}`)} — ${groupTitle[group].toLowerCase()}: ${row.label || t('calls.conv.none')}` : `${t(`calls.conv.${measure}`)} — ${t('calls.conv.list.period', { from: ruDate(r.from), to: ruDate(r.to) })}`,
    });
  const weekOpen = (measure: Measure) => (d: { payload?: { key?: string } } | undefined) => {
    const row = r.byWeek.find((w) => w.key === d?.payload?.key);
    if (row) open(measure, 'week', { ...row, label: t('calls.conv.weekOf', { d: ruDate(row.key) }) });
  };
  return (
        <Stack gap="sm" data-testid="conversion">
          <ConversionListModal from={r.from} to={r.to} drill={drill} onClose={() => setDrill(null)} />
          <Text size="sm" c="dimmed">{t('calls.conv.explain')}</Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label={t('calls.conv.calls')} value={String(r.total.calls)} onClick={() => open('calls')} testId="conversion-calls" />
            <Figure label={t('calls.conv.booked')} value={String(r.total.booked)} onClick={() => open('booked')} testId="conversion-booked" />
            <Figure label={t('calls.conv.rate')} value={pct(r.total.rate)} level={r.total.level} onClick={() => open('booked')} testId="conversion-rate" />
            <Figure label={t('calls.conv.neverCame')} value={String(r.total.neverCame)} onClick={() => open('neverCame')} testId="conversion-never-came" />
          </SimpleGrid>
          <Paper withBorder p="sm">
            <Text fw={600} mb="xs">{t('calls.conv.byWeek')}</Text>
            <BarChart
              h={240}
              data={r.byWeek.map((w) => ({ key: w.key, week: ruDate(w.key).slice(0, 5), rate: w.rate === null ? 0 : Math.round(w.rate * 1000) / 10 }))}
              barProps={{ onClick: weekOpen('booked'), cursor: 'pointer' }}
              dataKey="week"
              series={[{ name: 'rate', color: 'blue.6', label: t('calls.conv.rate') }]}
              yAxisProps={{ domain: [0, 100] }}
              valueFormatter={(v) => `${v} %`}
              referenceLines={[
                { y: r.good * 100, label: t('calls.conv.good'), color: 'yellow.7' },
                { y: r.excellent * 100, label: t('calls.conv.excellent'), color: 'teal.7' },
              ]}
            />
          </Paper>
          {/* Two tables side by side only where five columns fit (not on a 1366-pixel desk screen). */}
          <SimpleGrid cols={{ base: 1, xl: 2 }}>
            <Breakdown title={t('calls.conv.byAdmin')} rows={r.byAdmin} onOpen={(m, row) => open(m, 'admin', row)} testId="conversion-admins" />
            <Breakdown title={t('calls.conv.bySource')} rows={r.bySource} onOpen={(m, row) => open(m, 'source', row)} />
            <Breakdown title={t('calls.conv.byBranch')} rows={r.byBranch} onOpen={(m, row) => open(m, 'branch', row)} />
            <Breakdown title={t('calls.conv.byMonth')} rows={r.byMonth.map((m) => ({ ...m, label: m.key.split('-').reverse().join('.') }))} onOpen={(m, row) => open(m, 'month', row)} />
            <Breakdown title={t('calls.conv.byWeek')} rows={r.byWeek.map((w) => ({ ...w, label: t('calls.conv.weekOf', { d: ruDate(w.key) }) }))} onOpen={(m, row) => open(m, 'week', row)} testId="conversion-weeks" />
          </SimpleGrid>
        </Stack>
  );
}

function Figure({ label, value, level, onClick, testId }: { label: string; value: string; level?: Row['level']; onClick: () => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">{label}</Text>
      <Group gap="xs">
        <Opens onClick={onClick} testId={`${testId}-open`}><Text fw={700} size="xl" data-testid={testId}>{value}</Text></Opens>
        {level && <Badge color={COLOR[level]} variant="light">{t(`calls.conv.levels.${level}`)}</Badge>}
      </Group>
    </Paper>
  );
}

function Breakdown({ title, rows, onOpen, testId }: { title: string; rows: Row[]; onOpen: (m: Measure, row: Row) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" data-testid={testId}>
      <Text fw={600} size="sm" mb={4}>{title}</Text>
      <Table fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">{t('calls.conv.calls')}</Table.Th>
            <Table.Th ta="right">{t('calls.conv.booked')}</Table.Th>
            <Table.Th ta="right">{t('calls.conv.rate')}</Table.Th>
            <Table.Th ta="right">{t('calls.conv.neverCame')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.label || t('calls.conv.none')}</Table.Td>
              <Table.Td ta="right"><Opens onClick={() => onOpen('calls', r)}>{r.calls}</Opens></Table.Td>
              <Table.Td ta="right"><Opens onClick={() => onOpen('booked', r)}>{r.booked}</Opens></Table.Td>
              <Table.Td ta="right" c={r.level ? `${COLOR[r.level]}.8` : undefined} fw={600}>{pct(r.rate)}</Table.Td>
              <Table.Td ta="right"><Opens onClick={() => onOpen('neverCame', r)}>{r.neverCame}</Opens></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
