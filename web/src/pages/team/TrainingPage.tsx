import { Alert, Badge, Button, Checkbox, Group, Paper, Progress, Radio, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../../../src/domain/roles.js';
import { useExamPaper, useExamResults, usePeople, usePlans, useStartPlan, useTakeExam, useTickItem, type TrainingPlanT } from '../../api/team';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone, useMe } from '../../components/session';
import { useLang } from '../../i18n';
import { formatDate, formatInstant, todayIn } from '../../lib/format';
import { useFieldErrors } from '../../lib/fieldErrors';

/** «Обучение и экзамен» (STAFF-4): internship plans with a mentor, the administrator's exam, results for management. */
export function TrainingPage() {
  const { t } = useTranslation();
  const can = useCan();
  const plans = usePlans();
  const items = plans.data?.items ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={t('team.training.title')} />
      <Title order={4}>{t('team.training.plans')}</Title>
      {can('team.manage') && <StartPlan />}
      <QueryState isPending={plans.isPending} error={plans.error} />
      {plans.data && !items.length && <Text c="dimmed">{t('team.training.noPlans')}</Text>}
      {items.map((p) => <PlanCard key={p.trainee.id} plan={p} />)}
      <Exam />
      <Results />
    </Stack>
  );
}

function StartPlan() {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const people = usePeople().data?.items ?? [];
  const start = useStartPlan();
  const errors = useFieldErrors(start.error);
  const [trainee, setTrainee] = useState<string | null>(null);
  const [mentor, setMentor] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(todayIn(tz));
  const options = people.map((p) => ({ value: p.id, label: `${p.name} — ${ROLE_LABELS[p.role][lang]}` }));
  return (
    <Group gap="sm" align="flex-end">
      <Select label={t('team.training.trainee')} searchable value={trainee} onChange={setTrainee} data={options} w={300} error={errors.field('traineeId')} data-testid="plan-trainee" />
      <Select label={t('team.training.mentor')} searchable clearable value={mentor} onChange={setMentor} data={options} w={300} error={errors.field('mentorId')} />
      <DateField label={t('team.training.startDate')} value={date} onChange={setDate} w={150} />
      <Button onClick={() => trainee && date && start.mutate({ traineeId: trainee, mentorId: mentor, startDate: date })} loading={start.isPending} disabled={!trainee || !date} data-testid="plan-start">
        {t('team.training.create')}
      </Button>
      <FormErrors messages={errors.rest((f) => f === 'traineeId' || f === 'mentorId')} />
    </Group>
  );
}

function PlanCard({ plan }: { plan: TrainingPlanT }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const tick = useTickItem();
  const done = plan.items.filter((i) => i.doneAt).length;
  return (
    <Paper withBorder p="md" data-testid="training-plan">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text fw={700}>{plan.trainee.name}</Text>
          <Text size="sm" c="dimmed">{ROLE_LABELS[plan.trainee.role][lang]}</Text>
          {plan.mentor && <Text size="sm">· {t('team.training.mentorOf', { name: plan.mentor.name })}</Text>}
        </Group>
        {plan.lastExam && (
          <Badge color={plan.lastExam.passed ? 'teal' : 'red'} variant="light">
            {t('team.training.lastExam', { score: plan.lastExam.score, total: plan.lastExam.total, at: formatInstant(plan.lastExam.takenAt, tz) })}
          </Badge>
        )}
      </Group>
      <Progress value={(100 * done) / Math.max(1, plan.items.length)} mb={4} />
      <Text size="xs" c="dimmed" mb="xs">{t('team.training.progress', { done, total: plan.items.length })}</Text>
      <Stack gap={4}>
        {plan.items.map((i) => (
          <Group key={i.id} gap="sm" wrap="nowrap">
            <Checkbox checked={!!i.doneAt} onChange={(e) => tick.mutate({ id: i.id, done: e.currentTarget.checked })} aria-label={i.title} data-testid="training-item" />
            <Text size="sm" c={i.overdue ? 'red.7' : undefined} fw={i.overdue ? 600 : undefined} td={i.doneAt ? 'line-through' : undefined}>{i.title}</Text>
            <Text size="xs" c={i.overdue ? 'red.7' : 'dimmed'}>
              {i.doneAt && i.doneBy ? t('team.training.doneAt', { at: formatInstant(i.doneAt, tz), name: i.doneBy.name }) : i.dueDate ? t('team.training.due', { date: formatDate(i.dueDate) }) : ''}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function Exam() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const paper = useExamPaper(open);
  const take = useTakeExam();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const p = paper.data;
  return (
    <Paper withBorder p="md" data-testid="exam">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('team.training.exam')}</Title>
        {!open && <Button onClick={() => { setOpen(true); setAnswers({}); take.reset(); }} data-testid="exam-start">{t('team.training.takeExam')}</Button>}
      </Group>
      {take.data && (
        <Alert color={take.data.passed ? 'teal' : 'red'} mb="sm" data-testid="exam-result">
          {take.data.passed
            ? t('team.training.passed', { score: take.data.score, total: take.data.total })
            : t('team.training.failed', { score: take.data.score, total: take.data.total, pass: take.data.passMark })}
        </Alert>
      )}
      {open && <QueryState isPending={paper.isPending} error={paper.error} />}
      {open && p && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">{t('team.training.examHint', { pass: p.passMark, total: p.questions.length })}</Text>
          {p.questions.map((q, n) => (
            <Radio.Group key={q.id} label={`${n + 1}. ${q.text}`} value={answers[q.id] === undefined ? null : String(answers[q.id])} onChange={(v) => setAnswers({ ...answers, [q.id]: Number(v) })} data-testid="exam-question">
              <Stack gap={4} mt={4}>
                {q.options.map((o, i) => <Radio key={i} value={String(i)} label={o} />)}
              </Stack>
            </Radio.Group>
          ))}
          <Group>
            <Button onClick={() => take.mutate(answers, { onSuccess: () => setOpen(false) })} loading={take.isPending} data-testid="exam-submit">{t('team.training.submit')}</Button>
            <Text size="sm" c="dimmed">{t('team.training.answered', { n: Object.keys(answers).length, total: p.questions.length })}</Text>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

function Results() {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const me = useMe();
  const can = useCan();
  const r = useExamResults();
  const items = r.data?.items ?? [];
  if (!can('team.manage') && !items.length) return null;
  return (
    <Paper withBorder p="md" data-testid="exam-results">
      <Title order={4} mb="xs">{t('team.training.results')}</Title>
      {r.data && !items.length && <Text c="dimmed">{t('team.training.noResults')}</Text>}
      {items.length > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('team.jobs.employee')}</Table.Th><Table.Th>{t('team.training.date')}</Table.Th><Table.Th>{t('team.training.score')}</Table.Th><Table.Th>{t('team.training.result')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.user.id === me.user.id ? a.user.name : `${a.user.name} (${ROLE_LABELS[a.user.role][lang]})`}</Table.Td>
                <Table.Td>{formatInstant(a.takenAt, tz)}</Table.Td>
                <Table.Td>{a.score} / {a.total}</Table.Td>
                <Table.Td><Badge color={a.passed ? 'teal' : 'red'} variant="light">{a.passed ? t('team.training.resultPassed') : t('team.training.resultFailed')}</Badge>{a.wrong.length ? ` ${t('team.training.wrong', { n: a.wrong.length })}` : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
