import { withTx, type DbHandle } from '../db/connect.js';
import { auditKeyOf } from '../db/audit-key.js';
import * as repo from '../db/repos/audit.repo.js';
import type { Actor, Deps } from './context.js';

/** The clinic's audit trail, newest first (owner and chief doctor, 152-FZ control). */
export function listAudit(deps: Deps, actor: Actor, f: Omit<repo.AuditFilter, 'limit'> & { limit?: number }) {
  return repo.listAudit(deps.h.db, actor.clinicId, { ...f, limit: f.limit ?? 50 });
}

/**
 * Recomputes the keyed hash chain: any edited, deleted or inserted row shows up as the first
 * broken entry, and so does a chain re-hashed without the key.
 */
export function verifyAudit(deps: Deps, actor: Actor) {
  return repo.verifyChain(deps.h.db, actor.clinicId);
}

export interface AuditKeyCheck {
  /** Chains whose key epoch began now: their SHA-256 entries verified, then a keyed entry appended. */
  sealed: string[];
  /** Chains still ending in a SHA-256 entry, left as they are (see checkAuditKey). */
  unkeyed: string[];
  /** Unkeyed chains that did not verify even as SHA-256: not sealed, so the break stays visible. */
  brokenBeforeKey: string[];
  /** Chains whose newest entry this key did not write: another key, or an altered entry. */
  foreign: string[];
}

/**
 * Run at every start, before anything is written. A chain whose newest entry another key wrote
 * must stop the start (two servers with different keys would break it for good); the caller
 * says so. A chain of only SHA-256 entries (a database of before the key) gets its key epoch —
 * one keyed "audit_key" entry linking to the last SHA-256 hash — only when `seal` is set: main.ts
 * sets it only at the start that created the key file. The database alone cannot say whether a
 * chain was ever keyed (whoever edits it can also re-hash it all as SHA-256 again), so sealing
 * on every start would let such a re-hash be sealed over; the key file's creation is an event
 * outside the database.
 */
export async function checkAuditKey(h: DbHandle, o: { seal: boolean; now: Date }): Promise<AuditKeyCheck> {
  const key = auditKeyOf(h.db);
  if (!key) throw new Error('audit key missing: open the database with connect({ auditKey })');
  const out: AuditKeyCheck = { sealed: [], unkeyed: [], brokenBeforeKey: [], foreign: [] };
  for (const head of await repo.headStates(h.db, key)) {
    if (head.state === 'foreign') out.foreign.push(head.clinicId);
    if (head.state !== 'unkeyed') continue;
    if (!o.seal) {
      out.unkeyed.push(head.clinicId);
      continue;
    }
    const chain = await repo.verifyChain(h.db, head.clinicId, { key, allowUnkeyed: true });
    if (!chain.ok || chain.keyedFromSeq !== null) {
      out.brokenBeforeKey.push(head.clinicId);
      continue;
    }
    await withTx(h, (trx) =>
      repo.appendAudit(trx, {
        clinicId: head.clinicId, at: o.now.toISOString(), userId: null, userLogin: 'system', role: null, action: 'update',
        objectType: 'audit_key', objectId: null, patientId: null, ip: null, details: { unkeyedEntries: chain.checked },
      }),
    );
    out.sealed.push(head.clinicId);
  }
  return out;
}
