import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as repo from '../db/repos/svc-regulation.repo.js';
import { activePeople } from '../db/repos/team-messages.repo.js';
import { DomainError, notFound } from '../domain/errors.js';
import { can } from '../domain/permissions.js';
import type { Role } from '../domain/roles.js';
import { DEFAULT_SVC_REGULATION, regulationPending } from '../domain/service-card-regulation.js';
import { auditEntry, type Actor, type Deps } from './context.js';

const WHAT = { ru: 'Положение о сервисной карте', en: 'Service card regulation' };

/** Who is asked to read the regulation: everyone who writes in the service card (SVC-11, «для контактного персонала»). */
const readsRegulation = (role: Role) => can(role, 'servicecard.write');

/** SVC-11: the current version or the one asked for; version 1 is the built-in text (both languages). */
export async function getRegulation(deps: Deps, actor: Actor, version?: number) {
  const current = await repo.latestVersion(deps.h.db, actor.clinicId);
  const v = version ?? current;
  if (v < 1 || v > current) throw notFound(WHAT);
  const mine = await repo.readsOf(deps.h.db, actor.clinicId, [actor.userId]);
  const confirmedAt = mine.find((r) => r.version === v)?.confirmed_at ?? null;
  const versions: { version: number; note: string | null; createdAt: string | null; createdBy: { id: string; name: string } | null }[] = (
    await repo.listVersions(deps.h.db, actor.clinicId)
  ).map((r) => ({ version: r.version, note: r.note, createdAt: r.created_at, createdBy: { id: r.created_by, name: r.created_by_name } }));
  versions.push({ version: 1, note: null, createdAt: null, createdBy: null });
  if (v === 1) return { version: 1, currentVersion: current, body: DEFAULT_SVC_REGULATION.ru, bodyEn: DEFAULT_SVC_REGULATION.en, note: null, createdAt: null, createdBy: null, confirmedAt, versions };
  const row = await repo.getVersion(deps.h.db, actor.clinicId, v);
  if (!row) throw notFound(WHAT);
  return {
    version: v, currentVersion: current, body: row.body, bodyEn: null, note: row.note, createdAt: row.created_at,
    createdBy: { id: row.created_by, name: row.created_by_name }, confirmedAt, versions,
  };
}

/** A new version (owner, chief doctor): everyone is asked again; the author has read what they wrote. */
export async function saveRegulation(deps: Deps, actor: Actor, input: { body: string; note?: string | null }) {
  const body = input.body.trim();
  const before = await getRegulation(deps, actor);
  if (before.body.trim() === body) {
    throw new DomainError('conflict', { ru: 'Текст не изменился: новая версия не нужна', en: 'Nothing changed: no new version needed' });
  }
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    // The unique (clinic, version) key turns a simultaneous second save into a conflict, not a lost version.
    const version = (await repo.latestVersion(trx, actor.clinicId)) + 1;
    await repo.insertVersion(trx, {
      id: newId(), clinic_id: actor.clinicId, version, body, note: input.note?.trim() || null, created_by: actor.userId, created_at: now.toISOString(),
    });
    await repo.insertRead(trx, { clinic_id: actor.clinicId, user_id: actor.userId, version, confirmed_at: now.toISOString() });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'svc_regulation', objectId: null, details: { version } }));
  });
  return getRegulation(deps, actor);
}

/** The signed-in user: must they still confirm the current version (the banner on their home page)? */
export async function myRegulationStatus(deps: Deps, actor: Actor) {
  const version = await repo.latestVersion(deps.h.db, actor.clinicId);
  if (!readsRegulation(actor.role)) return { version, pending: false, confirmedAt: null };
  const mine = await repo.readsOf(deps.h.db, actor.clinicId, [actor.userId]);
  return { version, pending: regulationPending(version, mine.map((r) => r.version)), confirmedAt: mine.find((r) => r.version === version)?.confirmed_at ?? null };
}

/** «Ознакомлен(а)»: only the current version counts. */
export async function confirmRegulation(deps: Deps, actor: Actor, version: number) {
  const current = await repo.latestVersion(deps.h.db, actor.clinicId);
  if (version !== current) {
    throw new DomainError('conflict', { ru: 'Положение обновилось: прочитайте новую версию', en: 'The regulation changed: read the new version' }, [], { currentVersion: current });
  }
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    if (await repo.insertRead(trx, { clinic_id: actor.clinicId, user_id: actor.userId, version, confirmed_at: now.toISOString() })) {
      await appendAudit(trx, auditEntry(actor, now, { action: 'confirm', objectType: 'svc_regulation', objectId: null, details: { version } }));
    }
  });
  return myRegulationStatus(deps, actor);
}

/** Management: who has not confirmed the current version, first. */
export async function regulationConfirmations(deps: Deps, actor: Actor) {
  const version = await repo.latestVersion(deps.h.db, actor.clinicId);
  const people = (await activePeople(deps.h.db, actor.clinicId)).filter((p) => readsRegulation(p.role as Role));
  const reads = await repo.readsOf(deps.h.db, actor.clinicId);
  const items = people.map((p) => ({
    userId: p.id, name: p.full_name, role: p.role,
    confirmedAt: reads.find((r) => r.user_id === p.id && r.version === version)?.confirmed_at ?? null,
  }));
  items.sort((a, b) => Number(a.confirmedAt !== null) - Number(b.confirmedAt !== null) || a.name.localeCompare(b.name, 'ru'));
  return { version, items };
}
