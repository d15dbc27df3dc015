import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DbHandle } from '../../src/db/connect.js';
import { verifyChain } from '../../src/db/repos/audit.repo.js';
import { keylessRehash, TEST_AUDIT_KEY } from '../support/audit-key.js';
import { makeTarget, type Target } from '../support/crash-server.js';
import { startServerProcess } from '../support/server-process.js';
import { DIALECTS } from '../support/test-db.js';

const OWNER_PASSWORD = 'Kl1uch-Audita-2026!x';

/** The real server (main.ts) on the target; VIZIT_AUDIT_KEY unset unless given, so the key file rule applies. */
const start = (t: Target, auditKey = '') =>
  startServerProcess({ dataDir: t.dataDir, databaseUrl: t.databaseUrl, ownerPassword: OWNER_PASSWORD, env: { VIZIT_AUDIT_KEY: auditKey } });

describe.each(DIALECTS)('the audit key file in the data folder (%s)', (dialect) => {
  let t: Target;
  const keyFile = () => path.join(t.dataDir, 'audit.key');
  const open = (key: Buffer): DbHandle =>
    dialect === 'sqlite' ? connect({ sqlitePath: path.join(t.dataDir, 'vizit.sqlite'), auditKey: key }) : connect({ databaseUrl: t.databaseUrl, poolMax: 2, auditKey: key });
  const clinicOf = async (h: DbHandle) => (await h.db.selectFrom('clinics').select('id').executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await makeTarget(dialect, process.env.TEST_POSTGRES_URL);
  });
  afterAll(() => t.cleanup());

  it('is created at the first start, owner-only (0600), 32 random bytes, and reused by the next start', async () => {
    const first = await start(t);
    await first.stop();
    const stat = fs.statSync(keyFile());
    expect(stat.mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(keyFile(), 'utf8');
    expect(text).toMatch(/^[0-9a-f]{64}\n$/);
    expect(text).not.toBe(TEST_AUDIT_KEY.toString('hex') + '\n');

    const second = await start(t);
    await second.stop();
    expect(fs.readFileSync(keyFile(), 'utf8')).toBe(text);
    const h = open(Buffer.from(text.trim(), 'hex'));
    try {
      expect(await verifyChain(h.db, await clinicOf(h))).toMatchObject({ ok: true, keyedFromSeq: 1 });
      // Not verifiable with another key: the chain is really keyed.
      expect((await verifyChain(h.db, await clinicOf(h), { key: TEST_AUDIT_KEY })).ok).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('a start with another key is refused: it would break the chain for good', async () => {
    await expect(start(t, 'ab'.repeat(32))).rejects.toThrow(/не тот.*did not sign/s);
  });

  it('a database of before the key gets its key epoch at the start that creates the key file', async () => {
    const oldKey = Buffer.from(fs.readFileSync(keyFile(), 'utf8').trim(), 'hex');
    let h = open(oldKey);
    let unkeyed: number;
    try {
      await keylessRehash(h.db, dialect, await clinicOf(h), () => null);
      unkeyed = (await verifyChain(h.db, await clinicOf(h), { allowUnkeyed: true })).checked;
    } finally {
      await h.close();
    }
    fs.rmSync(keyFile());
    const s = await start(t);
    await s.stop();
    h = open(Buffer.from(fs.readFileSync(keyFile(), 'utf8').trim(), 'hex'));
    try {
      expect(await verifyChain(h.db, await clinicOf(h))).toMatchObject({ ok: true, keyedFromSeq: unkeyed + 1, checked: unkeyed + 1 });
    } finally {
      await h.close();
    }
  });

  it('with VIZIT_AUDIT_KEY an older chain is not sealed by a start, only by npm run audit-seal', async () => {
    const envKey = 'cd'.repeat(32);
    let h = open(Buffer.from(envKey, 'hex'));
    try {
      await keylessRehash(h.db, dialect, await clinicOf(h), () => null);
    } finally {
      await h.close();
    }
    const s = await start(t, envKey);
    await s.stop();
    h = open(Buffer.from(envKey, 'hex'));
    try {
      expect(await verifyChain(h.db, await clinicOf(h))).toMatchObject({ ok: false, keyedFromSeq: null });
      const seal = await new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/audit-seal.ts'], {
          cwd: fileURLToPath(new URL('../..', import.meta.url)),
          env: { ...process.env, VIZIT_AUDIT_KEY: envKey, VIZIT_DATA_DIR: t.dataDir, DATABASE_URL: t.databaseUrl ?? '' },
        });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('close', (code) => resolve({ code, out }));
      });
      expect(seal.code).toBe(0);
      expect(seal.out).toContain('audit chain keyed (VIZIT_AUDIT_KEY)');
      expect(await verifyChain(h.db, await clinicOf(h))).toMatchObject({ ok: true });
    } finally {
      await h.close();
    }
  });
});
