import type { DbHandle } from '../db/connect.js';
import type { AuditInput } from '../db/repos/audit.repo.js';
import type { Role } from '../domain/roles.js';

/** Who is acting, resolved from the session by the auth plugin. */
export interface Actor {
  clinicId: string;
  userId: string;
  login: string;
  role: Role;
  ip: string | null;
  sessionId?: string;
  /** DESK-6: standing in at the desk, holding its duties for now. */
  deskCover?: boolean;
}

/** What every use case needs: the database and the clock (tests fix the clock). */
export interface Deps {
  h: DbHandle;
  clock: () => Date;
}

/** The audit entry skeleton for an action by this actor at this moment. */
export function auditEntry(
  actor: Actor,
  at: Date,
  e: { action: string; objectType: string; objectId: string | null; patientId?: string | null; details?: Record<string, unknown> },
): AuditInput {
  return {
    clinicId: actor.clinicId,
    at: at.toISOString(),
    userId: actor.userId,
    userLogin: actor.login,
    role: actor.role,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    patientId: e.patientId ?? null,
    ip: actor.ip,
    details: e.details ?? {},
  };
}

/** Names of the fields a patch touched: the audit records which fields changed, never their values. */
export function changedFields(patch: object): string[] {
  return Object.entries(patch)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k)
    .sort();
}
