import { Badge, Button, Collapse, Group, List, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmSvcRegulation, useMySvcRegulation, useSaveSvcRegulation, useSvcRegulation } from '../../api/svcRegulation';
import { useCan, useClinicTimeZone } from '../../components/session';
import { dateOf, formatDate } from '../../lib/format';
import { notifyError, notifySaved } from '../../lib/notify';

/** The regulation's plain text: «# » a heading, «- » a list item, other lines paragraphs. */
function RegulationText({ body }: { body: string }) {
  const out: ReactNode[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length) out.push(<List key={out.length} size="sm" spacing={6}>{items.map((i, k) => <List.Item key={k}>{i}</List.Item>)}</List>);
    items = [];
  };
  for (const line of body.split('\n')) {
    if (line.startsWith('- ')) { items.push(line.slice(2)); continue; }
    flush();
    if (line.startsWith('# ')) out.push(<Title key={out.length} order={4} size="h6" mt="xs">{line.slice(2)}</Title>);
    else if (line.trim()) out.push(<Text key={out.length} size="sm">{line}</Text>);
  }
  flush();
  return <>{out}</>;
}

/**
 * SVC-11: the clinic's regulation on the service card — purpose, structure, filling rules — folded
 * away. Versioned: the chief doctor or the owner edits it, each version kept with its date and
 * author; everyone who writes in the card confirms the current one.
 */
export function ServiceCardRules() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const tz = useClinicTimeZone();
  const [opened, { toggle }] = useDisclosure(false);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const reg = useSvcRegulation(version).data;
  const mine = useMySvcRegulation().data;
  const confirm = useConfirmSvcRegulation();
  const save = useSaveSvcRegulation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState('');
  const body = reg ? (i18n.language === 'en' && reg.bodyEn ? reg.bodyEn : reg.body) : '';
  const current = reg && reg.version === reg.currentVersion;
  return (
    <div>
      <Group gap="xs">
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={toggle}
          aria-expanded={opened}
          aria-controls="svc-rules"
          leftSection={<span aria-hidden>{opened ? '▾' : '▸'}</span>}
          data-testid="svc-rules-toggle"
        >
          {t('desk.rules.toggle')}
        </Button>
        {mine?.pending && <Badge color="yellow" variant="light">{t('desk.regulation.unread')}</Badge>}
      </Group>
      <Collapse expanded={opened} id="svc-rules">
        <Paper bg="gray.0" p="md" mt="xs" radius="sm" data-testid="svc-rules">
          {reg && (
            <Stack gap="xs" maw={860}>
              <Group gap="sm" justify="space-between">
                <Text size="xs" c="dimmed" data-testid="svc-rules-version">
                  {reg.createdAt
                    ? t('desk.regulation.versionBy', { version: reg.version, date: formatDate(dateOf(reg.createdAt, tz)), name: reg.createdBy?.name ?? '' })
                    : t('desk.regulation.versionBuiltIn', { version: reg.version })}
                  {reg.note ? ` · ${reg.note}` : ''}
                </Text>
                {reg.versions.length > 1 && (
                  <Select size="xs" w={200} aria-label={t('desk.regulation.versions')} value={String(reg.version)} allowDeselect={false}
                    data={reg.versions.map((v) => ({ value: String(v.version), label: t('desk.regulation.versionN', { version: v.version }) }))}
                    onChange={(v) => setVersion(v ? Number(v) : undefined)} />
                )}
              </Group>
              {editing ? (
                <>
                  <Textarea autosize minRows={12} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} label={t('desk.regulation.text')} description={t('desk.regulation.format')} data-testid="svc-rules-editor" />
                  <TextInput value={note} onChange={(e) => setNote(e.currentTarget.value)} label={t('desk.regulation.note')} />
                  <Group gap="xs">
                    <Button size="xs" loading={save.isPending} data-testid="svc-rules-save"
                      onClick={() => save.mutate({ body: draft, note: note.trim() || null }, { onSuccess: () => { setEditing(false); setVersion(undefined); notifySaved(t('desk.regulation.saved')); }, onError: notifyError })}>
                      {t('desk.regulation.save')}
                    </Button>
                    <Button size="xs" variant="subtle" onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
                  </Group>
                </>
              ) : (
                <RegulationText body={body} />
              )}
              <Group gap="xs" mt="xs">
                {current && mine?.pending && mine.version === reg.version && (
                  <Button size="xs" loading={confirm.isPending} data-testid="svc-rules-confirm" onClick={() => confirm.mutate(reg.version, { onError: notifyError })}>
                    {t('desk.regulation.confirm')}
                  </Button>
                )}
                {current && reg.confirmedAt && <Text size="xs" c="teal">{t('desk.regulation.confirmedAt', { date: formatDate(dateOf(reg.confirmedAt, tz)) })}</Text>}
                {current && !editing && can('team.manage') && (
                  <Button size="xs" variant="light" data-testid="svc-rules-edit" onClick={() => { setDraft(body); setNote(''); setEditing(true); }}>
                    {t('desk.regulation.edit')}
                  </Button>
                )}
              </Group>
            </Stack>
          )}
        </Paper>
      </Collapse>
    </div>
  );
}
