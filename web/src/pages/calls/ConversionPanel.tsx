import { BarChart } from '@mantine/charts';
import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ruDate } from '../../../../src/domain/dates.js';
import { useConversion, type ConversionReportT } from '../../api/calls';
import { QueryState } from '../../components/QueryState';

type Row = ConversionReportT['total'];
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10} %`.replace('.', ','));
const COLOR = { low: 'red', good: 'yellow', excellent: 'teal' } as const;

/** CALL-5: primary calls → primary visits booked against 60 % and 80 %, by week, administrator, source, branch. */
export function ConversionPanel({ from, to }: { from: string | null; to: string | null }) {
  const { t } = useTranslation();
  const q = useConversion(from, to);
  const r = q.data;
  if (!r) return <QueryState isPending={q.isPending} error={q.error} />;
  return (
        <Stack gap="sm" data-testid="conversion">
          <Text size="sm" c="dimmed">{t('calls.conv.explain')}</Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label={t('calls.conv.calls')} value={String(r.total.calls)} />
            <Figure label={t('calls.conv.booked')} value={String(r.total.booked)} />
            <Figure label={t('calls.conv.rate')} value={pct(r.total.rate)} level={r.total.level} testId="conversion-rate" />
            <Figure label={t('calls.conv.neverCame')} value={String(r.total.neverCame)} />
          </SimpleGrid>
          <Paper withBorder p="sm">
            <Text fw={600} mb="xs">{t('calls.conv.byWeek')}</Text>
            <BarChart
              h={240}
              data={r.byWeek.map((w) => ({ week: ruDate(w.key).slice(0, 5), rate: w.rate === null ? 0 : Math.round(w.rate * 1000) / 10 }))}
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
            <Breakdown title={t('calls.conv.byAdmin')} rows={r.byAdmin} testId="conversion-admins" />
            <Breakdown title={t('calls.conv.bySource')} rows={r.bySource} />
            <Breakdown title={t('calls.conv.byBranch')} rows={r.byBranch} />
            <Breakdown title={t('calls.conv.byMonth')} rows={r.byMonth.map((m) => ({ ...m, label: m.key.split('-').reverse().join('.') }))} />
          </SimpleGrid>
        </Stack>
  );
}

function Figure({ label, value, level, testId }: { label: string; value: string; level?: Row['level']; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">{label}</Text>
      <Group gap="xs">
        <Text fw={700} size="xl" data-testid={testId}>{value}</Text>
        {level && <Badge color={COLOR[level]} variant="light">{t(`calls.conv.levels.${level}`)}</Badge>}
      </Group>
    </Paper>
  );
}

function Breakdown({ title, rows, testId }: { title: string; rows: Row[]; testId?: string }) {
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
              <Table.Td ta="right">{r.calls}</Table.Td>
              <Table.Td ta="right">{r.booked}</Table.Td>
              <Table.Td ta="right" c={r.level ? `${COLOR[r.level]}.8` : undefined} fw={600}>{pct(r.rate)}</Table.Td>
              <Table.Td ta="right">{r.neverCame}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
