/**
 * The real server as its own process (src/server/main.ts, as `npm start` runs it) on a demo
 * clinic, so that it can be killed with SIGKILL, plus a small HTTP client for it. Shared by the
 * crash test, bench/crash.ts and bench/soak.ts.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect, type Dialect, type DbHandle } from '../../src/db/connect.js';
import { startServerProcess } from './server-process.js';
import { TEST_AUDIT_KEY } from './audit-key.js';

export const DEMO_PASSWORD = 'demo-vizit-2026';

/** Where the server keeps its data: a temporary folder (SQLite) or a fresh PostgreSQL schema. */
export interface Target {
  dialect: Dialect;
  dataDir: string;
  databaseUrl?: string;
  open(): DbHandle;
  cleanup(): Promise<void>;
}

export async function makeTarget(dialect: Dialect, postgresUrl?: string): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizit-crash-'));
  const rmDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') {
    return { dialect, dataDir, open: () => connect({ sqlitePath: path.join(dataDir, 'vizit.sqlite'), auditKey: TEST_AUDIT_KEY }), cleanup: async () => rmDir() };
  }
  if (!postgresUrl) throw new Error('PostgreSQL needs a URL');
  const schema = `crash_${randomBytes(5).toString('hex')}`;
  const admin = connect({ databaseUrl: postgresUrl, poolMax: 1 });
  try {
    await sql`create extension if not exists btree_gist schema public`.execute(admin.db);
    await sql.raw(`create schema ${schema}`).execute(admin.db);
  } finally {
    await admin.close();
  }
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema},public -c timezone=UTC`);
  const databaseUrl = url.toString();
  return {
    dialect, dataDir, databaseUrl,
    open: () => connect({ databaseUrl, poolMax: 2, auditKey: TEST_AUDIT_KEY }),
    async cleanup() {
      rmDir();
      const a = connect({ databaseUrl: postgresUrl, poolMax: 1 });
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(a.db);
      await a.close();
    },
  };
}

export interface Vizit {
  base: string;
  pid: number;
  /** From spawning the process to its first healthy answer. */
  readyMs: number;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the server; the first start on an empty database seeds the demo clinic. */
export async function startVizit(t: Target): Promise<Vizit> {
  const t0 = performance.now();
  const p = await startServerProcess({ dataDir: t.dataDir, databaseUrl: t.databaseUrl, demo: true });
  return { base: p.url, pid: p.child.pid!, readyMs: performance.now() - t0, kill: p.kill, stop: p.stop };
}

/** An answer, or null when none came (the server died with the request in flight). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of many routes; callers read the few fields they need
export type Answer = { status: number; body: any } | null;

/** A signed-in desk user: session cookie on every request, CSRF token on writes. */
export class Client {
  private constructor(readonly base: string, private cookie: string, private csrf: string) {}

  static async signIn(base: string, login: string, password = DEMO_PASSWORD): Promise<Client> {
    const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
    if (res.status !== 200) throw new Error(`sign-in of ${login}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('vizit_session='));
    if (!cookie) throw new Error('sign-in gave no vizit_session cookie');
    return new Client(base, cookie.split(';')[0], ((await res.json()) as { csrfToken: string }).csrfToken);
  }

  async call(method: string, url: string, body?: unknown): Promise<Answer> {
    try {
      const res = await fetch(this.base + url, {
        method,
        headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      // Headers arrived but the kill cut the body off: the client never learned the result, so it is no acknowledgement.
      if (!text) return null;
      return { status: res.status, body: JSON.parse(text) };
    } catch {
      return null;
    }
  }
}

/** The clinic's local date, as the desk sees it. */
export function clinicToday(tz = 'Europe/Moscow', now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export interface Slot {
  doctorId: string;
  startsAt: string;
}

const MIN = 60_000;

/**
 * Free 30-minute times of one day from the app's own day view: the doctors' working intervals
 * (rota, breaks, absences, holidays) minus their time-holding appointments.
 */
export async function daySlots(c: Client, date: string): Promise<Slot[]> {
  const r = await c.call('GET', `/api/schedule/day?date=${date}`);
  if (!r || r.status !== 200) throw new Error(`day view ${date}: ${r?.status}`);
  const out: Slot[] = [];
  for (const col of r.body.columns as { doctorId: string; work: { start: string; end: string }[]; appointments: { startsAt: string; endsAt: string; status: string }[] }[]) {
    const busy = col.appointments.filter((a) => a.status !== 'cancelled' && a.status !== 'no_show').map((a) => [Date.parse(a.startsAt), Date.parse(a.endsAt)]);
    for (const w of col.work) {
      for (let t = Date.parse(w.start); t + 30 * MIN <= Date.parse(w.end); t += 30 * MIN) {
        if (!busy.some(([s, e]) => s < t + 30 * MIN && t < e)) out.push({ doctorId: col.doctorId, startsAt: new Date(t).toISOString() });
      }
    }
  }
  return out;
}

export function shuffle<T>(a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
