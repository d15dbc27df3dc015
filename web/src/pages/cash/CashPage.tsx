import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, receiptUrl, shiftReportUrl, useCloseShift, useCurrentShift, useOpenShift, type ShiftT } from '../../api/cash';
import { useBranches } from '../../api/clinic';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { formatInstant, timeOf } from '../../lib/format';
import { money, MoneyInput, toKopecks } from './money';

/** «Касса»: open the branch's shift with the float, watch its report, close it with the count (DESK-4, seed 002 2.17). */
export function CashPage() {
  const { t } = useTranslation();
  const { data: branches } = useBranches();
  const active = (branches?.items ?? []).filter((b) => b.isActive);
  const [picked, setPicked] = useState<string | null>(null);
  const branchId = picked ?? active[0]?.id ?? null;
  const { data: shift, isPending } = useCurrentShift(branchId);
  return (
    <Stack gap="md" data-testid="cash-page">
      <Group justify="space-between">
        <Title order={2}>{t('cash.title')}</Title>
        {active.length > 1 && <Select w={260} label={t('cash.branch')} value={branchId} onChange={setPicked} data={active.map((b) => ({ value: b.id, label: b.name }))} allowDeselect={false} />}
      </Group>
      {branchId && !isPending && (shift ? <OpenShift shift={shift} /> : <OpenForm branchId={branchId} />)}
    </Stack>
  );
}

function OpenForm({ branchId }: { branchId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const open = useOpenShift();
  const [float, setFloat] = useState('');
  return (
    <Paper withBorder p="md" maw={520}>
      <Stack gap="sm">
        <Text>{t('cash.noShift')}</Text>
        <Group align="flex-end">
          <MoneyInput label={t('cash.openingFloat')} value={float} onChange={setFloat} w={200} data-testid="shift-float" />
          <Button onClick={() => open.mutate({ branchId, openingFloat: toKopecks(float) ?? -1 })} loading={open.isPending} data-testid="shift-open">{t('cash.open')}</Button>
        </Group>
        {open.error && <Alert color="red" variant="light" p="xs">{errorText(open.error, lang)}</Alert>}
      </Stack>
    </Paper>
  );
}

function OpenShift({ shift: s }: { shift: ShiftT }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const close = useCloseShift();
  const [counted, setCounted] = useState('');
  const [note, setNote] = useState('');
  const r = s.report;
  const countedK = toKopecks(counted);
  const diff = countedK === null ? null : countedK - r.expectedCash;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <div>
            <Title order={4} data-testid="shift-title">{t('cash.shift', { n: s.number })}</Title>
            <Text size="sm" c="dimmed">{t('cash.openedBy', { at: formatInstant(s.openedAt, tz), who: s.openedByName })}</Text>
          </div>
          <Anchor href={shiftReportUrl(s.id)} target="_blank" data-testid="shift-report-pdf">{t('cash.printReport')}</Anchor>
        </Group>
        <Table fz="sm" data-testid="shift-report">
          <Table.Thead>
            <Table.Tr><Table.Th>{t('cash.colMethod')}</Table.Th><Table.Th>{t('cash.colCashier')}</Table.Th><Table.Th ta="right">{t('cash.colIncome')}</Table.Th><Table.Th ta="right">{t('cash.colRefunds')}</Table.Th><Table.Th ta="right">{t('cash.colNet')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.rows.map((x) => (
              <Table.Tr key={`${x.method}-${x.createdBy}`}>
                <Table.Td>{t(`cash.method.${x.method}`)}</Table.Td><Table.Td>{x.cashierName}</Table.Td>
                <Table.Td ta="right">{money(x.income)}</Table.Td><Table.Td ta="right">{money(x.refunds)}</Table.Td><Table.Td ta="right">{money(x.net)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}><Table.Td>{t('cash.total')}</Table.Td><Table.Td /><Table.Td ta="right">{money(r.income)}</Table.Td><Table.Td ta="right">{money(r.refunds)}</Table.Td><Table.Td ta="right">{money(r.net)}</Table.Td></Table.Tr>
          </Table.Tbody>
        </Table>
        <Text mt="sm" size="sm">{t('cash.floatShort')}: {money(s.openingFloat)} · {t('cash.expected')}: <b data-testid="shift-expected">{money(r.expectedCash)}</b></Text>
      </Paper>
      <Paper withBorder p="md" maw={620}>
        <Stack gap="xs">
          <Group align="flex-end">
            <MoneyInput label={t('cash.counted')} value={counted} onChange={setCounted} w={200} data-testid="shift-counted" />
            {diff !== null && <Text size="sm" c={diff === 0 ? 'teal.8' : 'red.8'} fw={600}>{diff === 0 ? t('cash.noDiscrepancy') : t('cash.discrepancy', { sum: money(diff) })}</Text>}
          </Group>
          {diff !== null && diff !== 0 && <TextInput label={t('cash.closeNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={200} data-testid="shift-note" />}
          <Group>
            <Button color="dark" onClick={() => close.mutate({ id: s.id, countedCash: countedK ?? -1, note: note.trim() || null })} loading={close.isPending} data-testid="shift-close">{t('cash.close')}</Button>
          </Group>
          {close.error && <Alert color="red" variant="light" p="xs" data-testid="shift-close-error">{errorText(close.error, lang)}</Alert>}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={5} mb="xs">{t('cash.shiftPayments')}</Title>
        {s.payments.length === 0 ? <Text size="sm" c="dimmed">{t('cash.noPayments')}</Text> : (
          <Table fz="sm" data-testid="shift-payments">
            <Table.Thead><Table.Tr><Table.Th>{t('cash.colNo')}</Table.Th><Table.Th>{t('cash.colTime')}</Table.Th><Table.Th>{t('cash.colPatient')}</Table.Th><Table.Th>{t('cash.colMethod')}</Table.Th><Table.Th ta="right">{t('cash.colSum')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {[...s.payments].reverse().map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.number}</Table.Td><Table.Td>{timeOf(p.createdAt, tz)}</Table.Td><Table.Td>{p.patientName}</Table.Td>
                  <Table.Td>{t(`cash.kind.${p.kind}`)} · {t(`cash.method.${p.method}`)}</Table.Td>
                  <Table.Td ta="right" c={p.kind === 'refund' ? 'red.8' : undefined}>{p.kind === 'refund' ? '−' : ''}{money(p.amount)}</Table.Td>
                  <Table.Td><Anchor href={receiptUrl(p.id)} target="_blank" size="sm">{t('cash.receipt')}</Anchor></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
