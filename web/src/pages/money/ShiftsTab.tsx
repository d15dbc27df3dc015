import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { moneyCsvUrl, useShiftReports, type Drill, type Period } from '../../api/money';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { shortFromFull } from '../../../../src/domain/names.js';
import { formatInstant } from '../../lib/format';
import { Cell, Figure, rub, Section } from './moneyParts';

/** Each shift: who, when, float, expected, counted, the discrepancy; per method and administrator. */
export function ShiftsTab({ period, open }: { period: Period; open: (d: Drill) => void }) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const q = useShiftReports(period);
  if (!q.data) return <QueryState isPending={q.isPending} error={q.error} />;
  const d = q.data;
  return (
    <Section title={t('money.tabs.shifts')} csv={moneyCsvUrl('shifts', period)} testId="money-shifts">
      <Group gap="xl" mb="md">
        <Figure label={t('money.discrepancyTotal')} value={rub(d.discrepancyTotal)} color={d.discrepancyTotal ? 'red.7' : undefined} testId="money-discrepancy" />
      </Group>
      {d.items.length === 0 ? (
        <Text c="dimmed">{t('money.noShifts')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
        <Table striped verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('money.shift')}</Table.Th>
              <Table.Th>{t('money.opened')} / {t('money.closed')}</Table.Th>
              <Table.Th ta="right">{t('money.float')}</Table.Th>
              <Table.Th ta="right">{t('money.income')}</Table.Th>
              <Table.Th ta="right">{t('money.expected')}</Table.Th>
              <Table.Th ta="right">{t('money.counted')}</Table.Th>
              <Table.Th ta="right">{t('money.discrepancy')}</Table.Th>
              <Table.Th>{t('money.byAdmin')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.items.map((s) => (
              <Fragment key={s.id}>
                <Table.Tr data-testid="shift-row">
                  <Table.Td>
                    <Text fw={600}>№ {s.number}</Text>
                    <Text size="xs" c="dimmed">{s.branchName}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatInstant(s.openedAt, tz)} · {shortFromFull(s.openedBy)}</Text>
                    {s.closedAt ? <Text size="sm">{formatInstant(s.closedAt, tz)} · {shortFromFull(s.closedBy ?? '')}</Text> : <Badge color="green" variant="light">{t('money.openNow')}</Badge>}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rub(s.openingFloat)}</Table.Td>
                  <Table.Td ta="right"><Cell onOpen={() => open({ list: 'payments', title: t('money.drill.shift', { n: s.number }), filter: { shiftId: s.id } })}>{rub(s.income - s.refunds)}</Cell></Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rub(s.expectedCash)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{s.countedCash === null ? '—' : rub(s.countedCash)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {s.discrepancy === null ? '—' : <Text c={s.discrepancy ? 'red.7' : 'teal.7'} fw={s.discrepancy ? 700 : undefined} span data-testid={s.discrepancy ? 'shift-discrepancy' : undefined}>{rub(s.discrepancy)}</Text>}
                    {s.note && <Text size="xs" c="dimmed" maw={220} ml="auto">{s.note}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {s.byAdministrator.map((a) => (
                        <Text size="xs" key={`${a.userId}-${a.method}`} style={{ whiteSpace: 'nowrap' }}>{shortFromFull(a.name)}: {t(`money.methods.${a.method}`).toLowerCase()} {rub(a.net)}</Text>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
