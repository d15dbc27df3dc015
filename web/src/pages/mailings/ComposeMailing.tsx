import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreview, usePromotionCalls, useSendMailing, type ChannelT, type SegmentT } from '../../api/mailings';
import { QueryState } from '../../components/QueryState';
import { smsParts, unknownPlaceholders } from '../../../../src/domain/mailings.js';
import { displayPhone } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { SegmentPicker } from './SegmentPicker';

/** «Новая рассылка»: the segment, who will receive it and why others will not, the text, send (into the outbox) or promotion calls. */
export function ComposeMailing({ onSent }: { onSent: () => void }) {
  const { t } = useTranslation();
  const [segment, setSegment] = useState<SegmentT | null>({ kind: 'regular', minVisits: 3 });
  const [channel, setChannel] = useState<ChannelT>('email');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [note, setNote] = useState('');
  const preview = usePreview(segment ? { segment, channel } : null);
  const send = useSendMailing();
  const promo = usePromotionCalls();
  const receiving = preview.data?.receiving ?? 0;
  // Names and the clinic are filled in on sending: the count is of the text as written.
  const sms = smsParts(body);
  const unknown = unknownPlaceholders(`${channel === 'email' ? subject : ''} ${body}`);
  const ready = !!segment && receiving > 0 && body.trim().length > 0 && (channel === 'sms' || subject.trim().length > 0);
  const submit = () => {
    if (!segment || !window.confirm(t('mailings.sendConfirm', { count: receiving }))) return;
    send.mutate({ segment, channel, subject: channel === 'email' ? subject : null, body }, {
      // An error is announced once, by the global handler (api/queryClient.ts).
      onSuccess: (m) => { notifySaved(t('mailings.sent', { queued: m.queued, skipped: m.skipped })); setBody(''); setSubject(''); onSent(); },
    });
  };
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Group align="flex-end" gap="lg" wrap="wrap">
          <SegmentPicker onChange={setSegment} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('mailings.channel.label')}</Text>
            <SegmentedControl value={channel} onChange={(v) => setChannel(v as ChannelT)} data-testid="mailing-channel"
              data={(['email', 'sms'] as const).map((c) => ({ value: c, label: t(`mailings.channel.${c}`) }))} />
          </Stack>
        </Group>
      </Paper>
      <Paper withBorder p="md" data-testid="mailing-preview">
        <Title order={4} mb="xs">{t('mailings.preview.title')}</Title>
        <QueryState isPending={!!segment && preview.isPending} error={preview.error} />
        {preview.data && (
          <>
            <Text fw={500} mb="xs" data-testid="preview-count">{t('mailings.preview.count', { count: preview.data.count, receiving: preview.data.receiving })}</Text>
            {preview.data.count === 0 && <Text c="dimmed">{t('mailings.preview.empty')}</Text>}
            {preview.data.members.length > 0 && (
              <Table.ScrollContainer minWidth={500} mah={260}>
                <Table striped>
                  <Table.Tbody>
                    {preview.data.members.map((m) => (
                      <Table.Tr key={m.patientId}>
                        <Table.Td>{m.name}</Table.Td>
                        <Table.Td c="dimmed">{m.address ? (channel === 'sms' ? displayPhone(m.address) : m.address) : '—'}</Table.Td>
                        <Table.Td>
                          {m.willReceive ? <Badge color="teal" variant="light">{t('mailings.preview.willReceive')}</Badge> : <Badge color="gray" variant="light">{t(`mailings.reason.${m.reason}`)}</Badge>}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {preview.data.count > preview.data.members.length && <Text size="xs" c="dimmed">{t('mailings.preview.more', { shown: preview.data.members.length, count: preview.data.count })}</Text>}
          </>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          {channel === 'email' && <TextInput label={t('mailings.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} maxLength={200} data-testid="mailing-subject" />}
          <Textarea label={t('mailings.body')} description={t('mailings.bodyHint')} autosize minRows={5} maxRows={14} maxLength={4000} value={body} onChange={(e) => setBody(e.currentTarget.value)} data-testid="mailing-body" />
          {channel === 'sms' && body.length > 0 && (
            <Text size="xs" c={sms.parts > 1 ? 'orange' : 'dimmed'} data-testid="sms-parts">{t('mailings.smsParts', { chars: sms.chars, parts: sms.parts })}</Text>
          )}
          {unknown.length > 0 && <Alert color="yellow" variant="light" data-testid="unknown-placeholders">{t('mailings.unknownPlaceholders', { list: unknown.join(', ') })}</Alert>}
          <Group>
            <Button disabled={!ready} loading={send.isPending} onClick={submit} data-testid="mailing-send">{t('mailings.send', { count: receiving })}</Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">{t('mailings.promotion')}</Title>
        <Alert variant="light" color="blue" mb="sm">{t('mailings.promotionHint')}</Alert>
        <Group align="flex-end">
          <TextInput label={t('mailings.promotionNote')} w={420} maxLength={200} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Button variant="light" disabled={!segment || !preview.data?.count} loading={promo.isPending} data-testid="promotion-calls"
            onClick={() => segment && promo.mutate({ segment, note: note.trim() || null }, { onSuccess: (r) => notifySaved(t('mailings.promotionDone', { count: r.created })) })}>
            {t('mailings.promotion')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
