import { Badge, Button, Checkbox, Collapse, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ruMonth } from '../../../../src/domain/insurance.js';
import { parseRubles } from '../../../../src/domain/prices.js';
import { downloadFile, useInsurers, usePayRegister, useRegister, useRegisterDraft, useRegisters, useSendRegister, type RegisterDetailT } from '../../api/insurance';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { dateOf, todayIn } from '../../lib/format';
import { notifyError, notifySaved } from '../../lib/notify';
import { rub, ruDay } from './money';

function monthsBack(today: string, n: number): string[] {
  const [y, m] = today.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/** The monthly registers per insurer: the draft of a month, sending it (fixed), the sent ones with their files and the insurer's payment. */
export function RegistersTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const today = todayIn(tz);
  const months = monthsBack(today, 13);
  const insurers = useInsurers().data?.items ?? [];
  const [insurerId, setInsurerId] = useState<string | null>(null);
  const [month, setMonth] = useState<string | null>(months[1]);
  const [confirm, setConfirm] = useState(false);
  const [paying, setPaying] = useState<PayTarget | null>(null);
  const draft = useRegisterDraft(insurerId, month);
  const list = useRegisters();
  const send = useSendRegister();
  const c = draft.data?.content;
  const insurerName = insurers.find((i) => i.id === insurerId)?.name ?? '';
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">{t('ins.registers.hint')}</Text>
      <Group gap="sm" align="flex-end">
        <Select label={t('ins.registers.insurer')} value={insurerId} onChange={setInsurerId} data={insurers.map((i) => ({ value: i.id, label: i.name }))} w={240} data-testid="ins-reg-insurer" />
        <Select label={t('ins.registers.month')} value={month} onChange={setMonth} data={months.map((m) => ({ value: m, label: ruMonth(m) }))} w={180} allowDeselect={false} data-testid="ins-reg-month" />
      </Group>
      {insurerId && <QueryState isPending={draft.isPending} error={draft.error} />}
      {c && (
        <Stack gap={4} data-testid="ins-reg-draft">
          <Title order={5}>{t('ins.registers.draft')}</Title>
          {c.bills.length === 0 ? <Text c="dimmed">{t('ins.registers.draftEmpty')}</Text> : (
            <>
              <Text>{t('ins.registers.draftSummary', { bills: c.bills.length, services: c.servicesCount, sum: rub(c.total) })}</Text>
              <Table fz="sm" withTableBorder>
                <Table.Tbody>
                  {c.patients.map((p) => (
                    <Table.Tr key={`${p.cardNumber}-${p.policyNumber}`}>
                      <Table.Td>{p.patientName}</Table.Td><Table.Td>{p.policyNumber}</Table.Td><Table.Td>{p.bills}</Table.Td><Table.Td ta="right">{rub(p.amount)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Group><Button onClick={() => setConfirm(true)} data-testid="ins-reg-send">{t('ins.registers.send')}</Button></Group>
            </>
          )}
        </Stack>
      )}
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('ins.registers.send')}>
        <Stack>
          <Text>{t('ins.registers.confirmSend', { month: month ? ruMonth(month) : '', insurer: insurerName })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>{t('common.cancel')}</Button>
            <Button loading={send.isPending} data-testid="ins-reg-send-confirm" onClick={() => send.mutate({ insurerId: insurerId!, month: month! }, {
              onSuccess: (r) => { setConfirm(false); notifySaved(t('ins.registers.sent', { number: r.number })); },
              onError: (e) => { setConfirm(false); notifyError(e); },
            })}>{t('ins.registers.send')}</Button>
          </Group>
        </Stack>
      </Modal>
      <Title order={4}>{t('ins.registers.list')}</Title>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('ins.registers.none')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table striped fz="sm" data-testid="ins-reg-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ins.registers.number')}</Table.Th><Table.Th>{t('ins.registers.insurer')}</Table.Th><Table.Th>{t('ins.registers.month')}</Table.Th>
              <Table.Th>{t('ins.registers.sentAt')}</Table.Th><Table.Th>{t('ins.registers.bills')}</Table.Th><Table.Th ta="right">{t('ins.registers.total')}</Table.Th>
              <Table.Th>{t('ins.registers.status')}</Table.Th><Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.number}</Table.Td><Table.Td>{r.insurerName}</Table.Td><Table.Td>{ruMonth(r.month)}</Table.Td><Table.Td>{ruDay(dateOf(r.sentAt, tz))}</Table.Td>
                <Table.Td>{r.billsCount}</Table.Td><Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rub(r.total)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.status === 'paid' ? 'green' : 'blue'}>{r.status === 'paid' ? t('ins.registers.statusPaid', { date: ruDay(r.paidOn ?? '') }) : t('ins.registers.statusSent')}</Badge>
                  {r.status === 'paid' && r.paidAmount !== null && r.paidAmount < r.total && <Badge variant="light" color="red" ml={4} data-testid="ins-reg-refused">{t('ins.registers.statusRefused', { sum: rub(r.total - r.paidAmount) })}</Badge>}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="default" onClick={() => void downloadFile(`/insurance-registers/${r.id}/file`, { format: 'pdf' }, lang, 'reestr.pdf').catch(notifyError)}>{t('ins.registers.pdf')}</Button>
                    <Button size="compact-xs" variant="default" onClick={() => void downloadFile(`/insurance-registers/${r.id}/file`, { format: 'csv' }, lang, 'reestr.csv').catch(notifyError)}>{t('ins.registers.csv')}</Button>
                    {r.status === 'sent' && <Button size="compact-xs" onClick={() => setPaying(r)} data-testid={`ins-reg-pay-${r.number}`}>{t('ins.registers.pay')}</Button>}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {paying && <PayModal reg={paying} today={today} onClose={() => setPaying(null)} />}
    </Stack>
  );
}

type PayTarget = Pick<RegisterDetailT, 'id' | 'number' | 'total'>;

function PayModal({ reg, today, onClose }: { reg: PayTarget; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const pay = usePayRegister();
  const detail = useRegister(reg.id);
  const server = useFieldErrors(pay.error);
  const [amount, setAmount] = useState(rubText(reg.total));
  const [paidOn, setPaidOn] = useState<string | null>(today);
  const [ref, setRef] = useState('');
  // The bills the insurer's experts refused, with the reason from the insurer's act.
  const [refusing, setRefusing] = useState(false);
  const [refused, setRefused] = useState<Map<string, string>>(new Map());
  const bills = detail.data?.content.bills ?? [];
  const due = (m: Map<string, string>) => reg.total - bills.filter((b) => m.has(b.billId)).reduce((s, b) => s + b.amount, 0);
  const toggle = (billId: string, on: boolean) => {
    const next = new Map(refused);
    if (on) next.set(billId, ''); else next.delete(billId);
    setRefused(next);
    setAmount(rubText(due(next)));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const k = parseRubles(amount);
    const rejected = [...refused].map(([billId, reason]) => ({ billId, reason }));
    pay.mutate({ id: reg.id, amount: k ?? -1, paidOn: paidOn ?? today, paymentRef: ref.trim() || null, ...(rejected.length && { rejected }) }, { onSuccess: () => { notifySaved(); onClose(); } });
  };
  const ownFields = (f: string) => ['amount', 'paidOn', 'rejected'].includes(f) || f.startsWith('rejected.');
  return (
    <Modal opened onClose={onClose} title={t('ins.registers.payTitle', { number: reg.number })} size={refusing ? 'xl' : 'md'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('ins.registers.payAmount')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={server.field('amount')} data-testid="ins-pay-amount"
            description={refused.size ? t('ins.registers.payDue', { total: rub(reg.total), refused: rub(reg.total - due(refused)) }) : undefined} />
          <DateField label={t('ins.registers.payDate')} value={paidOn} onChange={setPaidOn} maxDate={today} clearable={false} error={server.field('paidOn')} />
          <TextInput label={t('ins.registers.payRef')} value={ref} onChange={(e) => setRef(e.currentTarget.value)} maxLength={100} />
          <Checkbox label={t('ins.registers.refusedToggle')} checked={refusing} onChange={(e) => { const on = e.currentTarget.checked; setRefusing(on); if (!on) { setRefused(new Map()); setAmount(rubText(reg.total)); } }} data-testid="ins-pay-refusing" />
          <Collapse expanded={refusing}>
            <QueryState isPending={detail.isPending} error={detail.error} />
            <Text size="xs" c="dimmed" mb={4}>{t('ins.registers.refusedHint')}</Text>
            <Table fz="sm" verticalSpacing={4} data-testid="ins-pay-bills">
              <Table.Tbody>
                {bills.map((b, i) => {
                  const on = refused.has(b.billId);
                  const n = [...refused.keys()].indexOf(b.billId);
                  return (
                    <Table.Tr key={b.billId} data-testid="ins-pay-bill">
                      <Table.Td w={32}><Checkbox checked={on} onChange={(e) => toggle(b.billId, e.currentTarget.checked)} aria-label={t('ins.registers.refuseBill', { number: b.billNumber })} data-testid={`ins-pay-refuse-${i}`} /></Table.Td>
                      <Table.Td>{ruDay(b.serviceDate)} · {b.patientName}<Text size="xs" c="dimmed">{t('ins.registers.billNo', { number: b.billNumber })} · {b.services.map((x) => x.code).join(', ')}</Text></Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rub(b.amount)}</Table.Td>
                      <Table.Td w="40%">
                        {on && <TextInput size="xs" value={refused.get(b.billId) ?? ''} placeholder={t('ins.registers.refuseReason')} maxLength={200} error={server.field(`rejected.${n}.reason`) ?? server.field(`rejected.${n}.billId`)}
                          onChange={(e) => { const v = e.currentTarget.value; setRefused((m) => new Map(m).set(b.billId, v)); }} data-testid={`ins-pay-reason-${i}`} />}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Collapse>
          <FormErrors messages={server.rest(ownFields)} />
          {server.field('rejected') && <Text size="sm" c="red">{server.field('rejected')}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={pay.isPending} data-testid="ins-pay-save">{t('ins.registers.paySave')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const rubText = (kopecks: number) => (kopecks / 100).toFixed(2).replace('.', ',');
