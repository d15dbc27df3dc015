import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noShowFrom } from '../../../../src/domain/schedule/no-show.js';
import { canTransition, type Status } from '../../../../src/domain/schedule/status.js';
import { localDateOf, localTimeOf } from '../../../../src/domain/schedule/time.js';
import { useScheduleSettings } from '../../api/clinic';
import { useChangeStatus, useDeskEvent, useMove, type Appointment } from '../../api/schedule';
import { useCan, useClinicTimeZone } from '../../components/session';
import { notifySaved } from '../../lib/notify';
import { dayLabel, latenessAt, minutesText } from '../../lib/format';

type Props = {
  a: Appointment;
  today: string;
  onCancel: () => void;
  onMove: () => void;
  onFollowUp: () => void;
};

function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 20_000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

/**
 * Only the valid next steps of the visit (SCH-9) as buttons. The desk (schedule.write) moves
 * it along the whole day; doctors and assistants (schedule.status) set «В кресле» and «Завершён».
 */
export function StatusActions({ a, today, onCancel, onMove, onFollowUp }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const desk = can('schedule.write');
  const chair = can('schedule.status');
  const status = useChangeStatus();
  const event = useDeskEvent();
  const patch = useMove();
  const now = useMinute();
  const late = latenessAt(a.startsAt, now);
  const allowed = (to: Status) => canTransition(a.status, to) && (desk || (chair && (to === 'in_chair' || to === 'done')));
  const go = (to: Status, done: string) =>
    status.mutate({ id: a.id, body: { to } }, { onSuccess: () => notifySaved(done) });
  const busy = status.isPending || event.isPending || patch.isPending;

  // A visit on another day: the patient probably mixed up the day (SCH-8) — say so on the button.
  const arrivedHint =
    a.localDate !== today
      ? t('schedule.appt.otherDay', { day: dayLabel(a.localDate, t, { today }) })
      : late >= 5
        ? t('schedule.appt.late', { n: minutesText(late, t) })
        : late <= -5
          ? t('schedule.appt.early', { n: minutesText(-late, t) })
          : t('schedule.appt.onTime');
  const upcoming = a.status === 'booked' || a.status === 'confirmed';
  // «Не пришёл» only after the start plus the clinic's grace (the server refuses it earlier): hidden before the day, disabled with the time on it.
  const tz = useClinicTimeZone();
  const noShowAt = noShowFrom(Date.parse(a.startsAt), useScheduleSettings().noShowGraceMin);
  const noShowEarly = now < noShowAt;
  const noShowLater = noShowEarly && localDateOf(noShowAt, tz) > today;

  return (
    <Stack gap="xs" data-testid="status-actions">
      <Group gap="xs">
        {allowed('confirmed') && a.status === 'booked' && (
          <Button color="green" onClick={() => go('confirmed', t('schedule.status.confirmedDone'))} loading={busy} data-testid="act-confirm">
            {t('schedule.act.confirm')}
          </Button>
        )}
        {allowed('arrived') && (
          <Button color="yellow.7" onClick={() => go('arrived', t('schedule.status.arrivedDone'))} loading={busy} data-testid="act-arrived">
            {t('schedule.act.arrived')}
            <Text span size="xs" ml={6} fw={400}>
              ({arrivedHint})
            </Text>
          </Button>
        )}
        {allowed('in_chair') && (
          <Button color="grape" onClick={() => go('in_chair', t('schedule.status.inChairDone'))} loading={busy} data-testid="act-in-chair">
            {t('schedule.act.inChair')}
          </Button>
        )}
        {allowed('done') && (
          <Button color="gray.7" onClick={() => go('done', t('schedule.status.doneDone'))} loading={busy} data-testid="act-done">
            {t('schedule.act.done')}
          </Button>
        )}
        {desk && upcoming && (
          <Button variant="light" onClick={onMove} data-testid="act-move">
            {t('schedule.act.move')}
          </Button>
        )}
      </Group>
      <Group gap="xs">
        {allowed('no_show') && !noShowLater && (
          <Group gap={6} wrap="nowrap">
            <Button variant="light" color="red" size="xs" onClick={() => go('no_show', t('schedule.status.noShowDone'))} loading={busy} disabled={noShowEarly} data-testid="act-no-show">
              {t('schedule.act.noShow')}
            </Button>
            {noShowEarly && (
              <Text size="xs" c="dimmed" data-testid="no-show-hint">
                {t('schedule.act.noShowFrom', { time: localTimeOf(noShowAt, tz) })}
              </Text>
            )}
          </Group>
        )}
        {allowed('cancelled') && (
          <Button variant="light" color="red" size="xs" onClick={onCancel} data-testid="act-cancel">
            {t('schedule.act.cancel')}
          </Button>
        )}
        {a.status === 'confirmed' && allowed('booked') && (
          <Button variant="subtle" size="xs" onClick={() => go('booked', t('schedule.status.unconfirmedDone'))} loading={busy}>
            {t('schedule.act.unconfirm')}
          </Button>
        )}
        {a.status === 'arrived' && allowed('confirmed') && (
          <Button variant="subtle" size="xs" onClick={() => go('confirmed', t('common.saved'))} loading={busy}>
            {t('schedule.act.undoArrived')}
          </Button>
        )}
        {a.status === 'no_show' && allowed('booked') && (
          <Button variant="light" size="xs" onClick={() => go('booked', t('common.saved'))} loading={busy}>
            {t('schedule.act.backToBooked')}
          </Button>
        )}
        {desk && a.status === 'booked' && (
          <Button variant="subtle" size="xs" color={a.needsCall ? 'gray' : 'red'} onClick={() => patch.mutate({ id: a.id, body: { needsCall: !a.needsCall } })} loading={busy}>
            {a.needsCall ? t('schedule.act.callDone') : t('schedule.act.markCall')}
          </Button>
        )}
        {desk && upcoming && a.localDate !== today && (
          <Button variant="subtle" size="xs" onClick={() => event.mutate({ id: a.id, kind: 'wrong_day' }, { onSuccess: () => notifySaved(t('schedule.act.wrongDayDone')) })} loading={busy}>
            {t('schedule.act.wrongDay')}
          </Button>
        )}
      </Group>
      {a.status === 'done' && desk && (
        <Group gap="xs">
          {a.followUpBooked ? (
            <Badge color="teal" variant="light" size="lg">{t('schedule.act.followUpBooked')}</Badge>
          ) : (
            <>
              <Button size="xs" onClick={onFollowUp} data-testid="act-follow-up">
                {t('schedule.act.bookFollowUp')}
              </Button>
              <Button size="xs" variant="light" onClick={() => event.mutate({ id: a.id, kind: 'follow_up_booked' })} loading={busy} data-testid="act-follow-up-mark">
                {t('schedule.act.markFollowUpBooked')}
              </Button>
            </>
          )}
          {a.reviewRequested ? (
            <Badge color="teal" variant="light" size="lg">{t('schedule.act.reviewRequested')}</Badge>
          ) : (
            <Button size="xs" variant="light" onClick={() => event.mutate({ id: a.id, kind: 'review_requested' })} loading={busy} data-testid="act-review">
              {t('schedule.act.reviewRequested')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
