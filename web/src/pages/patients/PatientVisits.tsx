import { Anchor, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shortName } from '../../../../src/domain/names.js';
import { holdsTime, KIND_LABELS, STATUS_LABELS, type Status } from '../../../../src/domain/schedule/status.js';
import { usePatientAppointments, type Appointment } from '../../api/desk';
import { useDoctors } from '../../api/doctors';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { formatDate, timeOf } from '../../lib/format';
import { weekdayOf } from '../../../../src/domain/dates.js';

export const STATUS_COLOR: Record<Status, string> = {
  booked: 'blue',
  confirmed: 'teal',
  arrived: 'yellow',
  in_chair: 'violet',
  done: 'green',
  no_show: 'red',
  cancelled: 'gray',
};

const PAST_SHOWN = 5;

/** «Визиты» of the patient card: upcoming first (nearest on top), then past (newest on top). */
/** `active`: false on a blocked or destroyed card — the visits stay readable, nothing new is offered. */
export function PatientVisits({ patientId, active = true }: { patientId: string; active?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const allowed = can('schedule.read');
  const { data, isPending, error } = usePatientAppointments(patientId, allowed);
  const [showAll, setShowAll] = useState(false);

  const { upcoming, past } = useMemo(() => {
    const now = Date.now();
    const items = data?.items ?? [];
    const isUpcoming = (a: Appointment) => Date.parse(a.endsAt) >= now && holdsTime(a.status) && a.status !== 'done';
    return {
      upcoming: items.filter(isUpcoming).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      past: items.filter((a) => !isUpcoming(a)).sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
    };
  }, [data]);

  if (!allowed) return null;
  const pastShown = showAll ? past : past.slice(0, PAST_SHOWN);

  return (
    <Paper withBorder p="md" data-testid="patient-visits">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {t('desk.visits.title')}
        </Title>
        {active && can('schedule.write') && (
          <Anchor component={Link} to={`/desk/waiting-list?patientId=${patientId}`} size="sm" data-testid="patient-to-waiting">
            {t('desk.waiting.fromCard')}
          </Anchor>
        )}
      </Group>
      <QueryState isPending={isPending} error={error} />
      {data && data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('desk.visits.none')}
        </Text>
      )}
      {data && data.items.length > 0 && (
        <Table verticalSpacing={4} highlightOnHover>
          <Table.Tbody>
            <SubHeader label={t('desk.visits.upcoming')} />
            {upcoming.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6} c="dimmed" fz="sm">
                  {t('desk.visits.noUpcoming')}
                </Table.Td>
              </Table.Tr>
            )}
            {upcoming.map((a) => (
              <VisitRow key={a.id} a={a} upcoming />
            ))}
            {past.length > 0 && <SubHeader label={t('desk.visits.past')} />}
            {pastShown.map((a) => (
              <VisitRow key={a.id} a={a} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {past.length > PAST_SHOWN && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setShowAll((v) => !v)} data-testid="visits-show-all">
          {showAll ? t('desk.visits.showLess') : t('desk.visits.showAll', { n: past.length })}
        </Button>
      )}
    </Paper>
  );
}

function SubHeader({ label }: { label: string }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={6} pt="sm">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {label}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function VisitRow({ a, upcoming = false }: { a: Appointment; upcoming?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const doctors = useDoctors();
  const doctor = doctors.data?.items.find((d) => d.id === a.doctorId);
  const faded = a.status === 'cancelled' || a.status === 'no_show';
  return (
    <Table.Tr data-testid="visit-row" data-id={a.id} data-upcoming={upcoming} style={{ opacity: faded ? 0.7 : 1 }}>
      <Table.Td style={{ whiteSpace: 'nowrap' }} fw={upcoming ? 600 : undefined}>
        {t(`weekday.short.${weekdayOf(a.localDate)}`)}, {formatDate(a.localDate)}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {timeOf(a.startsAt, tz)}–{timeOf(a.endsAt, tz)}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{doctor ? shortName(doctor) : ''}</Table.Td>
      <Table.Td>
        <Text size="sm">{KIND_LABELS[a.kind][lang]}</Text>
      </Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLOR[a.status]} variant="light" tt="none">
          {STATUS_LABELS[a.status][lang]}
        </Badge>
        {a.lateMinutes != null && a.lateMinutes >= 5 && (
          <Text span size="xs" c="orange.8" ml={6}>
            {t('desk.visits.late', { n: a.lateMinutes })}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <Anchor component={Link} to={`/schedule?date=${a.localDate}&branch=${a.branchId}&visit=${a.id}`} size="sm" aria-label={`${t('desk.visits.openSchedule')}: ${formatDate(a.localDate)}`} data-testid="visit-schedule-link">
          {t('desk.visits.toSchedule')}
        </Anchor>
      </Table.Td>
    </Table.Tr>
  );
}
