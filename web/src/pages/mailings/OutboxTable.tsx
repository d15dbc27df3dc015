import { Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDispatchNow, useMessageAction, useOutbox } from '../../api/mailings';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { displayPhone, formatInstant } from '../../lib/format';
import { notifySaved } from '../../lib/notify';

const COLOR: Record<string, string> = { pending: 'yellow', sending: 'blue', sent: 'teal', failed: 'red', manual: 'grape', cancelled: 'gray' };
const STATUSES = ['manual', 'pending', 'failed', 'sent', 'cancelled'] as const;

/** «Исходящие»: every e-mail and SMS with its state; SMS without a gateway are sent by a person and marked here. */
export function OutboxTable() {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const [status, setStatus] = useState('');
  const q = useOutbox(status || undefined);
  const act = useMessageAction();
  const dispatch = useDispatchNow();
  const o = (k: string, v?: Record<string, unknown>) => t(`mailings.outbox.${k}`, v);
  const counts = q.data?.counts ?? {};
  const run = (id: string, s: 'sent' | 'cancelled' | 'pending') => act.mutate({ id, status: s }, { onSuccess: () => notifySaved() }); // errors: the global handler, once
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl value={status} onChange={setStatus} data-testid="outbox-filter"
          data={[{ value: '', label: o('all') }, ...STATUSES.map((s) => ({ value: s, label: `${o(`statuses.${s}`)} (${counts[s] ?? 0})` }))]} />
        <Button variant="light" loading={dispatch.isPending} data-testid="outbox-dispatch"
          onClick={() => dispatch.mutate(undefined, { onSuccess: (r) => notifySaved(o('dispatched', r)) })}>{o('dispatch')}</Button>
      </Group>
      {(counts.manual ?? 0) > 0 && <Alert color="grape" variant="light">{o('manualHint')}</Alert>}
      <QueryState isPending={q.isPending} error={q.error} />
      {q.data && q.data.messages.length === 0 && <Text c="dimmed">{o('empty')}</Text>}
      {q.data && q.data.messages.length > 0 && (
        <Table striped data-testid="outbox-table" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140}>{o('created')}</Table.Th>
              <Table.Th w={210}>{o('recipient')}</Table.Th>
              <Table.Th w={110}>{o('purpose')}</Table.Th>
              <Table.Th>{o('text')}</Table.Th>
              <Table.Th w={190}>{o('status')}</Table.Th>
              <Table.Th w={170} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.messages.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(m.createdAt, tz)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.channel === 'sms' ? displayPhone(m.recipient) : m.recipient}</Table.Td>
                <Table.Td>{o(`purposes.${m.purpose}`)} · {t(`mailings.channel.${m.channel}`)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {m.subject && <Text size="sm" fw={500}>{m.subject}</Text>}
                  <Text size="xs" c="dimmed" lineClamp={2}>{m.body}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={COLOR[m.status]} variant="light">{o(`statuses.${m.status}`)}</Badge>
                  {m.status === 'pending' && m.attempts > 0 && <Text size="xs" c="dimmed">{o('next', { at: formatInstant(m.nextAttemptAt, tz) })}</Text>}
                  {m.lastError && <Text size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>{m.lastError}</Text>}
                  {m.status === 'sent' && m.sentAt && <Text size="xs" c="dimmed">{formatInstant(m.sentAt, tz)}</Text>}
                </Table.Td>
                <Table.Td>
                  {/* Stacked, not in a row: three buttons side by side pushed the table past the screen's edge. */}
                  <Stack gap={4} align="flex-start">
                    {m.status === 'manual' && <Button size="compact-xs" onClick={() => run(m.id, 'sent')} data-testid="outbox-mark-sent">{o('markSent')}</Button>}
                    {['failed', 'cancelled'].includes(m.status) && <Button size="compact-xs" variant="light" onClick={() => run(m.id, 'pending')}>{o('retry')}</Button>}
                    {['pending', 'manual', 'failed'].includes(m.status) && <Button size="compact-xs" variant="subtle" color="gray" onClick={() => run(m.id, 'cancelled')}>{o('cancel')}</Button>}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
