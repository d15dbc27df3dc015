import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../connect.js';
import type { TasksTable } from '../schema.js';

export async function insertTask(trx: Db, row: Insertable<TasksTable>) {
  await trx.insertInto('tasks').values(row).execute();
}

export async function updateTask(trx: Db, clinicId: string, id: string, patch: Updateable<TasksTable>) {
  await trx.updateTable('tasks').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

export interface TaskFilter {
  id?: string;
  /** Given to this user or to this role. */
  mine?: { userId: string; role: string };
  createdBy?: string;
  open?: boolean;
}

/** Tasks, open ones by due date first (no date last), closed ones newest first; at most 200. */
export async function listTasks(db: Db, clinicId: string, f: TaskFilter) {
  let q = db
    .selectFrom('tasks as t')
    .innerJoin('users as c', 'c.id', 't.created_by')
    .leftJoin('users as a', 'a.id', 't.assignee_user_id')
    .leftJoin('users as x', 'x.id', 't.closed_by')
    .leftJoin('patients as p', 'p.id', 't.patient_id')
    .selectAll('t')
    .select(['c.full_name as created_by_name', 'a.full_name as assignee_name', 'x.full_name as closed_by_name', 'p.surname', 'p.first_name', 'p.patronymic'])
    .where('t.clinic_id', '=', clinicId);
  if (f.id) q = q.where('t.id', '=', f.id);
  const mine = f.mine;
  if (mine) q = q.where((eb) => eb.or([eb('t.assignee_user_id', '=', mine.userId), eb.and([eb('t.assignee_user_id', 'is', null), eb('t.assignee_role', '=', mine.role)])]));
  if (f.createdBy) q = q.where('t.created_by', '=', f.createdBy);
  if (f.open === true) q = q.where('t.status', '=', 'open');
  if (f.open === false) q = q.where('t.status', '!=', 'open');
  return q
    .orderBy((eb) => eb.case().when('t.due_date', 'is', null).then(1).else(0).end())
    .orderBy('t.due_date')
    .orderBy('t.created_at', 'desc')
    .limit(200)
    .execute();
}
export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

/** Whether a patient / a visit of this clinic exists (links from messages and tasks); the visit's patient. */
export async function linkTargets(db: Db, clinicId: string, patientId: string | null, appointmentId: string | null) {
  const patient = patientId ? await db.selectFrom('patients').select('id').where('clinic_id', '=', clinicId).where('id', '=', patientId).executeTakeFirst() : undefined;
  const visit = appointmentId
    ? await db.selectFrom('appointments').select(['id', 'patient_id']).where('clinic_id', '=', clinicId).where('id', '=', appointmentId).executeTakeFirst()
    : undefined;
  return { patientFound: Boolean(patient), visit };
}

/** An active user of this clinic (an addressee or assignee). */
export async function activeUser(db: Db, clinicId: string, id: string) {
  return db.selectFrom('users').select(['id', 'role', 'full_name']).where('clinic_id', '=', clinicId).where('id', '=', id).where('is_active', '=', 1).executeTakeFirst();
}
