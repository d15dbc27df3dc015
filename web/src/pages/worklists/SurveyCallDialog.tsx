import { Alert, Anchor, Button, Checkbox, Divider, Group, Modal, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minutesOf } from '../../../../src/domain/schedule/time.js';
import { ApiError } from '../../api/client';
import { useQuestionnaire, useRecordSurveyCall, type SurveyAttemptT, type SurveyItemT, type SurveyOutcomeT, type SurveyQuestionT } from '../../api/surveys';
import { DateField } from '../../components/DateField';
import { QueryState } from '../../components/QueryState';
import { TimeField } from '../../components/TimeField';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { dateOf, displayPhone, formatDate, instantAt, timeOf, todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';

const OUTCOMES: SurveyOutcomeT[] = ['completed', 'callback', 'not_reached', 'refused'];
type Answer = { score: number | null; text: string };
const NO_ANSWER: Answer = { score: null, text: '' };
const COLOR: Record<SurveyAttemptT['outcome'], string> = { completed: 'teal', refused: 'gray', not_reached: 'orange', callback: 'blue' };

/** The previous attempts: «Не дозвонились — 28.11.2026 18:05, Миронова Е. Д.». */
export function SurveyAttempts({ history }: { history: SurveyAttemptT[] }) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  if (!history.length) return <Text size="xs" c="dimmed">{t('surveys.noAttempts')}</Text>;
  return (
    <Stack gap={2} data-testid="survey-attempts">
      {history.map((a) => (
        <Text key={a.id} size="xs">
          <Text span fw={600} c={COLOR[a.outcome]}>{t(`surveys.outcome.${a.outcome}`)}</Text>
          {' — '}{formatDate(dateOf(a.at, tz))} {timeOf(a.at, tz)}{a.by ? `, ${a.by}` : ''}
          {a.comment ? ` · ${a.comment}` : ''}
        </Text>
      ))}
    </Stack>
  );
}


/** One scale of buttons: 1–5 or 0–10; a low mark is red, a click on the chosen one clears it. */
function ScoreButtons({ q, value, onChange }: { q: SurveyQuestionT; value: number | null; onChange: (v: number | null) => void }) {
  const [min, max, low] = q.kind === 'nps' ? [0, 10, 6] : [1, 5, 2];
  return (
    <Group gap={4} wrap="nowrap" data-testid={`q-${q.key}`}>
      {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((n) => (
        <Button key={n} size="compact-sm" w={34} px={0} variant={value === n ? 'filled' : 'default'} color={n <= low ? 'red' : n === max || (q.kind === 'nps' && n >= 9) ? 'teal' : 'blue'}
          onClick={() => onChange(value === n ? null : n)} aria-pressed={value === n} data-testid={`q-${q.key}-${n}`}>
          {n}
        </Button>
      ))}
    </Group>
  );
}

function Script({ title, text, hint }: { title: string; text: string; hint?: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={700}>{title}</Text>
      <Paper bg="var(--mantine-color-blue-light)" p="xs" radius="sm"><Text size="sm" style={{ fontStyle: 'italic' }}>{text}</Text></Paper>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Stack>
  );
}

/**
 * The survey call (SURV-1/2), following the seed's algorithm as a script: introduction, permission,
 * the questionnaire's questions as inputs, thanks; then the outcome, a complaint and a comment.
 */
