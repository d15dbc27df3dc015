import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadFile, useInsurers, useJournal, type JournalStatusT } from '../../api/insurance';
import { DateField } from '../../components/DateField';
import { QueryState } from '../../components/QueryState';
import { useLang } from '../../i18n';
import { notifyError } from '../../lib/notify';
import { rub, ruDay } from './money';

export const STATUS_COLOR: Record<JournalStatusT, string> = { billed: 'yellow', in_register: 'blue', paid: 'green', rejected: 'red' };

/** The insurance patients' journal (seed 002, 2.13): per visit billed to an insurer, with filters and CSV. */
export function JournalTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [insurerId, setInsurerId] = useState<string | null>(null);
  const [status, setStatus] = useState<JournalStatusT | null>(null);
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(100);
  const insurers = useInsurers().data?.items ?? [];
  const filter = { ...(from && { from }), ...(to && { to }), ...(insurerId && { insurerId }), ...(status && { status }), ...(q.trim() && { q: q.trim() }) };
  const list = useJournal({ ...filter, limit });
  const d = list.data;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t('ins.journal.hint')}</Text>
      <Group gap="sm" align="flex-end">
        <DateField label={t('ins.journal.from')} value={from ?? d?.from ?? null} onChange={setFrom} w={140} clearable={false} data-testid="ins-journal-from" />
        <DateField label={t('ins.journal.to')} value={to ?? d?.to ?? null} onChange={setTo} w={140} clearable={false} data-testid="ins-journal-to" />
        <Select label={t('ins.journal.insurer')} placeholder={t('ins.journal.allInsurers')} clearable value={insurerId} onChange={setInsurerId} data={insurers.map((i) => ({ value: i.id, label: i.name }))} w={220} data-testid="ins-journal-insurer" />
        <Select label={t('ins.journal.status')} placeholder={t('ins.journal.allStatuses')} clearable value={status} onChange={(v) => setStatus(v as JournalStatusT | null)}
          data={(['billed', 'in_register', 'paid', 'rejected'] as const).map((s) => ({ value: s, label: t(`ins.status.${s}`) }))} w={200} />
        <TextInput label={t('ins.journal.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={220} data-testid="ins-journal-q" />
        <Button variant="default" onClick={() => void downloadFile('/insurance-journal.csv', { ...filter, from: from ?? d?.from, to: to ?? d?.to }, lang, 'zhurnal-dms.csv').catch(notifyError)} data-testid="ins-journal-csv">
          {t('ins.journal.csv')}
        </Button>
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {d && <Text fw={500} data-testid="ins-journal-total">{t('ins.journal.total', { count: d.total, sum: rub(d.sum) })}</Text>}
      {d && d.items.length === 0 && <Text c="dimmed">{t('ins.journal.empty')}</Text>}
      {d && d.items.length > 0 && (
        <Table striped highlightOnHover data-testid="ins-journal-table" fz="sm">
          <Table.Thead>
            <Table.Tr>
              {(['date', 'patient', 'card', 'insurer', 'policy', 'letter', 'doctor', 'services', 'sum', 'status'] as const).map((c) => (
                <Table.Th key={c} ta={c === 'sum' ? 'right' : undefined}>{c === 'insurer' ? t('ins.journal.insurer') : c === 'status' ? t('ins.journal.status') : t(`ins.journal.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.items.map((r) => (
              <Table.Tr key={r.billId}>
                <Table.Td>{ruDay(r.serviceDate)}</Table.Td>
                <Table.Td><Link to={`/patients/${r.patientId}`}>{r.patientName}</Link></Table.Td>
                <Table.Td>{r.cardNumber}</Table.Td>
                <Table.Td>{r.insurerName}</Table.Td>
                <Table.Td>{r.policyNumber}</Table.Td>
                <Table.Td>{r.letterNumber}</Table.Td>
                <Table.Td>{r.doctor ?? '—'}</Table.Td>
                <Table.Td>{r.services}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rub(r.amount)}</Table.Td>
                <Table.Td><Badge title={r.rejectedReason ?? undefined} color={STATUS_COLOR[r.status]} variant="light">{t(`ins.status.${r.status}`)}{r.registerNumber ? ` № ${r.registerNumber}` : ''}</Badge>{r.rejectedReason && <Text size="xs" c="red.8" data-testid="ins-journal-rejected">{r.rejectedReason}</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {d && d.items.length < d.total && <Button variant="subtle" onClick={() => setLimit((n) => Math.min(500, n + 100))}>{t('ins.journal.more')}</Button>}
    </Stack>
  );
}
