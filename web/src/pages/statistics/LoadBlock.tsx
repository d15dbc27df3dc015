import { BarChart } from '@mantine/charts';
import { Group, Progress, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatsSummaryT } from '../../api/statistics';
import { hoursOf } from '../../lib/csv';
import { Block, Cell, csvOf, Figure, type Open } from './parts';

type Row = { id: string; name: string; bookedMinutes: number; workMinutes: number; idleMinutes: number; percent: number };
const pct = (n: number) => `${String(n).replace('.', ',')} %`;

function LoadTable({ rows, what, open, testId }: { rows: Row[]; what: 'doctor' | 'chair'; open: (r: Row) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t(`stats.load.${what}`)}</Table.Th>
          <Table.Th ta="right">{t('stats.load.booked')}</Table.Th>
          <Table.Th ta="right">{t('stats.load.work')}</Table.Th>
          <Table.Th ta="right">{t('stats.load.idle')}</Table.Th>
          <Table.Th w={200}>{t('stats.load.percent')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td ta="right"><Cell testId={`${testId}-open`} onOpen={() => open(r)}>{hoursOf(r.bookedMinutes)}</Cell></Table.Td>
            <Table.Td ta="right">{hoursOf(r.workMinutes)}</Table.Td>
            <Table.Td ta="right">{hoursOf(r.idleMinutes)}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Progress value={Math.min(100, r.percent)} color={r.percent < 50 ? 'orange' : 'teal'} w={110} />
                <Text size="sm">{pct(r.percent)}</Text>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Chair load and idle time per doctor and per chair: booked against working minutes. */
export function LoadBlock({ s, open, branchName }: { s: StatsSummaryT; open: Open; branchName: (id: string) => string }) {
  const { t } = useTranslation();
  const doctors: Row[] = s.doctors.map((d) => ({ ...d, id: d.doctorId }));
  // Each branch has its «Кресло 1»: over the whole clinic the branch is named too.
  const chairs: Row[] = s.chairs.map((c) => ({ ...c, id: c.chairId, name: s.branchId ? c.name : `${c.name} · ${branchName(c.branchId)}` }));
  const header = (what: 'doctor' | 'chair') => [t(`stats.load.${what}`), t('stats.load.booked'), t('stats.load.work'), t('stats.load.idle'), t('stats.load.percent')];
  const rows = (rs: Row[]) => rs.map((r) => [r.name, hoursOf(r.bookedMinutes), hoursOf(r.workMinutes), hoursOf(r.idleMinutes), pct(r.percent)]);
  return (
    <>
      <Block title={`${t('stats.load.title')}: ${t('stats.load.byDoctor').toLowerCase()}`} testId="stats-load" csv={csvOf('load-doctors', s, header('doctor'), rows(doctors))}>
        <Group align="flex-start" gap="xl" mb="sm">
          <Figure label={t('stats.load.total')} value={pct(s.total.percent)} testId="stats-load-total" hint={`${hoursOf(s.total.bookedMinutes)} / ${hoursOf(s.total.workMinutes)} ${t('stats.hours', { h: '' }).trim()}`} />
          <Figure label={t('stats.load.idle')} value={hoursOf(s.total.idleMinutes)} testId="stats-idle-total" />
        </Group>
        <Text size="xs" c="dimmed" mb="sm">{t('stats.load.hint')}</Text>
        {doctors.length === 0 ? (
          <Text c="dimmed">{t('stats.load.none')}</Text>
        ) : (
          <>
            <BarChart
              h={Math.max(120, doctors.length * 34)}
              data={doctors.map((d) => ({ name: d.name, percent: d.percent }))}
              dataKey="name"
              orientation="vertical"
              yAxisProps={{ width: 200 }}
              valueFormatter={(v) => `${String(v).replace('.', ',')} %`}
              xAxisProps={{ domain: [0, 100] }}
              series={[{ name: 'percent', label: t('stats.load.percent'), color: 'teal.6' }]}
              mb="md"
            />
            <LoadTable rows={doctors} what="doctor" testId="stats-load-doctors" open={(r) => open({ list: 'visits', title: t('stats.drill.held', { label: r.name }), filter: { status: 'held', doctorId: r.id } })} />
          </>
        )}
      </Block>
      <Block title={`${t('stats.load.title')}: ${t('stats.load.byChair').toLowerCase()}`} testId="stats-chairs" csv={csvOf('load-chairs', s, header('chair'), rows(chairs))}>
        <LoadTable rows={chairs} what="chair" testId="stats-load-chairs" open={(r) => open({ list: 'visits', title: t('stats.drill.held', { label: r.name }), filter: { status: 'held', chairId: r.id } })} />
      </Block>
    </>
  );
}
