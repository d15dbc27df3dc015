import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../domain/errors.js';
import { AuditKeyCarrier } from './audit-key.js';
import type { Database as Schema } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Schema>;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** For SQLite: the file path (or ':memory:'); for PostgreSQL: the URL without password. */
  location: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite at sqlitePath. */
  databaseUrl?: string;
  sqlitePath?: string;
  /** Pool size for PostgreSQL. */
  poolMax?: number;
  /** The HMAC key of the audit chain (kept outside the database); audit entries cannot be written without it. */
  auditKey?: Buffer;
}

/** PostgreSQL prints timestamptz as "2026-11-23 10:00:00.12+00" in UTC; make it the ISO form SQLite stores. */
function pgInstantToIso(v: string): string {
  // Fast path for the UTC form every session prints ("2026-11-23 10:00:00.12+00"): no Date, no regex.
  if (v.length >= 22 && v.endsWith('+00') && v[10] === ' ') {
    const frac = v.length > 22 ? v.slice(20, v.length - 3) : '';
    return `${v.slice(0, 10)}T${v.slice(11, 19)}.${(frac + '000').slice(0, 3)}Z`;
  }
  return new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();
}

const carriers = (opts: ConnectOptions) => (opts.auditKey ? [new AuditKeyCarrier(opts.auditKey)] : []);

/** Opens the database with the durability settings the house rules demand. */
export function connect(opts: ConnectOptions): DbHandle {
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    // Every session in UTC so instants print the same on every server. pg lets an `options`
    // parameter in the URL (e.g. a search_path) replace the pool's, so merge it into the URL.
    const withTz = new URL(opts.databaseUrl);
    withTz.searchParams.set('options', `${withTz.searchParams.get('options') ?? ''} -c timezone=UTC`.trim());
    const pool = new pg.Pool({
      connectionString: withTz.toString(),
      max: opts.poolMax ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === 1184 || oid === 1114) return pgInstantToIso;
          if (oid === 20) return (v: string) => Number(v);
          return pg.types.getTypeParser(oid, format as 'text');
        }) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), plugins: carriers(opts) });
    const url = new URL(opts.databaseUrl);
    url.password = '';
    return { db, dialect: 'postgres', location: url.toString(), close: () => db.destroy() };
  }
  const file = opts.sqlitePath ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const native = new Database(file);
  native.pragma('journal_mode = WAL');
  // FULL: an acknowledged commit survives a power cut, not only a process crash.
  native.pragma('synchronous = FULL');
  native.pragma('foreign_keys = ON');
  native.pragma('busy_timeout = 5000');
  // Deleted content is overwritten with zeros, so destroyed personal data (152-FZ art. 21) does not linger in free pages.
  native.pragma('secure_delete = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: native }), plugins: carriers(opts) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

interface Pending {
  fn: (trx: Db) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit for SQLite. Write transactions that arrive while one is running wait in a queue;
 * the next round runs all of them inside ONE `BEGIN IMMEDIATE … COMMIT`, each in its own
 * savepoint, so one fsync acknowledges many bookings and a failing one rolls back alone.
 * Nobody is answered before the commit that holds their writes has returned.
 */
class GroupCommit {
  private queue: Pending[] = [];
  private running = false;

  constructor(private db: Db, private maxBatch = 128) {}

  run<T>(fn: (trx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      while (this.queue.length) await this.round(this.queue.splice(0, this.maxBatch));
    } finally {
      this.running = false;
    }
  }

  private async round(batch: Pending[]) {
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      await this.db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          for (const item of batch) {
            await sql`savepoint vizit_tx`.execute(conn);
            try {
              const value = await item.fn(conn);
              await sql`release vizit_tx`.execute(conn);
              outcomes.push({ ok: true, value });
            } catch (err) {
              await sql`rollback to vizit_tx`.execute(conn);
              await sql`release vizit_tx`.execute(conn);
              outcomes.push({ ok: false, value: err });
            }
          }
          await sql`commit`.execute(conn);
        } catch (err) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw err;
        }
      });
    } catch (err) {
      // The commit itself failed (disk full, I/O error): nothing of this round is durable.
      for (const item of batch) item.reject(err);
      return;
    }
    batch.forEach((item, i) => (outcomes[i].ok ? item.resolve(outcomes[i].value) : item.reject(outcomes[i].value)));
  }
}

const groups = new WeakMap<Db, GroupCommit>();

/** PostgreSQL aborted the whole transaction (deadlock detected, serialization failure): it is safe to run it again. */
function isRetryable(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return code === '40P01' || code === '40001';
}

/** Attempts of a PostgreSQL transaction that the server aborts as a deadlock or serialization failure. */
export const TX_ATTEMPTS = 3;

/**
 * A PostgreSQL transaction, run again (a few times, after a short random pause so the rivals do
 * not meet again) when the server aborts it as a deadlock or serialization failure: nothing of
 * it was written, and fn only talks to the database. When it still fails, the user gets a clear
 * 409 to retry, never a 500.
 */
async function pgTx<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (err) {
      if (!isRetryable(err)) throw err;
      if (attempt >= TX_ATTEMPTS) {
        throw new DomainError('conflict', {
          ru: 'Данные одновременно меняют другие пользователи, изменение не сохранено. Повторите через несколько секунд',
          en: 'Other users are changing the same data right now; nothing was saved. Retry in a few seconds',
        });
      }
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}

/** Runs fn in one write transaction: BEGIN IMMEDIATE on SQLite (takes the write lock up front,
 * so check-then-insert cannot interleave; concurrent ones share a commit, see GroupCommit),
 * a normal transaction on PostgreSQL (run again when the server aborts it, see pgTx). */
export async function withTx<T>(h: Pick<DbHandle, 'db' | 'dialect'>, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (h.dialect === 'postgres') return pgTx(h.db, fn);
  let g = groups.get(h.db);
  if (!g) groups.set(h.db, (g = new GroupCommit(h.db)));
  return g.run(fn);
}
