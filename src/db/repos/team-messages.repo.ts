import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { TeamMessagesTable } from '../schema.js';

export async function insertMessage(trx: Db, row: Insertable<TeamMessagesTable>) {
  await trx.insertInto('team_messages').values(row).execute();
}

const base = (db: Db, clinicId: string) =>
  db
    .selectFrom('team_messages as m')
    .innerJoin('users as f', 'f.id', 'm.from_user_id')
    .leftJoin('users as t', 't.id', 'm.to_user_id')
    .leftJoin('patients as p', 'p.id', 'm.patient_id')
    .selectAll('m')
    .select(['f.full_name as from_name', 't.full_name as to_name', 'p.surname', 'p.first_name', 'p.patronymic'])
    .where('m.clinic_id', '=', clinicId);
export type MessageRow = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

/** Messages to this user or to their role since `since`, newest first (at most 100). */
export async function inboxMessages(db: Db, clinicId: string, userId: string, role: string, since: string): Promise<MessageRow[]> {
  return base(db, clinicId)
    .where((eb) => eb.or([eb('m.to_user_id', '=', userId), eb('m.to_role', '=', role)]))
    .where('m.created_at', '>=', since)
    .orderBy('m.created_at', 'desc')
    .limit(100)
    .execute();
}

/** Messages this user wrote since `since`, newest first (at most 100). */
export async function sentMessages(db: Db, clinicId: string, userId: string, since: string): Promise<MessageRow[]> {
  return base(db, clinicId).where('m.from_user_id', '=', userId).where('m.created_at', '>=', since).orderBy('m.created_at', 'desc').limit(100).execute();
}

export async function getMessage(db: Db, clinicId: string, id: string): Promise<MessageRow | undefined> {
  return base(db, clinicId).where('m.id', '=', id).executeTakeFirst();
}

/** Read marks of these messages, with the reader's name. */
export async function readsOf(db: Db, clinicId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('team_message_reads as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.message_id', 'r.user_id', 'r.read_at', 'u.full_name'])
    .where('r.clinic_id', '=', clinicId)
    .where('r.message_id', 'in', ids)
    .orderBy('r.read_at')
    .execute();
}

/** Marks read once; a second mark keeps the first time. Returns whether it was new. */
export async function markMessageRead(trx: Db, clinicId: string, messageId: string, userId: string, at: string): Promise<boolean> {
  const r = await trx
    .insertInto('team_message_reads')
    .values({ message_id: messageId, user_id: userId, clinic_id: clinicId, read_at: at })
    .onConflict((oc) => oc.columns(['message_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Unread messages to this user or their role since `since`. */
export async function countUnreadMessages(db: Db, clinicId: string, userId: string, role: string, since: string): Promise<number> {
  const r = await db
    .selectFrom('team_messages as m')
    .leftJoin('team_message_reads as r', (j) => j.onRef('r.message_id', '=', 'm.id').on('r.user_id', '=', userId))
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('m.clinic_id', '=', clinicId)
    .where((eb) => eb.or([eb('m.to_user_id', '=', userId), eb('m.to_role', '=', role)]))
    .where('m.created_at', '>=', since)
    .where('r.user_id', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Unread automatic notes of a doctor since `since` (the notifications table, migration 002). */
export async function countUnreadNotifications(db: Db, clinicId: string, doctorId: string, since: string): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('clinic_id', '=', clinicId)
    .where('doctor_id', '=', doctorId)
    .where('created_at', '>=', since)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Tasks made from these messages (a message shows it became a task). */
export async function tasksFromMessages(db: Db, clinicId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('tasks').select(['id', 'source_message_id']).where('clinic_id', '=', clinicId).where('source_message_id', 'in', ids).execute();
}

/** Active staff one can write to. */
export async function activePeople(db: Db, clinicId: string) {
  return db.selectFrom('users').select(['id', 'full_name', 'role']).where('clinic_id', '=', clinicId).where('is_active', '=', 1).orderBy('full_name').execute();
}
