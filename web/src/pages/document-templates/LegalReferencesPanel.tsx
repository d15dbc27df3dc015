import { Alert, Badge, Button, Code, Group, Paper, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLegalReferences, useSaveLegalReference, type LegalReferenceT } from '../../api/documentTemplates';
import { QueryState } from '../../components/QueryState';
import { notifySaved } from '../../lib/notify';

/** The one editable place for the law citations of every template ({{law.<key>}}), «ПРОВЕРИТЬ» marks visible. */
export function LegalReferencesPanel() {
  const { t } = useTranslation();
  const q = useLegalReferences();
  if (!q.data) return <QueryState isPending={q.isPending} error={q.error} />;
  return (
    <Stack gap="sm" maw={980}>
      <Text size="sm" c="dimmed">{t('tpl.legal.intro')}</Text>
      {q.data.items.map((r) => <LegalRow key={r.key} r={r} />)}
    </Stack>
  );
}

function LegalRow({ r }: { r: LegalReferenceT }) {
  const { t } = useTranslation();
  const save = useSaveLegalReference();
  const [draft, setDraft] = useState<string | null>(null);
  const text = r.override ?? r.default;
  const submit = (value: string | null) =>
    save.mutate({ key: r.key, text: value }, { onSuccess: () => { setDraft(null); notifySaved(t('tpl.legal.saved')); } });
  return (
    <Paper withBorder p="sm" radius="sm" data-testid={`legal-${r.key}`}>
      <Stack gap={6}>
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <Code>{`{{law.${r.key}}}`}</Code>
            {r.override ? <Badge variant="light" color="teal">{t('tpl.legal.own')}</Badge> : <Badge variant="light" color="gray">{t('tpl.legal.standard')}</Badge>}
            {r.check && !r.override && (
              <Tooltip label={t('tpl.legal.checkHint')} withArrow>
                <Badge color="orange" variant="filled" data-testid={`legal-check-${r.key}`}>{t('tpl.legal.check')}</Badge>
              </Tooltip>
            )}
          </Group>
          {draft === null && <Button size="compact-sm" variant="light" onClick={() => setDraft(text)} data-testid={`legal-edit-${r.key}`}>{t('tpl.legal.edit')}</Button>}
        </Group>
        {r.check && !r.override && <Alert color="orange" variant="light" p="xs"><Text size="xs">{r.check}</Text></Alert>}
        {draft === null ? (
          <Text size="sm">{text}</Text>
        ) : (
          <>
            <Textarea autosize minRows={2} maxRows={8} label={t('tpl.legal.text')} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} data-testid={`legal-text-${r.key}`} />
            {r.override && <Text size="xs" c="dimmed">{t('tpl.legal.defaultText', { text: r.default })}</Text>}
            <Group gap="xs">
              <Button size="xs" loading={save.isPending} disabled={!draft.trim()} onClick={() => submit(draft.trim())} data-testid={`legal-save-${r.key}`}>{t('tpl.legal.save')}</Button>
              {r.override && <Button size="xs" variant="light" color="gray" loading={save.isPending} onClick={() => submit(null)}>{t('tpl.legal.restore')}</Button>}
              <Button size="xs" variant="subtle" onClick={() => setDraft(null)}>{t('tpl.legal.cancel')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
