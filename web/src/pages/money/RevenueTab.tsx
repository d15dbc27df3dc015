import { BarChart, DonutChart } from '@mantine/charts';
import { Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { moneyCsvUrl, useMoneyReport, type Drill, type Period } from '../../api/money';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/format';
import { Cell, Figure, rub, Section } from './moneyParts';

const METHOD_COLOR: Record<string, string> = { cash: 'teal.6', card: 'blue.6', transfer: 'violet.6', insurer: 'orange.6', advance: 'gray.5' };

/** Revenue by day and method; billed against paid by doctor and service. Every figure opens its list. */
export function RevenueTab({ period, open }: { period: Period; open: (d: Drill) => void }) {
  const { t } = useTranslation();
  const q = useMoneyReport(period);
  const r = q.data;
  if (!r) return <QueryState isPending={q.isPending} error={q.error} />;
  const pay = (title: string, filter: Record<string, string | undefined>) => open({ list: 'payments', title, filter: { ...period, ...filter } });
  const lines = (title: string, filter: Record<string, string | undefined>) => open({ list: 'lines', title, filter: { ...period, ...filter } });
  const days = r.byDay.map((d) => ({ date: formatDate(d.date).slice(0, 5), iso: d.date, revenue: d.revenue / 100 }));
  return (
    <Stack gap="md">
      <Group gap="xl" align="flex-start" wrap="wrap">
        <Figure label={t('money.revenue')} value={rub(r.total.revenue)} hint={t('money.revenueHint')} testId="money-revenue" onOpen={() => pay(t('money.drill.all'), {})} />
        <Figure label={t('money.income')} value={rub(r.total.income)} testId="money-income" onOpen={() => pay(t('money.drill.all'), { kind: 'payment' })} />
        <Figure label={t('money.refunds')} value={rub(r.total.refunds)} color={r.total.refunds ? 'red.7' : undefined} testId="money-refunds" onOpen={() => pay(t('money.drill.refunds'), { kind: 'refund' })} />
        <Figure label={t('money.billed')} value={rub(r.billedTotal.billed)} hint={t('money.billedHint')} testId="money-billed" onOpen={() => lines(t('money.billed'), {})} />
        <Figure label={t('money.paid')} value={rub(r.billedTotal.paid)} testId="money-paid" />
        <Figure label={t('money.debt')} value={rub(r.billedTotal.debt)} color={r.billedTotal.debt ? 'red.7' : undefined} testId="money-unpaid" />
      </Group>
      {r.total.count === 0 && r.billedTotal.billed === 0 && <Text c="dimmed">{t('money.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        <div style={{ gridColumn: 'span 2' }}>
          <Section title={t('money.byDay')} csv={moneyCsvUrl('days', period)} testId="money-days">
            <BarChart
              h={240}
              data={days}
              dataKey="date"
              series={[{ name: 'revenue', label: t('money.revenue'), color: 'teal.6' }]}
              valueFormatter={(v) => rub(Math.round(v * 100))}
              barProps={{ cursor: 'pointer', onClick: (d: { payload?: { iso?: string } }) => d.payload?.iso && pay(t('money.drill.day', { date: formatDate(d.payload.iso) }), { from: d.payload.iso, to: d.payload.iso }) }}
              tickLine="none"
              gridAxis="y"
              yAxisProps={{ width: 70, tickFormatter: (v: number) => t('money.thousands', { n: Math.round(v / 1000).toLocaleString('ru-RU') }) }}
            />
          </Section>
        </div>
        <Section title={t('money.byMethod')} csv={moneyCsvUrl('methods', period)} testId="money-methods">
          <Stack align="center" gap="sm">
            <DonutChart size={150} thickness={24} data={r.byMethod.filter((m) => m.revenue > 0).map((m) => ({ name: t(`money.methods.${m.method}`), value: m.revenue / 100, color: METHOD_COLOR[m.method]! }))} valueFormatter={(v) => rub(Math.round(v * 100))} />
            <Table w="100%">
              <Table.Tbody>
                {r.byMethod.map((m) => (
                  <Table.Tr key={m.method}>
                    <Table.Td>{t(`money.methods.${m.method}`)}</Table.Td>
                    <Table.Td ta="right">
                      <Cell testId={`money-method-${m.method}`} onOpen={() => pay(t('money.drill.method', { method: t(`money.methods.${m.method}`) }), { method: m.method })}>{rub(m.revenue)}</Cell>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Section>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Section title={t('money.byDoctor')} csv={moneyCsvUrl('doctors', period)} testId="money-doctors">
          <Table striped>
            <Table.Thead>
              <Table.Tr><Table.Th>{t('money.doctor')}</Table.Th><Table.Th ta="right">{t('money.billed')}</Table.Th><Table.Th ta="right">{t('money.paid')}</Table.Th><Table.Th ta="right">{t('money.debt')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.byDoctor.map((d) => (
                <Table.Tr key={d.doctorId ?? 'none'} data-testid="money-doctor-row">
                  <Table.Td>{d.doctorId ? d.name : t('money.noDoctor')}</Table.Td>
                  <Table.Td ta="right"><Cell onOpen={() => lines(t('money.drill.doctor', { name: d.doctorId ? d.name : t('money.noDoctor') }), { doctorId: d.doctorId ?? 'none' })}>{rub(d.billed)}</Cell></Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rub(d.paid)}</Table.Td>
                  <Table.Td ta="right" c={d.debt ? 'red.7' : undefined} style={{ whiteSpace: 'nowrap' }}>{rub(d.debt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
        <Section title={t('money.byService')} csv={moneyCsvUrl('services', period)} testId="money-services">
          <Table striped>
            <Table.Thead>
              <Table.Tr><Table.Th>{t('money.service')}</Table.Th><Table.Th ta="right">{t('money.quantity')}</Table.Th><Table.Th ta="right">{t('money.billed')}</Table.Th><Table.Th ta="right">{t('money.paid')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.byService.slice(0, 15).map((s) => (
                <Table.Tr key={`${s.code}-${s.name}`}>
                  <Table.Td><Text size="sm">{s.name}</Text><Text size="xs" c="dimmed">{s.code}</Text></Table.Td>
                  <Table.Td ta="right">{s.quantity}</Table.Td>
                  <Table.Td ta="right"><Cell onOpen={() => lines(t('money.drill.service', { name: s.name }), { code: s.code })}>{rub(s.billed)}</Cell></Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rub(s.paid)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
