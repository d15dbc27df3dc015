import { Alert, Anchor, Badge, Button, Group, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fullName, shortName } from '../../../../src/domain/names.js';
import type { Kind } from '../../../../src/domain/schedule/status.js';
import { SPECIALTY_LABELS } from '../../../../src/domain/specialties.js';
import { ApiError } from '../../api/client';
import { type Appointment, type Gap, type GapCandidateT, type GapDoctor } from '../../api/desk';
import { useRecordAttempt } from '../../api/worklists';
import { AttemptControls } from '../worklists/AttemptControls';
import { pickedPatient } from '../worklists/picked';
import { TwoOptionsPanel } from '../schedule/TwoOptionsPanel';
import type { Doctor } from '../../api/doctors';
import { useCan, useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { dateOf, displayPhone, formatDate, timeOf, todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { useScheduleSettings } from '../../api/clinic';
import { durationForGap } from '../../../../src/domain/schedule/settings.js';

export const REASON_COLOR: Record<GapCandidateT['reason'], string> = { waiting_list: 'grape', unfinished: 'orange', recall: 'blue' };

/** «11:00–12:30, 90 мин» */
export function useGapLabel() {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  return (g: Gap) => t('desk.gaps.gap', { start: timeOf(g.start, tz), end: timeOf(g.end, tz), minutes: g.minutes });
}

/** The visit type a call from this list books: a check-up for recall, otherwise continued treatment. */
function kindFor(c: GapCandidateT, waitingKinds: Map<string, string>): Kind {
  if (c.reason === 'recall') return 'checkup';
  const wanted = c.waitingListId ? waitingKinds.get(c.waitingListId) : undefined;
  return wanted === 'primary' || wanted === 'checkup' || wanted === 'urgent' ? wanted : 'repeat';
}

/**
 * One doctor's idle time of the day (SCH-7) and the ranked call list. «Записать в окно»
 * opens the two-option dialog for the patient and this doctor; each call's outcome is recorded
 * («Не дозвонился», «Отказался», «Записан» once the visit is booked).
 */
export function GapDoctorCard({ view, doctor, waitingKinds }: { view: GapDoctor; doctor: Doctor | undefined; waitingKinds: Map<string, string> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const can = useCan();
  const gapLabel = useGapLabel();
  const [chosen, setChosen] = useState(view.gaps[0]?.start ?? '');
  const gap = view.gaps.find((g) => g.start === chosen) ?? view.gaps[0];
  const doctorName = doctor ? fullName(doctor) : '—';

  // SCH-7 + the worklists: the call is recorded with its outcome; a booking goes through the two-option dialog
  // with the patient and this doctor (the gap is the nearest free time, so it comes first).
  const [booking, setBooking] = useState<GapCandidateT | null>(null);
  const record = useRecordAttempt();
  const booked = (c: GapCandidateT, a: Appointment) => {
    setBooking(null);
    record.mutate({ purpose: 'gap', outcome: 'booked', patientId: c.patientId, appointmentId: a.id });
    notifySaved(t('desk.gaps.booked', { name: shortName(a.patient), date: formatDate(dateOf(a.startsAt, tz)), time: timeOf(a.startsAt, tz), doctor: doctor ? shortName(doctor) : '' }));
  };

  return (
    <Paper withBorder p="md" data-testid="gap-doctor" data-doctor-id={view.doctorId}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
        <div>
          <Title order={3} size="h4" data-testid="gap-doctor-name">
            {doctorName}
          </Title>
          {doctor && (
            <Text size="sm" c="dimmed">
              {doctor.specialties.map((s) => SPECIALTY_LABELS[s][lang]).join(', ')}
            </Text>
          )}
        </div>
        <Group gap="xs" align="center">
          <Text size="sm" c="dimmed">
            {t('desk.gaps.free')}:
          </Text>
          {view.gaps.length === 1 ? (
            <Badge size="lg" variant="light" color="teal" tt="none" data-testid="gap">
              {gapLabel(view.gaps[0])}
            </Badge>
          ) : (
            <SegmentedControl
              aria-label={t('desk.gaps.chooseGap')}
              value={gap?.start ?? ''}
              onChange={setChosen}
              data={view.gaps.map((g) => ({ value: g.start, label: gapLabel(g) }))}
              color="teal"
              data-testid="gap-choice"
            />
          )}
        </Group>
      </Group>
      {view.candidates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('desk.gaps.noCandidates')}
        </Text>
      ) : (
        <Table verticalSpacing={6} highlightOnHover aria-label={`${t('desk.gaps.callList')}: ${doctorName}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32}>№</Table.Th>
              <Table.Th>{t('desk.gaps.patient')}</Table.Th>
              <Table.Th w={190}>{t('desk.gaps.reason')}</Table.Th>
              <Table.Th>{t('desk.gaps.detail')}</Table.Th>
              <Table.Th w={190}>{t('desk.gaps.phone')}</Table.Th>
              {can('schedule.write') && <Table.Th w={210} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.candidates.map((c, i) => (
              <Table.Tr key={c.patientId} data-testid="gap-candidate" data-reason={c.reason}>
                <Table.Td c="dimmed">{i + 1}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${c.patientId}`} fw={500} size="sm">
                    {c.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge color={REASON_COLOR[c.reason]} variant="light" tt="none">
                    {t(`desk.reason.${c.reason}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.detail}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {c.phone ? (
                    <Anchor href={`tel:${c.phone}`} size="sm" fw={500} data-testid="gap-phone">
                      {displayPhone(c.phone)}
                    </Anchor>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('desk.gaps.noPhone')}
                    </Text>
                  )}
                </Table.Td>
                {can('schedule.write') && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      disabled={!gap}
                      onClick={() => setBooking(c)}
                      aria-label={gap ? t('desk.gaps.bookFor', { name: c.name, time: timeOf(gap.start, tz) }) : undefined}
                      data-testid="gap-book"
                    >
                      {gap ? t('desk.gaps.book', { time: timeOf(gap.start, tz) }) : ''}
                    </Button>
                    <div style={{ marginTop: 4 }}>
                      <AttemptControls purpose="gap" patientId={c.patientId} outcomes={['not_reached', 'refused']} />
                    </div>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {booking && (
        <TwoOptionsPanel
          init={{ patient: pickedPatient({ patientId: booking.patientId, name: booking.name, phone: booking.phone }), lockPatient: true, kind: kindFor(booking, waitingKinds), who: { doctorId: view.doctorId } }}
          tz={tz}
          today={todayIn(tz)}
          onClose={() => setBooking(null)}
          onBooked={(a) => booked(booking, a)}
        />
      )}
    </Paper>
  );
}
