import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forbiddenIn } from '../../../../src/domain/calls/call-script.js';
import { useCallScript, useSaveCallScript, type CallScriptT } from '../../api/calls';
import { FormErrors } from '../../components/FormErrors';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { useFieldErrors } from '../../lib/fieldErrors';
import { formatInstant } from '../../lib/format';
import { notifySaved } from '../../lib/notify';

const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);
const SEP = ' — ';

/**
 * CALL-3: the chief doctor edits the clinic's phone script, one item a line; each save is a
 * new version. A phrase that contains a forbidden one is flagged before it reaches the desk.
 */
export function ScriptEditor() {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const q = useCallScript();
  const save = useSaveCallScript();
  const errors = useFieldErrors(save.error);
  const [draft, setDraft] = useState<CallScriptT | null>(null);
  const [text, setText] = useState<Record<string, string>>({});
  useEffect(() => {
    const s = q.data?.script;
    if (!s) return;
    setDraft(s);
    setText({
      rules: s.rules.join('\n'), forbidden: s.forbidden.join('\n'), objections: s.objections.map((o) => `${o.objection}${SEP}${o.answer}`).join('\n'),
      ...Object.fromEntries(s.stages.flatMap((st) => [[`${st.key}.steps`, st.steps.join('\n')], [`${st.key}.phrases`, st.phrases.join('\n')]])),
    });
  }, [q.data]);
  if (!q.data || !draft) return <QueryState isPending={q.isPending} error={q.error} />;
  const field = (k: string) => ({ value: text[k] ?? '', onChange: (e: React.ChangeEvent<HTMLTextAreaElement>) => setText((m) => ({ ...m, [k]: e.currentTarget.value })) });
  const build = (): CallScriptT => ({
    ...draft,
    rules: lines(text.rules ?? ''),
    forbidden: lines(text.forbidden ?? ''),
    objections: lines(text.objections ?? '').map((l) => {
      const i = l.indexOf(SEP.trim());
      return i < 0 ? { objection: l, answer: l } : { objection: l.slice(0, i).trim(), answer: l.slice(i + 1).trim() };
    }),
    stages: draft.stages.map((st) => ({ ...st, steps: lines(text[`${st.key}.steps`] ?? ''), phrases: lines(text[`${st.key}.phrases`] ?? '') })),
  });
  const current = build();
  const flagged = [...current.stages.flatMap((s) => s.phrases), ...current.objections.map((o) => o.answer)].flatMap((p) => forbiddenIn(p, current.forbidden));
  return (
    <Stack gap="sm" data-testid="script-editor">
      <Text size="sm" c="dimmed">
        {q.data.isDefault ? t('calls.script.seed') : `${t('calls.script.version', { v: q.data.version })} · ${t('calls.script.savedBy', { who: q.data.savedBy ?? '', when: formatInstant(q.data.savedAt, tz) })}`}
      </Text>
      {draft.stages.map((st, i) => (
        <Paper key={st.key} withBorder p="sm">
          <TextInput label={`${t('calls.script.stageTitle')} ${i + 1}`} value={st.title} onChange={(e) => { const v = e.currentTarget.value; setDraft((d) => d && { ...d, stages: d.stages.map((x) => (x.key === st.key ? { ...x, title: v } : x)) }); }} />
          <Group grow align="flex-start" mt="xs">
            <Textarea label={t('calls.script.steps')} autosize minRows={3} {...field(`${st.key}.steps`)} />
            <Textarea label={t('calls.script.phrases')} autosize minRows={3} {...field(`${st.key}.phrases`)} />
          </Group>
        </Paper>
      ))}
      <Textarea label={t('calls.script.forbiddenField')} autosize minRows={2} {...field('forbidden')} />
      <Textarea label={t('calls.script.objectionsField')} autosize minRows={3} {...field('objections')} />
      <Textarea label={t('calls.script.rulesField')} autosize minRows={3} {...field('rules')} />
      <Group grow>
        <NumberInput label={t('calls.script.target')} value={draft.targetSec} min={60} max={1800} onChange={(v) => setDraft((d) => d && { ...d, targetSec: Number(v) || 180 })} />
        <NumberInput label={t('calls.script.founded')} value={draft.facts.foundedYear ?? ''} min={1900} max={2100} onChange={(v) => setDraft((d) => d && { ...d, facts: { ...d.facts, foundedYear: v === '' ? null : Number(v) } })} />
      </Group>
      <Textarea label={t('calls.script.equipment')} autosize value={draft.facts.equipment} onChange={(e) => { const v = e.currentTarget.value; setDraft((d) => d && { ...d, facts: { ...d.facts, equipment: v } }); }} />
      <Textarea label={t('calls.script.materials')} autosize value={draft.facts.materials} onChange={(e) => { const v = e.currentTarget.value; setDraft((d) => d && { ...d, facts: { ...d.facts, materials: v } }); }} />
      {flagged.length > 0 && <Alert color="red" variant="light">{[...new Set(flagged)].map((p) => t('calls.script.flagged', { p })).join(' ')}</Alert>}
      <FormErrors messages={errors.rest(() => false)} />
      <Group>
        <Button onClick={() => save.mutate({ baseVersion: q.data!.version, script: current }, { onSuccess: (r) => notifySaved(t('calls.script.saved', { v: r.version })) })} loading={save.isPending} disabled={flagged.length > 0} data-testid="script-save">
          {t('calls.script.save')}
        </Button>
      </Group>
    </Stack>
  );
}
