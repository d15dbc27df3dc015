import { LineChart } from '@mantine/charts';
import { Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAddReview, useCloseFollowUp, useDoctorFeedback, type DoctorFeedbackT, type FollowUpT, type SurveyFilterT } from '../../api/surveyResults';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { formatDate, formatInstant, todayIn } from '../../lib/format';
import { avgColor, avgText, monthLabel, NpsBadge, npsColor, npsText, questionLabel } from './shared';

/** SURV-4: one doctor's feedback — figures against the clinic's, the trend, remarks, the follow-ups of low scores and the review meetings. */
export function DoctorFeedback({ doctorId, filter, onClose }: { doctorId: string | null; filter: SurveyFilterT; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useDoctorFeedback(doctorId, filter);
  const d = q.data;
  return (
    <Modal opened={!!doctorId} onClose={onClose} size="75rem" title={d ? t('surveyResults.feedback.title', { name: d.doctor.name }) : ' '} data-testid="sr-feedback">
      <QueryState isPending={q.isPending && !!doctorId} error={q.error} />
      {d && (
        <Stack gap="md">
          <Figures d={d} />
          <FollowUps items={d.followUps} />
          <Reviews d={d} />
          <Remarks d={d} />
        </Stack>
      )}
    </Modal>
  );
}

function Figures({ d }: { d: DoctorFeedbackT }) {
  const { t } = useTranslation();
  const lang = useLang();
  const scored = d.questions.filter((x) => x.kind === 'score5');
  const chart = d.byMonth.map((m) => ({ month: monthLabel(m.month, lang), nps: m.nps }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="sm">
        <Text fw={600} mb="xs">{t('surveyResults.feedback.vsClinic')}</Text>
        <Table fz="sm" data-testid="sr-feedback-figures">
          <Table.Thead><Table.Tr><Table.Th>{t('surveyResults.feedback.question')}</Table.Th><Table.Th ta="right">{t('surveyResults.feedback.doctor')}</Table.Th><Table.Th ta="right">{t('surveyResults.feedback.clinic')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            <Table.Tr><Table.Td>{t('surveyResults.fig.count')}</Table.Td><Table.Td ta="right">{d.figures.count}</Table.Td><Table.Td ta="right">{d.clinic.count}</Table.Td></Table.Tr>
            <Table.Tr>
              <Table.Td>{t('surveyResults.fig.nps')}</Table.Td>
              <Table.Td ta="right" fw={700} c={npsColor(d.figures.nps)} data-testid="sr-feedback-nps">{npsText(d.figures.nps)}</Table.Td>
              <Table.Td ta="right" c={npsColor(d.clinic.nps)}>{npsText(d.clinic.nps)}</Table.Td>
            </Table.Tr>
            {scored.map((x) => (
              <Table.Tr key={x.key}>
                <Table.Td>{questionLabel(x, t, lang)}</Table.Td>
                <Table.Td ta="right" fw={600} c={avgColor(d.figures.averages[x.key])}>{avgText(d.figures.averages[x.key], lang)}</Table.Td>
                <Table.Td ta="right">{avgText(d.clinic.averages[x.key], lang)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr><Table.Td>{t('surveyResults.fig.complaints')}</Table.Td><Table.Td ta="right" c={d.figures.complaints ? 'red.7' : undefined}>{d.figures.complaints}</Table.Td><Table.Td ta="right">{d.clinic.complaints}</Table.Td></Table.Tr>
            <Table.Tr><Table.Td>{t('surveyResults.fig.low')}</Table.Td><Table.Td ta="right" c={d.figures.low ? 'orange.7' : undefined}>{d.figures.low}</Table.Td><Table.Td ta="right">{d.clinic.low}</Table.Td></Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="sm">
        <Text fw={600} mb="xs">{t('surveyResults.trend.nps')}</Text>
        <LineChart h={260} data={chart} dataKey="month" series={[{ name: 'nps', label: t('surveyResults.fig.nps'), color: 'teal.7' }]} yAxisProps={{ domain: [-100, 100] }}
          referenceLines={[{ y: 0, color: 'gray.5' }]} connectNulls curveType="linear" />
      </Paper>
    </SimpleGrid>
  );
}

function Remarks({ d }: { d: DoctorFeedbackT }) {
  const { t } = useTranslation();
  const lang = useLang();
  const scored = d.questions.filter((x) => x.kind === 'score5');
  // Low scores and complaints first, then the comments; newest first within each.
  const remarks = [...d.remarks.filter((c) => c.low), ...d.remarks.filter((c) => !c.low)];
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">{t('surveyResults.feedback.remarks')}</Title>
      {remarks.length === 0 ? <Text c="dimmed" size="sm">{t('surveyResults.feedback.noRemarks')}</Text> : (
        <Table fz="sm" striped data-testid="sr-feedback-remarks">
          <Table.Tbody>
            {remarks.map((c) => (
              <Table.Tr key={c.id} style={c.low ? { background: 'var(--mantine-color-red-0)' } : undefined}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.visitDate ? formatDate(c.visitDate) : '—'}</Table.Td>
                <Table.Td><Anchor component={Link} to={`/patients/${c.patientId}`}>{c.patientName}</Anchor></Table.Td>
                <Table.Td><NpsBadge score={c.nps} /></Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {scored.filter((x) => c.scores[x.key] !== undefined && c.scores[x.key]! <= 3).map((x) => (
                      <Badge key={x.key} variant="outline" color={c.scores[x.key]! <= 2 ? 'red' : 'gray'} size="sm" tt="none">{questionLabel(x, t, lang)} {c.scores[x.key]}</Badge>
                    ))}
                    {c.complaint && <Badge color="red" size="sm">{t('surveyResults.list.complaint')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>{c.comment}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function FollowUps({ items }: { items: FollowUpT[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">{t('surveyResults.feedback.followUps')}</Title>
      {items.length === 0 ? <Text c="dimmed" size="sm">{t('surveyResults.feedback.noFollowUps')}</Text> : (
        <Stack gap="xs" data-testid="sr-followups">{[...items.filter((f) => f.status === 'open'), ...items.filter((f) => f.status !== 'open')].map((f) => <FollowUp key={f.id} f={f} />)}</Stack>
      )}
    </Paper>
  );
}

function FollowUp({ f }: { f: FollowUpT }) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const close = useCloseFollowUp();
  const errors = useFieldErrors(close.error);
  const [closing, setClosing] = useState<'done' | 'cancelled' | null>(null);
  const [outcome, setOutcome] = useState('');
  const color = f.status === 'done' ? 'teal' : f.status === 'cancelled' ? 'gray' : f.overdue ? 'red' : 'blue';
  return (
    <Paper withBorder p="xs" data-testid="sr-followup" style={f.overdue ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} miw={0}>
          <Group gap="xs">
            <Anchor component={Link} to={`/patients/${f.patientId}`} fw={600}>{f.patientName}</Anchor>
            <Badge color={color} size="sm" variant={f.status === 'open' ? 'filled' : 'light'}>{f.overdue ? t('surveyResults.feedback.overdue') : t(`surveyResults.feedback.status.${f.status}`)}</Badge>
            <Text size="sm" c={f.overdue ? 'red.8' : 'dimmed'}>{f.dueDate ? t('surveyResults.feedback.due', { date: formatDate(f.dueDate) }) : t('surveyResults.feedback.noDue')}</Text>
          </Group>
          {f.details && <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{f.details}</Text>}
          {f.status !== 'open' && (
            <Text size="sm" data-testid="sr-followup-outcome">
              <b>{f.outcome}</b>{f.closedBy && f.closedAt ? <Text span c="dimmed" size="xs"> — {t('surveyResults.feedback.closedBy', { name: f.closedBy, at: formatInstant(f.closedAt, tz) })}</Text> : null}
            </Text>
          )}
        </Stack>
        {f.status === 'open' && !closing && (
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            <Button size="xs" color="teal" onClick={() => setClosing('done')} data-testid="sr-followup-close">{t('surveyResults.feedback.close')}</Button>
            <Button size="xs" variant="default" onClick={() => setClosing('cancelled')}>{t('surveyResults.feedback.cancel')}</Button>
          </Group>
        )}
      </Group>
      {closing && (
        <Group gap="sm" align="flex-end" mt="xs">
          <TextInput label={closing === 'done' ? t('surveyResults.feedback.outcome') : t('surveyResults.feedback.outcomeCancel')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)}
            maxLength={200} style={{ flex: 1 }} error={errors.field('outcome')} data-testid="sr-followup-outcome-input" />
          <Button onClick={() => close.mutate({ id: f.id, status: closing, outcome }, { onSuccess: () => { setClosing(null); setOutcome(''); } })} loading={close.isPending} data-testid="sr-followup-save">
            {t('surveyResults.feedback.save')}
          </Button>
          <Button variant="default" onClick={() => setClosing(null)}>{t('surveyResults.feedback.back')}</Button>
        </Group>
      )}
    </Paper>
  );
}

function Reviews({ d }: { d: DoctorFeedbackT }) {
  const { t } = useTranslation();
  const can = useCan();
  const tz = useClinicTimeZone();
  const add = useAddReview(d.doctor.id);
  const errors = useFieldErrors(add.error);
  const [meetingDate, setMeetingDate] = useState<string | null>(todayIn(tz));
  const [participants, setParticipants] = useState('');
  const [text, setText] = useState('');
  const shown = (f: string) => ['meetingDate', 'participants', 'text'].includes(f.replace(/^body\./, ''));
  const err = (f: string) => errors.field(f) ?? errors.field(`body.${f}`);
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">{t('surveyResults.feedback.reviews')}</Title>
      <Stack gap="xs">
        {d.reviews.length === 0 ? <Text c="dimmed" size="sm">{t('surveyResults.feedback.noReviews')}</Text> : d.reviews.map((r) => (
          <Paper key={r.id} p="xs" bg="gray.0" data-testid="sr-review">
            <Text size="sm" fw={600}>{formatDate(r.meetingDate)} · {r.participants}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.text}</Text>
            {r.createdBy && <Text size="xs" c="dimmed">{t('surveyResults.feedback.by', { name: r.createdBy })}, {formatInstant(r.createdAt, tz)}</Text>}
          </Paper>
        ))}
        {can('surveys.manage') && (
          <Stack gap="xs" mt="xs" data-testid="sr-review-form">
            <Group align="flex-end" gap="sm">
              <DateField label={t('surveyResults.feedback.meetingDate')} value={meetingDate} onChange={setMeetingDate} w={150} error={err('meetingDate')} data-testid="sr-review-date" />
              <TextInput label={t('surveyResults.feedback.participants')} placeholder={t('surveyResults.feedback.participantsPlaceholder')} value={participants} onChange={(e) => setParticipants(e.currentTarget.value)}
                maxLength={400} style={{ flex: 1 }} error={err('participants')} data-testid="sr-review-participants" />
            </Group>
            <Textarea label={t('surveyResults.feedback.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={4000} error={err('text')} data-testid="sr-review-text" />
            <FormErrors messages={errors.rest(shown)} />
            <Group>
              <Button onClick={() => add.mutate({ meetingDate: meetingDate ?? '', participants, text }, { onSuccess: () => { setParticipants(''); setText(''); } })} loading={add.isPending} data-testid="sr-review-save">
                {t('surveyResults.feedback.addReview')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
