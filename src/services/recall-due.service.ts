import type { Db } from '../db/connect.js';
import { listRules } from '../db/repos/recall-rules.repo.js';
import { attempts, lastFinishedVisits, type AttemptRow } from '../db/repos/worklists.repo.js';
import { localDateOf } from '../domain/schedule/time.js';
import { oldestRelevantVisit, recallDue, rulesInForce, type RecallRule } from '../domain/worklists/recall-rules.js';
import { groupBy } from './worklist-common.js';

/**
 * REC-1, one rule everywhere: whether a patient is «due for recall» on a date is decided here and
 * nowhere else — the recall worklist, the gaps list's check-ups and the owner's statistics all
 * read it. The clinic's scheme (or the defaults while it has none), the patient's last finished
 * visit, its kind and its doctor's specialties go through the domain's `recallDue`.
 */

export type RecallVisit = Awaited<ReturnType<typeof lastFinishedVisits>>[number];

export interface DueForRecall {
  visit: RecallVisit;
  rule: RecallRule;
  dueDate: string;
  /** The patient has a visit ahead (or is at the clinic now): counted as booked, not called. */
  booked: boolean;
}

/** The clinic's recall scheme in force (its own rules, or the defaults while it has set none). */
export async function clinicRecallRules(db: Db, clinicId: string): Promise<RecallRule[]> {
  const own = (await listRules(db, clinicId)).map((r) => ({
    id: r.id, name: r.name, visitKind: r.visit_kind as RecallRule['visitKind'], specialty: r.specialty, months: Number(r.months), isActive: Number(r.is_active) === 1,
  }));
  return rulesInForce(own);
}

/** Every patient due for recall on `date` (clinic-local), booked ahead or not, by last visit. */
export async function dueForRecall(db: Db, clinicId: string, date: string, now: Date): Promise<DueForRecall[]> {
  const rules = await clinicRecallRules(db, clinicId);
  if (!rules.some((r) => r.isActive)) return [];
  const visits = await lastFinishedVisits(db, clinicId, oldestRelevantVisit(rules, date), date, now.toISOString());
  const out: DueForRecall[] = [];
  const seen = new Set<string>();
  for (const v of visits) {
    // Two finished visits at the same last instant (two doctors) are one patient.
    if (seen.has(v.patient_id)) continue;
    seen.add(v.patient_id);
    const due = recallDue(rules, { date: v.local_date, kind: v.kind, specialties: JSON.parse(v.specialties_json || '[]') as string[] }, date);
    if (due) out.push({ visit: v, rule: due.rule, dueDate: due.dueDate, booked: Number(v.booked) === 1 });
  }
  return out;
}

/** Outcomes of a recall attempt that take a patient off the call lists until the next finished visit. */
const RECALL_CLOSED = new Set(['booked', 'refused', 'callback']);

/**
 * Whom to call for recall on `date`: due, nothing booked ahead, and no attempt since the last
 * visit that closed it (booked, refused, «перезвонить» — that one moves to the call-backs list).
 * «Не дозвонился» keeps the patient, with the attempts shown.
 */
export async function recallToCall(db: Db, clinicId: string, date: string, now: Date, tz: string): Promise<(DueForRecall & { attempts: AttemptRow[] })[]> {
  const due = (await dueForRecall(db, clinicId, date, now)).filter((d) => !d.booked);
  const tried = groupBy(await attempts(db, clinicId, 'recall', { patientIds: due.map((d) => d.visit.patient_id) }), (a) => a.patient_id);
  return due
    .map((d) => ({ ...d, attempts: (tried.get(d.visit.patient_id) ?? []).filter((a) => localDateOf(Date.parse(a.started_at), tz) >= d.visit.local_date) }))
    .filter((d) => !d.attempts.some((a) => RECALL_CLOSED.has(a.outcome)));
}
