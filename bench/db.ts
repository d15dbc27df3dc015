import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { connect, type ConnectOptions, type DbHandle } from '../src/db/connect.js';
import { migrate } from '../src/db/migrations/index.js';
import type { BenchConfig } from './config.js';
import { TEST_AUDIT_KEY } from '../test/support/audit-key.js';

export interface BenchDb {
  h: DbHandle;
  /** How another process (the app under test) opens the same database. */
  connectOptions: ConnectOptions;
  /** Where it lives, for the header: the SQLite file or the PostgreSQL schema. */
  where: string;
  cleanup(): Promise<void>;
}

/**
 * A freshly migrated database for the bench. SQLite: a new file in a temporary folder on the
 * same disk as the app's data (durability costs depend on the disk). PostgreSQL: a new schema,
 * dropped afterwards, with btree_gist installed into public first so that dropping the schema
 * never drops the extension other schemas use.
 */
export async function openBenchDb(cfg: BenchConfig): Promise<BenchDb> {
  if (cfg.engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(cfg.dataDir, 'vizit-bench-'));
    const file = path.join(dir, 'bench.sqlite');
    const h = connect({ sqlitePath: file, auditKey: TEST_AUDIT_KEY });
    await migrate(h);
    return {
      h,
      connectOptions: { sqlitePath: file },
      where: file,
      async cleanup() {
        await h.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = connect({ databaseUrl: cfg.postgresUrl, poolMax: 1 });
  try {
    await sql`create extension if not exists btree_gist schema public`.execute(admin.db);
    await sql.raw(`create schema ${schema}`).execute(admin.db);
  } finally {
    await admin.close();
  }
  const url = new URL(cfg.postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  const h = connect({ databaseUrl: url.toString(), auditKey: TEST_AUDIT_KEY });
  await migrate(h);
  return {
    h,
    connectOptions: { databaseUrl: url.toString() },
    where: `${h.location.replace(/\?.*$/, '')} schema ${schema}`,
    async cleanup() {
      await h.close();
      const a = connect({ databaseUrl: cfg.postgresUrl, poolMax: 1 });
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(a.db);
      await a.close();
    },
  };
}

/**
 * Inserts rows in multi-row statements small enough for both engines' parameter limits
 * (SQLite 32,766, PostgreSQL 65,535), inside the caller's transaction or connection.
 */
export async function insertBatches<T extends Record<string, unknown>>(db: DbHandle['db'], table: string, rows: readonly T[]): Promise<void> {
  if (!rows.length) return;
  const perRow = Object.keys(rows[0]).length;
  const size = Math.max(1, Math.floor(30_000 / perRow));
  for (let i = 0; i < rows.length; i += size) {
    // The table name comes from the bench code only; the Kysely types are per table, hence the cast.
    await db.insertInto(table as 'calls').values(rows.slice(i, i + size) as never).execute();
  }
}
