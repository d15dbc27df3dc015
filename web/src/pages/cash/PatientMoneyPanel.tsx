import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, receiptUrl, usePatientMoney, useRefund, type PaymentT } from '../../api/cash';
import { useBranches } from '../../api/clinic';
import { useCan, useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { formatDate, formatInstant } from '../../lib/format';
import { money, MoneyInput, toKopecks } from './money';
import { PayForm } from './PayForm';

/** The balance as a badge: debt in red, credit in green (the card's header, the visit panel). */
export function BalanceBadge({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { data } = usePatientMoney(patientId);
  if (!data) return null;
  const b = data.balance;
  return (
    <Badge size="lg" variant="light" color={b < 0 ? 'red' : b > 0 ? 'teal' : 'gray'} data-testid="patient-balance">
      {b < 0 ? t('cash.debt', { sum: money(-b) }) : b > 0 ? t('cash.credit', { sum: money(b) }) : t('cash.settled')}
    </Badge>
  );
}

/** «Оплаты» on the patient card: bills, payments with receipts and refunds, the balance, an advance. */
export function PatientMoneyPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const tz = useClinicTimeZone();
  const { data } = usePatientMoney(patientId);
  const { data: branches } = useBranches();
  const [advance, setAdvance] = useState(false);
  const branchId = branches?.items.find((b) => b.isActive)?.id;
  if (!data) return null;
  return (
    <Paper withBorder p="md" data-testid="patient-money">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm"><Title order={4}>{t('cash.payments')}</Title><BalanceBadge patientId={patientId} /></Group>
          {can('cash.take') && branchId && <Button size="xs" variant="light" onClick={() => setAdvance((v) => !v)} data-testid="advance-open">{t('cash.advance')}</Button>}
        </Group>
        {advance && branchId && <PayForm patientId={patientId} billId={null} branchId={branchId} />}
        <Text fw={600} size="sm">{t('cash.bills')}</Text>
        {data.bills.length === 0 ? <Text size="sm" c="dimmed">{t('cash.noBills')}</Text> : (
          <Table fz="sm" verticalSpacing={2} data-testid="patient-bills">
            <Table.Tbody>
              {data.bills.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{t('cash.billNo', { n: b.number })}{b.visitDate ? ` · ${formatDate(b.visitDate)}` : ''}</Table.Td>
                  <Table.Td><Badge size="sm" variant="light" color={b.status === 'issued' ? 'blue' : 'gray'}>{t(`cash.status.${b.status}`)}</Badge></Table.Td>
                  <Table.Td ta="right">{money(b.total)}</Table.Td>
                  <Table.Td ta="right">{t('cash.paid')}: {money(b.paid)}</Table.Td>
                  <Table.Td ta="right" c={b.outstanding > 0 ? 'red.8' : undefined}>{b.outstanding > 0 ? `${t('cash.outstanding')}: ${money(b.outstanding)}` : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text fw={600} size="sm">{t('cash.history')}</Text>
        {data.payments.length === 0 ? <Text size="sm" c="dimmed">{t('cash.noHistory')}</Text> : (
          <Table fz="sm" verticalSpacing={2} data-testid="patient-payments">
            <Table.Tbody>
              {data.payments.map((p) => <PaymentRow key={p.id} p={p} tz={tz} canRefund={can('cash.refund')} canPrint={can('cash.take')} />)}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

function PaymentRow({ p, tz, canRefund, canPrint }: { p: PaymentT; tz: string; canRefund: boolean; canPrint: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const refund = useRefund();
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  return (
    <>
      <Table.Tr>
        <Table.Td>№ {p.number} · {formatInstant(p.createdAt, tz)}</Table.Td>
        <Table.Td>{t(`cash.kind.${p.kind}`)} · {t(`cash.method.${p.method}`)}{p.billNumber ? ` · ${t('cash.billNo', { n: p.billNumber })}` : ''}</Table.Td>
        <Table.Td ta="right" c={p.kind === 'refund' ? 'red.8' : undefined}>{p.kind === 'refund' ? '−' : ''}{money(p.amount)}</Table.Td>
        <Table.Td ta="right">
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            {canPrint && <Anchor href={receiptUrl(p.id)} target="_blank" size="sm">{t('cash.receipt')}</Anchor>}
            {canRefund && p.refundable > 0 && <Anchor component="button" size="sm" c="red" onClick={() => setOpen((v) => !v)}>{t('cash.refund')}</Anchor>}
          </Group>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <Group align="flex-end" gap="xs">
              <MoneyInput size="xs" label={t('cash.amount')} value={amount} onChange={setAmount} w={120} placeholder={money(p.refundable)} />
              <TextInput size="xs" label={t('cash.refundReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: 1 }} maxLength={200} />
              <Button size="xs" color="red" loading={refund.isPending} onClick={() => refund.mutate({ paymentId: p.id, amount: toKopecks(amount) ?? 0, reason }, { onSuccess: () => setOpen(false) })}>{t('cash.refund')}</Button>
            </Group>
            {refund.error && <Alert color="red" variant="light" p="xs" mt={4}>{errorText(refund.error, lang)}</Alert>}
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