export function SurveyCallDialog({ item, onClose }: { item: SurveyItemT; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const questionnaire = useQuestionnaire();
  const record = useRecordSurveyCall();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [outcome, setOutcome] = useState<SurveyOutcomeT>('completed');
  const [complaint, setComplaint] = useState(false);
  const [comment, setComment] = useState('');
  const [date, setDate] = useState<string | null>(todayIn(tz));
  const [time, setTime] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: string, a: Partial<Answer>) => setAnswers((s) => ({ ...s, [key]: { ...NO_ANSWER, ...s[key], ...a } }));
  const questions = questionnaire.data?.questions ?? [];
  const script = lang === 'en' ? item.scriptEn : item.script;

  const save = () => {
    setProblem(null);
    const given = questions
      .map((q) => ({ q, a: answers[q.key] }))
      .filter(({ q, a }) => a && (q.kind === 'text' ? a.text.trim() : a.score !== null))
      .map(({ q, a }) => (q.kind === 'text' ? { key: q.key, text: a.text.trim() } : { key: q.key, score: a.score }));
    if (outcome === 'completed' && !given.length) return setProblem(t('surveys.call.needAnswer'));
    if (outcome === 'callback' && !(date && /^\d{2}:\d{2}$/.test(time))) return setProblem(t('surveys.call.needCallback'));
    record.mutate(
      {
        patientId: item.patientId,
        body: {
          appointmentId: item.appointmentId, outcome, complaint: outcome === 'completed' ? complaint : false, comment: comment.trim() || null,
          ...(outcome === 'completed' ? { answers: given } : {}),
          ...(outcome === 'callback' ? { callbackAt: instantAt(date!, minutesOf(time), tz) } : {}),
        },
      },
      {
        onSuccess: (r) => {
          notifySaved(r.low ? t('surveys.call.savedLow') : t('surveys.call.saved', { outcome: t(`surveys.outcome.${outcome}`) }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={<Text fw={700}>{t('surveys.call.title', { name: item.patientName })}</Text>} data-testid="survey-dialog">
      <Stack gap="sm">
        <Group gap="lg">
          {item.phone && <Anchor href={`tel:${item.phone}`} fw={700} size="lg">{displayPhone(item.phone)}</Anchor>}
          <Text size="sm">{t('surveys.call.visit', { date: formatDate(item.visitDate), doctor: item.doctorName ?? '—' })}</Text>
        </Group>
        <Text size="sm" c="dimmed">{t('surveys.call.prefer', { prefer: [item.preferredTime || t('surveys.anyTime'), t(`surveys.channel.${item.channel}`)].join(', ') })}</Text>
        {item.history.length > 0 && (
          <Stack gap={2}><Text size="xs" fw={600}>{t('surveys.call.history')}</Text><SurveyAttempts history={item.history} /></Stack>
        )}
        <Divider />
        <Script title={t('surveys.call.step.introduction')} text={script.introduction} />
        <Script title={t('surveys.call.step.permission')} text={script.permission} hint={t('surveys.call.permissionHint')} />
        <Text size="sm" fw={700}>{t('surveys.call.step.questions')}</Text>
        {!questionnaire.data ? <QueryState isPending={questionnaire.isPending} error={questionnaire.error} /> : (
          <Stack gap="xs" data-testid="survey-questions">
            {questions.map((q, n) => (
              <Stack key={q.key} gap={4}>
                <Text size="sm">{n + 1}. {lang === 'en' ? q.en : q.ru}</Text>
                {q.kind === 'text' ? (
                  <Textarea value={answers[q.key]?.text ?? ''} onChange={(e) => set(q.key, { text: e.currentTarget.value })} autosize minRows={1} maxLength={2000} data-testid={`q-${q.key}`} />
                ) : (
                  <Group gap="xs">
                    <ScoreButtons q={q} value={answers[q.key]?.score ?? null} onChange={(v) => set(q.key, { score: v })} />
                    {q.kind === 'nps' && <Text size="xs" c="dimmed">{t('surveys.call.npsHint')}</Text>}
                  </Group>
                )}
              </Stack>
            ))}
          </Stack>
        )}
        <Script title={t('surveys.call.step.thanks')} text={script.thanks} />
        <Divider />
        <Checkbox label={t('surveys.call.complaint')} description={t('surveys.call.complaintHint')} checked={complaint} onChange={(e) => setComplaint(e.currentTarget.checked)} disabled={outcome !== 'completed'} data-testid="survey-complaint" />
        <Textarea label={t('surveys.call.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} maxLength={2000} data-testid="survey-comment" />
        <Stack gap={4}>
          <Text size="sm" fw={500}>{t('surveys.call.outcome')}</Text>
          <SegmentedControl value={outcome} onChange={(v) => setOutcome(v as SurveyOutcomeT)} data-testid="survey-outcome"
            data={OUTCOMES.map((o) => ({ value: o, label: t(`surveys.outcome.${o}`) }))} />
        </Stack>
        {outcome === 'callback' && (
          <Group align="flex-end">
            <Text size="sm" pb={8}>{t('surveys.call.callbackWhen')}:</Text>
            <DateField label={t('surveys.call.date')} value={date} onChange={setDate} w={160} data-testid="survey-callback-date" />
            <TimeField label={t('surveys.call.time')} value={time} onChange={setTime} placeholder="18:30" data-testid="survey-callback-time" />
          </Group>
        )}
        {(problem || record.error) && (
          <Alert color="red" variant="light" role="alert">
            {problem}
            {record.error instanceof ApiError && (
              <>
                {record.error.detailIn(lang)}
                {record.error.errors.map((e) => <div key={e.field}>{lang === 'en' ? e.message_en : e.message_ru}</div>)}
              </>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('surveys.call.cancel')}</Button>
          <Button onClick={save} loading={record.isPending} data-testid="survey-save">{t('surveys.call.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
