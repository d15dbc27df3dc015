import { DonutChart } from '@mantine/charts';
import { Group, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatsSummaryT } from '../../api/statistics';
import { formatDate } from '../../lib/format';
import { rub } from '../../lib/csv';
import { Block, Cell, csvOf, Figure, type Open } from './parts';

const PALETTE = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'cyan.6', 'pink.6', 'lime.7', 'indigo.6', 'yellow.7', 'red.6'];
const pct = (n: number) => `${String(n).replace('.', ',')} %`;

/** New patients of the period by information source. */
export function SourcesBlock({ s, open }: { s: StatsSummaryT; open: Open }) {
  const { t } = useTranslation();
  const name = (n: string | null) => n ?? t('stats.sources.none');
  const drill = (x: StatsSummaryT['sources'][number]) =>
    open({ list: 'patients', title: t('stats.drill.source', { label: name(x.name) }), filter: x.sourceId ? { sourceId: x.sourceId } : { noSource: 'true' } });
  return (
    <Block title={t('stats.sources.title')} testId="stats-sources" csv={csvOf('sources', s, [t('stats.sources.source'), t('stats.sources.count')], s.sources.map((x) => [name(x.name), x.count]))}>
      <Text size="xs" c="dimmed" mb="sm">{t('stats.sources.clinicWide')}</Text>
      {s.sources.length === 0 ? (
        <Text c="dimmed">{t('stats.sources.empty')}</Text>
      ) : (
        <Group align="flex-start" gap="xl" wrap="wrap">
          <DonutChart
            size={170}
            thickness={26}
            chartLabel={s.newPatients}
            data={s.sources.map((x, i) => ({ name: name(x.name), value: x.count, color: PALETTE[i % PALETTE.length] }))}
            pieProps={{ cursor: 'pointer', onClick: (_d: unknown, i: number) => drill(s.sources[i]) }}
          />
          <Table striped style={{ flex: 1, minWidth: 260 }} data-testid="stats-sources-table">
            <Table.Tbody>
              {s.sources.map((x, i) => (
                <Table.Tr key={x.sourceId ?? 'none'}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <span style={{ width: 10, height: 10, borderRadius: 5, background: `var(--mantine-color-${PALETTE[i % PALETTE.length].replace('.', '-')})` }} />
                      {name(x.name)}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right"><Cell testId="stats-source-open" onOpen={() => drill(x)}>{x.count}</Cell></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Group>
      )}
    </Block>
  );
}

/** Confirmation before the day and recall progress. */
export function ProgressBlock({ s, open }: { s: StatsSummaryT; open: Open }) {
  const { t } = useTranslation();
  const c = s.confirmation;
  const r = s.recall;
  const csv = csvOf('progress', s, ['', t('stats.progress.recallDue'), t('stats.sources.count'), '%'], [
    [t('stats.progress.confirmed'), c.due, c.confirmed, pct(c.percent)],
    [t('stats.progress.recall'), r.due, r.booked, pct(r.percent)],
  ]);
  return (
    <Block title={t('stats.progress.title')} testId="stats-progress" csv={csv}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        <Stack gap={6}>
          <Figure
            label={t('stats.progress.confirmed')}
            value={pct(c.percent)}
            hint={`${t('stats.progress.confirmedOf', { confirmed: c.confirmed, due: c.due })} — ${t('stats.progress.confirmHint')}`}
            testId="stats-confirmed"
            onOpen={() => open({ list: 'visits', title: t('stats.drill.confirmed'), filter: { confirmation: 'confirmed' } })}
          />
          <Progress value={c.percent} color="blue" />
          <Cell testId="stats-unconfirmed" onOpen={() => open({ list: 'visits', title: t('stats.drill.unconfirmed'), filter: { confirmation: 'unconfirmed' } })}>
            {t('stats.progress.unconfirmed')}: {c.due - c.confirmed}
          </Cell>
        </Stack>
        <Stack gap={6}>
          <Figure
            label={t('stats.progress.recall')}
            value={pct(r.percent)}
            hint={`${t('stats.progress.recallOf', { booked: r.booked, due: r.due })} — ${t('stats.progress.recallHint', { date: formatDate(r.asOf) })}`}
            testId="stats-recall"
            onOpen={() => open({ list: 'patients', title: t('stats.drill.recall', { label: t('stats.progress.recall') }), filter: { recall: 'booked' } })}
          />
          <Progress value={r.percent} color="teal" />
          <Group gap="lg">
            <Cell testId="stats-recall-due" onOpen={() => open({ list: 'patients', title: t('stats.drill.recall', { label: t('stats.progress.recallDue') }), filter: { recall: 'due' } })}>
              {t('stats.progress.recallDue')}: {r.due}
            </Cell>
            <Cell testId="stats-recall-not" onOpen={() => open({ list: 'patients', title: t('stats.drill.recall', { label: t('stats.progress.recallNotBooked') }), filter: { recall: 'not_booked' } })}>
              {t('stats.progress.recallNotBooked')}: {r.due - r.booked}
            </Cell>
          </Group>
        </Stack>
      </SimpleGrid>
    </Block>
  );
}

/** Money of the period: taken in by method, refunds, net; billed per doctor. */
export function RevenueBlock({ s, open }: { s: StatsSummaryT; open: Open }) {
  const { t } = useTranslation();
  const rv = s.revenue;
  if (!rv) return null;
  const method = (m: string) => t(`stats.revenue.methods.${m}`);
  const csv = csvOf('revenue', s, [t('stats.revenue.method'), t('stats.revenue.received'), t('stats.revenue.refunded')], [
    ...rv.byMethod.map((m) => [method(m.method), rub(m.received), rub(m.refunded)]),
    ...rv.byDoctor.map((d) => [`${t('stats.revenue.billed')}: ${d.name ?? t('stats.revenue.noDoctor')}`, rub(d.billed), '']),
  ]);
  return (
    <Block title={t('stats.revenue.title')} testId="stats-revenue" csv={csv}>
      <Group gap="xl" mb="md" align="flex-start">
        <Figure label={t('stats.revenue.net')} value={rub(rv.net)} testId="stats-revenue-net" color="teal.8" onOpen={() => open({ list: 'payments', title: t('stats.revenue.title'), filter: {} })} />
        <Figure label={t('stats.revenue.received')} value={rub(rv.received)} testId="stats-revenue-received" />
        <Figure label={t('stats.revenue.refunded')} value={rub(rv.refunded)} testId="stats-revenue-refunded" />
        {rv.fromAdvance > 0 && <Figure label={t('stats.revenue.fromAdvance')} value={rub(rv.fromAdvance)} hint={t('stats.revenue.advanceHint')} testId="stats-revenue-advance" />}
      </Group>
      {rv.byMethod.length === 0 ? (
        <Text c="dimmed">{t('stats.revenue.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Table striped data-testid="stats-revenue-methods">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stats.revenue.method')}</Table.Th>
                <Table.Th ta="right">{t('stats.revenue.received')}</Table.Th>
                <Table.Th ta="right">{t('stats.revenue.refunded')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rv.byMethod.map((m) => (
                <Table.Tr key={m.method}>
                  <Table.Td>{method(m.method)}</Table.Td>
                  <Table.Td ta="right"><Cell onOpen={() => open({ list: 'payments', title: t('stats.drill.method', { label: method(m.method) }), filter: { method: m.method } })}>{rub(m.received)}</Cell></Table.Td>
                  <Table.Td ta="right">{rub(m.refunded)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Table striped data-testid="stats-revenue-doctors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stats.revenue.byDoctor')}</Table.Th>
                <Table.Th ta="right">{t('stats.revenue.billed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rv.byDoctor.map((d) => (
                <Table.Tr key={d.doctorId ?? 'none'}>
                  <Table.Td>{d.name ?? t('stats.revenue.noDoctor')}</Table.Td>
                  <Table.Td ta="right">{rub(d.billed)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      )}
    </Block>
  );
}
