import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { moneyCsvUrl, useDebts, type Period } from '../../api/money';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { dateOf, displayPhone, formatDate } from '../../lib/format';
import { Figure, rub, Section } from './moneyParts';

/** Patients who owe, largest first, with what the desk needs to call them. */
export function DebtsTab({ period }: { period: Period }) {
  const tz = useClinicTimeZone();
  const { t } = useTranslation();
  const q = useDebts();
  if (!q.data) return <QueryState isPending={q.isPending} error={q.error} />;
  const d = q.data;
  return (
    <Section title={t('money.tabs.debts')} csv={moneyCsvUrl('debts', period)} testId="money-debts">
      <Group gap="xl" mb="md">
        <Figure label={t('money.debtsTotal')} value={rub(d.total)} color={d.total ? 'red.7' : undefined} testId="money-debts-total" />
        <Figure label={t('money.debtors')} value={String(d.items.length)} testId="money-debtors" />
      </Group>
      {d.items.length === 0 ? (
        <Text c="dimmed">{t('money.noDebts')}</Text>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('money.patient')}</Table.Th>
              <Table.Th>{t('money.phone')}</Table.Th>
              <Table.Th ta="right">{t('money.debt')}</Table.Th>
              <Table.Th>{t('money.oldestBill')}</Table.Th>
              <Table.Th>{t('money.lastVisit')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.items.map((x) => (
              <Table.Tr key={x.patientId} data-testid="debt-row">
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${x.patientId}`}>{x.name}</Anchor>
                  <Text size="xs" c="dimmed">{t('money.card')} № {x.cardNumber}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{x.phone ? <Anchor href={`tel:${x.phone}`}>{displayPhone(x.phone)}</Anchor> : '—'}</Table.Td>
                <Table.Td ta="right" c="red.7" fw={600} style={{ whiteSpace: 'nowrap' }}>{rub(x.debt)}</Table.Td>
                <Table.Td>{x.oldestBill ? t('money.billNo', { n: x.oldestBill.number, date: formatDate(dateOf(x.oldestBill.issuedAt, tz)), sum: rub(x.oldestBill.owed) }) : '—'}{x.unpaidBills > 1 ? <Text size="xs" c="dimmed">{t('money.unpaidBills')}: {x.unpaidBills}</Text> : null}</Table.Td>
                <Table.Td>{x.lastVisit ? formatDate(x.lastVisit) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
