import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { ExamAttemptsTable, JobDescriptionsTable, TrainingItemsTable } from '../schema.js';

/** The newest edited version of each role (roles absent are on version 1, the built-in text). */
export async function latestVersions(db: Db, clinicId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('job_descriptions')
    .select(['role', (eb) => eb.fn.max('version').as('v')])
    .where('clinic_id', '=', clinicId)
    .groupBy('role')
    .execute();
  return new Map(rows.map((r) => [r.role, Number(r.v)]));
}

export async function getDescription(db: Db, clinicId: string, role: string, version: number) {
  return db
    .selectFrom('job_descriptions as d')
    .innerJoin('users as u', 'u.id', 'd.created_by')
    .selectAll('d')
    .select('u.full_name as created_by_name')
    .where('d.clinic_id', '=', clinicId)
    .where('d.role', '=', role)
    .where('d.version', '=', version)
    .executeTakeFirst();
}

export async function insertDescription(trx: Db, row: Insertable<JobDescriptionsTable>) {
  await trx.insertInto('job_descriptions').values(row).execute();
}

/** Confirmations of these users (every role and version they confirmed). */
export async function confirmationsOf(db: Db, clinicId: string, userIds?: string[]) {
  let q = db.selectFrom('job_description_reads').selectAll().where('clinic_id', '=', clinicId);
  if (userIds) {
    if (!userIds.length) return [];
    q = q.where('user_id', 'in', userIds);
  }
  return q.execute();
}

/** Records the confirmation once; a repeated click keeps the first date. */
export async function insertConfirmation(trx: Db, row: { clinic_id: string; user_id: string; role: string; version: number; confirmed_at: string }): Promise<boolean> {
  const r = await trx.insertInto('job_description_reads').values(row).onConflict((oc) => oc.columns(['user_id', 'role', 'version']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function trainingItems(db: Db, clinicId: string, traineeIds?: string[]) {
  let q = db
    .selectFrom('training_items as i')
    .leftJoin('users as d', 'd.id', 'i.done_by')
    .leftJoin('users as m', 'm.id', 'i.mentor_id')
    .selectAll('i')
    .select(['d.full_name as done_by_name', 'm.full_name as mentor_name'])
    .where('i.clinic_id', '=', clinicId);
  if (traineeIds) {
    if (!traineeIds.length) return [];
    q = q.where('i.trainee_id', 'in', traineeIds);
  }
  return q.orderBy('i.trainee_id').orderBy('i.position').execute();
}

export async function insertTrainingItems(trx: Db, rows: Insertable<TrainingItemsTable>[]) {
  if (rows.length) await trx.insertInto('training_items').values(rows).execute();
}

export async function getTrainingItem(db: Db, clinicId: string, id: string) {
  return db.selectFrom('training_items').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

export async function setTrainingItemDone(trx: Db, clinicId: string, id: string, doneAt: string | null, doneBy: string | null) {
  await trx.updateTable('training_items').set({ done_at: doneAt, done_by: doneBy }).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

export async function insertExamAttempt(trx: Db, row: Insertable<ExamAttemptsTable>) {
  await trx.insertInto('exam_attempts').values(row).execute();
}

/** Attempts, newest first; of one user or of the whole clinic (at most 200). */
export async function examAttempts(db: Db, clinicId: string, userId?: string) {
  let q = db
    .selectFrom('exam_attempts as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .selectAll('e')
    .select(['u.full_name', 'u.role'])
    .where('e.clinic_id', '=', clinicId);
  if (userId) q = q.where('e.user_id', '=', userId);
  return q.orderBy('e.taken_at', 'desc').limit(200).execute();
}
