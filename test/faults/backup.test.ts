import { sql } from 'kysely';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/db/backup-manifest.js';
import { VerificationError, restoreBackup } from '../../src/db/backup.js';
import { connect, type Db, type DbHandle, type Dialect } from '../../src/db/connect.js';
import { verifyChain } from '../../src/db/repos/audit.repo.js';
import { addDays } from '../../src/domain/dates.js';
import { buildApp } from '../../src/server/app.js';
import { TestClock, signIn } from '../support/app.js';
import { keylessRehash, TEST_AUDIT_KEY, TEST_AUDIT_KEY_HEX } from '../support/audit-key.js';
import { PASSWORD, seedClinic, type Fixture } from '../support/fixtures.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS, freshDb, type TestDb } from '../support/test-db.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The CLI's data folder when a test does not give one: never the repository's ./data. */
const cliDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizit-backup-cli-'));

/**
 * The real CLI, as `npm run backup|restore` runs it (tsx as a loader, no npm wrapper), on a
 * server whose audit key is the tests' (VIZIT_AUDIT_KEY) and whose data folder is the test's own.
 */
function cli(name: 'backup' | 'restore', args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/server/cli/${name}.ts`, ...args], {
      cwd: ROOT,
      env: { ...process.env, VIZIT_AUDIT_KEY: TEST_AUDIT_KEY_HEX, VIZIT_DATA_DIR: path.join(cliDataDir, name), ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/** The test's own count and checksum: all rows, sorted in JS by the primary key, values in sorted-column order. */
async function recompute(db: Db, manifest: Manifest) {
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const [table, meta] of Object.entries(manifest.tables)) {
    const rows = (await sql.raw<Record<string, unknown>>(`select * from "${table}"`).execute(db)).rows;
    // SQLite's virtual generated columns (hidden 2) are computed on read, not stored: not part of the copy.
    const virtual = manifest.engine === 'sqlite'
      ? (await sql.raw<{ name: string; hidden: number }>(`pragma table_xinfo("${table}")`).execute(db)).rows.filter((c) => c.hidden === 2).map((c) => c.name)
      : [];
    for (const r of rows) for (const c of virtual) delete r[c];
    if (rows.length) expect(Object.keys(rows[0]).sort(), table).toEqual(meta.columns);
    const key = meta.primaryKey.length ? meta.primaryKey : meta.columns;
    const cmp = (a: Record<string, unknown>, b: Record<string, unknown>) => {
      for (const k of key) if (a[k] !== b[k]) return (a[k] as string) < (b[k] as string) ? -1 : 1;
      return 0;
    };
    const hash = createHash('sha256');
    for (const r of rows.sort(cmp)) hash.update(JSON.stringify(meta.columns.map((c) => r[c] ?? null)) + '\n');
    out[table] = { rows: rows.length, sha256: hash.digest('hex') };
  }
  return out;
}

/** Weekday 30-minute slots of both doctors from 24 Nov to 25 Dec 2026 (Moscow), each booked at most once. */
function slots(doctors: string[]): { doctorId: string; startsAt: string }[] {
  const out: { doctorId: string; startsAt: string }[] = [];
  for (let d = '2026-11-24'; d <= '2026-12-25'; d = addDays(d, 1)) {
    if ([0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())) continue;
    for (const hhmm of ['09', '10', '11', '12', '13', '15', '16', '17', '18', '19'].flatMap((h) => [`${h}:00`, `${h}:30`])) {
      for (const doctorId of doctors) out.push({ doctorId, startsAt: msk(d, hhmm) });
    }
  }
  return out;
}

interface Ack {
  kind: 'patient' | 'appointment';
  id: string;
  at: number;
}

describe.each(DIALECTS)('online backup during a write load, restore and verify (%s)', (dialect: Dialect) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vizit-backup-'));
  const restoreDb = `vizit_restore_${randomBytes(5).toString('hex')}`;
  const pgBase = process.env.TEST_POSTGRES_URL ?? '';
  /** A target in the fresh restore database: the first schema of its search_path receives the data. */
  const pgTarget = (schema: string) => {
    const u = new URL(pgBase);
    u.pathname = `/${restoreDb}`;
    u.searchParams.set('options', `-c search_path=${schema},public`);
    return u.toString();
  };
  const target = (name: string) => (dialect === 'sqlite' ? ['--to', path.join(tmp, name)] : ['--database-url', pgTarget(name)]);
  const openTarget = (name: string): DbHandle =>
    dialect === 'sqlite'
      ? connect({ sqlitePath: path.join(tmp, name, 'vizit.sqlite'), auditKey: TEST_AUDIT_KEY })
      : connect({ databaseUrl: pgTarget(name), poolMax: 2, auditKey: TEST_AUDIT_KEY });
  /** Whether a failed restore left anything behind in the target. */
  const targetHasTables = async (name: string): Promise<boolean> => {
    if (dialect === 'sqlite') return fs.existsSync(path.join(tmp, name, 'vizit.sqlite'));
    const h = connect({ databaseUrl: pgTarget(name), poolMax: 1 });
    try {
      // The target schema and the dump's own schema name, under which a restore first lands.
      return (await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname in (${name}, ${manifest.schema})`.execute(h.db)).rows[0].n > 0;
    } finally {
      await h.close();
    }
  };

  /** The backup CLI on the live database, as the server runs it. */
  const liveEnv = (): Record<string, string> => (dialect === 'sqlite' ? { VIZIT_DATA_DIR: path.join(tmp, 'live'), DATABASE_URL: '' } : { DATABASE_URL: h.location });
  let h: TestDb;
  let fx: Fixture;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const clock = new TestClock();
  let backupDir = '';
  let manifest: Manifest;
  let acks: Ack[] = [];
  let backupStarted = 0;
  let backupEnded = 0;

  beforeAll(async () => {
    h = await freshDb(dialect, dialect === 'sqlite' ? { sqlitePath: path.join(tmp, 'live', 'vizit.sqlite') } : {});
    fx = await seedClinic(h);
    app = await buildApp({ h, clock: clock.now, loginRateLimit: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    if (dialect === 'postgres') {
      const admin = connect({ databaseUrl: pgBase, poolMax: 1 });
      await sql.raw(`create database ${restoreDb}`).execute(admin.db);
      await admin.close();
    }
  });

  afterAll(async () => {
    await app?.close();
    await h?.cleanup();
    if (dialect === 'postgres') {
      const admin = connect({ databaseUrl: pgBase, poolMax: 1 });
      await sql.raw(`drop database if exists ${restoreDb} with (force)`).execute(admin.db);
      await admin.close();
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(cliDataDir, { recursive: true, force: true });
  });

  it('backs up with the CLI while patients and appointments are being written over HTTP', async () => {
    const f = await scheduleFixture(app, fx);
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const s = await signIn(app, fx.users.administrator.login);
    const free = slots([f.orlova, f.belov]);
    const unexpected: string[] = [];
    let stop = false;
    let n = 0;
    const post = (url: string, body: object) =>
      fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf }, body: JSON.stringify(body) });
    const writer = async (w: number) => {
      while (!stop) {
        const i = n++;
        const p = await post('/api/patients', { surname: 'Резервов', firstName: `Писатель${w}`, sex: 'male', phones: [{ number: `+7922${String(i).padStart(7, '0')}` }] });
        if (p.status !== 201) {
          unexpected.push(`patient ${p.status} ${await p.text()}`);
          continue;
        }
        const patientId = (await p.json()).id as string;
        acks.push({ kind: 'patient', id: patientId, at: performance.now() });
        const slot = free.shift();
        if (!slot) continue;
        const a = await post('/api/appointments', { kind: 'repeat', patientId, ...slot, durationMin: 30 });
        if (a.status === 201) acks.push({ kind: 'appointment', id: (await a.json()).id, at: performance.now() });
        else unexpected.push(`appointment ${a.status} ${await a.text()}`);
      }
    };
    const writers = Array.from({ length: 4 }, (_, w) => writer(w));
    while (acks.length < 40 && unexpected.length === 0) await new Promise((r) => setTimeout(r, 20));

    backupStarted = performance.now();
    const run = await cli('backup', ['--out', path.join(tmp, 'backups')], liveEnv());
    backupEnded = performance.now();
    stop = true;
    await Promise.all(writers);

    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/Резервная копия создана \/ backup written: .*\n.*таблиц.* \/ tables/);
    expect(unexpected).toEqual([]);
    // Online: the app kept acknowledging writes while the backup ran.
    expect(acks.filter((a) => a.at > backupStarted && a.at < backupEnded).length).toBeGreaterThan(0);
    const entries = fs.readdirSync(path.join(tmp, 'backups'));
    expect(entries, 'one finished backup and no partial folder').toHaveLength(1);
    backupDir = path.join(tmp, 'backups', entries[0]);
    manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    expect(entries[0]).toBe(`vizit-${manifest.createdAt.replace(/[:.]/g, '-')}`);
    expect(manifest.engine).toBe(dialect);
    const applied = (await h.db.selectFrom('kysely_migration' as never).select('name' as never).orderBy('name' as never).execute()) as { name: string }[];
    expect(manifest.migrations).toEqual(applied.map((r) => r.name));
    expect(manifest.migrations.length).toBeGreaterThanOrEqual(3);
    expect(manifest.auditHeads[fx.clinicId].seq).toBeGreaterThan(40);
  });

  it('restores with the CLI into a fresh target that holds every write acknowledged before the backup, with counts and checksums of the manifest', async () => {
    const run = await cli('restore', [backupDir, ...target('restored')]);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('Восстановлено и проверено / restored and verified');
    expect(run.out).toMatch(/актов об уничтожении ПД в ней: \d+. Персональные данные, уничтоженные позже/);

    const r = openTarget('restored');
    try {
      if (dialect === 'sqlite') expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(r.db)).rows[0].integrity_check).toBe('ok');
      const tables = (await r.db.introspection.getTables({ withInternalKyselyTables: true }))
        .filter((t) => dialect === 'sqlite' || t.schema === 'restored')
        .map((t) => t.name)
        .sort();
      expect(tables).toEqual(Object.keys(manifest.tables).sort());
      const sums = await recompute(r.db, manifest);
      expect(sums).toEqual(Object.fromEntries(Object.entries(manifest.tables).map(([t, m]) => [t, { rows: m.rows, sha256: m.sha256 }])));

      const before = acks.filter((a) => a.at < backupStarted);
      expect(before.length).toBeGreaterThanOrEqual(40);
      const patients = new Set((await r.db.selectFrom('patients').select('id').execute()).map((x) => x.id));
      const appointments = new Set((await r.db.selectFrom('appointments').select('id').execute()).map((x) => x.id));
      const missing = before.filter((a) => !(a.kind === 'patient' ? patients : appointments).has(a.id));
      expect(missing, 'acknowledged before the backup started, missing from the restore').toEqual([]);

      // The restored chain verifies and is a prefix of the live one: same hashes for the same entries.
      expect(await verifyChain(r.db, fx.clinicId)).toMatchObject({ ok: true });
      const restoredChain = await r.db.selectFrom('audit_log').select(['seq', 'hash']).where('clinic_id', '=', fx.clinicId).orderBy('seq').execute();
      const liveChain = await h.db.selectFrom('audit_log').select(['seq', 'hash']).where('clinic_id', '=', fx.clinicId).orderBy('seq').execute();
      expect(restoredChain.length).toBe(manifest.auditHeads[fx.clinicId].seq);
      expect(liveChain.length).toBeGreaterThanOrEqual(restoredChain.length);
      expect(liveChain.slice(0, restoredChain.length)).toEqual(restoredChain);

      // The app starts on the restored database and serves a card written before the backup.
      const restoredApp = await buildApp({ h: r, clock: clock.now, loginRateLimit: false });
      try {
        await restoredApp.listen({ port: 0, host: '127.0.0.1' });
        const base = `http://127.0.0.1:${(restoredApp.server.address() as AddressInfo).port}`;
        const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: fx.users.administrator.login, password: PASSWORD }) });
        expect(login.status).toBe(200);
        const cookie = login.headers.get('set-cookie')!.split(';')[0];
        const card = await fetch(`${base}/api/patients/${before.find((a) => a.kind === 'patient')!.id}`, { headers: { cookie } });
        expect(card.status).toBe(200);
        expect((await card.json()).surname).toBe('Резервов');
      } finally {
        await restoredApp.close();
      }
    } finally {
      await r.close();
    }
  });

  it('refuses a target that is not empty and leaves it as it was; --force replaces it', async () => {
    const run = await cli('restore', [backupDir, ...target('restored')]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('не пуста');
    expect(run.err).toContain('not empty');
    const r = openTarget('restored');
    try {
      expect((await recompute(r.db, manifest)).patients.rows).toBeGreaterThanOrEqual(manifest.tables.patients.rows);
    } finally {
      await r.close();
    }
    const forced = await restoreBackup(backupDir, {
      ...(dialect === 'sqlite' ? { dataDir: path.join(tmp, 'restored') } : { databaseUrl: pgTarget('restored') }),
      force: true,
      auditKey: TEST_AUDIT_KEY,
    });
    expect(forced.rows).toBe(Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0));
  });

  const copyBackup = (name: string) => {
    const dir = path.join(tmp, name);
    fs.cpSync(backupDir, dir, { recursive: true });
    return { dir, data: path.join(dir, manifest.file.name), manifest: path.join(dir, 'manifest.json') };
  };

  it('rejects a backup file with flipped bytes (non-zero exit, target left empty)', async () => {
    const c = copyBackup('flipped');
    const bytes = fs.readFileSync(c.data);
    for (const at of [Math.floor(bytes.length / 2), Math.floor(bytes.length / 3)]) bytes[at] ^= 0xff;
    fs.writeFileSync(c.data, bytes);
    const run = await cli('restore', [c.dir, ...target('flipped_target')]);
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/повреждён.*corrupted/);
    expect(await targetHasTables('flipped_target')).toBe(false);
  });

  it('rejects a backup whose manifest was edited (exit 3: verification failed, target left empty)', async () => {
    const c = copyBackup('edited');
    const m = JSON.parse(fs.readFileSync(c.manifest, 'utf8')) as Manifest;
    m.tables.patients.rows += 1;
    fs.writeFileSync(c.manifest, JSON.stringify(m));
    const run = await cli('restore', [c.dir, ...target('edited_target')]);
    expect(run.code).toBe(3);
    expect(run.err).toContain('table patients');
    expect(await targetHasTables('edited_target')).toBe(false);
  });

  it('catches data changed inside the file even when the file hash in the manifest was forged', async () => {
    const c = copyBackup('forged');
    const m = JSON.parse(fs.readFileSync(c.manifest, 'utf8')) as Manifest;
    if (dialect === 'sqlite') {
      // Rewrite the stored surnames in place (same length, not indexed): valid pages, so only the table checksum can tell.
      // Every occurrence: some are dead bytes in pages' free space.
      const bytes = fs.readFileSync(c.data);
      let edits = 0;
      for (let at = bytes.indexOf('Резервов'); at >= 0; at = bytes.indexOf('Резервов', at + 1), edits++) Buffer.from('Резервуу').copy(bytes, at);
      expect(edits).toBeGreaterThan(0);
      fs.writeFileSync(c.data, bytes);
      m.file.sha256 = createHash('sha256').update(bytes).digest('hex');
    } else {
      // The dump is compressed; forge the other side instead: a checksum that the data cannot match.
      m.tables.patients.sha256 = '0'.repeat(64);
    }
    fs.writeFileSync(c.manifest, JSON.stringify(m));
    const err = await restoreBackup(c.dir, {
      ...(dialect === 'sqlite' ? { dataDir: path.join(tmp, 'forged_target') } : { databaseUrl: pgTarget('forged_target') }),
      auditKey: TEST_AUDIT_KEY,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(VerificationError);
    expect((err as VerificationError).problems.join('\n')).toContain('table patients: checksum differs');
    expect(await targetHasTables('forged_target')).toBe(false);
  });

  it('keeps the audit key out of a backup unless asked; a keyed backup is not restored without its key', async () => {
    expect(manifest.keyFile).toBeUndefined();
    expect(fs.existsSync(path.join(backupDir, 'audit.key'))).toBe(false);
    expect(manifest.auditKeyId).toMatch(/^[0-9a-f]{16}$/);
    const run = await cli('restore', [backupDir, ...target('nokey_target')], { VIZIT_AUDIT_KEY: '' });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/подписан ключом.*keyed: give its key/s);
    expect(await targetHasTables('nokey_target')).toBe(false);
  });

  it('restores with --key-file and leaves the key (0600) where the restored server reads it; a wrong key fails verification', async () => {
    const keyFile = path.join(tmp, 'given.key');
    fs.writeFileSync(keyFile, TEST_AUDIT_KEY_HEX + '\n');
    const wrong = path.join(tmp, 'wrong.key');
    fs.writeFileSync(wrong, 'ab'.repeat(32));
    const serverDir = path.join(tmp, 'keyfile-server');
    const bad = await cli('restore', [backupDir, ...target('wrongkey_target'), '--key-file', wrong], { VIZIT_AUDIT_KEY: '', VIZIT_DATA_DIR: serverDir });
    expect(bad.code).toBe(3);
    expect(bad.err).toContain('the audit key is not the one');
    expect(await targetHasTables('wrongkey_target')).toBe(false);

    const run = await cli('restore', [backupDir, ...target('keyfile_target'), '--key-file', keyFile], { VIZIT_AUDIT_KEY: '', VIZIT_DATA_DIR: serverDir });
    expect(run.code, run.err).toBe(0);
    // SQLite: the restored data folder; PostgreSQL: the server's data folder.
    const written = path.join(dialect === 'sqlite' ? path.join(tmp, 'keyfile_target') : serverDir, 'audit.key');
    expect(run.out).toContain(`audit key written: ${written}`);
    expect(fs.statSync(written).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(written, 'utf8').trim()).toBe(TEST_AUDIT_KEY_HEX);
  });

  it('with --with-key the backup holds the key (0600) and restores without one on the target', async () => {
    const out = path.join(tmp, 'withkey');
    const run = await cli('backup', ['--out', out, '--with-key'], liveEnv());
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('the audit key is inside');
    const dir = path.join(out, fs.readdirSync(out)[0]);
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(m.keyFile).toBe('audit.key');
    expect(fs.statSync(path.join(dir, 'audit.key')).mode & 0o777).toBe(0o600);
    const restored = await cli('restore', [dir, ...target('withkey_target')], { VIZIT_AUDIT_KEY: '', VIZIT_DATA_DIR: path.join(tmp, 'withkey-server') });
    expect(restored.code, restored.err).toBe(0);
  });

  // Last: it rewrites the live chain.
  it('a live chain re-hashed without the key is backed up as it is, and the restore refuses it', async () => {
    await keylessRehash(h.db, dialect, fx.clinicId, (seq) => (seq === 5 ? { ip: '10.6.6.6' } : null));
    const out = path.join(tmp, 'rehashed');
    expect((await cli('backup', ['--out', out], liveEnv())).code).toBe(0);
    const run = await cli('restore', [path.join(out, fs.readdirSync(out)[0]), ...target('rehashed_target')]);
    expect(run.code).toBe(3);
    expect(run.err).toContain(`clinic ${fx.clinicId}: audit chain broken at entry 1`);
    expect(await targetHasTables('rehashed_target')).toBe(false);
  });
});
