import type { Db } from '../connect.js';

/** Appends a live event inside the writer's transaction: only committed changes are announced. */
export async function addLiveEvent(trx: Db, e: { clinicId: string; at: string; kind: string; payload: object }) {
  await trx.insertInto('live_events').values({ clinic_id: e.clinicId, at: e.at, kind: e.kind, payload_json: JSON.stringify(e.payload) }).execute();
}

/** Events after `afterSeq` for the clinics given (all app servers poll the same table). */
export async function eventsAfter(db: Db, afterSeq: number, limit = 500) {
  return db.selectFrom('live_events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export async function lastEventSeq(db: Db): Promise<number> {
  const r = await db.selectFrom('live_events').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
  return Number(r?.m ?? 0);
}
