import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Dialect } from '../connect.js';

/** A 64-bit advisory-lock key per doctor or chair; a rare hash collision only serialises two unrelated bookings. */
function lockKey(kind: 'doctor' | 'chair', id: string): bigint {
  return createHash('sha256').update(`vizit:${kind}:${id}`).digest().readBigInt64BE(0);
}

/**
 * Serialises everyone who places or moves a visit of these doctors or into these chairs, until
 * the transaction ends. PostgreSQL checks its two exclusion constraints (doctor, chair) against
 * rows of transactions still in flight and then waits on them, so two racing inserters could wait
 * on each other ("deadlock detected"); holding these locks first means the check-then-insert of
 * one booking sees the other's committed row instead. The keys are taken in ascending order, so
 * two bookings that share a doctor and a chair never hold one each. SQLite needs nothing: its
 * write transactions (BEGIN IMMEDIATE) are already one at a time.
 */
export async function lockSchedule(trx: Db, dialect: Dialect, p: { doctorIds: readonly string[]; chairIds: readonly (string | null)[] }): Promise<void> {
  if (dialect !== 'postgres') return;
  const keys = [...new Set([...p.doctorIds.map((d) => lockKey('doctor', d)), ...p.chairIds.filter((c): c is string => !!c).map((c) => lockKey('chair', c))])];
  keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const k of keys) await sql`select pg_advisory_xact_lock(${k.toString()}::bigint)`.execute(trx);
}
