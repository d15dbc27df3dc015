import { createHash, createHmac } from 'node:crypto';
import { auditKeyOf } from '../audit-key.js';
import type { Db } from '../connect.js';
import { shortName } from '../../domain/names.js';
import type { AuditLogTable } from '../schema.js';

export interface AuditInput {
  clinicId: string;
  at: string;
  userId: string | null;
  userLogin: string | null;
  role: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  patientId: string | null;
  ip: string | null;
  /** Identifiers and field names only — never medical content or personal data values. */
  details: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

/**
 * The hash of one entry over its fields and the previous entry's hash: editing any row breaks the
 * chain from there on. With the key it is HMAC-SHA256, which nobody can recompute without the key
 * (kept outside the database); without it, the plain SHA-256 that chains written before the key
 * used (see verifyChain).
 */
export function entryHash(prevHash: string, row: Omit<AuditLogTable, 'hash' | 'prev_hash'>, key?: Buffer): string {
  const canonical = JSON.stringify([
    row.clinic_id,
    row.seq,
    row.at,
    row.user_id,
    row.user_login,
    row.role,
    row.action,
    row.object_type,
    row.object_id,
    row.patient_id,
    row.ip,
    row.details_json,
  ]);
  return (key ? createHmac('sha256', key) : createHash('sha256')).update(prevHash).update('\n').update(canonical).digest('hex');
}

/**
 * Appends one entry to the clinic's chain. Must run inside the transaction of the change it
 * records, so a change never lands without its entry. The UPDATE … RETURNING on the head row
 * takes its row lock (PostgreSQL) — concurrent writers of one clinic queue here; SQLite's
 * BEGIN IMMEDIATE already serialises them.
 */
export async function appendAudit(trx: Db, e: AuditInput): Promise<number> {
  const key = auditKeyOf(trx);
  // Fail closed: an entry without the key would break the chain for every later verification.
  if (!key) throw new Error('audit key missing: open the database with connect({ auditKey })');
  let head = await trx
    .updateTable('audit_heads')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('clinic_id', '=', e.clinicId)
    .returning(['seq', 'hash'])
    .executeTakeFirst();
  if (!head) {
    await trx
      .insertInto('audit_heads')
      .values({ clinic_id: e.clinicId, seq: 0, hash: GENESIS })
      .onConflict((oc) => oc.column('clinic_id').doNothing())
      .execute();
    head = await trx
      .updateTable('audit_heads')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('clinic_id', '=', e.clinicId)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
  }
  const row = {
    clinic_id: e.clinicId,
    seq: head.seq,
    at: e.at,
    user_id: e.userId,
    user_login: e.userLogin,
    role: e.role,
    action: e.action,
    object_type: e.objectType,
    object_id: e.objectId,
    patient_id: e.patientId,
    ip: e.ip,
    details_json: JSON.stringify(e.details),
  };
  const hash = entryHash(head.hash, row, key);
  await trx.insertInto('audit_log').values({ ...row, prev_hash: head.hash, hash }).execute();
  await trx.updateTable('audit_heads').set({ hash }).where('clinic_id', '=', e.clinicId).execute();
  return head.seq;
}

export interface AuditFilter {
  from?: string;
  to?: string;
  userId?: string;
  action?: string;
  objectType?: string;
  patientId?: string;
  before?: number;
  limit: number;
}

/** Newest first, paged backwards by seq. */
export async function listAudit(db: Db, clinicId: string, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log as l')
    .leftJoin('patients as p', 'p.id', 'l.patient_id')
    .leftJoin('users as u', 'u.id', 'l.user_id')
    .selectAll('l')
    .select(['p.card_number', 'p.surname', 'p.first_name', 'p.patronymic', 'u.full_name'])
    .where('l.clinic_id', '=', clinicId);
  if (f.from) q = q.where('l.at', '>=', f.from);
  if (f.to) q = q.where('l.at', '<', f.to);
  if (f.userId) q = q.where('l.user_id', '=', f.userId);
  if (f.action) q = q.where('l.action', '=', f.action);
  if (f.objectType) q = q.where('l.object_type', '=', f.objectType);
  if (f.patientId) q = q.where('l.patient_id', '=', f.patientId);
  if (f.before) q = q.where('l.seq', '<', f.before);
  const rows = await q.orderBy('l.seq', 'desc').limit(f.limit + 1).execute();
  const page = rows.slice(0, f.limit);
  return {
    items: page.map((r) => ({
      seq: r.seq,
      at: r.at,
      userId: r.user_id,
      userLogin: r.user_login,
      userName: r.full_name ?? null,
      role: r.role,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      patientId: r.patient_id,
      patient: r.card_number == null ? null : { cardNumber: r.card_number, name: r.surname ? shortName({ surname: r.surname, firstName: r.first_name ?? '', patronymic: r.patronymic }) : null },
      ip: r.ip,
      details: JSON.parse(r.details_json) as Record<string, unknown>,
    })),
    nextBefore: rows.length > f.limit ? page[page.length - 1].seq : null,
  };
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  /** The first entry keyed with HMAC: entries before it are SHA-256 ones of before the key. Null: none keyed. */
  keyedFromSeq: number | null;
}

export interface VerifyOptions {
  /** Default: the key the handle was opened with. Without a key only unkeyed entries can be checked. */
  key?: Buffer;
  /**
   * Accept a chain without a single keyed entry (a copy made by a version before the key). The
   * app never does: a chain of only SHA-256 entries is what a keyless re-hash leaves behind.
   */
  allowUnkeyed?: boolean;
}

/**
 * Walks the whole chain in batches and recomputes every hash. Entries of before the key (plain
 * SHA-256) are accepted only as an unbroken prefix: from the first keyed entry on — it carries
 * the last unkeyed hash as its prev_hash, under the HMAC — every entry must carry the HMAC. So a
 * re-hash without the key fails from the key epoch on, and rewriting the prefix breaks the first
 * keyed entry.
 */
export async function verifyChain(db: Db, clinicId: string, o: VerifyOptions = {}): Promise<ChainCheck> {
  const key = o.key ?? auditKeyOf(db);
  let prev = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  let keyedFromSeq: number | null = null;
  const broken = (seq: number) => ({ ok: false, checked, firstBrokenSeq: seq, keyedFromSeq });
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(5000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const { hash, prev_hash, ...rest } = r;
      if (r.seq !== expectedSeq || prev_hash !== prev) return broken(expectedSeq);
      if (key && entryHash(prev, rest, key) === hash) keyedFromSeq ??= r.seq;
      else if (keyedFromSeq !== null || entryHash(prev, rest) !== hash) return broken(expectedSeq);
      prev = hash;
      expectedSeq++;
      checked++;
    }
  }
  const head = await db.selectFrom('audit_heads').select(['seq', 'hash']).where('clinic_id', '=', clinicId).executeTakeFirst();
  if (head && (head.seq !== checked || head.hash !== prev)) return broken(checked + 1);
  if (checked > 0 && keyedFromSeq === null && !o.allowUnkeyed) return broken(1);
  return { ok: true, checked, firstBrokenSeq: null, keyedFromSeq };
}

export type HeadState = 'keyed' | 'unkeyed' | 'foreign';

/**
 * Each clinic's newest entry against the key: 'keyed' (written with this key), 'unkeyed' (a
 * SHA-256 entry of before the key: the chain still needs its key epoch), 'foreign' (another key,
 * or an altered entry). Cheap enough for every start: one row per clinic.
 */
export async function headStates(db: Db, key: Buffer): Promise<{ clinicId: string; seq: number; state: HeadState }[]> {
  const rows = await db
    .selectFrom('audit_heads')
    .innerJoin('audit_log', (j) => j.onRef('audit_log.clinic_id', '=', 'audit_heads.clinic_id').onRef('audit_log.seq', '=', 'audit_heads.seq'))
    .selectAll('audit_log')
    .orderBy('audit_log.clinic_id')
    .execute();
  return rows.map((r) => {
    const { hash, prev_hash, ...rest } = r;
    const state: HeadState = entryHash(prev_hash, rest, key) === hash ? 'keyed' : entryHash(prev_hash, rest) === hash ? 'unkeyed' : 'foreign';
    return { clinicId: r.clinic_id, seq: r.seq, state };
  });
}
