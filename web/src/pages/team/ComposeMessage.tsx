import { Button, Chip, Group, Paper, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, ROLE_LABELS, type Role } from '../../../../src/domain/roles.js';
import { MESSAGE_TEMPLATES, MESSAGE_TEMPLATE_TEXTS, type MessageTemplate } from '../../../../src/domain/team/messages.js';
import { usePeople, useSendMessage } from '../../api/team';
import { FormErrors } from '../../components/FormErrors';
import { useMe } from '../../components/session';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';

/** A short note to a person or a role; a quick template fills the text, which stays editable. */
export function ComposeMessage({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const people = usePeople().data?.items ?? [];
  const send = useSendMessage();
  const errors = useFieldErrors(send.error);
  const [mode, setMode] = useState<'person' | 'role'>('person');
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [template, setTemplate] = useState<MessageTemplate | null>(null);
  const [text, setText] = useState('');
  const submit = () =>
    send.mutate(
      { toUserId: mode === 'person' ? userId : null, toRole: mode === 'role' ? role : null, template, text },
      { onSuccess: () => { notifySaved(t('team.messages.sent_ok')); onDone(); } },
    );
  return (
    <Paper withBorder p="md" data-testid="compose-message">
      <Stack gap="sm">
        <Group gap="sm" align="flex-end">
          <SegmentedControl value={mode} onChange={(v) => setMode(v as 'person' | 'role')} data={[{ value: 'person', label: t('team.messages.toPerson') }, { value: 'role', label: t('team.messages.toRole') }]} />
          {mode === 'person' ? (
            <Select label={t('team.messages.person')} searchable value={userId} onChange={setUserId} w={320} error={errors.field('toUserId')} data-testid="compose-person"
              data={people.filter((p) => p.id !== me.user.id).map((p) => ({ value: p.id, label: `${p.name} — ${ROLE_LABELS[p.role][lang]}` }))} />
          ) : (
            <Select label={t('team.messages.role')} value={role} onChange={(v) => setRole(v as Role | null)} w={260} error={errors.field('toUserId')} data-testid="compose-role"
              data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))} />
          )}
        </Group>
        <Chip.Group value={template ?? ''} onChange={(v) => { const k = v as MessageTemplate; setTemplate(k); setText(MESSAGE_TEMPLATE_TEXTS[k][lang]); }}>
          <Group gap={6} aria-label={t('team.messages.templates')}>
            {MESSAGE_TEMPLATES.map((k) => <Chip key={k} value={k} size="sm" data-testid={`template-${k}`}>{MESSAGE_TEMPLATE_TEXTS[k][lang]}</Chip>)}
          </Group>
        </Chip.Group>
        <Textarea label={t('team.messages.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={500} error={errors.field('text')} data-testid="compose-text" />
        <FormErrors messages={errors.rest((f) => f === 'text' || f === 'toUserId')} />
        <Group gap="sm">
          <Button onClick={submit} loading={send.isPending} data-testid="compose-send">{t('team.messages.send')}</Button>
          <Button variant="default" onClick={onDone}>{t('team.messages.cancel')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
