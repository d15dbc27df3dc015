import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CancelReason } from '../../../../src/domain/schedule/status.js';
import { useDoctors } from '../../api/doctors';
import { SCHEDULE_KEY, useChangeStatus, useDeskEvent, useMove, type Appointment, type DayViewT, type WeekViewT } from '../../api/schedule';
import { notifySaved } from '../../lib/notify';
import { AppointmentPanel } from './AppointmentPanel';
import { BookDrawer, type BookTarget } from './BookDrawer';
import { DoctorLateModal, WalkInModal } from './DeskModals';
import type { GridColumn } from './grid';
import { doctorName } from './headers';
import { TwoOptionsPanel, type TwoOptionsInit } from './TwoOptionsPanel';
import { UrgentPanel } from './UrgentPanel';
import { dateOf, dayLabel, instantAt, timeOf } from '../../lib/format';

type Two = TwoOptionsInit & { after?: (a: Appointment) => void };
type Opts = { tz: string; today: string; date: string; branchId: string; onShow: (a: Appointment) => void };

/** Moves a block between the columns of a cached view at once; the server's answer then replaces it. */
function moveInView<T extends DayViewT | WeekViewT>(data: T | undefined, a: Appointment, next: Appointment): T | undefined {
  if (!data) return data;
  const cols = 'columns' in data ? data.columns : data.days;
  const moved = cols.map((c) => {
    const rest = c.appointments.filter((x) => x.id !== a.id);
    const here = c.doctorId === next.doctorId && c.date === next.localDate;
    return { ...c, appointments: here ? [...rest, next] : rest };
  });
  return ('columns' in data ? { ...data, columns: moved } : { ...data, days: moved }) as T;
}

/**
 * The drawers and dialogs of the schedule (book, two options, urgent, visit, walk-in, doctor
 * late) and the drag-and-drop move with «Вернуть»: shared by DAY and WEEK.
 */
