import { addDays } from '../src/domain/dates.js';
import type { CalendarOverride } from '../src/domain/calendar/production-calendar.js';
import { workIntervals, type WeeklyShift } from '../src/domain/schedule/availability.js';
import type { AppointmentsTable } from '../src/db/schema.js';
import { seededV7 } from './ids.js';
import type { Rng } from '../src/demo/demo-random.js';

const MIN = 60_000;
const DAY = 86_400_000;

export type AppointmentRow = Omit<AppointmentsTable, 'walk_in' | 'review_requested' | 'follow_up_booked'>;

export interface PlanInput {
  clinicId: string;
  adminId: string;
  /** First and last clinic-local date to fill. */
  from: string;
  to: string;
  tz: string;
  /** The bench's fixed "now" and its clinic-local date. */
  nowMs: number;
  today: string;
  calendar: ReadonlyMap<string, CalendarOverride>;
  doctors: readonly { id: string; shifts: WeeklyShift[] }[];
  patientIds: readonly string[];
}

/**
 * Share of a shift's 15-minute steps that start a visit, by how far the date is from today:
 * the past is nearly full; the next weeks fill up and the far future is mostly free, as at a
 * real desk (and so that two-option search and booking have genuinely free time to find).
 */
function fill(daysAhead: number): number {
  if (daysAhead < 0) return 0.97;
  return 0.2 + 0.75 * Math.exp(-daysAhead / 30);
}

const KINDS: readonly (readonly [string, number])[] = [['primary', 25], ['repeat', 45], ['checkup', 25], ['urgent', 5]];

function duration(rng: Rng, kind: string): number {
  if (kind === 'checkup') return rng.chance(0.7) ? 15 : 30;
  if (kind === 'repeat') return rng.weighted<number>([[30, 45], [45, 35], [60, 20]]);
  return kind === 'primary' ? rng.weighted<number>([[15, 30], [30, 70]]) : 30;
}

/**
 * Appointments over [from, to]: every doctor's working intervals of every date (the real
 * availability rules, holidays included) walked in 15-minute steps. A visit never overlaps
 * another time-holding visit of its doctor, and since a chair's two doctors work different
 * shifts, nor one in its chair. Cancelled visits sometimes get a replacement in the same time.
 */
export function planAppointments(rng: Rng, p: PlanInput): AppointmentRow[] {
  const out: AppointmentRow[] = [];
  let daysAhead = Math.round((Date.parse(p.from) - Date.parse(p.today)) / DAY);
  for (let date = p.from; date <= p.to; date = addDays(date, 1), daysAhead++) {
    const f = fill(daysAhead);
    for (const d of p.doctors) {
      for (const w of workIntervals(date, d.shifts, [], p.calendar, p.tz)) {
        for (let t = w.start; t + 15 * MIN <= w.end; ) {
          if (!rng.chance(f)) {
            t += 15 * MIN;
            continue;
          }
          const kind = rng.weighted(KINDS);
          const end = Math.min(t + duration(rng, kind) * MIN, w.end);
          const base = { doctorId: d.id, branchId: w.branchId, chairId: w.chairId, start: t, end, date, kind };
          const past = end <= p.nowMs;
          const roll = rng.next();
          if (roll < (past ? 0.09 : 0.05)) {
            out.push(row(rng, p, base, 'cancelled'));
            if (rng.chance(0.55)) out.push(row(rng, p, { ...base, kind: rng.weighted(KINDS) }, past ? 'done' : 'booked'));
          } else if (past) {
            out.push(row(rng, p, base, roll < 0.13 ? 'no_show' : 'done'));
          } else {
            out.push(row(rng, p, base, daysAhead <= 1 || rng.chance(0.3) ? 'confirmed' : 'booked'));
          }
          t = end;
        }
      }
    }
  }
  return out;
}

function row(
  rng: Rng,
  p: PlanInput,
  a: { doctorId: string; branchId: string; chairId: string | null; start: number; end: number; date: string; kind: string },
  status: string,
): AppointmentRow {
  const created = Math.min(a.start - (1 + rng.int(0, 29)) * DAY, p.nowMs - rng.int(0, 29) * DAY);
  const iso = (ms: number) => new Date(ms).toISOString();
  const changed = status === 'booked' ? created : Math.min(a.end, p.nowMs);
  return {
    id: seededV7(created, rng),
    clinic_id: p.clinicId,
    branch_id: a.branchId,
    doctor_id: a.doctorId,
    chair_id: a.chairId,
    patient_id: p.patientIds[rng.int(0, p.patientIds.length - 1)],
    starts_at: iso(a.start),
    ends_at: iso(a.end),
    local_date: a.date,
    kind: a.kind,
    status,
    squeeze_in: 0,
    needs_call: 0,
    comment: rng.chance(0.1) ? 'Просит напомнить за день' : null,
    created_at: iso(created),
    created_by: p.adminId,
    updated_at: iso(changed),
    status_changed_at: iso(changed),
    services: null,
    call_id: null,
    late_minutes: null,
    arrived_at: status === 'done' ? iso(a.start - 5 * MIN) : null,
    in_chair_at: status === 'done' ? iso(a.start) : null,
    done_at: status === 'done' ? iso(a.end) : null,
    cancel_reason: status === 'cancelled' ? 'patient_request' : null,
    cancel_note: null,
    callback_date: status === 'cancelled' ? addDays(a.date, 7) : null,
    rebooked_to_id: null,
  };
}
