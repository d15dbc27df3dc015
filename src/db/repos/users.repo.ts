import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { SessionsTable, UsersTable } from '../schema.js';

export async function userRowsWithDoctor(db: Db, clinicId: string) {
  return db
    .selectFrom('users')
    .leftJoin('doctors', 'doctors.user_id', 'users.id')
    .selectAll('users')
    .select('doctors.id as doctor_id')
    .where('users.clinic_id', '=', clinicId)
    .orderBy('users.full_name')
    .execute();
}

export function staffRow(r: UsersTable & { doctor_id: string | null }) {
  return {
    id: r.id,
    login: r.login,
    fullName: r.full_name,
    role: r.role,
    isActive: r.is_active === 1,
    mustChangePassword: r.must_change_password === 1,
    lastLoginAt: r.last_login_at,
    doctorId: r.doctor_id,
    branchId: r.branch_id ?? null,
  };
}

export async function getUser(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('users')
    .leftJoin('doctors', 'doctors.user_id', 'users.id')
    .selectAll('users')
    .select('doctors.id as doctor_id')
    .where('users.clinic_id', '=', clinicId)
    .where('users.id', '=', id)
    .executeTakeFirst();
}

export async function findUserByLogin(db: Db, login: string) {
  return db.selectFrom('users').selectAll().where('login', '=', login.toLowerCase()).executeTakeFirst();
}

export async function insertUser(trx: Db, row: Insertable<UsersTable>) {
  await trx.insertInto('users').values(row).execute();
}

export async function updateUser(trx: Db, id: string, patch: Partial<UsersTable>) {
  if (Object.keys(patch).length) await trx.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function countActiveOwners(db: Db, clinicId: string): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('clinic_id', '=', clinicId)
    .where('role', '=', 'owner')
    .where('is_active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertSession(trx: Db, row: SessionsTable) {
  await trx.insertInto('sessions').values(row).execute();
}

export async function findSession(db: Db, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('clinics', 'clinics.id', 'sessions.clinic_id')
    .leftJoin('doctors', 'doctors.user_id', 'users.id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.revoked_at',
      'users.id as user_id',
      'users.login',
      'users.full_name',
      'users.role',
      'users.is_active',
      'users.must_change_password',
      'clinics.id as clinic_id',
      'clinics.name as clinic_name',
      'clinics.time_zone',
      'doctors.id as doctor_id',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: Db, sessionId: string, at: string) {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export async function revokeSession(trx: Db, sessionId: string, at: string) {
  await trx.updateTable('sessions').set({ revoked_at: at }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

/** Ends every open session of a user (role change, deactivation, password reset). */
export async function revokeUserSessions(trx: Db, userId: string, at: string, exceptSessionId?: string) {
  let q = trx.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}
