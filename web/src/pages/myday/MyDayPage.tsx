import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fullName } from '../../../../src/domain/names.js';
import { KIND_LABELS, STATUS_LABELS } from '../../../../src/domain/schedule/status.js';
import { SVC_LABELS, type SvcSection } from '../../../../src/domain/service-card.js';
import { useChangeStatus, useWeekView, type Appointment } from '../../api/schedule';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone, useMe } from '../../components/session';
import { useLang } from '../../i18n';
import { dayLabel, timeOf, todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { recordDelay, useDelay } from '../../live/delays';
import { useLiveUpdates } from '../../live/useLiveUpdates';
import { AlertIcon } from '../schedule/icons';
import { mondayOf } from '../../../../src/domain/dates.js';
import { NotificationsList } from './NotificationsList';
import { useDayAnamnesis, type AnamnesisT } from '../../api/questionnaires';
import { AnamnesisLine } from '../documents/AnamnesisBlock';
import '../schedule/schedule.css';

const COLOR: Record<string, string> = { booked: 'blue', confirmed: 'green', arrived: 'yellow', in_chair: 'grape', done: 'gray', no_show: 'red', cancelled: 'gray' };

/**
 * «Мой день» for a doctor: today's patients in order with their status and service-card alerts,
 * «В кресле» / «Завершён» at hand, and the desk's notes («пациент пришёл») arriving live.
 */
export function MyDayPage() {
  const { t } = useTranslation();
  const me = useMe();
  const tz = useClinicTimeZone();
  const today = todayIn(tz);
  const doctorId = me.user.doctorId;
  const week = useWeekView(doctorId, today);
  const live = useLiveUpdates((e) => {
    if (e.kind === 'doctor_late' && e.payload.doctorId && e.payload.date && e.payload.minutes) recordDelay(e.payload.doctorId, e.payload.date, e.payload.minutes);
  });
  const delay = useDelay(doctorId ?? '', today);
  const anamnesis = useDayAnamnesis(today, doctorId ?? null, !!doctorId);

  if (!doctorId) {
    return (
      <>
        <PageHeader title={t('schedule.myDay.title')} />
        <Alert color="gray">{t('schedule.myDay.noDoctor')}</Alert>
      </>
    );
  }

  const day = week.data?.days.find((d) => d.date === today);
  const list = [...(day?.appointments ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const activeCount = list.filter((a) => a.status !== 'cancelled' && a.status !== 'no_show').length;

  return (
    <div data-testid="my-day">
      <PageHeader title={`${t('schedule.myDay.title')} · ${dayLabel(today, t)}`}>
        {live !== 'open' && <Badge color="orange" variant="light">{t('schedule.live.off')}</Badge>}
        <Button variant="default" component={Link} to={`/schedule/week?doctor=${doctorId}&from=${mondayOf(today)}`}>
          {t('schedule.myDay.week')}
        </Button>
      </PageHeader>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <NotificationsList tz={tz} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap={6}>
            <Title order={3}>
              {t('schedule.myDay.patients', { count: activeCount })}
            </Title>
            {delay && <Alert color="orange" p="xs">{t('schedule.late.badge', { n: delay })}</Alert>}
            <QueryState isPending={week.isPending} error={week.error} />
            {week.data && list.length === 0 && <Text c="dimmed">{t('schedule.myDay.empty')}</Text>}
            {list.map((a) => (
              <VisitRow key={a.id} a={a} tz={tz} anamnesis={anamnesis.data?.items.find((x) => x.appointmentId === a.id)} />
            ))}
          </Stack>
        </Grid.Col>
      </Grid>
    </div>
  );
}

function VisitRow({ a, tz, anamnesis }: { a: Appointment; tz: string; anamnesis?: AnamnesisT }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const status = useChangeStatus();
  const gone = a.status === 'cancelled' || a.status === 'no_show';
  const go = (to: 'in_chair' | 'done') =>
    status.mutate({ id: a.id, body: { to } }, { onSuccess: () => notifySaved(STATUS_LABELS[to][lang]) });

  return (
    <Paper withBorder p="xs" opacity={gone ? 0.55 : 1} bg={a.status === 'arrived' ? 'yellow.0' : a.status === 'in_chair' ? 'grape.0' : undefined} data-testid={`myday-${a.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Group gap={8} wrap="nowrap">
            <Text fw={700} ff="monospace" size="lg">
              {timeOf(a.startsAt, tz)}
            </Text>
            <Anchor component={Link} to={`/patients/${a.patientId}`} fw={600} td={gone ? 'line-through' : undefined}>
              {fullName(a.patient)}
            </Anchor>
            <Badge color={COLOR[a.status]} variant="light">
              {STATUS_LABELS[a.status][lang]}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {timeOf(a.startsAt, tz)}–{timeOf(a.endsAt, tz)} · {KIND_LABELS[a.kind][lang]}
            {a.patient.addressAs ? ` · ${t('schedule.appt.addressAs')}: ${a.patient.addressAs}` : ''}
            {a.arrivedAt && a.lateMinutes !== null && a.lateMinutes >= 5 ? ` · ${t('schedule.appt.late', { n: a.lateMinutes })}` : ''}
          </Text>
          {(a.comment || a.services) && <Text size="sm">{[a.services, a.comment].filter(Boolean).join(' · ')}</Text>}
          {!gone && <AnamnesisLine item={anamnesis} />}
          {a.alerts.map((x, i) => (
            <Text key={i} size="sm" c="red.8">
              <AlertIcon /> {SVC_LABELS[x.section as SvcSection]?.[lang] ?? x.section}: {x.text}
            </Text>
          ))}
        </div>
        {can('schedule.status') && (
          <Group gap={6} wrap="nowrap">
            {a.status === 'arrived' && (
              <Button color="grape" onClick={() => go('in_chair')} loading={status.isPending} data-testid="myday-in-chair">
                {t('schedule.act.inChair')}
              </Button>
            )}
            {a.status === 'in_chair' && (
              <Button color="gray.7" onClick={() => go('done')} loading={status.isPending} data-testid="myday-done">
                {t('schedule.act.done')}
              </Button>
            )}
          </Group>
        )}
      </Group>
    </Paper>
  );
}
