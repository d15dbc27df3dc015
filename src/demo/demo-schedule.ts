/**
 * Demo appointments from 90 days before `now` to 30 days after. Each doctor's working day
 * (rota weekday, a working day of the production calendar, no vacation or sick leave) is
 * filled to 70–85 % with back-to-back visits aligned to 15 minutes, so no doctor and no chair
 * ever has two live visits at once. Cancelled visits come on top: their slots were re-booked,
 * which the overlap rule allows because it ignores cancelled and no-show visits.
 */
import { addDays, weekdayOf } from '../domain/dates.js';
import { dayKind, isWorkingDay, previousWorkingDay, nextWorkingDay } from '../domain/calendar/production-calendar.js';
import type { Insertable } from 'kysely';
import type { AppointmentsTable } from '../db/schema.js';
import type { Desk } from './demo-desk.js';
import type { DemoPatient } from './demo-patients.js';
import type { Rng } from './demo-random.js';
import type { Practice } from './demo-staff.js';
import { PatientPicker } from './demo-picker.js';
import { appointmentComment, cancellation, type Cancellation, type VisitKind } from './demo-texts.js';
import { DAY_MS, iso } from './demo-time.js';

const MIN = 60_000;

export interface RotaDay {
  branchId: string;
  chairId: string;
  /** Working intervals in minutes since midnight, the break left out. */
  segments: readonly (readonly [number, number])[];
}

export interface ScheduleDoctor {
  id: string;
  practice: Practice;
  /** ISO weekday → where and when the doctor works. */
  rota: ReadonlyMap<number, RotaDay>;
  /** Inclusive date ranges off work (vacation, sick leave, training). */
  off: readonly (readonly [string, string])[];
}

export interface DemoAppointment {
  row: Insertable<AppointmentsTable> & { status: string; status_changed_at: string; comment: string | null; cancel_note: string | null };
  patient: number;
  /** How the visit was booked: an incoming call, a recall call from the desk, or at the desk. */
  bookedBy: 'call' | 'recall' | 'desk';
  /** The confirmation call the day before (CONF-1/2), when it has already happened. */
  confirmCall: { ms: number; reached: boolean } | null;
  /** The cancellation came by phone. */
  cancelCall: boolean;
}

export interface ScheduleDeps {
  rng: Rng;
  desk: Desk;
  nowMs: number;
  clinicId: string;
  doctors: readonly ScheduleDoctor[];
  patients: readonly DemoPatient[];
  id: () => string;
  daysBack?: number;
  daysAhead?: number;
}

const KINDS: Record<Practice, readonly (readonly [VisitKind, number])[]> = {
  therapist: [['primary', 20], ['repeat', 55], ['checkup', 15], ['urgent', 10]],
  surgeon: [['primary', 25], ['repeat', 57], ['checkup', 10], ['urgent', 8]],
  orthopedist: [['primary', 20], ['repeat', 70], ['checkup', 8], ['urgent', 2]],
  orthodontist: [['primary', 15], ['repeat', 70], ['checkup', 13], ['urgent', 2]],
  hygienist: [['primary', 22], ['repeat', 28], ['checkup', 50]],
  pediatric: [['primary', 22], ['repeat', 45], ['checkup', 23], ['urgent', 10]],
};

type Durations = readonly (readonly [number, number])[];
const DURATIONS: Record<Practice, Durations> = {
  therapist: [[30, 10], [45, 25], [60, 40], [90, 25]],
  surgeon: [[30, 25], [60, 40], [90, 35]],
  orthopedist: [[30, 30], [45, 25], [60, 30], [90, 15]],
  orthodontist: [[30, 55], [45, 35], [60, 10]],
  hygienist: [[45, 25], [60, 65], [90, 10]],
  pediatric: [[30, 50], [45, 40], [60, 10]],
};
const SHORT: Durations = [[30, 60], [45, 40]];

function durationsFor(practice: Practice, kind: VisitKind): Durations {
  if (kind === 'urgent') return SHORT;
  if (kind === 'primary') return practice === 'hygienist' ? [[60, 1]] : practice === 'orthodontist' ? [[45, 1], [60, 1]] : SHORT;
  if (kind === 'checkup') return practice === 'hygienist' ? DURATIONS.hygienist : [[30, 1]];
  return DURATIONS[practice];
}

