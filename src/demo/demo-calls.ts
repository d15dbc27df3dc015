/**
 * The demo call base (CALL-4) for the 90 days before `now`: the calls behind the demo
 * appointments (bookings, recalls, confirmations the evening before, cancellations), first-time
 * callers who did not book (so that primary-call conversion lands near 70 %, CALL-5), and the
 * everyday rest: questions, suppliers, unsuccessful recalls. No call is in the future.
 */
import { addDays } from '../domain/dates.js';
import { isWorkingDay } from '../domain/calendar/production-calendar.js';
import type { CallsTable } from '../db/schema.js';
import type { Desk } from './demo-desk.js';
import { randomName, type Sex } from './demo-names.js';
import type { DemoPatient, PhoneFactory } from './demo-patients.js';
import type { Rng } from './demo-random.js';
import type { DemoAppointment } from './demo-schedule.js';
import { askedPrice, bySex, CALLBACK_REASONS, INFO_TOPICS, NON_PATIENT_CALLS, notBookedReason, RECALL_FAILED } from './demo-texts.js';
import { iso } from './demo-time.js';

const SEC = 1000;

export interface CallDeps {
  rng: Rng;
  desk: Desk;
  nowMs: number;
  clinicId: string;
  branchIds: readonly string[];
  sourceIds: readonly string[];
  sourceWeights: readonly number[];
  patients: readonly DemoPatient[];
  appointments: readonly DemoAppointment[];
  phones: PhoneFactory;
  id: () => string;
  daysBack?: number;
}

type CallFields = Omit<CallsTable, 'id' | 'clinic_id' | 'started_at' | 'duration_sec' | 'user_id'>;

/** Triangular distribution: calls cluster around the usual length with a long tail. */
function seconds(rng: Rng, min: number, mode: number, max: number): number {
  const u = rng.next();
  const c = (mode - min) / (max - min);
  const x = u < c ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  return Math.round(x);
}

