import Database from 'better-sqlite3';
import pg from 'pg';
import type { ConnectOptions } from '../src/db/connect.js';

/**
 * The ceiling for durable writes on this disk and engine: single-row INSERTs, each its own
 * transaction, into a fresh table, with the durability settings the app uses (SQLite: WAL +
 * synchronous=FULL, as src/db/connect.ts sets; PostgreSQL: default synchronous_commit).
 * The row is shaped like an appointment's key columns.
 */
const COLUMNS = 'id, clinic_id, doctor_id, patient_id, starts_at, ends_at, status, created_at';
const CREATE = `create table bench_raw (id text primary key, clinic_id text not null, doctor_id text not null, patient_id text not null,
  starts_at text not null, ends_at text not null, status text not null, created_at text not null)`;

function values(i: number, worker = 'w'): string[] {
  const t = new Date(Date.UTC(2026, 6, 1) + i * 60_000).toISOString();
  return [`raw-${worker}-${i}`, 'clinic', `doctor-${i % 30}`, `patient-${i % 1000}`, t, t, 'booked', t];
}

export interface RawResult {
  sequential: number;
  /** PostgreSQL only: the same with 50 concurrent clients. */
  concurrent?: number;
}

export async function rawDurableInserts(opts: ConnectOptions, seconds: number, clients: number): Promise<RawResult> {
  if (opts.databaseUrl) return postgresRaw(opts.databaseUrl, seconds, clients);
  return { sequential: sqliteRaw(opts.sqlitePath!, seconds) };
}

function sqliteRaw(file: string, seconds: number): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    db.exec('drop table if exists bench_raw');
    db.exec(CREATE);
    const insert = db.prepare(`insert into bench_raw (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?)`);
    const t0 = performance.now();
    const until = t0 + seconds * 1000;
    let n = 0;
    // Autocommit: every run() is its own transaction with its own WAL fsync.
    while (performance.now() < until) insert.run(values(n++));
    return n / ((performance.now() - t0) / 1000);
  } finally {
    db.exec('drop table if exists bench_raw');
    db.close();
  }
}

async function postgresRaw(url: string, seconds: number, clients: number): Promise<RawResult> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('drop table if exists bench_raw');
    await admin.query(CREATE);
    const sequential = await pgWorkers(url, 1, seconds, 'seq');
    const concurrent = await pgWorkers(url, clients, seconds, 'conc');
    return { sequential, concurrent };
  } finally {
    await admin.query('drop table if exists bench_raw');
    await admin.end();
  }
}

/** `workers` clients each inserting one row per statement (autocommit) until the time is up. */
async function pgWorkers(url: string, workers: number, seconds: number, label: string): Promise<number> {
  const conns = await Promise.all(
    Array.from({ length: workers }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const sqlText = `insert into bench_raw (${COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8)`;
  try {
    const t0 = performance.now();
    const until = t0 + seconds * 1000;
    const counts = await Promise.all(
      conns.map(async (c, w) => {
        let n = 0;
        while (performance.now() < until) await c.query(sqlText, values(n++, `${label}${w}`));
        return n;
      }),
    );
    return counts.reduce((a, b) => a + b, 0) / ((performance.now() - t0) / 1000);
  } finally {
    await Promise.all(conns.map((c) => c.end()));
  }
}
