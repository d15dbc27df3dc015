import { Alert, Badge, Button, Group, Loader, Modal, Paper, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuestionnaireForm, useSaveAnswers, type QuestionnaireFormT } from '../../api/questionnaires';
import { FormErrors } from '../../components/FormErrors';
import { useCan, useClinicTimeZone } from '../../components/session';
import { useFieldErrors } from '../../lib/fieldErrors';
import { formatInstant } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { DocumentActionModal } from './DocumentActionModal';

type Draft = Record<string, { yes: boolean | null; text: string }>;
type Question = QuestionnaireFormT['groups'][number]['questions'][number];

/**
 * «Заполнить анкету»: the grouped questions with large «Да»/«Нет» and text fields (a patient on the desk's
 * tablet, or the administrator copying a paper form), saved as data before signing; read-only once signed.
 */
export function QuestionnaireModal({ documentId, patient, onClose }: { documentId: string; patient: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: form, error } = useQuestionnaireForm(documentId);
  const [signing, setSigning] = useState<{ id: string; title: string } | null>(null);
  if (signing) return <DocumentActionModal doc={signing} patient={patient} onClose={onClose} />;
  return (
    <Modal opened onClose={onClose} size="min(1100px, 96vw)" title={<Text fw={700} size="lg">{form?.title ?? t('qn.fill')}</Text>} data-testid="questionnaire-modal">
      {!form ? (error ? <Alert color="red">{String((error as Error).message)}</Alert> : <Loader />) : (
        <QuestionnaireBody form={form} onClose={onClose} onSign={() => setSigning({ id: form.documentId, title: form.title })} />
      )}
    </Modal>
  );
}

