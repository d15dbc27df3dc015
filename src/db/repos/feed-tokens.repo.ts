import type { Db } from '../connect.js';

/** One feed token per doctor: drops the old one and stores the new hash, so the old address stops working. */
export async function replaceFeedToken(trx: Db, t: { doctorId: string; clinicId: string; tokenHash: string; createdAt: string }) {
  await trx.deleteFrom('doctor_feed_tokens').where('doctor_id', '=', t.doctorId).execute();
  await trx.insertInto('doctor_feed_tokens').values({ doctor_id: t.doctorId, clinic_id: t.clinicId, token_hash: t.tokenHash, created_at: t.createdAt }).execute();
}

/** The feed a token opens; only hashes are stored, so the caller hashes the token first. */
export async function feedTokenByHash(db: Db, tokenHash: string) {
  return db.selectFrom('doctor_feed_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}
