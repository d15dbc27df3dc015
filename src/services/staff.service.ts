import type { z } from 'zod';
import type { StaffCreate, StaffPatch } from '../contracts/staff.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { getBranch } from '../db/repos/clinic.repo.js';
import * as users from '../db/repos/users.repo.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { checkNewPassword, generatePassword, hashPassword } from './auth.service.js';
import { auditEntry, changedFields, type Actor, type Deps } from './context.js';

const USER = { ru: 'Сотрудник', en: 'Staff member' };

/** A member's branch must be one of the clinic's own. */
async function checkBranch(deps: Deps, actor: Actor, branchId: string | null | undefined) {
  if (branchId && !(await getBranch(deps.h.db, actor.clinicId, branchId))) throw fieldError('branchId', { ru: 'Филиал не найден', en: 'Branch not found' });
}

export async function listStaff(deps: Deps, actor: Actor) {
  return (await users.userRowsWithDoctor(deps.h.db, actor.clinicId)).map(users.staffRow);
}

/** Adds a staff account; without a password a one-time one is generated and must be changed at first sign-in. */
export async function createStaff(deps: Deps, actor: Actor, input: z.infer<typeof StaffCreate>) {
  const now = deps.clock();
  const login = input.login.toLowerCase();
  if (input.password) await checkNewPassword(deps.h.db, input.password, { clinicId: actor.clinicId, login, fullName: input.fullName }, 'password');
  await checkBranch(deps, actor, input.branchId);
  const temporaryPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  const id = newId();
  await withTx(deps.h, async (trx) => {
    if (await users.findUserByLogin(trx, login)) {
      throw new DomainError('conflict', { ru: 'Такой логин уже занят', en: 'This login is taken' }, [
        { field: 'login', message: { ru: 'Логин занят, выберите другой', en: 'Login taken, choose another' } },
      ]);
    }
    await users.insertUser(trx, {
      id,
      clinic_id: actor.clinicId,
      login,
      full_name: input.fullName.trim(),
      role: input.role,
      password_hash: passwordHash,
      is_active: 1,
      must_change_password: 1,
      created_at: now.toISOString(),
      password_changed_at: now.toISOString(),
      last_login_at: null,
      branch_id: input.branchId ?? null,
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'user', objectId: id, details: { role: input.role } }));
  });
  const row = await users.getUser(deps.h.db, actor.clinicId, id);
  return { user: users.staffRow(row!), temporaryPassword };
}

/** Changes name, role or activity. A role change or deactivation ends the user's sessions at once. */
export async function updateStaff(deps: Deps, actor: Actor, id: string, patch: z.infer<typeof StaffPatch>) {
  const now = deps.clock();
  await checkBranch(deps, actor, patch.branchId);
  await withTx(deps.h, async (trx) => {
    const u = await users.getUser(trx, actor.clinicId, id);
    if (!u) throw notFound(USER);
    const losesOwner = u.role === 'owner' && u.is_active === 1 && ((patch.role && patch.role !== 'owner') || patch.isActive === false);
    if (losesOwner && (await users.countActiveOwners(trx, actor.clinicId)) <= 1) {
      throw new DomainError('conflict', { ru: 'Нельзя отключить или понизить единственного владельца', en: 'Cannot deactivate or demote the only owner' });
    }
    if (patch.role === 'owner' && actor.role !== 'owner') {
      throw new DomainError('forbidden', { ru: 'Назначить владельца может только владелец', en: 'Only an owner can appoint an owner' });
    }
    await users.updateUser(trx, id, {
      ...(patch.fullName !== undefined && { full_name: patch.fullName.trim() }),
      ...(patch.role !== undefined && { role: patch.role }),
      ...(patch.isActive !== undefined && { is_active: patch.isActive ? 1 : 0 }),
      ...(patch.branchId !== undefined && { branch_id: patch.branchId }),
    });
    if ((patch.role && patch.role !== u.role) || patch.isActive === false) await users.revokeUserSessions(trx, id, now.toISOString());
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'user', objectId: id, details: { fields: changedFields(patch), ...(patch.role && { role: patch.role }) } }));
  });
  return users.staffRow((await users.getUser(deps.h.db, actor.clinicId, id))!);
}

/** Issues a one-time password and ends the user's sessions. */
export async function resetPassword(deps: Deps, actor: Actor, id: string) {
  const now = deps.clock();
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await withTx(deps.h, async (trx) => {
    const u = await users.getUser(trx, actor.clinicId, id);
    if (!u) throw notFound(USER);
    if (u.role === 'owner' && actor.role !== 'owner') {
      throw new DomainError('forbidden', { ru: 'Пароль владельца может сбросить только владелец', en: "Only an owner can reset an owner's password" });
    }
    await users.updateUser(trx, id, { password_hash: passwordHash, must_change_password: 1, password_changed_at: now.toISOString() });
    await users.revokeUserSessions(trx, id, now.toISOString());
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'user', objectId: id, details: { fields: ['password'], reset: true } }));
  });
  return { temporaryPassword };
}
