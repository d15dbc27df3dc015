import { verify } from '@node-rs/argon2';
import { withTx, type Db, type DbHandle } from '../db/connect.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { createdAsDemo } from '../db/repos/clinic.repo.js';
import { updateUser, userRowsWithDoctor } from '../db/repos/users.repo.js';
import { DEMO_PASSWORD } from '../demo/demo-staff.js';

// A clinic is created as the demo or not and stays so: remembered per process, one query per clinic.
const known = new Map<string, Promise<boolean>>();

/** Whether the clinic is the demo clinic (the web app shows «Демо-клиника» while it is). */
export function isDemoClinic(db: Db, clinicId: string): Promise<boolean> {
  let p = known.get(clinicId);
  if (!p) {
    p = createdAsDemo(db, clinicId);
    known.set(clinicId, p);
    p.catch(() => known.delete(clinicId));
  }
  return p;
}

/**
 * The server listens beyond this machine and the clinic is the demo, whose passwords the README
 * publishes: every account still on the demo password must change it at its next sign-in.
 * Accounts whose owners already chose their own password are left alone. Returns the logins.
 */
export async function requireDemoPasswordChange(h: DbHandle, clinicId: string, now: Date): Promise<string[]> {
  if (!(await isDemoClinic(h.db, clinicId))) return [];
  const users = await userRowsWithDoctor(h.db, clinicId);
  // argon2 outside the transaction: it is slow on purpose and must not hold the write lock.
  const published: typeof users = [];
  for (const u of users) {
    if (u.must_change_password !== 1 && (await verify(u.password_hash, DEMO_PASSWORD).catch(() => false))) published.push(u);
  }
  if (!published.length) return [];
  const at = now.toISOString();
  await withTx(h, async (trx) => {
    for (const u of published) {
      await updateUser(trx, u.id, { must_change_password: 1 });
      await appendAudit(trx, {
        clinicId, at, userId: null, userLogin: 'system', role: null, action: 'update', objectType: 'user', objectId: u.id,
        patientId: null, ip: null, details: { fields: ['mustChangePassword'], reason: 'demo_exposed' },
      });
    }
  });
  return published.map((u) => u.login).sort();
}
