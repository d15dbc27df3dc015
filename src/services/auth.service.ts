import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { getClinic } from '../db/repos/clinic.repo.js';
import * as attempts from '../db/repos/login-attempts.repo.js';
import * as users from '../db/repos/users.repo.js';
import { DomainError } from '../domain/errors.js';
import { passwordProblem } from '../domain/password-policy.js';
import { permissionsOf } from '../domain/permissions.js';
import type { Role } from '../domain/roles.js';
import { DEFAULT_THROTTLE, signInWait, windowStart, type ThrottleSettings } from '../domain/sign-in-throttle.js';
import type { Actor, Deps } from './context.js';
import { isDemoClinic } from './demo.service.js';

export interface AuthSettings extends ThrottleSettings {
  /** A session unused this long is over (the desk PC left signed in). */
  idleMinutes: number;
  /** A session is over this long after sign-in, however busy. */
  absoluteHours: number;
}

export const DEFAULT_AUTH: AuthSettings = {
  idleMinutes: 120,
  absoluteHours: 12,
  ...DEFAULT_THROTTLE,
};

// Verified against when the login does not exist, so timing does not reveal which logins exist.
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** A readable one-time password: 12 characters without look-alikes (0/O, 1/l/I), passing the rule for new passwords. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  for (;;) {
    const password = Array.from(randomBytes(12), (b) => alphabet[b % alphabet.length]).join('');
    // A random draw may still spell a word or a keyboard row; draw again rather than hand out a weak one.
    if (!passwordProblem(password, { login: '' })) return password;
  }
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionInfo {
  sessionId: string;
  csrfToken: string;
  user: { id: string; login: string; fullName: string; role: Role; mustChangePassword: boolean; doctorId: string | null };
  clinic: { id: string; name: string; timeZone: string; demo: boolean };
}

export function meView(s: SessionInfo, deskCover: { since: string } | null = null) {
  return { user: s.user, clinic: s.clinic, csrfToken: s.csrfToken, permissions: permissionsOf(s.user.role, deskCover !== null), deskCover };
}

const PRUNE_EVERY_MS = 10 * 60_000;
const lastPrune = new WeakMap<object, number>();
/**
 * At most every ten minutes per process and database (a server that prunes a little more or less often than its
 * neighbour changes nothing): failures older than a day, successes older than the device cookie's year.
 */
async function pruneNow(deps: Deps, now: Date) {
  const last = lastPrune.get(deps.h.db);
  if (last !== undefined && Math.abs(now.getTime() - last) < PRUNE_EVERY_MS) return;
  lastPrune.set(deps.h.db, now.getTime());
  await attempts.pruneAttempts(deps.h.db, {
    failuresBefore: new Date(now.getTime() - 86_400_000).toISOString(),
    successesBefore: new Date(now.getTime() - 400 * 86_400_000).toISOString(),
  });
}

/** A device cookie as sent by the browser: 43 base64url characters, else ignored. */
const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Signs in with login and password. Throttled from the database per (login, address) pair, or per
 * (login, device) for a browser that has signed in as this login before (its device cookie), so several
 * app servers share the count and a stranger's failures never refuse anyone else's right password
 * (see domain/sign-in-throttle.ts); every attempt is recorded and audited. Returns the device token
 * for the browser to keep.
 */
