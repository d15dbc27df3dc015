import { ActionIcon, Alert, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useQuestionnaire, useSaveQuestionnaire, type QuestionKindT, type SurveyQuestionT } from '../../api/surveys';
import { QueryState } from '../../components/QueryState';
import { useLang } from '../../i18n';
import { notifySaved } from '../../lib/notify';

const KINDS: QuestionKindT[] = ['score5', 'nps', 'text'];

/** A key for a new question, unique in the list: q1, q2… (answers are stored by key). */
function newKey(list: SurveyQuestionT[]): string {
  let n = list.length + 1;
  while (list.some((q) => q.key === `q${n}`)) n++;
  return `q${n}`;
}

/** SURV-2: the chief doctor's questionnaire — questions of three kinds in Russian and English, in order; each save is a new version. */
export function QuestionnaireEditor() {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useQuestionnaire();
  const save = useSaveQuestionnaire();
  const [list, setList] = useState<SurveyQuestionT[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (q.data && list === null) setList(q.data.questions);
  }, [q.data, list]);
  if (!q.data || !list) return <QueryState isPending={q.isPending} error={q.error} />;
  const changed = JSON.stringify(list) !== JSON.stringify(q.data.questions);
  const edit = (i: number, patch: Partial<SurveyQuestionT>) => setList(list.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...list];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    setList(next);
  };
  const submit = () => {
    setProblem(null);
    const trimmed = list.map((x) => ({ ...x, ru: x.ru.trim(), en: x.en.trim() }));
    if (trimmed.some((x) => !x.ru || !x.en)) return setProblem(t('surveys.editor.empty'));
    save.mutate(trimmed, {
      onSuccess: (r) => {
        setList(r.questions);
        notifySaved(t('surveys.editor.saved', { n: r.version }));
      },
    });
  };
  return (
    <Stack gap="sm" maw={980} data-testid="questionnaire-editor">
      <Group gap="sm">
        <Title order={4}>{t('surveys.editor.title')}</Title>
        <Badge variant="light" data-testid="questionnaire-version">{q.data.version ? t('surveys.editor.version', { n: q.data.version }) : t('surveys.editor.version0')}</Badge>
        {changed && <Badge variant="light" color="orange">{t('surveys.editor.changed')}</Badge>}
      </Group>
      <Text size="sm" c="dimmed">{t('surveys.editor.hint')}</Text>
      {list.map((x, i) => (
        <Paper key={x.key} withBorder p="sm" data-testid={`question-${i}`}>
          <Group align="flex-start" wrap="nowrap" gap="sm">
            <Text fw={700} w={24} pt={26}>{i + 1}.</Text>
            <Stack gap={6} style={{ flex: 1 }}>
              <Textarea label={t('surveys.editor.ru')} value={x.ru} onChange={(e) => edit(i, { ru: e.currentTarget.value })} maxLength={400} autosize minRows={1} data-testid={`question-ru-${i}`} />
              <TextInput label={t('surveys.editor.en')} value={x.en} onChange={(e) => edit(i, { en: e.currentTarget.value })} maxLength={400} size="xs" data-testid={`question-en-${i}`} />
            </Stack>
            <Stack gap={6} w={215}>
              <Select label={t('surveys.editor.kindLabel')} value={x.kind} allowDeselect={false} onChange={(v) => v && edit(i, { kind: v as QuestionKindT })}
                data={KINDS.map((k) => ({ value: k, label: t(`surveys.editor.kind.${k}`) }))} data-testid={`question-kind-${i}`} />
              <Text size="xs" c="dimmed">{t('surveys.editor.key', { key: x.key })}</Text>
            </Stack>
            <Stack gap={4} pt={24}>
              <Tooltip label={t('surveys.editor.up')}><ActionIcon variant="default" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('surveys.editor.up')}>↑</ActionIcon></Tooltip>
              <Tooltip label={t('surveys.editor.down')}><ActionIcon variant="default" disabled={i === list.length - 1} onClick={() => move(i, 1)} aria-label={t('surveys.editor.down')}>↓</ActionIcon></Tooltip>
              <Tooltip label={t('surveys.editor.remove')}>
                <ActionIcon variant="light" color="red" disabled={list.length === 1} onClick={() => setList(list.filter((_, j) => j !== i))} aria-label={t('surveys.editor.remove')} data-testid={`question-remove-${i}`}>×</ActionIcon>
              </Tooltip>
            </Stack>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button variant="light" disabled={list.length >= 30} onClick={() => setList([...list, { key: newKey(list), kind: 'score5', ru: '', en: '' }])} data-testid="question-add">{t('surveys.editor.add')}</Button>
      </Group>
      {(problem || save.error) && (
        <Alert color="red" variant="light" role="alert">
          {problem}
          {save.error instanceof ApiError && (
            <>
              {save.error.detailIn(lang)}
              {save.error.errors.map((e) => <div key={e.field}>{lang === 'en' ? e.message_en : e.message_ru}</div>)}
            </>
          )}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" disabled={!changed} onClick={() => setList(q.data.questions)}>{t('surveys.editor.reset')}</Button>
        <Button disabled={!changed} loading={save.isPending} onClick={submit} data-testid="questionnaire-save">{t('surveys.editor.save')}</Button>
      </Group>
    </Stack>
  );
}
