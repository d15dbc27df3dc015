import type { Insertable } from 'kysely';
import type { AppointmentHistoryTable, AppointmentsTable } from '../db/schema.js';
import { addDays, weekdayOf } from '../domain/dates.js';
import { isWorkingDay, type CalendarOverrides } from '../domain/calendar/production-calendar.js';
import type { ScheduleDoctor } from './demo-schedule.js';
import type { ClinicClock } from './demo-time.js';
import { iso } from './demo-time.js';

/**
 * Where the demo puts the old check-ups: from half a year to 13 months back. Every one of them is
 * due under the default recall rules (a check-up 6 months on, called up to a year overdue), so the
 * recall worklist, the gaps list and the statistics show them all (REC-1, recall-due.service).
 */
const DEMO_RECALL_DAYS_AGO = { latest: 182, oldest: 400 } as const;

export interface RecallDeps {
  clock: ClinicClock;
  calendar: CalendarOverrides;
  nowMs: number;
  clinicId: string;
  doctors: readonly ScheduleDoctor[];
  /** Patients' ids and card opening instants, in the demo's order. */
  patients: readonly { id: string; createdMs: number }[];
  /** Patients the generated three months already saw finished: their check-up is not due. */
  seenLately: ReadonlySet<string>;
  id: () => string;
}

/**
 * Finished check-ups from half a year to 13 months ago for patients not seen
 * since, so the gaps list's check-ups and the owner's recall progress have real work on the first
 * start: one visit a working day, at the first hour of a doctor who works that weekday, in turn
 * (never two at once, so no doctor or chair is double-booked). Some of these patients already
 * have a visit ahead in the generated schedule: they count as booked.
 */
export function generateRecallVisits(d: RecallDeps, count = 120): Insertable<AppointmentsTable>[] {
  const today = d.clock.localDate(d.nowMs);
  const out: Insertable<AppointmentsTable>[] = [];
  const pool = d.patients.filter((p) => !d.seenLately.has(p.id));
  let back = DEMO_RECALL_DAYS_AGO.latest + 8;
  let turn = 0;
  for (const p of pool) {
    if (out.length >= count || back >= DEMO_RECALL_DAYS_AGO.oldest - 5) break;
    let date = addDays(today, -back);
    back += 1;
    while (!isWorkingDay(date, d.calendar) && back < DEMO_RECALL_DAYS_AGO.oldest - 5) {
      date = addDays(today, -back);
      back += 1;
    }
    const wd = weekdayOf(date);
    const doctors = d.doctors.filter((x) => x.rota.has(wd));
    if (!doctors.length) continue;
    const doc = doctors[turn++ % doctors.length];
    const r = doc.rota.get(wd)!;
    const start = d.clock.toUtcMs(date, r.segments[0][0]);
    if (p.createdMs >= start) continue;
    const end = start + 45 * 60_000;
    out.push({
      id: d.id(), clinic_id: d.clinicId, branch_id: r.branchId, doctor_id: doc.id, chair_id: r.chairId, patient_id: p.id,
      starts_at: iso(start), ends_at: iso(end), local_date: date, kind: 'checkup', status: 'done', squeeze_in: 0, needs_call: 0, comment: null,
      created_at: iso(start - 14 * 86_400_000), created_by: null, updated_at: iso(end), status_changed_at: iso(end), services: null, call_id: null,
      arrived_at: iso(start - 5 * 60_000), in_chair_at: iso(start), done_at: iso(end),
    });
  }
  return out;
}

/** Each recall visit's history as the desk would have left it: booked, arrived, in the chair, done. */
export function recallHistory(rows: readonly Insertable<AppointmentsTable>[], id: () => string): Insertable<AppointmentHistoryTable>[] {
  return rows.flatMap((r) => {
    const step = (at: string, action: string, from: string | null, to: string) => ({
      id: id(), clinic_id: r.clinic_id, appointment_id: r.id, at, user_id: null, action, from_status: from, to_status: to, details_json: '{}',
    });
    return [step(r.created_at, 'book', null, 'booked'), step(r.arrived_at!, 'status', 'booked', 'arrived'), step(r.in_chair_at!, 'status', 'arrived', 'in_chair'), step(r.done_at!, 'status', 'in_chair', 'done')];
  });
}