export async function login(
  deps: Deps,
  cfg: AuthSettings,
  input: { login: string; password: string; ip: string; userAgent: string | null; deviceToken?: string | null },
) {
  const now = deps.clock();
  const loginKey = input.login.trim().toLowerCase();
  const deviceToken = input.deviceToken && DEVICE_TOKEN.test(input.deviceToken) ? input.deviceToken : randomBytes(32).toString('base64url');
  const device = tokenHash(deviceToken);
  const knownDevice = input.deviceToken && (await attempts.deviceKnown(deps.h.db, loginKey, device)) ? device : null;
  // The attempt is written (as a failure) before it is judged, so parallel guesses of one pair see each
  // other and cannot all slip under the limit while their passwords are being hashed.
  const attemptId = newId();
  await pruneNow(deps, now);
  await attempts.insertAttempt(deps.h.db, { id: attemptId, login: loginKey, ip: input.ip, at: now.toISOString(), success: 0, device: knownDevice });
  const facts = await attempts.throttleFacts(deps.h.db, { login: loginKey, ip: input.ip, knownDevice, since: windowStart(now, cfg), exceptId: attemptId, cap: 100 });
  const retryAfter = signInWait(facts, now, cfg);
  if (retryAfter > 0) {
    // A refused attempt tested nothing: it does not count, so hammering does not stretch the wait.
    await attempts.deleteAttempt(deps.h.db, attemptId);
    const minutes = Math.ceil(retryAfter / 60);
    const from = knownDevice ? { ru: 'в этом браузере', en: 'in this browser' } : { ru: 'с этого адреса', en: 'from this address' };
    throw new DomainError(
      'too_many_attempts',
      {
        ru: `Слишком много неудачных попыток входа под этим логином ${from.ru}. Повторите через ${minutes} мин.`,
        en: `Too many failed sign-in attempts for this login ${from.en}. Try again in ${minutes} min.`,
      },
      [],
      { retryAfter },
    );
  }
  const user = await users.findUserByLogin(deps.h.db, loginKey);
  const ok = await verify(user?.password_hash ?? (await (dummyHash ??= hashPassword(randomBytes(16).toString('hex')))), input.password).catch(() => false);
  if (!user || !ok || user.is_active !== 1) {
    // The attempt row already stands as a failure.
    if (user) {
      await withTx(deps.h, (trx) =>
        appendAudit(trx, {
          clinicId: user.clinic_id, at: now.toISOString(), userId: user.id, userLogin: user.login, role: user.role,
          action: 'login_failed', objectType: 'user', objectId: user.id, patientId: null, ip: input.ip,
          details: { reason: !ok ? 'password' : 'inactive' },
        }),
      );
    }
    throw new DomainError('invalid_credentials', { ru: 'Неверный логин или пароль', en: 'Wrong login or password' });
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = newId();
  await withTx(deps.h, async (trx) => {
    await attempts.markAttemptSucceeded(trx, attemptId, device);
    await users.insertSession(trx, {
      id: sessionId,
      user_id: user.id,
      clinic_id: user.clinic_id,
      token_hash: tokenHash(token),
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + cfg.absoluteHours * 3600_000).toISOString(),
      revoked_at: null,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await users.updateUser(trx, user.id, { last_login_at: now.toISOString() });
    await appendAudit(trx, {
      clinicId: user.clinic_id, at: now.toISOString(), userId: user.id, userLogin: user.login, role: user.role,
      action: 'login', objectType: 'session', objectId: sessionId, patientId: null, ip: input.ip, details: {},
    });
  });
  const session = await resolveSession(deps, cfg, token);
  return { token, session: session!, deviceToken };
}

/** The live session for a cookie token, or null when unknown, revoked, idle too long or past its end. */
export async function resolveSession(deps: Deps, cfg: AuthSettings, token: string): Promise<SessionInfo | null> {
  if (!token || token.length > 100) return null;
  const s = await users.findSession(deps.h.db, tokenHash(token));
  if (!s || s.revoked_at || s.is_active !== 1) return null;
  const now = deps.clock().getTime();
  if (Date.parse(s.expires_at) <= now) return null;
  if (Date.parse(s.last_seen_at) + cfg.idleMinutes * 60_000 <= now) return null;
  // Write the "last seen" mark at most once a minute, not on every request.
  if (now - Date.parse(s.last_seen_at) > 60_000) await users.touchSession(deps.h.db, s.session_id, new Date(now).toISOString());
  return {
    sessionId: s.session_id,
    csrfToken: s.csrf_token,
    user: {
      id: s.user_id,
      login: s.login,
      fullName: s.full_name,
      role: s.role as Role,
      mustChangePassword: s.must_change_password === 1,
      doctorId: s.doctor_id,
    },
    clinic: { id: s.clinic_id, name: s.clinic_name, timeZone: s.time_zone, demo: await isDemoClinic(deps.h.db, s.clinic_id) },
  };
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(deps: Deps, actor: Actor) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    await users.revokeSession(trx, actor.sessionId!, now.toISOString());
    await appendAudit(trx, {
      clinicId: actor.clinicId, at: now.toISOString(), userId: actor.userId, userLogin: actor.login, role: actor.role,
      action: 'logout', objectType: 'session', objectId: actor.sessionId ?? null, patientId: null, ip: actor.ip, details: {},
    });
  });
}

/** Changes one's own password; other sessions of the user are ended. */
export async function changePassword(deps: Deps, actor: Actor, currentPassword: string, newPassword: string) {
  const now = deps.clock();
  const user = await users.getUser(deps.h.db, actor.clinicId, actor.userId);
  if (!user || !(await verify(user.password_hash, currentPassword).catch(() => false))) {
    throw new DomainError('validation_failed', { ru: 'Проверьте введённые данные', en: 'Please check the entered data' }, [
      { field: 'currentPassword', message: { ru: 'Неверный текущий пароль', en: 'The current password is wrong' } },
    ]);
  }
  await checkNewPassword(deps.h.db, newPassword, { clinicId: actor.clinicId, login: user.login, fullName: user.full_name }, 'newPassword');
  if (currentPassword === newPassword) {
    throw new DomainError('password_policy', { ru: 'Новый пароль совпадает с текущим', en: 'The new password equals the current one' }, [
      { field: 'newPassword', message: { ru: 'Придумайте другой пароль', en: 'Choose a different password' } },
    ]);
  }
  const passwordHash = await hashPassword(newPassword);
  await withTx(deps.h, async (trx) => {
    await users.updateUser(trx, actor.userId, { password_hash: passwordHash, must_change_password: 0, password_changed_at: now.toISOString() });
    await users.revokeUserSessions(trx, actor.userId, now.toISOString(), actor.sessionId);
    await appendAudit(trx, {
      clinicId: actor.clinicId, at: now.toISOString(), userId: actor.userId, userLogin: actor.login, role: actor.role,
      action: 'update', objectType: 'user', objectId: actor.userId, patientId: null, ip: actor.ip, details: { fields: ['password'] },
    });
  });
}

/**
 * Refuses a new password that is easy to guess, with the reason as an error of `field`
 * (the rule itself: domain/password-policy.ts). Names and the clinic's name come from the database.
 */
export async function checkNewPassword(db: Db, password: string, who: { clinicId: string; login: string; fullName: string }, field: string) {
  const clinic = await getClinic(db, who.clinicId);
  const problem = passwordProblem(password, { login: who.login, names: [who.fullName], clinicName: clinic?.name });
  if (problem) throw new DomainError('password_policy', problem, [{ field, message: problem }]);
}
