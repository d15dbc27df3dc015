import type { z } from 'zod';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings, getBranch } from '../db/repos/clinic.repo.js';
import * as repo from '../db/repos/incidents.repo.js';
import { addLiveEvent } from '../db/repos/live.repo.js';
import type { Incident, IncidentInput, IncidentNoteInput, IncidentQuery, IncidentResolve } from '../contracts/incidents.js';
import { addDays } from '../domain/dates.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { checkResolve, checkStart, downtimeMinutes, INCIDENT_KINDS, type Equipment, type IncidentKind } from '../domain/incidents.js';
import { can } from '../domain/permissions.js';
import { localInstant } from '../domain/schedule/time.js';
import { auditEntry, type Actor, type Deps } from './context.js';

const WHAT = { ru: 'Инцидент', en: 'Incident' };

function toDto(r: repo.IncidentRow, notes: Awaited<ReturnType<typeof repo.notesOf>>, now: Date): Incident {
  const resolvedAt = r.resolved_at ? new Date(r.resolved_at) : null;
  return {
    id: r.id,
    branchId: r.branch_id,
    branchName: r.branch_name,
    kind: r.kind as IncidentKind,
    equipment: r.equipment as Equipment | null,
    description: r.description,
    affectsVisits: r.affects_visits === 1,
    startedAt: r.started_at,
    loggedAt: r.logged_at,
    loggedBy: { id: r.logged_by, name: r.logged_by_name },
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by ? { id: r.resolved_by, name: r.resolved_by_name ?? '' } : null,
    resolution: r.resolution,
    downtimeMinutes: downtimeMinutes(new Date(r.started_at), resolvedAt, now),
    notes: notes.filter((n) => n.incident_id === r.id).map((n) => ({ id: n.id, at: n.at, userId: n.user_id, userName: n.user_name, text: n.text })),
  };
}

async function ownBranch(deps: Deps, actor: Actor, branchId: string, field: string) {
  const b = await getBranch(deps.h.db, actor.clinicId, branchId);
  if (!b) throw fieldError(field, { ru: 'Филиал не найден', en: 'Branch not found' });
  return b;
}

/**
 * The log. Everyone sees the open incidents (a doctor must know the X-ray is down); the whole
 * log with resolved ones and the per-kind report is the owner's and the chief doctor's.
 */
export async function listIncidents(deps: Deps, actor: Actor, q: z.infer<typeof IncidentQuery>) {
  const all = q.status === 'all';
  if (all && !can(actor.role, 'incidents.log', actor.deskCover)) {
    throw new DomainError('forbidden', { ru: 'Весь журнал инцидентов видят владелец и главный врач', en: 'Only the owner and the chief doctor see the whole incident log' });
  }
  if (q.from && q.to && q.to < q.from) throw fieldError('to', { ru: 'Дата окончания раньше даты начала', en: 'The end date is before the start date' });
  if (q.branchId) await ownBranch(deps, actor, q.branchId, 'branchId');
  const { time_zone: tz } = await clinicTimeAndSettings(deps.h.db, actor.clinicId);
  const rows = await repo.listIncidents(deps.h.db, actor.clinicId, {
    openOnly: !all,
    branchId: q.branchId,
    kind: q.kind,
    fromAt: q.from ? new Date(localInstant(q.from, '00:00', tz)).toISOString() : undefined,
    toAt: q.to ? new Date(localInstant(addDays(q.to, 1), '00:00', tz)).toISOString() : undefined,
  });
  const notes = await repo.notesOf(deps.h.db, actor.clinicId, rows.map((r) => r.id));
  const now = deps.clock();
  const items = rows.map((r) => toDto(r, notes, now));
  const summary = INCIDENT_KINDS.map((kind) => {
    const of = items.filter((i) => i.kind === kind);
    return { kind, count: of.length, downtimeMinutes: of.reduce((s, i) => s + i.downtimeMinutes, 0) };
  }).filter((s) => s.count > 0);
  return { items, summary: all ? summary : [] };
}

