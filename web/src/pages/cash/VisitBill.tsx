import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, receiptUrl, useCreateBill, usePatientMoney, useVisitBill, type Bill, type PaymentT } from '../../api/cash';
import { useCan } from '../../components/session';
import { useLang } from '../../i18n';
import { BillEditor } from './BillEditor';
import { money } from './money';
import { PayForm } from './PayForm';

/** The visit's bill in the visit panel: make it, fill it, issue it, take the money. */
export function VisitBill({ appointmentId, patientId }: { appointmentId: string; patientId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { data: bill, isPending } = useVisitBill(appointmentId);
  const { data: pm } = usePatientMoney(patientId);
  const create = useCreateBill();
  if (isPending) return null;
  return (
    <Stack gap="xs" data-testid="visit-bill">
      <Group justify="space-between">
        <Text fw={600}>{bill ? t('cash.billNo', { n: bill.number }) : t('cash.bill')}</Text>
        {pm && pm.balance !== 0 && (
          <Badge color={pm.balance < 0 ? 'red' : 'teal'} variant="light" data-testid="visit-balance">
            {pm.balance < 0 ? t('cash.debt', { sum: money(-pm.balance) }) : t('cash.credit', { sum: money(pm.balance) })}
          </Badge>
        )}
      </Group>
      {!bill && (
        <Group>
          <Text size="sm" c="dimmed">{t('cash.noBill')}</Text>
          <Button size="xs" onClick={() => create.mutate(appointmentId)} loading={create.isPending} data-testid="bill-create">{t('cash.createBill')}</Button>
        </Group>
      )}
      {create.error && <Alert color="red" variant="light" p="xs">{errorText(create.error, lang)}</Alert>}
      {bill?.status === 'draft' && <BillEditor bill={bill} />}
      {bill?.status === 'issued' && <IssuedBill bill={bill} credit={pm?.credit ?? 0} canTake={can('cash.take')} />}
    </Stack>
  );
}

/** An issued bill: its lines, what is paid and owed, and the payment form for the cashier. */
export function IssuedBill({ bill, credit, canTake }: { bill: Bill; credit: number; canTake: boolean }) {
  const { t } = useTranslation();
  // The form starts afresh after each payment (its default is what is still owed); the last receipt stays offered here.
  const [last, setLast] = useState<PaymentT | null>(null);
  return (
    <Stack gap="xs">
      <Table fz="sm" verticalSpacing={2} horizontalSpacing={4} data-testid="bill-lines">
        <Table.Tbody>
          {bill.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.code} {l.name}{l.tooth ? ` · ${t('cash.tooth')} ${l.tooth}` : ''}{l.doctorName ? <Text span size="xs" c="dimmed" data-testid="bill-line-doctor"> · {l.doctorName}</Text> : null}{l.assistantName ? <Text span size="xs" c="dimmed" data-testid="bill-line-assistant"> · {t('cash.assistant')}: {l.assistantName}</Text> : null}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{l.quantity} × {money(l.unitPrice)}{l.discount ? <Text size="xs" c="dimmed">−{money(l.discount)} ({l.discountReason})</Text> : null}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(l.amount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="md">
        <Text size="sm" fw={600} data-testid="bill-total">{t('cash.billTotal', { sum: money(bill.total) })}</Text>
        <Text size="sm">{t('cash.paid')}: {money(bill.paid)}</Text>
        <Text size="sm" fw={600} c={bill.outstanding > 0 ? 'red.8' : 'teal.8'} data-testid="bill-outstanding">{t('cash.outstanding')}: {money(bill.outstanding)}</Text>
      </Group>
      {last && (
        <Anchor href={receiptUrl(last.id)} target="_blank" data-testid="receipt-link">
          {t('cash.printReceipt')} № {last.number}
        </Anchor>
      )}
      {canTake && bill.outstanding > 0 && <PayForm key={bill.outstanding} patientId={bill.patientId} billId={bill.id} owed={bill.outstanding} credit={credit} onDone={setLast} />}
    </Stack>
  );
}
