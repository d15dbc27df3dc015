import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../../src/domain/roles.js';
import { useMarkAllRead, useMarkRead, useMessages, useMessageToTask, type InboxItemT } from '../../api/team';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { ComposeMessage } from './ComposeMessage';

/** «Сообщения» (STAFF-3): one inbox — colleagues' notes to me or my role and the automatic ones — and what I sent with its read marks. */
export function MessagesPage() {
  const { t } = useTranslation();
  const [box, setBox] = useState<'inbox' | 'sent'>('inbox');
  const [compose, setCompose] = useState(false);
  const list = useMessages(box);
  const readAll = useMarkAllRead();
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={t('team.messages.title')}>
        {!compose && <Button onClick={() => setCompose(true)} data-testid="compose-open">{t('team.messages.compose')}</Button>}
      </PageHeader>
      {compose && <ComposeMessage onDone={() => setCompose(false)} />}
      <Group justify="space-between">
        <SegmentedControl value={box} onChange={(v) => setBox(v as 'inbox' | 'sent')} data-testid="message-box"
          data={[{ value: 'inbox', label: `${t('team.messages.inbox')}${list.data && box === 'inbox' && list.data.unread ? ` (${list.data.unread})` : ''}` }, { value: 'sent', label: t('team.messages.sent') }]} />
        {box === 'inbox' && (list.data?.unread ?? 0) > 0 && (
          <Button variant="subtle" size="xs" onClick={() => readAll.mutate()} loading={readAll.isPending} data-testid="read-all">{t('team.messages.readAll')}</Button>
        )}
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && !items.length && <Text c="dimmed">{t('team.messages.none')}</Text>}
      {items.map((m) => <MessageCard key={m.id} m={m} sent={box === 'sent'} />)}
    </Stack>
  );
}

function MessageCard({ m, sent }: { m: InboxItemT; sent: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const read = useMarkRead();
  const toTask = useMessageToTask();
  const unread = !sent && !m.readAt;
  const text = lang === 'en' && m.textEn ? m.textEn : m.text;
  const to = m.toUser?.name ?? (m.toRole ? ROLE_LABELS[m.toRole][lang] : '');
  return (
    <Paper withBorder p="sm" style={unread ? { borderLeft: '4px solid var(--mantine-color-red-6)' } : undefined} data-testid="message" data-unread={unread ? 'true' : 'false'}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} miw={0}>
          <Group gap="xs">
            <Text size="sm" fw={700}>{m.from?.name ?? t('team.messages.auto')}</Text>
            <Text size="xs" c="dimmed">{formatInstant(m.createdAt, tz)}</Text>
            {sent || m.toRole ? <Text size="xs" c="dimmed">{t('team.messages.toWhom', { who: to })}</Text> : null}
            {unread && <Badge color="red" size="xs">{t('team.messages.unread')}</Badge>}
            {m.taskId && <Badge color="teal" size="xs" variant="light" component={Link} to="/tasks" style={{ cursor: 'pointer' }}>{t('team.messages.hasTask')}</Badge>}
          </Group>
          <Text fw={unread ? 600 : 400} data-testid="message-text">{text}</Text>
          {m.patientName && m.patientId && (
            <Text size="sm" c="dimmed">{t('team.messages.patient', { name: '' })}<Link to={`/patients/${m.patientId}`}>{m.patientName}</Link></Text>
          )}
          {sent && (
            <Text size="xs" c={m.reads.length ? 'teal.8' : 'dimmed'} data-testid="message-reads">
              {m.reads.length ? t('team.messages.readBy', { names: m.reads.map((r) => `${r.name} (${formatInstant(r.at, tz)})`).join(', ') }) : t('team.messages.nobodyRead')}
            </Text>
          )}
        </Stack>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          {unread && <Button size="xs" variant="light" onClick={() => read.mutate(m.id)} loading={read.isPending} data-testid="message-read">{t('team.messages.markRead')}</Button>}
          {m.source === 'message' && !m.taskId && (
            <Button size="xs" variant="default" loading={toTask.isPending} onClick={() => toTask.mutate({ id: m.id, dueDate: null }, { onSuccess: () => notifySaved(t('team.messages.taskMade')) })} data-testid="message-to-task">
              {t('team.messages.toTask')}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