export function usePanels({ tz, today, date, branchId, onShow }: Opts) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: doctors } = useDoctors();
  const move = useMove();
  const status = useChangeStatus();
  const deskEvent = useDeskEvent();
  const [book, setBook] = useState<BookTarget | null>(null);
  const [two, setTwo] = useState<Two | null>(null);
  const [urgent, setUrgent] = useState(false);
  const [walkIn, setWalkIn] = useState(false);
  const [late, setLate] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);

  useEffect(() => {
    if (!highlight) return;
    const id = window.setTimeout(() => setHighlight(null), 10_000);
    return () => window.clearTimeout(id);
  }, [highlight]);

  const when = (a: Appointment) => `${dayLabel(dateOf(a.startsAt, tz), t, { capital: true, today })}, ${timeOf(a.startsAt, tz)}`;

  const booked = (a: Appointment) => {
    setBook(null);
    setTwo(null);
    setUrgent(false);
    setWalkIn(false);
    setHighlight(a.id);
    notifySaved(t('schedule.book.done', { when: when(a), doctor: doctorName(doctors?.items, a.doctorId) }));
    onShow(a);
  };

  const doMove = (a: Appointment, to: { startsAt: string; doctorId: string }, undo: boolean) => {
    const length = Date.parse(a.endsAt) - Date.parse(a.startsAt);
    const next = { ...a, startsAt: to.startsAt, endsAt: new Date(Date.parse(to.startsAt) + length).toISOString(), doctorId: to.doctorId, localDate: dateOf(to.startsAt, tz) };
    void qc.cancelQueries({ queryKey: SCHEDULE_KEY });
    qc.setQueriesData<DayViewT | WeekViewT>({ queryKey: SCHEDULE_KEY }, (d) => moveInView(d, a, next));
    move.mutate(
      { id: a.id, body: { startsAt: to.startsAt, doctorId: to.doctorId !== a.doctorId ? to.doctorId : undefined } },
      {
        onSuccess: (m) => {
          setHighlight(m.id);
          if (undo) return notifySaved(t('schedule.move.undone'));
          const nid = notifications.show({
            color: 'teal',
            autoClose: 10_000,
            message: (
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm">{t('schedule.move.doneTo', { when: when(m), doctor: doctorName(doctors?.items, m.doctorId) })}</Text>
                <Button size="compact-sm" variant="light" style={{ flexShrink: 0 }} onClick={() => { notifications.hide(nid); doMove(m, { startsAt: a.startsAt, doctorId: a.doctorId }, true); }}>
                  {t('schedule.move.undo')}
                </Button>
              </Group>
            ),
          });
        },
      },
    );
  };

  const onDrop = (a: Appointment, col: GridColumn, minute: number) => {
    const startsAt = instantAt(col.date, minute, tz);
    if (startsAt === a.startsAt && col.doctorId === a.doctorId) return;
    doMove(a, { startsAt, doctorId: col.doctorId }, false);
  };

  const rebook = (a: Appointment, reason: CancelReason, note: string) => {
    setTwo({
      patient: { id: a.patientId, surname: a.patient.surname, firstName: a.patient.firstName, patronymic: a.patient.patronymic, phone: a.patient.phone, cardNumber: a.patient.cardNumber, birthDate: a.patient.birthDate },
      who: { doctorId: a.doctorId },
      kind: a.kind,
      lockPatient: true,
      title: t('schedule.cancel.rebookTitle'),
      after: (n) =>
        status.mutate(
          { id: a.id, body: { to: 'cancelled', cancel: { reason, note: note.trim() || null, rebookedAppointmentId: n.id } } },
          { onSuccess: () => notifySaved(t('schedule.cancel.rebooked', { when: when(n) })) },
        ),
    });
  };

  const followUp = (a: Appointment) => {
    setTwo({
      patient: { id: a.patientId, surname: a.patient.surname, firstName: a.patient.firstName, patronymic: a.patient.patronymic, phone: a.patient.phone, cardNumber: a.patient.cardNumber, birthDate: a.patient.birthDate },
      who: { doctorId: a.doctorId },
      kind: 'repeat',
      lockPatient: true,
      title: t('schedule.act.bookFollowUp'),
      after: () => deskEvent.mutate({ id: a.id, kind: 'follow_up_booked' }),
    });
  };

  const element = (
    <>
      {book && <BookDrawer target={book} tz={tz} today={today} onClose={() => setBook(null)} onBooked={booked} />}
      {two && (
        <TwoOptionsPanel
          init={{ branchId, ...two }}
          tz={tz}
          today={today}
          onClose={() => setTwo(null)}
          onBooked={(a) => {
            two.after?.(a);
            setOpenId(null);
            booked(a);
          }}
        />
      )}
      {urgent && <UrgentPanel tz={tz} branchId={branchId} onClose={() => setUrgent(false)} onBooked={booked} />}
      {walkIn && (
        <WalkInModal
          onClose={() => setWalkIn(false)}
          onBooked={booked}
          onArrived={(a) => {
            setWalkIn(false);
            setHighlight(a.id);
            onShow(a);
          }}
        />
      )}
      {late && <DoctorLateModal date={date} onClose={() => setLate(false)} />}
      {openId && !two && (
        <AppointmentPanel id={openId} tz={tz} today={today} onClose={() => setOpenId(null)} onRebook={rebook} onFollowUp={followUp} onMoved={(m) => { setHighlight(m.id); onShow(m); }} />
      )}
    </>
  );

  return {
    element,
    highlight,
    anyOpen: !!(book || two || urgent || walkIn || late || openId),
    openSlot: (col: GridColumn, minute: number) => setBook({ doctorId: col.doctorId, date: col.date, minute }),
    openAppointment: (a: Appointment) => setOpenId(a.id),
    openTwo: (init: Two = {}) => setTwo(init),
    openUrgent: () => setUrgent(true),
    openWalkIn: () => setWalkIn(true),
    openLate: () => setLate(true),
    onDrop,
  };
}
