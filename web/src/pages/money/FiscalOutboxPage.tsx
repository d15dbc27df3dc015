import { Alert, Badge, Button, Code, Group, Modal, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFiscalItem, useFiscalOutbox, useManualFiscal, useRetryFiscal } from '../../api/money';
import { FormErrors } from '../../components/FormErrors';
import { useFieldErrors } from '../../lib/fieldErrors';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { formatInstant } from '../../lib/format';
import { notifyError, notifySaved } from '../../lib/notify';
import { rub } from './moneyParts';

const STATUS_COLOR: Record<string, string> = { pending: 'yellow', sent: 'blue', done: 'teal', failed: 'red', manual: 'grape' };
const STATUSES = ['pending', 'failed', 'sent', 'done', 'manual'] as const;

/** «Фискальные чеки»: the outbox of the online cash register (54-FZ), visible whether a register is connected or not. */
export function FiscalOutboxPage() {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const [status, setStatus] = useState<string>('');
  const q = useFiscalOutbox(status || undefined);
  const [openId, setOpenId] = useState<string | null>(null);
  const [manualId, setManualId] = useState<string | null>(null);
  const retry = useRetryFiscal();
  const f = (k: string, o?: Record<string, unknown>) => t(`money.fiscal.${k}`, o);
  const counts = q.data?.counts ?? {};
  return (
    <Stack gap="md">
      <PageHeader title={f('title')} />
      <Text c="dimmed" size="sm">{f('hint')}</Text>
      {q.data && (
        <Alert color={q.data.driver === 'none' ? 'yellow' : 'teal'} variant="light" data-testid="fiscal-driver">
          {q.data.driver === 'none' ? f('notConnected') : f('connected')}
        </Alert>
      )}
      <SegmentedControl
        value={status}
        onChange={setStatus}
        data={[{ value: '', label: f('all') }, ...STATUSES.map((s) => ({ value: s, label: `${f(`statuses.${s}`)} (${counts[s] ?? 0})` }))]}
        data-testid="fiscal-filter"
        style={{ alignSelf: 'flex-start' }}
      />
      <QueryState isPending={q.isPending} error={q.error} />
      {q.data && q.data.items.length === 0 && <Text c="dimmed">{f('empty')}</Text>}
      {q.data && q.data.items.length > 0 && (
        <Table striped highlightOnHover data-testid="fiscal-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{f('created')}</Table.Th>
              <Table.Th>{f('payment')}</Table.Th>
              <Table.Th ta="right">{f('sum')}</Table.Th>
              <Table.Th>{f('status')}</Table.Th>
              <Table.Th ta="right">{f('attempts')}</Table.Th>
              <Table.Th>{f('error')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.items.map((i) => (
              <Table.Tr key={i.id} data-testid="fiscal-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(i.createdAt, tz)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{f(`operations.${i.operation}`)} · № {i.payment.number} · {t(`money.methods.${i.payment.method}`)}</Text>
                  <Text size="xs" c="dimmed">{i.patient.name}</Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{rub(i.payment.amount)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[i.status]} variant="light">{f(`statuses.${i.status}`)}</Badge>
                  {i.fiscalSign && <Text size="xs" c="dimmed">{i.fiscalSign}</Text>}
                </Table.Td>
                <Table.Td ta="right">{i.attempts}</Table.Td>
                <Table.Td maw={280}><Text size="xs" c={i.status === 'failed' ? 'red.7' : 'dimmed'}>{i.lastError}</Text></Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setOpenId(i.id)}>{f('preview')}</Button>
                    {i.status === 'failed' && (
                      <Button size="compact-xs" variant="light" loading={retry.isPending && retry.variables === i.id} onClick={() => retry.mutate(i.id, { onSuccess: () => notifySaved(f('retried')), onError: notifyError })} data-testid="fiscal-retry">
                        {f('retry')}
                      </Button>
                    )}
                    {(i.status === 'failed' || i.status === 'pending') && (
                      <Button size="compact-xs" variant="light" color="grape" onClick={() => setManualId(i.id)} data-testid="fiscal-manual">{f('manual')}</Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PreviewModal id={openId} onClose={() => setOpenId(null)} />
      <ManualModal id={manualId} onClose={() => setManualId(null)} />
    </Stack>
  );
}

function PreviewModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useFiscalItem(id);
  return (
    <Modal opened={id !== null} onClose={onClose} size="xl" title={t('money.fiscal.preview')}>
      <QueryState isPending={q.isPending && id !== null} error={q.error} />
      {q.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack gap={4}>
            <Text fw={600} size="sm">{t('money.fiscal.preview')}</Text>
            <Code block data-testid="fiscal-document">{JSON.stringify(q.data.document, null, 2)}</Code>
          </Stack>
          <Stack gap={4}>
            <Text fw={600} size="sm">{t('money.fiscal.task')}</Text>
            <Code block>{JSON.stringify(q.data.registerTask, null, 2)}</Code>
          </Stack>
        </SimpleGrid>
      )}
    </Modal>
  );
}

function ManualModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [sign, setSign] = useState('');
  const m = useManualFiscal();
  const fe = useFieldErrors(m.error);
  const close = () => {
    setReason('');
    setSign('');
    m.reset();
    onClose();
  };
  return (
    <Modal opened={id !== null} onClose={close} title={t('money.fiscal.manualTitle')}>
      <Stack>
        <Text size="sm" c="dimmed">{t('money.fiscal.manualHint')}</Text>
        <FormErrors messages={fe.rest((n) => n === 'reason' || n === 'fiscalSign')} />
        <TextInput label={t('money.fiscal.reason')} placeholder={t('money.fiscal.reasonPlaceholder')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} required error={fe.field('reason')} data-testid="fiscal-reason" />
        <TextInput label={t('money.fiscal.signLabel')} error={fe.field('fiscalSign')} value={sign} onChange={(e) => setSign(e.currentTarget.value)} maxLength={64} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>{t('money.fiscal.cancel')}</Button>
          <Button loading={m.isPending} onClick={() => m.mutate({ id: id!, reason, fiscalSign: sign.trim() || undefined }, { onSuccess: () => { notifySaved(t('money.fiscal.marked')); close(); } })} data-testid="fiscal-manual-save">
            {t('money.fiscal.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
