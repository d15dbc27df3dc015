import { LineChart } from '@mantine/charts';
import { Badge, Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQualityResults, useQualityScores, type QualityResultsT } from '../../api/callQuality';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { formatInstant, todayIn } from '../../lib/format';
import { pctText } from './QualityDialog';

const COLORS = ['blue.6', 'grape.6', 'teal.6', 'orange.6', 'pink.6', 'cyan.6', 'lime.7', 'red.6'];
const MONTHS_RU = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const color = (share: number | null) => (share === null ? 'gray' : share >= 0.8 ? 'teal' : share >= 0.6 ? 'yellow' : 'red');

function monthsBack(to: string, n: number): string {
  const [y, m] = to.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) - (n - 1);
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** CALL-8: «Контроль качества» — the average score per administrator over months, the weakest items, the scored calls. */
export function QualityPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const to = todayIn(tz).slice(0, 7);
  const [span, setSpan] = useState('6');
  const from = monthsBack(to, Number(span));
  const r = useQualityResults(from, to);
  const [admin, setAdmin] = useState<string | null>(null);
  const list = useQualityScores(from, to, admin);
  const data = r.data;
  if (!data) return <QueryState isPending={r.isPending} error={r.error} />;
  const label = (key: string) => { const i = data.checklist.find((c) => c.key === key); return i ? (lang === 'en' ? i.en : i.ru) : key; };
  const monthLabel = (m: string) => `${(lang === 'en' ? MONTHS_EN : MONTHS_RU)[Number(m.slice(5)) - 1]} ${m.slice(0, 4)}`;
  const chart = data.months.map((m) => ({ month: monthLabel(m), ...Object.fromEntries(data.admins.map((a) => [a.name, a.months.find((x) => x.month === m)?.avgPct ?? null])) }));
  return (
    <Stack gap="sm" data-testid="quality-panel">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={700}>{t('quality.explain')}</Text>
        <Select label={t('quality.period')} w={160} value={span} onChange={(v) => v && setSpan(v)} allowDeselect={false} data={(['3', '6', '12'] as const).map((v) => ({ value: v, label: t(`quality.periods.${v}`) }))} />
      </Group>
      {data.count === 0 ? <Text c="dimmed">{t('quality.empty')}</Text> : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label={t('quality.scored')} value={String(data.count)} />
            <Figure label={t('quality.average')} value={pctText(data.avgPct)} testId="quality-average" />
          </SimpleGrid>
          <Paper withBorder p="sm">
            <Text fw={600} mb="xs">{t('quality.chartTitle')}</Text>
            <LineChart
              h={260}
              data={chart}
              dataKey="month"
              series={data.admins.map((a, i) => ({ name: a.name, color: COLORS[i % COLORS.length]! }))}
              yAxisProps={{ domain: [0, 100] }}
              valueFormatter={(v) => `${v} %`}
              connectNulls
              withLegend
              referenceLines={[{ y: 80, label: '80 %', color: 'teal.7' }]}
            />
          </Paper>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Paper withBorder p="sm">
              <Text fw={600} mb="xs">{t('quality.byAdmin')}</Text>
              <AdminTable data={data} label={label} />
            </Paper>
            <Paper withBorder p="sm">
              <Text fw={600} mb="xs">{t('quality.weakest')}</Text>
              <Table fz="sm" data-testid="quality-weakest">
                <Table.Thead><Table.Tr><Table.Th>{t('quality.cols.item')}</Table.Th><Table.Th w={170}>{t('quality.cols.share')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {data.items.filter((i) => i.applicable > 0).slice(0, 6).map((i) => (
                    <Table.Tr key={i.key}>
                      <Table.Td>{label(i.key)}</Table.Td>
                      <Table.Td>
                        <Progress value={(i.share ?? 0) * 100} color={color(i.share)} size="sm" />
                        <Text size="xs" c="dimmed">{pctText(i.share === null ? null : Math.round(i.share * 1000) / 10)} · {t('quality.ofCalls', { yes: i.yes, n: i.applicable })}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{t('quality.recent')}{list.data && list.data.total > list.data.items.length && <Text span size="sm" c="dimmed" fw={400}> · {t('quality.shown', { n: list.data.items.length, total: list.data.total })}</Text>}</Text>
              <Select w={260} placeholder={t('quality.allAdmins')} clearable value={admin} onChange={setAdmin} data={data.admins.map((a) => ({ value: a.userId, label: a.name }))} />
            </Group>
            {!list.data ? <QueryState isPending={list.isPending} error={list.error} /> : (
              <Table fz="sm" striped data-testid="quality-scores">
                <Table.Thead>
                  <Table.Tr>{(['when', 'admin', 'caller', 'score', 'by', 'comment'] as const).map((c) => <Table.Th key={c}>{t(`quality.cols.${c}`)}</Table.Th>)}</Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(s.callStartedAt, tz)}</Table.Td>
                      <Table.Td>{s.adminName ?? ''}</Table.Td>
                      <Table.Td>{s.callerName ?? ''}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}><Badge variant="light" color={color(s.pct === null ? null : s.pct / 100)}>{s.score}/{s.maxScore} · {pctText(s.pct)}</Badge></Table.Td>
                      <Table.Td>{s.scoredByName ?? ''}</Table.Td>
                      <Table.Td>{s.comment ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}

function AdminTable({ data, label }: { data: QualityResultsT; label: (key: string) => string }) {
  const { t } = useTranslation();
  return (
    <Table fz="sm" data-testid="quality-admins">
      <Table.Thead>
        <Table.Tr><Table.Th>{t('quality.cols.admin')}</Table.Th><Table.Th>{t('quality.cols.count')}</Table.Th><Table.Th>{t('quality.cols.avg')}</Table.Th><Table.Th>{t('quality.cols.weak')}</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.admins.map((a) => {
          const weak = [...a.items].filter((i) => i.share !== null && i.share < 1).sort((x, y) => (x.share ?? 1) - (y.share ?? 1)).slice(0, 2);
          return (
            <Table.Tr key={a.userId}>
              <Table.Td>{a.name}</Table.Td>
              <Table.Td>{a.count}</Table.Td>
              <Table.Td><Badge variant="light" color={color(a.avgPct === null ? null : a.avgPct / 100)}>{pctText(a.avgPct)}</Badge></Table.Td>
              <Table.Td><Text size="xs">{weak.map((i) => label(i.key)).join('; ') || '—'}</Text></Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} size="xl" data-testid={testId}>{value}</Text>
    </Paper>
  );
}