export async function getIncident(deps: Deps, actor: Actor, id: string): Promise<Incident> {
  const row = await repo.getIncident(deps.h.db, actor.clinicId, id);
  if (!row) throw notFound(WHAT);
  // A resolved incident is part of the log, which is management's; the desk sees only open ones.
  if (row.resolved_at && !can(actor.role, 'incidents.log', actor.deskCover) && !can(actor.role, 'incidents.write', actor.deskCover)) throw notFound(WHAT);
  const [r] = await repo.listIncidents(deps.h.db, actor.clinicId, { openOnly: false, id });
  if (!r) throw notFound(WHAT);
  return toDto(r, await repo.notesOf(deps.h.db, actor.clinicId, [id]), deps.clock());
}

export async function createIncident(deps: Deps, actor: Actor, input: IncidentInput): Promise<Incident> {
  await ownBranch(deps, actor, input.branchId, 'branchId');
  const now = deps.clock();
  const startedAt = input.startedAt ? new Date(input.startedAt) : now;
  checkStart(input.kind, input.equipment, startedAt, now);
  const id = newId();
  await withTx(deps.h, async (trx) => {
    await repo.insertIncident(trx, {
      id, clinic_id: actor.clinicId, branch_id: input.branchId, kind: input.kind, equipment: input.equipment ?? null,
      description: input.description.trim(), affects_visits: input.affectsVisits ? 1 : 0,
      started_at: startedAt.toISOString(), logged_at: now.toISOString(), logged_by: actor.userId,
      resolved_at: null, resolved_by: null, resolution: null,
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'incident', objectId: id, details: { kind: input.kind, branchId: input.branchId } }));
    await addLiveEvent(trx, { clinicId: actor.clinicId, at: now.toISOString(), kind: 'incident', payload: { id, branchId: input.branchId, open: true } });
  });
  return getIncident(deps, actor, id);
}

/** A note is always allowed, even on a resolved incident (what was checked afterwards). */
export async function addNote(deps: Deps, actor: Actor, id: string, input: z.infer<typeof IncidentNoteInput>): Promise<Incident> {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const inc = await repo.getIncident(trx, actor.clinicId, id);
    if (!inc) throw notFound(WHAT);
    const noteId = newId();
    await repo.insertNote(trx, { id: noteId, clinic_id: actor.clinicId, incident_id: id, at: now.toISOString(), user_id: actor.userId, text: input.text.trim() });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'incident', objectId: id, details: { note: noteId } }));
    await addLiveEvent(trx, { clinicId: actor.clinicId, at: now.toISOString(), kind: 'incident', payload: { id, branchId: inc.branch_id, open: !inc.resolved_at } });
  });
  return getIncident(deps, actor, id);
}

export async function resolveIncident(deps: Deps, actor: Actor, id: string, input: z.infer<typeof IncidentResolve>): Promise<Incident> {
  const now = deps.clock();
  const resolvedAt = input.resolvedAt ? new Date(input.resolvedAt) : now;
  await withTx(deps.h, async (trx) => {
    const inc = await repo.getIncident(trx, actor.clinicId, id);
    if (!inc) throw notFound(WHAT);
    checkResolve({ startedAt: new Date(inc.started_at), resolvedAt: inc.resolved_at ? new Date(inc.resolved_at) : null }, resolvedAt, now);
    const n = await repo.resolveIncident(trx, actor.clinicId, id, { at: resolvedAt.toISOString(), by: actor.userId, resolution: input.resolution.trim() });
    if (!n) throw new DomainError('invalid_transition', { ru: 'Инцидент уже устранён', en: 'The incident is already resolved' });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'incident', objectId: id, details: { resolved: true } }));
    await addLiveEvent(trx, { clinicId: actor.clinicId, at: now.toISOString(), kind: 'incident', payload: { id, branchId: inc.branch_id, open: false } });
  });
  return getIncident(deps, actor, id);
}