export function generateCalls(d: CallDeps): CallsTable[] {
  const { rng, desk, nowMs } = d;
  const clock = desk.clock;
  const today = clock.localDate(nowMs);
  const firstDay = addDays(today, -(d.daysBack ?? 90));
  const windowStart = clock.toUtcMs(firstDay, 0);
  const calls: CallsTable[] = [];
  const perDay = new Map<string, { all: number; primaryBooked: number }>();
  const sourceChoices = d.sourceWeights.map((w, k) => [k, w] as const);

  const add = (startedMs: number, durationSec: number, f: CallFields): string | null => {
    if (startedMs < windowStart || startedMs + durationSec * SEC > nowMs) return null;
    const day = clock.localDate(startedMs);
    const stats = perDay.get(day) ?? { all: 0, primaryBooked: 0 };
    stats.all++;
    if (f.direction === 'in' && f.caller_type === 'primary' && f.outcome === 'booked') stats.primaryBooked++;
    perDay.set(day, stats);
    const id = d.id();
    // CALL-9: most calls answered by the second ring (about 6 s), a few left ringing while the desk was busy.
    const answer_sec = f.direction === 'in' ? (rng.chance(0.85) ? rng.int(2, 8) : rng.int(9, 30)) : null;
    calls.push({ id, clinic_id: d.clinicId, ...f, user_id: desk.adminAt(startedMs), started_at: iso(startedMs), duration_sec: durationSec, answer_sec, ended_at: iso(startedMs + durationSec * SEC) });
    return id;
  };

  const branchFor = (date: string): string =>
    isWorkingDay(date, desk.calendar) && rng.chance(0.4) ? d.branchIds[1] : d.branchIds[0];

  // A first consultation with another specialist is still a repeat patient's call (CALL-2, CALL-5):
  // only the patient's first visit comes from a primary call.
  const firstVisit = new Map<number, DemoAppointment>();
  for (const a of d.appointments) {
    const cur = firstVisit.get(a.patient);
    if (!cur || String(a.row.starts_at) < String(cur.row.starts_at)) firstVisit.set(a.patient, a);
  }

  // 1. Calls behind the appointments.
  for (const a of d.appointments) {
    const p = d.patients[a.patient];
    const who = { patient_id: p.row.id, phone: p.contactPhone, caller_name: p.contactName, branch_id: a.row.branch_id };
    const primary = a.row.kind === 'primary' && firstVisit.get(a.patient) === a;
    const created = Date.parse(a.row.created_at);
    if (a.bookedBy === 'call') {
      const dur = primary ? seconds(rng, 120, 240, 420) : seconds(rng, 90, 180, 400);
      const purpose = primary ? (rng.chance(0.25) ? 'price' : 'booking') : a.row.kind !== 'urgent' && rng.chance(0.12) ? 'reschedule' : 'booking';
      a.row.call_id = add(created - dur * SEC - rng.int(5, 90) * SEC, dur, {
        ...who, direction: 'in', caller_type: primary ? 'primary' : 'repeat', purpose,
        source_id: primary ? (p.row.source_id ?? null) : null, outcome: 'booked', outcome_reason: null, appointment_id: a.row.id,
        note: a.row.kind === 'urgent' ? `Острая боль: ${bySex(p.row.sex ?? 'female', 'записан', 'записана')} на ближайшее время` : null,
      });
    } else if (a.bookedBy === 'recall') {
      const dur = seconds(rng, 90, 150, 300);
      a.row.call_id = add(created - dur * SEC - rng.int(5, 60) * SEC, dur, {
        ...who, direction: 'out', caller_type: 'repeat', purpose: 'recall', source_id: null,
        outcome: 'booked', outcome_reason: null, appointment_id: a.row.id, note: 'Плановый профилактический осмотр',
      });
    }
    if (a.confirmCall) {
      const dur = a.confirmCall.reached ? seconds(rng, 60, 100, 240) : seconds(rng, 60, 62, 75);
      add(a.confirmCall.ms, dur, {
        ...who, direction: 'out', caller_type: primary ? 'primary' : 'repeat', purpose: 'confirmation', source_id: null,
        outcome: a.confirmCall.reached ? 'confirmed' : 'callback',
        outcome_reason: a.confirmCall.reached ? null : 'Не дозвонились, перезвонить утром', appointment_id: a.row.id, note: null,
      });
    }
    if (a.cancelCall) {
      const dur = seconds(rng, 60, 120, 300);
      add(Date.parse(a.row.status_changed_at) - dur * SEC, dur, {
        ...who, direction: 'in', caller_type: 'repeat', purpose: 'cancel', source_id: null,
        outcome: 'callback', outcome_reason: a.row.cancel_note, appointment_id: a.row.id, note: null,
      });
    }
  }

  // 2. First-time callers who did not book: conversion ≈ 66–74 % per day.
  for (const [day, stats] of [...perDay.entries()]) {
    const conversion = 0.66 + rng.next() * 0.08;
    const n = Math.round((stats.primaryBooked * (1 - conversion)) / conversion);
    for (let k = 0; k < n; k++) {
      const ms = desk.randomInstant(rng, day);
      if (ms === null) continue;
      const sex: Sex = rng.chance(0.6) ? 'female' : 'male';
      const nm = randomName(rng, sex, rng.int(1950, 2004));
      const purpose = rng.weighted<string>([['price', 45], ['booking', 40], ['info', 15]]);
      const outcome = rng.weighted<string>([['not_booked', 55], ['callback', 25], ['info_given', 20]]);
      const reason =
        outcome === 'not_booked'
          ? notBookedReason(rng, sex)
          : outcome === 'callback'
            ? rng.pick(CALLBACK_REASONS)
            : purpose === 'price'
              ? askedPrice(sex)
              : bySex(sex, 'Получил информацию, запишется позже', 'Получила информацию, запишется позже');
      add(ms, seconds(rng, 60, 170, 400), {
        branch_id: branchFor(day), direction: 'in', caller_type: 'primary', purpose, patient_id: null,
        phone: d.phones.mobile(),
        caller_name: rng.weighted([[nm.firstName, 3], [`${nm.firstName} ${nm.patronymic}`, 2], [`${nm.surname} ${nm.firstName}`, 1]]),
        source_id: d.sourceIds[rng.weighted(sourceChoices)], outcome, outcome_reason: reason, appointment_id: null, note: null,
      });
    }
  }

  // 3. The rest of a desk day: about 60–120 calls on a working day, fewer on a Saturday.
  const dayStart = clock.toUtcMs(today, 9 * 60);
  const elapsed = Math.max(0, Math.min(1, (nowMs - dayStart) / (12 * 3600 * SEC)));
  for (let day = firstDay; day <= today; day = addDays(day, 1)) {
    const h = desk.hours(day);
    if (!h) continue;
    let target = isWorkingDay(day, desk.calendar) ? rng.int(75, 110) : rng.int(15, 30);
    if (day === today) target = Math.round(target * elapsed);
    const extra = target - (perDay.get(day)?.all ?? 0);
    for (let k = 0; k < extra; k++) {
      const ms = desk.randomInstant(rng, day);
      if (ms === null) continue;
      otherCall(d, rng, ms, branchFor(day), add);
    }
  }
  return calls.sort((a, b) => (a.started_at < b.started_at ? -1 : a.started_at > b.started_at ? 1 : 0));
}

