import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { connect, type Dialect, type DbHandle } from '../../src/db/connect.js';
import { migrate } from '../../src/db/migrations/index.js';
import { TEST_AUDIT_KEY } from './audit-key.js';

/** Every DB test runs on each of these: SQLite always, PostgreSQL when TEST_POSTGRES_URL is set (CI). */
export const DIALECTS: Dialect[] = ['sqlite', ...(process.env.TEST_POSTGRES_URL ? (['postgres'] as const) : [])];

export interface TestDb extends DbHandle {
  /** Closes the connection and drops the PostgreSQL schema. */
  cleanup(): Promise<void>;
}

/**
 * A freshly migrated database. PostgreSQL: a new schema per call (tests run in parallel in
 * one database), with `public` after it on the search path for btree_gist, which the global
 * setup installs once.
 */
export async function freshDb(dialect: Dialect, opts: { sqlitePath?: string; poolMax?: number } = {}): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const h = connect({ sqlitePath: opts.sqlitePath ?? ':memory:', auditKey: TEST_AUDIT_KEY });
    await migrate(h);
    return { ...h, cleanup: () => h.close() };
  }
  const base = process.env.TEST_POSTGRES_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = connect({ databaseUrl: base, poolMax: 1 });
  await sql.raw(`create schema ${schema}`).execute(admin.db);
  await admin.close();
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${schema},public -c timezone=UTC`);
  const h = connect({ databaseUrl: url.toString(), poolMax: opts.poolMax ?? 10, auditKey: TEST_AUDIT_KEY });
  await migrate(h);
  return {
    ...h,
    async cleanup() {
      await h.close();
      const a = connect({ databaseUrl: base, poolMax: 1 });
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(a.db);
      await a.close();
    },
  };
}
