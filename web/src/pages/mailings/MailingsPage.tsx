import { Stack, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMailings } from '../../api/mailings';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { formatInstant } from '../../lib/format';
import { ComposeMailing } from './ComposeMailing';
import { OutboxTable } from './OutboxTable';

/** «Рассылки» (REC-4): compose to a segment, the mailings sent, the outbox of e-mails and SMS. */
export function MailingsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('compose');
  return (
    <Stack gap="md">
      <PageHeader title={t('mailings.title')} />
      <Text c="dimmed" size="sm">{t('mailings.hint')}</Text>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="compose" data-testid="tab-compose">{t('mailings.tabs.compose')}</Tabs.Tab>
          <Tabs.Tab value="history" data-testid="tab-history">{t('mailings.tabs.history')}</Tabs.Tab>
          <Tabs.Tab value="outbox" data-testid="tab-outbox">{t('mailings.tabs.outbox')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="compose"><ComposeMailing onSent={() => setTab('history')} /></Tabs.Panel>
        <Tabs.Panel value="history"><MailingHistory /></Tabs.Panel>
        <Tabs.Panel value="outbox"><OutboxTable /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function MailingHistory() {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const q = useMailings();
  const h = (k: string) => t(`mailings.history.${k}`);
  return (
    <>
      <QueryState isPending={q.isPending} error={q.error} />
      {q.data && q.data.mailings.length === 0 && <Text c="dimmed">{h('empty')}</Text>}
      {q.data && q.data.mailings.length > 0 && (
        <Table striped data-testid="mailings-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{h('when')}</Table.Th>
              <Table.Th>{h('channel')}</Table.Th>
              <Table.Th>{h('subject')}</Table.Th>
              <Table.Th ta="right">{h('queued')}</Table.Th>
              <Table.Th ta="right">{h('sent')}</Table.Th>
              <Table.Th ta="right">{h('skipped')}</Table.Th>
              <Table.Th ta="right">{h('failed')}</Table.Th>
              <Table.Th>{h('who')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.mailings.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(m.createdAt, tz)}</Table.Td>
                <Table.Td>{t(`mailings.channel.${m.channel}`)} · {t(`mailings.segment.${String(m.segment.kind)}`)}</Table.Td>
                <Table.Td maw={380}>
                  {m.subject && <Text size="sm" fw={500}>{m.subject}</Text>}
                  <Text size="xs" c="dimmed" lineClamp={2}>{m.body}</Text>
                </Table.Td>
                <Table.Td ta="right">{m.queued}</Table.Td>
                <Table.Td ta="right">{m.sent}</Table.Td>
                <Table.Td ta="right">{m.skipped}</Table.Td>
                <Table.Td ta="right" c={m.failed ? 'red' : undefined}>{m.failed}</Table.Td>
                <Table.Td>{m.createdBy ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
