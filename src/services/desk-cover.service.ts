import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { endCover, insertCover, openCover } from '../db/repos/desk-cover.repo.js';
import { DomainError } from '../domain/errors.js';
import { DESK_COVER_ROLES } from '../domain/permissions.js';
import type { Role } from '../domain/roles.js';
import { auditEntry, type Actor, type Deps } from './context.js';

export interface DeskCoverState {
  since: string;
}

/** Whether this session stands in at the desk now; only the roles that may cover ever ask the database. */
export async function coverOf(deps: Deps, role: Role, sessionId: string | undefined): Promise<DeskCoverState | null> {
  if (!sessionId || !DESK_COVER_ROLES.includes(role)) return null;
  const row = await openCover(deps.h.db, sessionId);
  return row ? { since: row.started_at } : null;
}

/**
 * DESK-6: a senior nurse, an assistant or a doctor (the roles holding `desk.cover`; the route checks it) takes the desk while the administrator is away
 * and holds the desk's duties until they hand it back or sign out. Taking it twice changes nothing.
 */
export async function takeDesk(deps: Deps, actor: Actor): Promise<DeskCoverState> {
  const sessionId = actor.sessionId;
  if (!sessionId) throw new DomainError('forbidden', { ru: 'Подменить на стойке можно только после входа в систему', en: 'Sign in to stand in at the desk' });
  return withTx(deps.h, async (trx) => {
    const open = await openCover(trx, sessionId);
    if (open) return { since: open.started_at };
    const at = deps.clock();
    const id = newId();
    await insertCover(trx, { id, clinicId: actor.clinicId, userId: actor.userId, sessionId, at: at.toISOString() });
    await appendAudit(trx, auditEntry(actor, at, { action: 'desk_cover_start', objectType: 'desk_cover', objectId: id }));
    return { since: at.toISOString() };
  });
}

/** Hands the desk back; ending a cover that is not open is not an error (two tabs, a double click). */
export async function leaveDesk(deps: Deps, actor: Actor): Promise<void> {
  if (!actor.sessionId) return;
  const sessionId = actor.sessionId;
  await withTx(deps.h, async (trx) => {
    const open = await openCover(trx, sessionId);
    if (!open) return;
    const at = deps.clock();
    await endCover(trx, sessionId, at.toISOString());
    await appendAudit(trx, auditEntry(actor, at, { action: 'desk_cover_end', objectType: 'desk_cover', objectId: open.id }));
  });
}
