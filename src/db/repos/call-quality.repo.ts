import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../connect.js';
import type { CallQualityScoresTable } from '../schema.js';

/** The call a supervisor scores: who took it and when. */
export async function callToScore(db: Db, clinicId: string, callId: string) {
  return db.selectFrom('calls').select(['id', 'user_id', 'started_at']).where('clinic_id', '=', clinicId).where('id', '=', callId).executeTakeFirst();
}

function scores(db: Db, clinicId: string) {
  return db
    .selectFrom('call_quality_scores as q')
    .innerJoin('calls as c', 'c.id', 'q.call_id')
    .leftJoin('patients as p', 'p.id', 'c.patient_id')
    .leftJoin('users as a', 'a.id', 'c.user_id')
    .leftJoin('users as s', 's.id', 'q.scored_by')
    .where('q.clinic_id', '=', clinicId);
}

const COLUMNS = [
  'q.id', 'q.call_id', 'q.scored_by', 'q.items_json', 'q.score', 'q.max_score', 'q.comment', 'q.created_at',
  'c.started_at', 'c.direction', 'c.phone', 'c.caller_name', 'c.user_id',
  'p.surname', 'p.first_name', 'p.patronymic', 'a.full_name as admin_name', 's.full_name as scorer_name',
] as const;

export type QualityRow = NonNullable<Awaited<ReturnType<typeof scoreOfCall>>>;

/** The call's score (one per call: scoring again replaces it). */
export async function scoreOfCall(db: Db, clinicId: string, callId: string) {
  return scores(db, clinicId).where('q.call_id', '=', callId).select([...COLUMNS]).executeTakeFirst();
}

export async function insertScore(trx: Db, row: Insertable<CallQualityScoresTable>) {
  await trx.insertInto('call_quality_scores').values(row).execute();
}

export async function updateScore(trx: Db, clinicId: string, id: string, patch: Updateable<CallQualityScoresTable>) {
  await trx.updateTable('call_quality_scores').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

export interface QualityFilter {
  fromIso: string;
  toIso: string;
  userId?: string;
}

function filtered(db: Db, clinicId: string, f: QualityFilter) {
  let q = scores(db, clinicId).where('c.started_at', '>=', f.fromIso).where('c.started_at', '<', f.toIso);
  if (f.userId) q = q.where('c.user_id', '=', f.userId);
  return q;
}

/** Scores of calls made in the period, the newest call first, with the total. */
export async function listScores(db: Db, clinicId: string, f: QualityFilter, limit: number, offset: number) {
  const rows = await filtered(db, clinicId, f).select([...COLUMNS]).orderBy('c.started_at', 'desc').orderBy('q.id', 'desc').limit(limit).offset(offset).execute();
  const total = Number((await filtered(db, clinicId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { rows, total };
}

/** What the results need of every score in the period: the call's administrator and start, the marks. */
export async function scoresForResults(db: Db, clinicId: string, fromIso: string, toIso: string) {
  return db
    .selectFrom('call_quality_scores as q')
    .innerJoin('calls as c', 'c.id', 'q.call_id')
    .where('q.clinic_id', '=', clinicId)
    .where('c.started_at', '>=', fromIso)
    .where('c.started_at', '<', toIso)
    .where('c.user_id', 'is not', null)
    .select(['c.user_id', 'c.started_at', 'q.items_json', 'q.score', 'q.max_score'])
    .execute();
}

export async function userNames(db: Db, clinicId: string) {
  return db.selectFrom('users').select(['id', 'full_name']).where('clinic_id', '=', clinicId).execute();
}

export async function userExists(db: Db, clinicId: string, id: string) {
  return !!(await db.selectFrom('users').select('id').where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst());
}
