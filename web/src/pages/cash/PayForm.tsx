import { Alert, Anchor, Button, Group, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, receiptUrl, useTakePayment, type PaymentT } from '../../api/cash';
import { useLang } from '../../i18n';
import { money, MoneyInput, toKopecks } from './money';

type Props = {
  patientId: string;
  /** Null: an advance onto the balance (branchId needed). */
  billId: string | null;
  branchId?: string;
  /** What is owed on the bill: the default amount. */
  owed?: number;
  /** The patient's free credit: offers «from the balance» on a bill. */
  credit?: number;
  onDone?: (p: PaymentT) => void;
};

/** Takes a payment: cash, card, transfer, or from the patient's balance; then offers the receipt. */
export function PayForm({ patientId, billId, branchId, owed, credit = 0, onDone }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const take = useTakePayment();
  const [method, setMethod] = useState<'cash' | 'card' | 'transfer' | 'advance'>('cash');
  const [amount, setAmount] = useState(owed ? (owed / 100).toFixed(2).replace('.', ',') : '');
  const [payer, setPayer] = useState('');
  const [bad, setBad] = useState(false);
  const [done, setDone] = useState<PaymentT | null>(null);
  const methods = (['cash', 'card', 'transfer'] as const).map((m) => ({ value: m, label: t(`cash.method.${m}`) }));
  if (billId && credit > 0) methods.push({ value: 'advance' as 'cash', label: t('cash.payFromBalance', { sum: money(credit) }) });

  const submit = () => {
    const k = toKopecks(amount);
    setBad(k === null || k <= 0);
    if (k === null || k <= 0) return;
    // mutateAsync: the refetch after a payment remounts this form (a new default amount), and a
    // per-call onSuccess of an unmounted form never runs; the promise still resolves for the parent.
    take.mutateAsync({ patientId, billId, ...(branchId && { branchId }), method, amount: k, payerName: payer.trim() || null })
      .then((p) => { onDone?.(p); setDone(p); }, () => undefined);
  };

  return (
    <Stack gap="xs" data-testid="pay-form">
      <SegmentedControl size="xs" value={method} onChange={(v) => setMethod(v as typeof method)} data={methods} data-testid="pay-method" />
      <Group align="flex-end" gap="xs">
        <MoneyInput label={t('cash.amount')} value={amount} onChange={setAmount} w={140} error={bad ? t('cash.badAmount') : undefined} data-testid="pay-amount" />
        <TextInput label={t('cash.payerName')} value={payer} onChange={(e) => setPayer(e.currentTarget.value)} style={{ flex: 1 }} maxLength={100} />
      </Group>
      {take.error && <Alert color="red" variant="light" p="xs" data-testid="pay-error">{errorText(take.error, lang)}</Alert>}
      <Group justify="space-between">
        <Button onClick={submit} loading={take.isPending} data-testid="pay-submit">{billId ? t('cash.pay') : t('cash.advance')}</Button>
        {done && !onDone && (
          <Anchor href={receiptUrl(done.id)} target="_blank" data-testid="receipt-link">
            {t('cash.printReceipt')} № {done.number}
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}
