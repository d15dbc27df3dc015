import { BarChart } from '@mantine/charts';
import { Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATUS_LABELS, type Status } from '../../../../src/domain/schedule/status.js';
import type { StatsSummaryT } from '../../api/statistics';
import { useLang } from '../../i18n';
import { Block, Cell, csvOf, Figure, type Open } from './parts';

const STATUS_COLOR: Record<Status, string> = {
  booked: 'gray.5', confirmed: 'blue.5', arrived: 'cyan.5', in_chair: 'indigo.5', done: 'teal.6', no_show: 'red.6', cancelled: 'orange.5',
};

/** Visits by status, the no-show rate and cancellations with their reasons. */
export function VisitsBlock({ s, open }: { s: StatsSummaryT; open: Open }) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = (st: Status) => STATUS_LABELS[st][lang];
  const reason = (r: string | null) => (r ? t(`schedule.cancelReason.${r}`) : t('stats.visits.reasonNone'));
  const data = s.visits.byStatus.map((x) => ({ status: label(x.status), key: x.status, count: x.count, color: STATUS_COLOR[x.status] }));
  const csv = csvOf('visits', s, [t('stats.list.status'), t('stats.sources.count')], [
    ...s.visits.byStatus.map((x) => [label(x.status), x.count]),
    ...s.visits.cancelReasons.map((r) => [`${t('stats.visits.cancelled')}: ${reason(r.reason)}`, r.count]),
  ]);
  return (
    <Block title={t('stats.visits.title')} testId="stats-visits" csv={csv}>
      <Group align="flex-start" gap="xl" mb="md">
        <Figure label={t('stats.visits.total')} value={s.visits.total} testId="stats-total" onOpen={() => open({ list: 'visits', title: t('stats.drill.all'), filter: {} })} />
        <Figure
          label={t('stats.visits.noShowRate')}
          value={`${String(s.visits.noShowRate).replace('.', ',')} %`}
          hint={t('stats.visits.noShowHint')}
          color="red.7"
          testId="stats-noshow"
          onOpen={() => open({ list: 'visits', title: t('stats.drill.status', { label: label('no_show') }), filter: { status: 'no_show' } })}
        />
        <Figure
          label={t('stats.visits.cancelled')}
          value={s.visits.cancelled}
          testId="stats-cancelled"
          onOpen={() => open({ list: 'visits', title: t('stats.drill.status', { label: label('cancelled') }), filter: { status: 'cancelled' } })}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <BarChart
          h={230}
          data={data}
          dataKey="status"
          orientation="vertical"
          yAxisProps={{ width: 150 }}
          series={[{ name: 'count', label: t('stats.sources.count'), color: 'blue.6' }]}
          barProps={{ cursor: 'pointer', onClick: (d: { payload?: { key?: Status } }) => d.payload?.key && open({ list: 'visits', title: t('stats.drill.status', { label: label(d.payload.key) }), filter: { status: d.payload.key } }) }}
          tickLine="none"
        />
        <Stack gap="xs">
          <Text fw={600} size="sm">{t('stats.visits.byStatus')}</Text>
          <Table striped data-testid="stats-reasons">
            <Table.Tbody>
              {s.visits.byStatus.filter((x) => x.count > 0).map((x) => (
                <Table.Tr key={x.status}>
                  <Table.Td>{label(x.status)}</Table.Td>
                  <Table.Td ta="right">
                    <Cell testId={`stats-status-${x.status}`} onOpen={() => open({ list: 'visits', title: t('stats.drill.status', { label: label(x.status) }), filter: { status: x.status } })}>{x.count}</Cell>
                  </Table.Td>
                </Table.Tr>
              ))}
              {s.visits.cancelReasons.map((r) => (
                <Table.Tr key={r.reason ?? 'none'}>
                  <Table.Td pl="lg">{reason(r.reason)}</Table.Td>
                  <Table.Td ta="right">
                    {r.reason ? (
                      <Cell testId={`stats-reason-${r.reason}`} onOpen={() => open({ list: 'visits', title: t('stats.drill.reason', { label: reason(r.reason) }), filter: { status: 'cancelled', cancelReason: r.reason! } })}>{r.count}</Cell>
                    ) : (
                      r.count
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </SimpleGrid>
    </Block>
  );
}
