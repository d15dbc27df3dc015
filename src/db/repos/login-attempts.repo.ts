import type { Db } from '../connect.js';

/** Sign-in attempts live in the database so that every app server counts the same failures. */
export async function insertAttempt(db: Db, row: { id: string; login: string; ip: string; at: string; success: 0 | 1 }) {
  await db.insertInto('login_attempts').values(row).execute();
}

export async function markAttemptSucceeded(db: Db, id: string) {
  await db.updateTable('login_attempts').set({ success: 1 }).where('id', '=', id).execute();
}

export async function deleteAttempt(db: Db, id: string) {
  await db.deleteFrom('login_attempts').where('id', '=', id).execute();
}

/**
 * What the throttle needs to know about one attempt, all within the window and without the
 * attempt itself (`exceptId`). Counts stop at `cap`: beyond the thresholds the exact number does not matter.
 */
export async function throttleFacts(db: Db, q: { login: string; ip: string; since: string; exceptId: string; cap: number }) {
  const [pair, byLogin, byIp] = await Promise.all([
    db.selectFrom('login_attempts').select(['at', 'success'])
      .where('login', '=', q.login).where('ip', '=', q.ip).where('at', '>=', q.since).where('id', '!=', q.exceptId)
      .orderBy('at', 'desc').orderBy('id', 'desc').limit(q.cap).execute(),
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
