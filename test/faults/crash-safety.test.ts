import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/db/connect.js';
import { verifyChain } from '../../src/db/repos/audit.repo.js';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 10);
const OWNER_PASSWORD = 'Crash-test-owner-1';

function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  // tsx as a loader inside this very process: the tsx CLI would put the server in a grandchild that SIGKILL misses.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', VIZIT_DATA_DIR: dataDir, VIZIT_DEMO: '0', VIZIT_OWNER_PASSWORD: OWNER_PASSWORD, LOG_LEVEL: 'error', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const probe = async () => {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return resolve(child);
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline || child.exitCode !== null) return reject(new Error('server did not start'));
      setTimeout(probe, 100);
    };
    void probe();
  });
}

describe('a killed server loses no acknowledged write (SQLite, kill -9)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizit-crash-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`keeps every acknowledged patient with its audit entry across ${ROUNDS} kills`, async () => {
    const acknowledged: string[] = [];
    const port = 36000 + Math.floor(Math.random() * 1000);
    for (let round = 0; round < ROUNDS; round++) {
      const child = await startServer(dir, port);
      const base = `http://127.0.0.1:${port}`;
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'owner', password: OWNER_PASSWORD }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const csrf = (await login.json()).csrfToken as string;
      let stop = false;
      const writer = async (w: number) => {
        for (let i = 0; !stop; i++) {
          try {
            const r = await fetch(`${base}/api/patients`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
              body: JSON.stringify({ surname: `Крашев${round}`, firstName: `Писатель${w}`, note: `запись ${i}`, phones: [{ number: `+7921${String(round * 100000 + w * 1000 + i).padStart(7, '0')}` }] }),
            });
            if (r.status === 201) acknowledged.push((await r.json()).id);
          } catch {
            return; // the server is gone
          }
        }
      };
      const writers = Array.from({ length: 8 }, (_, w) => writer(w));
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 900));
      child.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));

      const h = connect({ sqlitePath: path.join(dir, 'vizit.sqlite') });
      try {
        const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(h.db);
        expect(integrity.rows[0].integrity_check).toBe('ok');
        const ids = new Set((await h.db.selectFrom('patients').select('id').execute()).map((r) => r.id));
        const missing = acknowledged.filter((id) => !ids.has(id));
        expect(missing, `round ${round}: acknowledged but lost`).toEqual([]);
        const audited = new Set((await h.db.selectFrom('audit_log').select('object_id').where('object_type', '=', 'patient').where('action', '=', 'create').execute()).map((r) => r.object_id));
        expect([...ids].filter((id) => !audited.has(id)), 'patients without their audit entry').toEqual([]);
        const phonesWithoutPatient = await sql<{ n: number }>`select count(*) as n from patient_phones where patient_id not in (select id from patients)`.execute(h.db);
        expect(Number(phonesWithoutPatient.rows[0].n)).toBe(0);
        const clinic = await h.db.selectFrom('clinics').select('id').executeTakeFirstOrThrow();
        expect((await verifyChain(h.db, clinic.id)).ok).toBe(true);
      } finally {
        await h.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * 5);
  }, 300_000);
});