function QuestionnaireBody({ form, onClose, onSign }: { form: QuestionnaireFormT; onClose: () => void; onSign: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const tz = useClinicTimeZone();
  const editable = form.editable && can('questionnaires.fill');
  const initial = useMemo<Draft>(() => Object.fromEntries((form.answers ?? []).map((a) => [a.questionId, { yes: a.yes, text: a.text ?? '' }])), [form]);
  const [draft, setDraft] = useState<Draft>(initial);
  const [source, setSource] = useState<'patient' | 'staff'>((form.answers?.[0]?.source) ?? 'patient');
  useEffect(() => setDraft(initial), [initial]);
  const save = useSaveAnswers(form.documentId);
  const errors = useFieldErrors(save.error);
  const all = form.groups.flatMap((g) => g.questions);
  const sent = all.filter((q) => draft[q.id] && (draft[q.id].yes !== null || draft[q.id].text.trim()));
  const fieldOf = (qid: string) => {
    const i = sent.findIndex((q) => q.id === qid);
    return i < 0 ? undefined : errors.field(`answers.${i}.questionId`) ?? errors.field(`answers.${i}.yes`) ?? errors.field(`answers.${i}.text`);
  };
  const set = (id: string, patch: Partial<Draft[string]>) => setDraft((d) => ({ ...d, [id]: { ...(d[id] ?? { yes: null, text: '' }), ...patch } }));
  const submit = (then: () => void) =>
    save.mutate(
      { source, answers: sent.map((q) => ({ questionId: q.id, yes: draft[q.id].yes, text: draft[q.id].text.trim() || null })) },
      { onSuccess: () => { notifySaved(t('qn.saved')); then(); } },
    );
  const recorded = form.answers?.length ? [...form.answers].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0] : null;

  if (form.answers === null) return <Alert color="gray" data-testid="questionnaire-hidden">{t('qn.hidden')}</Alert>;
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (editable) submit(onClose); }}>
      <Stack gap="md">
        {!form.editable && <Alert color="blue" variant="light" data-testid="questionnaire-frozen">{t('qn.frozen')}</Alert>}
        <Group justify="space-between" align="flex-end">
          {editable ? (
            <SegmentedControl size="md" value={source} onChange={(v) => setSource(v as 'patient' | 'staff')} aria-label={t('qn.source.label')}
              data={[{ value: 'patient', label: t('qn.source.patient') }, { value: 'staff', label: t('qn.source.staff') }]} data-testid="questionnaire-source" />
          ) : <span />}
          <Text size="sm" c="dimmed">
            {t('qn.answered', { n: sent.length, total: all.length })}
            {recorded && recorded.recordedBy ? ` · ${t('qn.recorded', { name: recorded.recordedBy, when: formatInstant(recorded.recordedAt, tz) })}` : ''}
          </Text>
        </Group>
        {form.groups.map((g) => (
          <Paper key={g.id} withBorder p="md" radius="md" data-testid={`questionnaire-group-${g.id}`}>
            <Title order={4} mb="sm">{g.title}</Title>
            <Stack gap="md">
              {g.questions.map((q) => (
                <QuestionRow key={q.id} q={q} value={draft[q.id]} editable={editable} error={fieldOf(q.id)} onChange={(patch) => set(q.id, patch)} />
              ))}
            </Stack>
          </Paper>
        ))}
        <FormErrors messages={errors.rest((f) => /^answers\.\d+\./.test(f))} />
        <Group justify="flex-end" gap="sm" style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', padding: '8px 0' }}>
          <Button variant="default" size="md" onClick={onClose}>{t('qn.close')}</Button>
          {editable && (
            <>
              <Button type="submit" size="md" variant="light" loading={save.isPending} data-testid="questionnaire-save">{t('qn.save')}</Button>
              {can('documents.issue') && (
                <Button size="md" loading={save.isPending} onClick={() => submit(onSign)} data-testid="questionnaire-save-sign">{t('qn.saveAndSign')}</Button>
              )}
            </>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function QuestionRow({ q, value, editable, error, onChange }: { q: Question; value?: { yes: boolean | null; text: string }; editable: boolean; error?: string; onChange: (p: { yes?: boolean | null; text?: string }) => void }) {
  const { t } = useTranslation();
  const yes = value?.yes ?? null;
  const text = value?.text ?? '';
  const flagged = q.redFlag && (q.answer === 'yesno' ? yes === true : !!text.trim());
  return (
    <div data-testid="question" data-question={q.id} data-flagged={flagged || undefined}
      style={{ borderLeft: `4px solid ${flagged ? 'var(--mantine-color-red-6)' : 'transparent'}`, paddingLeft: 10 }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="md">
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="md" fw={500}>{q.text}</Text>
          {flagged && <Badge color="red" variant="light" size="sm" mt={4}>{t('qn.redFlag')}</Badge>}
        </div>
        {q.answer === 'yesno' && (
          <SegmentedControl
            size="lg"
            disabled={!editable}
            value={yes === null ? '' : yes ? 'yes' : 'no'}
            onChange={(v) => onChange({ yes: v === 'yes' })}
            color={yes === true && q.redFlag ? 'red' : 'blue'}
            data={[{ value: 'yes', label: t('qn.yes') }, { value: 'no', label: t('qn.no') }]}
            aria-label={q.text}
            data-testid="answer-yesno"
            style={{ flexShrink: 0, minWidth: 180 }}
          />
        )}
      </Group>
      {q.answer === 'text' ? (
        <Textarea mt={6} size="md" autosize minRows={1} maxRows={5} maxLength={1000} readOnly={!editable} placeholder={t('qn.textPlaceholder')} value={text}
          onChange={(e) => onChange({ text: e.currentTarget.value })} error={error} aria-label={q.text} data-testid="answer-text" />
      ) : (yes === true || text) && (
        <TextInput mt={6} size="md" maxLength={1000} readOnly={!editable} placeholder={t('qn.detail')} value={text}
          onChange={(e) => onChange({ text: e.currentTarget.value })} error={error} aria-label={`${q.text} — ${t('qn.detail')}`} data-testid="answer-detail" />
      )}
      {q.answer === 'yesno' && error && !(yes === true || text) && <Text c="red" size="sm">{error}</Text>}
      {editable && q.answer === 'yesno' && yes !== null && (
        <Button variant="subtle" size="compact-xs" color="gray" mt={2} onClick={() => onChange({ yes: null, text: '' })}>{t('qn.clear')}</Button>
      )}
    </div>
  );
}
