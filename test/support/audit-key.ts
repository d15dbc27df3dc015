import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import type { Db, Dialect } from '../../src/db/connect.js';

/**
 * The audit HMAC key of every test database and test server process (VIZIT_AUDIT_KEY), so a test
 * can verify the chain a spawned server wrote. Tests of the key file itself unset it.
 */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 0x5a);
export const TEST_AUDIT_KEY_HEX = TEST_AUDIT_KEY.toString('hex');

/**
 * What an attacker with database access but without the key does: drop the append-only guard,
 * edit a row, recompute every SHA-256 of the chain from the genesis and the head. Written here
 * from scratch (not with the app's code), as the attacker would.
 */
export async function keylessRehash(db: Db, dialect: Dialect, clinicId: string, edit: (seq: number) => Record<string, string> | null) {
  if (dialect === 'postgres') await sql`drop trigger if exists audit_log_no_update on audit_log`.execute(db);
  else await sql`drop trigger if exists audit_log_no_update`.execute(db);
  const rows = await db.selectFrom('audit_log').selectAll().where('clinic_id', '=', clinicId).orderBy('seq').execute();
  let prev = '0'.repeat(64);
  for (const r of rows) {
    const changed = { ...r, ...edit(r.seq) };
    const canonical = JSON.stringify([
      changed.clinic_id, changed.seq, changed.at, changed.user_id, changed.user_login, changed.role, changed.action,
      changed.object_type, changed.object_id, changed.patient_id, changed.ip, changed.details_json,
    ]);
    const hash = createHash('sha256').update(prev).update('\n').update(canonical).digest('hex');
    await db.updateTable('audit_log').set({ ...edit(r.seq), prev_hash: prev, hash }).where('clinic_id', '=', clinicId).where('seq', '=', r.seq).execute();
    prev = hash;
  }
  await db.updateTable('audit_heads').set({ seq: rows.length, hash: prev }).where('clinic_id', '=', clinicId).execute();
}
