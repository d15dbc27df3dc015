import type { Db } from '../db/connect.js';
import { billedCodesSince, openPlanCandidates } from '../db/repos/aftercare.repo.js';
import { attempts, type AttemptRow } from '../db/repos/worklists.repo.js';
import { addDays, ruDate } from '../domain/dates.js';
import { localDateOf, localInstant } from '../domain/schedule/time.js';

/**
 * DOC-6 → REC: a recommended treatment plan not completed feeds the «не завершил лечение» recall list. A plan issued
 * for a visit between a year and a week ago (not refused) whose services were not all billed at the patient's visits
 * since, with nothing booked ahead, puts the patient on the list with what is left; a call «записан», «отказ» or
 * «перезвонить» after the plan takes them off, as for a dropped-out patient.
 */

/** A week for the patient to book the next stage on their own before the desk calls. */
export const PLAN_GRACE_DAYS = 7;
const CLOSED = new Set(['booked', 'refused', 'callback']);

export interface UnfinishedPlan {
  patientId: string;
  surname: string;
  firstName: string;
  patronymic: string | null;
  doctorId: string;
  /** The plan's visit day. */
  planDate: string;
  total: number;
  left: { code: string; name: string }[];
  attempts: AttemptRow[];
  detail: string;
}

type Snapshot = { date: string; services: { code: string; name: string }[] };

export async function unfinishedPlans(db: Db, clinicId: string, date: string, now: Date, tz: string): Promise<UnfinishedPlan[]> {
  const from = new Date(localInstant(addDays(date, -365), '00:00', tz)).toISOString();
  const before = new Date(localInstant(addDays(date, -PLAN_GRACE_DAYS + 1), '00:00', tz)).toISOString();
  const plans = await openPlanCandidates(db, clinicId, from, before, now.toISOString());
  const latest = new Map<string, (typeof plans)[number]>();
  for (const p of plans) if (!latest.has(p.patient_id)) latest.set(p.patient_id, p);
  if (!latest.size) return [];
  const ids = [...latest.keys()];
  const oldest = [...latest.values()].map((p) => p.local_date).sort()[0];
  const [billed, tried] = await Promise.all([billedCodesSince(db, clinicId, ids, oldest), attempts(db, clinicId, 'recall', { patientIds: ids })]);
  const out: UnfinishedPlan[] = [];
  for (const p of latest.values()) {
    const s = JSON.parse(p.content_json) as Snapshot;
    const planned = s.services.filter((x) => x.code);
    if (!planned.length) continue;
    const done = new Set(billed.filter((b) => b.patient_id === p.patient_id && b.local_date >= p.local_date).map((b) => b.code));
    const left = planned.filter((x) => !done.has(x.code));
    if (!left.length) continue;
    const after = tried.filter((a) => a.patient_id === p.patient_id && localDateOf(Date.parse(a.started_at), tz) >= p.local_date);
    if (after.some((a) => CLOSED.has(a.outcome))) continue;
    out.push({
      patientId: p.patient_id, surname: p.surname, firstName: p.first_name, patronymic: p.patronymic, doctorId: p.doctor_id, planDate: p.local_date,
      total: planned.length, left, attempts: after,
      detail: `План лечения от ${ruDate(p.local_date)} выполнен не полностью: осталось ${left.length} из ${planned.length} (${left.map((x) => x.name).join('; ')}), новой записи нет`,
    });
  }
  return out;
}
