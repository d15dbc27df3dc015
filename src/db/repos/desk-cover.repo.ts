import type { Db } from '../connect.js';

/** The open cover of a session, if any. */
export async function openCover(db: Db, sessionId: string) {
  return db
    .selectFrom('desk_covers')
    .select(['id', 'started_at'])
    .where('session_id', '=', sessionId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export async function insertCover(trx: Db, row: { id: string; clinicId: string; userId: string; sessionId: string; at: string }) {
  await trx
    .insertInto('desk_covers')
    .values({ id: row.id, clinic_id: row.clinicId, user_id: row.userId, session_id: row.sessionId, started_at: row.at, ended_at: null })
    .execute();
}

/** Ends the session's open cover; returns how many rows changed (0: none was open). */
export async function endCover(trx: Db, sessionId: string, at: string): Promise<number> {
  const r = await trx.updateTable('desk_covers').set({ ended_at: at }).where('session_id', '=', sessionId).where('ended_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
