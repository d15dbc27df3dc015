import type { z } from 'zod';
import type { BranchInput, BranchPatch, ChairInput, ChairPatch, ClinicPatch, InfoSourceInput } from '../contracts/clinic.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as repo from '../db/repos/clinic.repo.js';
import { fieldError, notFound } from '../domain/errors.js';
import { toE164 } from '../domain/phone.js';
import { auditEntry, changedFields, type Actor, type Deps } from './context.js';

const BRANCH = { ru: 'Филиал', en: 'Branch' };
const CHAIR = { ru: 'Кресло', en: 'Chair' };
const SOURCE = { ru: 'Источник информации', en: 'Information source' };

export async function getClinic(deps: Deps, actor: Actor) {
  return (await repo.getClinic(deps.h.db, actor.clinicId))!;
}

export async function updateClinic(deps: Deps, actor: Actor, patch: z.infer<typeof ClinicPatch>) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    await repo.updateClinic(trx, actor.clinicId, {
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.legalName !== undefined && { legal_name: patch.legalName }),
      ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
      ...(patch.phone !== undefined && { phone: patch.phone === null ? null : toE164(patch.phone) }),
      ...(patch.email !== undefined && { email: patch.email }),
      ...(patch.website !== undefined && { website: patch.website }),
      ...(patch.licence !== undefined && { licence: patch.licence }),
      // Stored whole: the JSON may later hold other sections, so schedule goes under its own keys.
      ...(patch.schedule !== undefined && { settings_json: JSON.stringify({ ...(await storedSettings(trx, actor.clinicId)), ...patch.schedule }) }),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'clinic', objectId: actor.clinicId, details: { fields: changedFields(patch) } }));
  });
  return getClinic(deps, actor);
}

async function storedSettings(db: Parameters<typeof repo.clinicTimeAndSettings>[0], clinicId: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse((await repo.clinicTimeAndSettings(db, clinicId)).settings_json || '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
}

type Hours = NonNullable<z.infer<typeof BranchInput>['hours']>;

function checkHours(hours: Hours | undefined) {
  if (!hours) return;
  const seen = new Set<number>();
  hours.forEach((h, i) => {
    if (h.opens >= h.closes) throw fieldError(`hours.${i}.closes`, { ru: 'Время закрытия должно быть позже открытия', en: 'Closing must be after opening' });
    if (seen.has(h.weekday)) throw fieldError(`hours.${i}.weekday`, { ru: 'День недели указан дважды', en: 'The weekday is listed twice' });
    seen.add(h.weekday);
  });
}

export async function createBranch(deps: Deps, actor: Actor, input: z.infer<typeof BranchInput>) {
  checkHours(input.hours);
  const now = deps.clock();
  const id = newId();
  await withTx(deps.h, async (trx) => {
    await repo.insertBranch(trx, {
      id,
      clinic_id: actor.clinicId,
      name: input.name.trim(),
      address: input.address.trim(),
      directions: input.directions ?? null,
      phone: input.phone ? toE164(input.phone) : null,
      is_active: input.isActive === false ? 0 : 1,
      hours_json: JSON.stringify(sortHours(input.hours ?? [])),
      created_at: now.toISOString(),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'branch', objectId: id }));
  });
  return (await repo.getBranch(deps.h.db, actor.clinicId, id))!;
}

export async function updateBranch(deps: Deps, actor: Actor, id: string, patch: z.infer<typeof BranchPatch>) {
  checkHours(patch.hours);
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    if (!(await repo.getBranch(trx, actor.clinicId, id))) throw notFound(BRANCH);
    await repo.updateBranch(trx, actor.clinicId, id, {
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.address !== undefined && { address: patch.address.trim() }),
      ...(patch.directions !== undefined && { directions: patch.directions }),
      ...(patch.phone !== undefined && { phone: patch.phone ? toE164(patch.phone) : null }),
      ...(patch.isActive !== undefined && { is_active: patch.isActive ? 1 : 0 }),
      ...(patch.hours !== undefined && { hours_json: JSON.stringify(sortHours(patch.hours)) }),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'branch', objectId: id, details: { fields: changedFields(patch) } }));
  });
  return (await repo.getBranch(deps.h.db, actor.clinicId, id))!;
}

function sortHours(h: Hours): Hours {
  return [...h].sort((a, b) => a.weekday - b.weekday);
}

export async function createChair(deps: Deps, actor: Actor, input: z.infer<typeof ChairInput>) {
  const now = deps.clock();
  const id = newId();
  await withTx(deps.h, async (trx) => {
    if (!(await repo.getBranch(trx, actor.clinicId, input.branchId))) {
      throw fieldError('branchId', { ru: 'Такого филиала нет', en: 'No such branch' });
    }
    await repo.insertChair(trx, { id, clinic_id: actor.clinicId, branch_id: input.branchId, name: input.name.trim(), is_active: input.isActive === false ? 0 : 1 });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'chair', objectId: id }));
  });
  return (await repo.getChair(deps.h.db, actor.clinicId, id))!;
}

export async function updateChair(deps: Deps, actor: Actor, id: string, patch: z.infer<typeof ChairPatch>) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    if (!(await repo.getChair(trx, actor.clinicId, id))) throw notFound(CHAIR);
    const set = {
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.isActive !== undefined && { is_active: (patch.isActive ? 1 : 0) as 0 | 1 }),
    };
    await repo.updateChair(trx, actor.clinicId, id, set);
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'chair', objectId: id, details: { fields: changedFields(patch) } }));
  });
  return (await repo.getChair(deps.h.db, actor.clinicId, id))!;
}

export async function createSource(deps: Deps, actor: Actor, input: z.infer<typeof InfoSourceInput>) {
  const now = deps.clock();
  const id = newId();
  await withTx(deps.h, async (trx) => {
    await repo.insertInfoSource(trx, { id, clinic_id: actor.clinicId, name: input.name.trim(), is_active: input.isActive === false ? 0 : 1 });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'info_source', objectId: id }));
  });
  return (await repo.listSources(deps.h.db, actor.clinicId)).find((s) => s.id === id)!;
}

export async function updateSource(deps: Deps, actor: Actor, id: string, patch: Partial<z.infer<typeof InfoSourceInput>>) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const exists = (await repo.listSources(trx, actor.clinicId)).some((s) => s.id === id);
    if (!exists) throw notFound(SOURCE);
    const set = {
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.isActive !== undefined && { is_active: (patch.isActive ? 1 : 0) as 0 | 1 }),
    };
    await repo.updateInfoSource(trx, actor.clinicId, id, set);
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'info_source', objectId: id, details: { fields: changedFields(patch) } }));
  });
  return (await repo.listSources(deps.h.db, actor.clinicId)).find((s) => s.id === id)!;
}

export const listBranches = (deps: Deps, actor: Actor) => repo.listBranches(deps.h.db, actor.clinicId);
export const listChairs = (deps: Deps, actor: Actor) => repo.listChairs(deps.h.db, actor.clinicId);
export const listSources = (deps: Deps, actor: Actor) => repo.listSources(deps.h.db, actor.clinicId);
