import type { z } from 'zod';
import type { JobDescription, JobDescriptionInput } from '../contracts/job-descriptions.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as repo from '../db/repos/job-descriptions.repo.js';
import { activePeople } from '../db/repos/team-messages.repo.js';
import { DomainError, notFound } from '../domain/errors.js';
import { ROLES, type Role } from '../domain/roles.js';
import { DEFAULT_DESCRIPTIONS } from '../domain/team/job-description-others.js';
import { hasJobDescription, JOB_SECTIONS, needsConfirmation, type JobSections } from '../domain/team/job-descriptions.js';
import { auditEntry, type Actor, type Deps } from './context.js';

const WHAT = { ru: 'Должностная инструкция', en: 'Job description' };
const noDescription = () => new DomainError('not_found', { ru: 'У владельца нет должностной инструкции', en: 'The owner has no job description' });

/** STAFF-2: the current version of each role (1 = the built-in text until the first edit). */
async function currentVersions(deps: Deps, clinicId: string): Promise<Record<Role, number>> {
  const latest = await repo.latestVersions(deps.h.db, clinicId);
  return Object.fromEntries(ROLES.map((r) => [r, latest.get(r) ?? 1])) as Record<Role, number>;
}

/** A role's description, the current version or the one asked for. */
export async function getDescription(deps: Deps, actor: Actor, role: Role, version?: number): Promise<JobDescription> {
  if (!hasJobDescription(role)) throw noDescription();
  const current = (await currentVersions(deps, actor.clinicId))[role];
  const v = version ?? current;
  if (v > current) throw notFound(WHAT);
  const confirmations = actor.role === role ? await repo.confirmationsOf(deps.h.db, actor.clinicId, [actor.userId]) : [];
  const confirmedAt = confirmations.find((c) => c.role === role && c.version === v)?.confirmed_at ?? null;
  if (v === 1) {
    return { role, version: 1, sections: DEFAULT_DESCRIPTIONS[role as Exclude<Role, 'owner'>], note: null, createdAt: null, createdBy: null, confirmedAt };
  }
  const row = await repo.getDescription(deps.h.db, actor.clinicId, role, v);
  if (!row) throw notFound(WHAT);
  return {
    role, version: v, sections: JSON.parse(row.sections_json) as JobSections, note: row.note, createdAt: row.created_at,
    createdBy: { id: row.created_by, name: row.created_by_name }, confirmedAt,
  };
}

/**
 * A new version (owner, chief doctor): everyone in the role is asked again to confirm it. An
 * unchanged text makes no version (a click on «Сохранить» would otherwise make everyone re-read).
 */
export async function saveDescription(deps: Deps, actor: Actor, role: Role, input: z.infer<typeof JobDescriptionInput>): Promise<JobDescription> {
  if (!hasJobDescription(role)) throw noDescription();
  const now = deps.clock();
  const sections = Object.fromEntries(JOB_SECTIONS.map((k) => [k, input.sections[k].trim()])) as JobSections;
  const before = await getDescription(deps, actor, role);
  if (JOB_SECTIONS.every((k) => before.sections[k] === sections[k])) {
    throw new DomainError('conflict', { ru: 'Текст не изменился: новая версия не нужна', en: 'Nothing changed: no new version needed' });
  }
  await withTx(deps.h, async (trx) => {
    // The unique (clinic, role, version) key turns a simultaneous second save into a conflict, not a lost version.
    const latest = (await repo.latestVersions(trx, actor.clinicId)).get(role) ?? 1;
    await repo.insertDescription(trx, {
      id: newId(), clinic_id: actor.clinicId, role, version: latest + 1, sections_json: JSON.stringify(sections), note: input.note?.trim() || null,
      created_by: actor.userId, created_at: now.toISOString(),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'job_description', objectId: null, details: { role, version: latest + 1 } }));
  });
  return getDescription(deps, actor, role);
}

/** The signed-in user's role: the current version and whether they still have to confirm it (the banner). */
export async function myStatus(deps: Deps, actor: Actor) {
  const version = (await currentVersions(deps, actor.clinicId))[actor.role];
  if (!hasJobDescription(actor.role)) return { role: actor.role, version, pending: false, confirmedAt: null };
  const mine = await repo.confirmationsOf(deps.h.db, actor.clinicId, [actor.userId]);
  const confirmed = mine.filter((c) => c.role === actor.role).map((c) => c.version);
  return { role: actor.role, version, pending: needsConfirmation(version, confirmed), confirmedAt: mine.find((c) => c.role === actor.role && c.version === version)?.confirmed_at ?? null };
}

/** «Ознакомлен(а)»: confirms the version the user has read; only the current one of their own role counts. */
export async function confirm(deps: Deps, actor: Actor, version: number) {
  if (!hasJobDescription(actor.role)) throw noDescription();
  const current = (await currentVersions(deps, actor.clinicId))[actor.role];
  if (version !== current) {
    throw new DomainError('conflict', { ru: 'Инструкция обновилась: прочитайте новую версию', en: 'The description changed: read the new version' }, [], { currentVersion: current });
  }
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    if (await repo.insertConfirmation(trx, { clinic_id: actor.clinicId, user_id: actor.userId, role: actor.role, version, confirmed_at: now.toISOString() })) {
      await appendAudit(trx, auditEntry(actor, now, { action: 'confirm', objectType: 'job_description', objectId: null, details: { role: actor.role, version } }));
    }
  });
  return myStatus(deps, actor);
}

/** Management: every active employee against their role's current version, those not confirmed first. */
export async function confirmations(deps: Deps, actor: Actor) {
  const versions = await currentVersions(deps, actor.clinicId);
  const people = (await activePeople(deps.h.db, actor.clinicId)).filter((p) => hasJobDescription(p.role as Role));
  const reads = await repo.confirmationsOf(deps.h.db, actor.clinicId);
  const items = people.map((p) => {
    const role = p.role as Role;
    const mine = reads.filter((r) => r.user_id === p.id && r.role === role);
    const current = mine.find((r) => r.version === versions[role]);
    const last = mine.reduce<number | null>((m, r) => (m === null || r.version > m ? r.version : m), null);
    return { userId: p.id, name: p.full_name, role, currentVersion: versions[role], confirmedAt: current?.confirmed_at ?? null, lastConfirmedVersion: last };
  });
  items.sort((a, b) => Number(a.confirmedAt !== null) - Number(b.confirmedAt !== null) || ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.name.localeCompare(b.name, 'ru'));
  return { items, versions: ROLES.filter(hasJobDescription).map((role) => ({ role, version: versions[role] })) };
}
