/**
 * The demo's «Обзвон» on first start (CONF-1..3, CONF-5, REC-1): management's recall rules, the
 * calling day's confirmation list partly worked (some confirmed, some not reached, «ПОЗВОНИТЬ»),
 * and call-backs promised for today.
 */
import type { Insertable } from 'kysely';
import type { AppointmentsTable, CallsTable, RecallRulesTable } from '../db/schema.js';
import type { CalendarOverride } from '../domain/calendar/production-calendar.js';
import { addDays } from '../domain/dates.js';
import { branchOpenOn, confirmationPlan, DEFAULT_HALF_BOUNDARY, inHalf, type OpeningHours } from '../domain/worklists/confirmation-worklist.js';
import { DEFAULT_RECALL_RULES } from '../domain/worklists/recall-rules.js';
import { localInstant, localTimeOf } from '../domain/schedule/time.js';
import type { Rng } from './demo-random.js';

const MIN = 60_000;

export function demoWorklists(o: {
  rng: Rng; nowMs: number; today: string; tz: string; clinicId: string; adminId: string; calendar: ReadonlyMap<string, CalendarOverride>;
  branches: { id: string; hours: readonly OpeningHours[] }[]; appointments: { row: Insertable<AppointmentsTable> }[]; id: () => string;
}) {
  const iso = (ms: number) => new Date(ms).toISOString();
  const rules: Insertable<RecallRulesTable>[] = DEFAULT_RECALL_RULES.map((r) => ({
    id: o.id(), clinic_id: o.clinicId, name: r.name, visit_kind: r.visitKind, specialty: r.specialty, months: r.months, is_active: 1,
    created_at: iso(o.nowMs - 300 * 86_400_000), updated_at: iso(o.nowMs - 300 * 86_400_000), updated_by: null,
  }));
  const calls: Insertable<CallsTable>[] = [];
  const call = (row: Omit<Insertable<CallsTable>, 'id' | 'clinic_id' | 'direction' | 'caller_type' | 'phone' | 'caller_name' | 'source_id' | 'outcome_reason' | 'duration_sec'> & { direction?: 'in' | 'out' }) =>
    calls.push({ id: o.id(), clinic_id: o.clinicId, direction: 'out', caller_type: 'repeat', phone: null, caller_name: null, source_id: null, outcome_reason: null, duration_sec: 60, ...row });
  // Today's confirmation list, half of it called in the last hours: most confirmed, some not reached.
  let called = 0;
  for (const b of o.branches) {
    for (const t of confirmationPlan(o.today, (d) => branchOpenOn(d, o.calendar, b.hours))) {
      for (const a of o.appointments.map((x) => x.row)) {
        if (a.branch_id !== b.id || a.local_date !== t.visitDate || a.status !== 'booked' || a.walk_in) continue;
        if (!inHalf(localTimeOf(Date.parse(a.starts_at), o.tz), t.half, DEFAULT_HALF_BOUNDARY) || !o.rng.chance(0.5)) continue;
        const at = o.nowMs - o.rng.int(5, 120) * MIN - called++ * 1000;
        const reached = o.rng.chance(0.7);
        call({ branch_id: b.id, purpose: 'confirmation', patient_id: a.patient_id, outcome: reached ? 'confirmed' : 'not_reached', appointment_id: a.id, user_id: o.adminId, started_at: iso(at), note: null });
        if (reached) Object.assign(a, { status: 'confirmed', needs_call: 0, status_changed_at: iso(at), updated_at: iso(at) });
        else Object.assign(a, { needs_call: 1, updated_at: iso(at) });
      }
    }
  }
  // Call-backs promised yesterday for this afternoon and evening.
  const seen = new Set<string>();
  const past = o.appointments.map((x) => x.row).filter((a) => a.status === 'done' && a.local_date < o.today);
  const notes = ['Перезвонить после работы: уточнит удобное время', 'Просила перезвонить, когда будет известен график смен', 'Уточнит у мужа, когда сможет привести ребёнка', 'Перезвонить насчёт второго этапа лечения'];
  for (let k = 0; k < 4 && past.length; k++) {
    const a = past[o.rng.int(0, past.length - 1)];
    if (seen.has(a.patient_id)) continue;
    seen.add(a.patient_id);
    call({
      direction: 'in', branch_id: a.branch_id, purpose: 'reschedule', patient_id: a.patient_id, outcome: 'callback', appointment_id: null, user_id: o.adminId,
      started_at: iso(localInstant(addDays(o.today, -1), `1${k + 1}:${String(o.rng.int(10, 55))}`, o.tz)), note: notes[k],
      callback_at: iso(localInstant(o.today, `${15 + k}:00`, o.tz)),
    });
  }
  return { rules, calls };
}
