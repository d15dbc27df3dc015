import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { NotificationsTable } from '../schema.js';

/** Leaves a note for a doctor inside the writer's transaction, so it exists only if the change commits. */
export async function insertNotification(trx: Db, row: Insertable<NotificationsTable>) {
  await trx.insertInto('notifications').values(row).execute();
}

/** A doctor's notes created since `since`, newest first, at most 100 (the bell shows a short list). */
export async function recentDoctorNotifications(db: Db, clinicId: string, doctorId: string, since: string) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('doctor_id', '=', doctorId)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
}

/** Marks one note of this doctor read; returns how many rows changed (0: not theirs or not there). */
export async function markNotificationRead(trx: Db, clinicId: string, id: string, doctorId: string, at: string): Promise<number> {
  const r = await trx
    .updateTable('notifications')
    .set({ read_at: at })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('doctor_id', '=', doctorId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