function meanDuration(practice: Practice): number {
  let sum = 0;
  let w = 0;
  for (const [kind, kw] of KINDS[practice]) {
    for (const [d, dw] of durationsFor(practice, kind)) {
      const total = durationsFor(practice, kind).reduce((a, [, x]) => a + x, 0);
      sum += kw * (dw / total) * d;
    }
    w += kw;
  }
  return sum / w;
}

interface Visit {
  status: string;
  changedMs: number;
  needsCall: 0 | 1;
  confirmCall: DemoAppointment['confirmCall'];
  cancelCall: boolean;
  arrivedMs: number | null;
  inChairMs: number | null;
  doneMs: number | null;
  cancel: Cancellation | null;
}

interface Slot {
  start: number;
  dur: number;
  kind: VisitKind;
}

/** Visits for one doctor-day at a fill ratio of 70–85 % of the working minutes. */
function fillDay(rng: Rng, practice: Practice, segments: RotaDay['segments']): Slot[] {
  const capacity = segments.reduce((a, [s, e]) => a + e - s, 0);
  const target = 0.7 + rng.next() * 0.15;
  const d = meanDuration(practice);
  // Probability of leaving a 15-minute gap at each step so that the expected fill is `target`.
  const gap = (d * (1 - target)) / (d * (1 - target) + 15 * target);
  let best: Slot[] = [];
  let bestDiff = Infinity;
  for (let attempt = 0; attempt < 8; attempt++) {
    const out: Slot[] = [];
    let busy = 0;
    for (const [s, e] of segments) {
      let t = s;
      while (e - t >= 30) {
        if (rng.chance(gap)) {
          t += 15;
          continue;
        }
        const kind = rng.weighted(KINDS[practice]);
        const fits = durationsFor(practice, kind).filter(([m]) => m <= e - t);
        if (!fits.length) {
          t += 15;
          continue;
        }
        const dur = rng.weighted(fits);
        out.push({ start: t, dur, kind });
        t += dur;
        busy += dur;
      }
    }
    const fill = busy / capacity;
    if (fill >= 0.7 && fill <= 0.85) return out;
    const diff = Math.abs(fill - target);
    if (diff < bestDiff) [best, bestDiff] = [out, diff];
  }
  return best;
}

