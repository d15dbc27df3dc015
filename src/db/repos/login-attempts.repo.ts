import type { Db } from '../connect.js';

/** Sign-in attempts live in the database so that every app server counts the same failures. */
export async function insertAttempt(db: Db, row: { id: string; login: string; ip: string; at: string; success: 0 | 1; device: string | null }) {
  await db.insertInto('login_attempts').values(row).execute();
}

/** The attempt succeeded; the device it came from is now known for the login. */
export async function markAttemptSucceeded(db: Db, id: string, device: string) {
  await db.updateTable('login_attempts').set({ success: 1, device }).where('id', '=', id).execute();
}

export async function deleteAttempt(db: Db, id: string) {
  await db.deleteFrom('login_attempts').where('id', '=', id).execute();
}

/**
 * Forgets attempts nobody needs: failures once they are far outside every window (the audit log keeps
 * each sign-in), successes older than the device cookie. Without it a stream of made-up logins grows the table forever.
 */
export async function pruneAttempts(db: Db, q: { failuresBefore: string; successesBefore: string }): Promise<number> {
  const r = await db.deleteFrom('login_attempts')
    .where((eb) => eb.or([eb.and([eb('success', '=', 0), eb('at', '<', q.failuresBefore)]), eb('at', '<', q.successesBefore)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Whether this device (cookie hash) has ever signed in as this login. */
export async function deviceKnown(db: Db, login: string, device: string): Promise<boolean> {
  const r = await db.selectFrom('login_attempts').select('id').where('login', '=', login).where('device', '=', device).where('success', '=', 1).limit(1).executeTakeFirst();
  return r !== undefined;
}

/**
 * What the throttle needs to know about one attempt, all within the window and without the
 * attempt itself (`exceptId`). The pair is (login, known device) when the browser has signed in as
 * this login before, else (login, address). Counts stop at `cap`: beyond the thresholds the exact number does not matter.
 */
export async function throttleFacts(db: Db, q: { login: string; ip: string; knownDevice: string | null; since: string; exceptId: string; cap: number }) {
  let pairQ = db.selectFrom('login_attempts').select(['at', 'success']).where('login', '=', q.login);
  pairQ = q.knownDevice ? pairQ.where('device', '=', q.knownDevice) : pairQ.where('ip', '=', q.ip);
  const [pair, byLogin, byIp] = await Promise.all([
    pairQ.where('at', '>=', q.since).where('id', '!=', q.exceptId).orderBy('at', 'desc').orderBy('id', 'desc').limit(q.cap).execute(),
    db.selectFrom('login_attempts').select('id')
      .where('login', '=', q.login).where('at', '>=', q.since).where('success', '=', 0).where('id', '!=', q.exceptId)
      .limit(q.cap).execute(),
    db.selectFrom('login_attempts').select('id')
      .where('ip', '=', q.ip).where('at', '>=', q.since).where('success', '=', 0).where('id', '!=', q.exceptId)
      .limit(q.cap).execute(),
  ]);
  return {
    pair: pair.map((r) => ({ at: r.at, success: r.success === 1 })),
    loginFailures: byLogin.length,
    addressFailures: byIp.length,
  };
}