type Add = (startedMs: number, durationSec: number, f: CallFields) => string | null;

/** A call that is not a booking: a question, a supplier, an unsuccessful recall… */
function otherCall(d: CallDeps, rng: Rng, ms: number, branchId: string, add: Add): void {
  const kind = rng.weighted<string>([['info', 35], ['price', 10], ['non_patient', 12], ['recall', 25], ['reschedule', 8], ['doctor', 10]]);
  if (kind === 'non_patient') {
    const who = rng.pick(NON_PATIENT_CALLS);
    add(ms, seconds(rng, 60, 120, 300), {
      branch_id: branchId, direction: 'in', caller_type: 'non_patient', purpose: 'other', patient_id: null,
      phone: rng.chance(0.5) ? d.phones.landline() : d.phones.mobile(), caller_name: who.name, source_id: null,
      outcome: 'routed', outcome_reason: null, appointment_id: null, note: who.note,
    });
    return;
  }
  // A known patient whose card existed by then.
  let p = d.patients[rng.int(0, d.patients.length - 1)];
  for (let k = 0; k < 10 && p.createdMs > ms; k++) p = d.patients[rng.int(0, d.patients.length - 1)];
  if (p.createdMs > ms) return;
  const who = { branch_id: branchId, patient_id: p.row.id, phone: p.contactPhone, caller_name: p.contactName, source_id: null, appointment_id: null };
  switch (kind) {
    case 'info':
      add(ms, seconds(rng, 60, 150, 360), { ...who, direction: 'in', caller_type: 'repeat', purpose: 'info', outcome: 'info_given', outcome_reason: null, note: rng.pick(INFO_TOPICS) });
      return;
    case 'price':
      add(ms, seconds(rng, 60, 150, 360), { ...who, direction: 'in', caller_type: 'repeat', purpose: 'price', outcome: 'info_given', outcome_reason: askedPrice(p.contactSex), note: null });
      return;
    case 'recall': {
      const [outcome, reason] = rng.pick(RECALL_FAILED);
      add(ms, outcome === 'callback' && reason === 'Не дозвонились' ? 60 : seconds(rng, 60, 100, 240), {
        ...who, direction: 'out', caller_type: 'repeat', purpose: 'recall', outcome, outcome_reason: reason, note: 'Напоминание о профосмотре',
      });
      return;
    }
    case 'reschedule':
      add(ms, seconds(rng, 60, 140, 300), { ...who, direction: 'in', caller_type: 'repeat', purpose: 'reschedule', outcome: 'callback', outcome_reason: 'Уточнит удобное время', note: null });
      return;
    default:
      add(ms, seconds(rng, 60, 120, 240), { ...who, direction: 'in', caller_type: 'repeat', purpose: 'other', outcome: 'routed', outcome_reason: null, note: 'Вопрос лечащему врачу: передано врачу' });
  }
}