export function generateAppointments(d: ScheduleDeps): DemoAppointment[] {
  const { rng, desk, nowMs } = d;
  const clock = desk.clock;
  const cal = desk.calendar;
  const today = clock.localDate(nowMs);
  const tomorrow = nextWorkingDay(today, cal);
  const picker = new PatientPicker(rng, d.patients);
  const out: DemoAppointment[] = [];

  const bookingMs = (date: string, startMin: number, startMs: number, kind: VisitKind): number => {
    let ms: number | null = null;
    const h = desk.hours(date);
    if (kind === 'urgent' && h && startMin - 45 >= h[0] + 10) {
      ms = clock.toUtcMs(date, rng.int(Math.max(h[0] + 10, startMin - 240), startMin - 45)) + rng.int(0, 59) * 1000;
    } else {
      const leadDays = () => (kind === 'urgent' ? 1 : rng.weighted<number>([[1, 10], [2, 12], [3, 12], [4, 10], [5, 8], [6, 6], [7, 10], [rng.int(8, 14), 20], [rng.int(15, 30), 12]]));
      // Draw again rather than move a Sunday booking to Saturday, which would double Saturdays.
      let day = addDays(date, -leadDays());
      for (let k = 0; k < 4 && !desk.isOpen(day); k++) day = addDays(date, -leadDays());
      while (!desk.isOpen(day)) day = addDays(day, -1);
      ms = desk.randomInstant(rng, day);
    }
    // The schedule ahead is already full, so its bookings are spread over the last three weeks.
    if (ms === null || ms >= nowMs - 5 * MIN) ms = desk.randomInstantBefore(rng, Math.min(nowMs, startMs - 30 * MIN), kind === 'urgent' ? 1 : 21);
    return ms;
  };

  /** When the desk calls to confirm a visit: the previous working evening, or that morning for an afternoon visit after days off. */
  const confirmationMs = (date: string, startMin: number): number => {
    const prev = previousWorkingDay(date, cal);
    if (prev !== addDays(date, -1) && startMin >= 14 * 60) return clock.toUtcMs(date, rng.int(9 * 60 + 5, 10 * 60 + 55)) + rng.int(0, 59) * 1000;
    return clock.toUtcMs(prev, rng.int(16 * 60, 19 * 60 + 50)) + rng.int(0, 59) * 1000;
  };

  const start = addDays(today, -(d.daysBack ?? 90));
  const end = addDays(today, d.daysAhead ?? 30);
  for (let date = start; date <= end; date = addDays(date, 1)) {
    // Plain weekends follow the rota (the main branch works Saturdays); holidays and transferred days off are closed.
    if (!isWorkingDay(date, cal) && dayKind(date, cal) !== 'weekend') continue;
    const weekday = weekdayOf(date);
    for (const doc of d.doctors) {
      const rota = doc.rota.get(weekday);
      if (!rota || doc.off.some(([a, b]) => a <= date && date <= b)) continue;
      const slots = fillDay(rng, doc.practice, rota.segments);
      const live = slots.length;
      // Cancelled visits on top: ~8 % of past visits, fewer ahead (not yet cancelled).
      const cancelRate = date < today ? 0.087 : 0.04;
      for (let k = 0; k < live; k++) if (rng.chance(cancelRate)) slots.push(randomSlot(rng, doc.practice, rota.segments));

      slots.forEach((slot, idx) => {
        const cancelled = idx >= live;
        // Acute pain is booked for today or tomorrow, never weeks ahead.
        if (slot.kind === 'urgent' && date > tomorrow) slot.kind = rng.chance(0.3) ? 'primary' : 'repeat';
        const startMs = clock.toUtcMs(date, slot.start);
        const endMs = startMs + slot.dur * MIN;
        const createdMs = bookingMs(date, slot.start, startMs, slot.kind);
        const p = picker.pick(doc.id, doc.practice, slot.kind, createdMs, startMs, endMs, !cancelled);
        if (p === null) return;
        const patient = d.patients[p];
        const v: Visit = { status: 'booked', changedMs: createdMs, needsCall: 0, confirmCall: null, cancelCall: false, arrivedMs: null, inChairMs: null, doneMs: null, cancel: null };
        const cMs = confirmationMs(date, slot.start);
        const callDone = cMs < nowMs && cMs > createdMs + 30 * MIN;
        const arrive = () => {
          // Most come a little early, some are late (SVC-3).
          v.arrivedMs = startMs + rng.weighted<number>([[-rng.int(1, 15), 60], [0, 20], [rng.int(1, 20), 20]]) * MIN;
          v.inChairMs = Math.max(startMs, v.arrivedMs) + rng.int(0, 5) * MIN;
        };

        if (cancelled) {
          v.status = 'cancelled';
          const limit = Math.min(nowMs, startMs - 30 * MIN);
          v.changedMs = desk.randomInstantBefore(rng, limit, Math.max(0, Math.floor((limit - createdMs) / DAY_MS)));
          if (v.changedMs <= createdMs) v.changedMs = Math.min(limit, createdMs + rng.int(2, 5) * MIN);
          if (v.changedMs <= createdMs) v.changedMs = createdMs + MIN;
          v.cancel = cancellation(rng, patient.row.sex ?? 'female', patient.child);
          v.cancelCall = rng.chance(0.7);
        } else if (startMs <= nowMs) {
          // Past, or today and already begun.
          const noShow = date < today ? rng.chance(0.055) : endMs <= nowMs && rng.chance(0.03);
          if (noShow) {
            v.status = 'no_show';
            v.changedMs = startMs + 20 * MIN;
          } else if (endMs <= nowMs) {
            arrive();
            v.status = 'done';
            v.doneMs = v.changedMs = endMs + rng.int(0, 10) * MIN;
          } else {
            arrive();
            v.status = 'in_chair';
            if (v.inChairMs! > nowMs) v.inChairMs = nowMs - MIN;
            if (v.arrivedMs! > v.inChairMs!) v.arrivedMs = v.inChairMs;
            v.changedMs = v.inChairMs!;
          }
          if (callDone && rng.chance(0.8)) v.confirmCall = { ms: cMs, reached: rng.chance(noShow ? 0.5 : 0.93) };
        } else {
          // Not begun yet. CONF-4: booked on the day or the day before → confirmed at once,
          // unless the administrator marked it «ПОЗВОНИТЬ».
          const quick = date <= addDays(clock.localDate(createdMs), 1);
          const marked = quick && rng.chance(0.12);
          v.status = quick && !marked ? 'confirmed' : 'booked';
          v.needsCall = marked ? 1 : 0;
          if (date === today && !quick) {
            // CONF-1/3: last evening's (or this morning's) call confirmed it, or the patient was not reached.
            const reached = callDone && rng.chance(0.88);
            if (callDone) v.confirmCall = { ms: cMs, reached };
            v.status = reached ? 'confirmed' : 'booked';
            v.changedMs = reached ? cMs : createdMs;
            v.needsCall = reached ? 0 : 1;
          } else if (!quick && rng.chance(date === tomorrow ? 0.3 : 0.1)) {
            // Confirmed ahead: the patient called back or confirmed when reminded of another visit.
            v.status = 'confirmed';
            v.changedMs = createdMs + Math.floor(rng.next() * (nowMs - createdMs));
          } else if (!quick && date === tomorrow && rng.chance(0.25)) {
            v.needsCall = 1;
          }
          if (date === today && startMs - nowMs <= 20 * MIN && rng.chance(0.75)) {
            v.status = 'arrived';
            v.needsCall = 0;
            v.arrivedMs = v.changedMs = nowMs - rng.int(1, 10) * MIN;
          }
        }
        v.changedMs = Math.max(createdMs, Math.min(v.changedMs, nowMs));

        const bookedBy = bookingChannel(rng, slot.kind);
        const done = v.status === 'done';
        out.push({
          row: {
            id: d.id(),
            clinic_id: d.clinicId,
            branch_id: rota.branchId,
            doctor_id: doc.id,
            chair_id: rota.chairId,
            patient_id: patient.row.id,
            starts_at: iso(startMs),
            ends_at: iso(endMs),
            local_date: clock.localDate(startMs),
            kind: slot.kind,
            status: v.status,
            squeeze_in: 0,
            needs_call: v.needsCall,
            comment: appointmentComment(rng, doc.practice, slot.kind, patient.row.sex ?? 'female', patient.age),
            created_at: iso(createdMs),
            created_by: desk.adminAt(createdMs),
            updated_at: iso(v.changedMs),
            status_changed_at: iso(v.changedMs),
            services: null,
            call_id: null,
            walk_in: 0,
            late_minutes: v.arrivedMs === null ? null : Math.round((v.arrivedMs - startMs) / MIN),
            arrived_at: v.arrivedMs === null ? null : iso(v.arrivedMs),
            in_chair_at: v.inChairMs === null ? null : iso(v.inChairMs),
            done_at: v.doneMs === null ? null : iso(v.doneMs),
            cancel_reason: v.cancel?.reason ?? null,
            cancel_note: v.cancel?.note ?? null,
            callback_date: v.cancel?.callbackDays ? addDays(clock.localDate(v.changedMs), v.cancel.callbackDays) : null,
            rebooked_to_id: null,
            // DESK-3: after the visit the desk asks for a review and books the next visit.
            review_requested: done && rng.chance(0.35) ? 1 : 0,
            follow_up_booked: done && slot.kind !== 'checkup' && rng.chance(0.45) ? 1 : 0,
          },
          patient: p,
          bookedBy,
          confirmCall: v.confirmCall,
          cancelCall: v.cancelCall,
        });
      });
    }
  }
  return out;
}

function bookingChannel(rng: Rng, kind: VisitKind): DemoAppointment['bookedBy'] {
  const u = rng.next();
  switch (kind) {
    case 'primary':
      return u < 0.85 ? 'call' : 'desk';
    case 'urgent':
      return u < 0.9 ? 'call' : 'desk';
    case 'checkup':
      return u < 0.4 ? 'recall' : u < 0.6 ? 'call' : 'desk';
    default:
      return u < 0.35 ? 'call' : 'desk';
  }
}

/** A cancelled visit anywhere in the doctor's hours (its slot was later given to someone else). */
function randomSlot(rng: Rng, practice: Practice, segments: RotaDay['segments']): Slot {
  const kind = rng.weighted(KINDS[practice]);
  const seg = rng.pick(segments);
  const fits = durationsFor(practice, kind).filter(([m]) => m <= seg[1] - seg[0]);
  const dur = rng.weighted(fits.length ? fits : [[30, 1]]);
  const start = seg[0] + 15 * rng.int(0, Math.floor((seg[1] - seg[0] - dur) / 15));
  return { start, dur, kind };
}
