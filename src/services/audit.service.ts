import * as repo from '../db/repos/audit.repo.js';
import type { Actor, Deps } from './context.js';

/** The clinic's audit trail, newest first (owner and chief doctor, 152-FZ control). */
export function listAudit(deps: Deps, actor: Actor, f: Omit<repo.AuditFilter, 'limit'> & { limit?: number }) {
  return repo.listAudit(deps.h.db, actor.clinicId, { ...f, limit: f.limit ?? 50 });
}

/** Recomputes the hash chain: any edited, deleted or inserted row shows up as the first broken entry. */
export function verifyAudit(deps: Deps, actor: Actor) {
  return repo.verifyChain(deps.h.db, actor.clinicId);
}
