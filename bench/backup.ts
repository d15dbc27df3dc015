/**
 * Backup and restore on the bench dataset: time of `npm run backup` (copy + manifest of counts and
 * checksums), its size, and time of `npm run restore` (load + full verification), each as a ratio
 * to the plain tool on the same data: copying the file with fsync (SQLite), pg_dump -Fc (PostgreSQL). Standalone:
 * `BENCH_QUICK=1 npx tsx bench/backup.ts` generates a small clinic and prints these rows.
 */
import { sql } from 'kysely';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackup, restoreBackup } from '../src/db/backup.js';
import { TEST_AUDIT_KEY } from '../test/support/audit-key.js';
import { connect } from '../src/db/connect.js';
import type { BenchConfig } from './config.js';
import type { BenchDb } from './db.js';
import { ratioRow, type Row } from './report.js';

const MB = 2 ** 20;

function copyWithFsync(from: string, to: string): number {
  const t0 = performance.now();
  fs.copyFileSync(from, to);
  const fd = fs.openSync(to, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  return (performance.now() - t0) / 1000;
}

/** What an operator would run without Vizit: pg_dump -Fc of the same schema, no manifest. */
async function plainPgDump(bdb: BenchDb, file: string): Promise<number> {
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(bdb.h.db)).rows[0].s;
  const u = new URL(bdb.connectOptions.databaseUrl!);
  u.search = '';
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('pg_dump', ['-Fc', '-n', `"${schema}"`, '-f', file, '-d', u.toString()], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`pg_dump exit ${code}`))));
  });
  return (performance.now() - t0) / 1000;
}

async function liveBytes(bdb: BenchDb): Promise<number> {
  const file = bdb.connectOptions.sqlitePath;
  if (file) return fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
  const r = await sql<{ b: string }>`select coalesce(sum(pg_total_relation_size(c.oid)), 0)::text as b from pg_class c
    join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r'`.execute(bdb.h.db);
  return Number(r.rows[0].b);
}

/** Rows for the bench table; the dataset in bdb must be generated already. Cleans up everything it writes. */
export async function backupRows(cfg: BenchConfig, bdb: BenchDb): Promise<Row[]> {
  const work = fs.mkdtempSync(path.join(cfg.dataDir, 'vizit-bench-backup-'));
  const restoreDb = `bench_restore_${randomBytes(5).toString('hex')}`;
  try {
    const live = await liveBytes(bdb);
    const t0 = performance.now();
    const { dir, manifest } = await createBackup({
      dataDir: work,
      sqlitePath: bdb.connectOptions.sqlitePath,
      databaseUrl: bdb.connectOptions.databaseUrl,
      outDir: path.join(work, 'backups'),
      auditKey: TEST_AUDIT_KEY,
    });
    const backupSeconds = (performance.now() - t0) / 1000;
    const refFile = path.join(work, 'reference.bin');
    const refSeconds = manifest.engine === 'sqlite' ? copyWithFsync(path.join(dir, manifest.file.name), refFile) : await plainPgDump(bdb, refFile);
    fs.rmSync(refFile);
    const ref = manifest.engine === 'sqlite' ? `file copy + fsync ${refSeconds.toFixed(2)} s` : `plain pg_dump -Fc ${refSeconds.toFixed(2)} s`;

    let target: { dataDir?: string; databaseUrl?: string };
    if (manifest.engine === 'sqlite') target = { dataDir: path.join(work, 'restored') };
    else {
      const admin = connect({ databaseUrl: cfg.postgresUrl, poolMax: 1 });
      await sql.raw(`create database ${restoreDb}`).execute(admin.db);
      await admin.close();
      const u = new URL(cfg.postgresUrl);
      u.pathname = `/${restoreDb}`;
      target = { databaseUrl: u.toString() };
    }
    const r = await restoreBackup(dir, { ...target, auditKey: TEST_AUDIT_KEY });

    const rows = Object.values(manifest.tables).reduce((s, t) => s + t.rows, 0);
    const what = `${rows.toLocaleString('en-US')} rows, ${Object.keys(manifest.tables).length} tables`;
    return [
      ratioRow({ name: `backup (${manifest.engine === 'sqlite' ? 'VACUUM INTO' : 'pg_dump -Fc'} + manifest), ${what}`, metric: 's', value: backupSeconds, reference: ref }, refSeconds),
      ratioRow({ name: 'backup size', metric: 'MB', value: manifest.file.bytes / MB, reference: `live database ${(live / MB).toFixed(1)} MB` }, live / MB),
      ratioRow({ name: `restore (${manifest.engine === 'sqlite' ? 'copy' : 'pg_restore'}) + verify`, metric: 's', value: r.seconds, reference: ref }, refSeconds),
      ratioRow({ name: 'restore: of it verify (integrity, counts, checksums, audit chain)', metric: 's', value: r.verifySeconds, reference: `restore ${r.seconds.toFixed(2)} s` }, r.seconds),
      { name: 'backup: rows through the checksum', metric: 'rows/s', value: rows / backupSeconds },
    ];
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    if (cfg.engine === 'postgres') {
      const admin = connect({ databaseUrl: cfg.postgresUrl, poolMax: 1 });
      await sql.raw(`drop database if exists ${restoreDb} with (force)`).execute(admin.db);
      await admin.close();
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { loadBenchConfig } = await import('./config.js');
  const { openBenchDb } = await import('./db.js');
  const { seedDataset } = await import('./seed.js');
  const { formatTable, machine } = await import('./report.js');
  const cfg = loadBenchConfig();
  const bdb = await openBenchDb(cfg);
  try {
    process.stderr.write(`[bench backup] engine ${cfg.engine}${cfg.quick ? ', quick' : ''}: generating the clinic\n`);
    await seedDataset(bdb.h, cfg);
    const rows = await backupRows(cfg, bdb);
    console.log(formatTable(machine(cfg.engine), `Vizit bench: backup${cfg.quick ? ' (BENCH_QUICK)' : ''}`, rows));
  } finally {
    await bdb.cleanup();
  }
}
