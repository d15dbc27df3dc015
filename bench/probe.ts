import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';

/**
 * Where a request's time goes, measured from outside src/: the database drivers are wrapped
 * (better-sqlite3 runs synchronously, so a statement's time is exactly its own; pg statements
 * are timed until their result arrives), and Fastify hooks time the handler and the response
 * serialisation (zod check + JSON). Off until switched on, so the measured rows pay only a
 * flag check per call. Meant for runs at one connection, where nothing queues.
 */
interface Req {
  route: string;
  t0: number;
  handler0: number;
  handlerMs: number;
  ser0: number;
  serMs: number;
  inflight: number;
  dbSince: number;
  dbMs: number;
  statements: number;
  prepareMs: number;
}

export interface RouteBreakdown {
  route: string;
  n: number;
  totalMs: number;
  handlerMs: number;
  dbMs: number;
  serializeMs: number;
  statements: number;
  /** Part of dbMs spent compiling SQL (better-sqlite3 prepare: Kysely prepares every statement anew). */
  prepareMs: number;
  top: StatementStat[];
}

export interface StatementStat {
  sql: string;
  n: number;
  ms: number;
}

const als = new AsyncLocalStorage<Req>();
let on = false;
const routes = new Map<string, Omit<RouteBreakdown, 'top'>>();
const byRoute = new Map<string, Map<string, StatementStat>>();

/** SQL shortened to its shape: whitespace collapsed, long parameter lists folded. */
function shape(sql: string): string {
  return sql.replace(/\s+/g, ' ').replace(/\$\d+/g, '?').replace(/\?(, \?)+/g, '…').replace(/"/g, '').slice(0, 150);
}

/**
 * Statements in the drivers and when the last one began or ended, kept even with the probe off:
 * a request whose client has gone gets no reply hooks, yet its handler still runs, and the
 * next row must not start before it is done.
 */
export const dbActivity = { inflight: 0, last: 0 };

function begin(): { req: Req | undefined; at: number } {
  const at = performance.now();
  dbActivity.inflight++;
  dbActivity.last = at;
  const req = on ? als.getStore() : undefined;
  if (req && req.inflight++ === 0) req.dbSince = at;
  return { req, at };
}

function end(t: { req: Req | undefined; at: number }, sql: string, isStatement = true): void {
  const now = performance.now();
  dbActivity.inflight--;
  dbActivity.last = now;
  if (!t.req) return;
  const req = t.req;
  if (isStatement) req.statements++;
  else req.prepareMs += now - t.at;
  // Wall time with at least one statement in flight (pg runs a request's Promise.all in parallel).
  if (--req.inflight === 0) req.dbMs += now - req.dbSince;
  const stats = byRoute.get(req.route) ?? new Map<string, StatementStat>();
  byRoute.set(req.route, stats);
  const key = shape(sql);
  const s = stats.get(key) ?? { sql: key, n: 0, ms: 0 };
  s.n++;
  s.ms += now - t.at;
  stats.set(key, s);
}

/** Wraps better-sqlite3's prepare and statement calls and pg's Client.query, once per process. */
export function instrumentDrivers(): void {
  const dbProto = Database.prototype as unknown as { prepare(sql: string): unknown };
  const prepare = dbProto.prepare;
  let stmtProto: Record<string, (...a: unknown[]) => unknown> | undefined;
  dbProto.prepare = function (this: unknown, sql: string) {
    const t = begin();
    const stmt = prepare.call(this, sql) as { source: string };
    // Kysely's SQLite driver prepares (compiles) every statement anew: worth seeing on its own.
    end(t, `prepare: ${sql}`, false);
    if (!stmtProto) {
      stmtProto = Object.getPrototypeOf(stmt) as Record<string, (...a: unknown[]) => unknown>;
      for (const name of ['all', 'run', 'get', 'iterate']) {
        const orig = stmtProto[name];
        stmtProto[name] = function (this: { source: string }, ...args: unknown[]) {
          const tt = begin();
          try {
            return orig.apply(this, args);
          } finally {
            end(tt, this.source);
          }
        };
      }
    }
    return stmt;
  };
  const clientProto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const query = clientProto.query;
  clientProto.query = function (this: unknown, ...args: unknown[]) {
    const t = begin();
    const r = query.apply(this, args);
    const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text ?? '?');
    if (r && typeof (r as Promise<unknown>).then === 'function') {
      (r as Promise<unknown>).then(() => end(t, text), () => end(t, text));
    } else {
      // Callback or submittable form (not used by Kysely): count it as done at once.
      end(t, text);
    }
    return r;
  };
}

/** Adds the hooks; call before app.ready(). */
export function installProbe(app: FastifyInstance): void {
  app.addHook('onRequest', (req, _reply, done) => {
    if (!on) return done();
    const route = `${req.method} ${req.routeOptions.url ?? req.url}`;
    als.run({ route, t0: performance.now(), handler0: 0, handlerMs: 0, ser0: 0, serMs: 0, inflight: 0, dbSince: 0, dbMs: 0, statements: 0, prepareMs: 0 }, done);
  });
  app.addHook('preHandler', (_req, _reply, done) => {
    const r = on ? als.getStore() : undefined;
    if (r) r.handler0 = performance.now();
    done();
  });
  app.addHook('preSerialization', (_req, _reply, payload, done) => {
    const r = on ? als.getStore() : undefined;
    if (r) {
      r.ser0 = performance.now();
      r.handlerMs = r.ser0 - r.handler0;
    }
    done(null, payload);
  });
  app.addHook('onSend', (_req, _reply, payload, done) => {
    const r = on ? als.getStore() : undefined;
    if (r && r.ser0) r.serMs = performance.now() - r.ser0;
    done(null, payload);
  });
  app.addHook('onResponse', (_req, _reply, done) => {
    const r = on ? als.getStore() : undefined;
    if (r) {
      const b = routes.get(r.route) ?? { route: r.route, n: 0, totalMs: 0, handlerMs: 0, dbMs: 0, serializeMs: 0, statements: 0, prepareMs: 0 };
      b.n++;
      b.totalMs += performance.now() - r.t0;
      b.handlerMs += r.handlerMs;
      b.dbMs += r.dbMs;
      b.serializeMs += r.serMs;
      b.statements += r.statements;
      b.prepareMs += r.prepareMs;
      routes.set(r.route, b);
    }
    done();
  });
}

export function probeOn(v: boolean): void {
  on = v;
  if (v) {
    routes.clear();
    byRoute.clear();
  }
}

export function probeReport(): RouteBreakdown[] {
  return [...routes.values()].map((r) => ({
    ...r,
    top: [...(byRoute.get(r.route)?.values() ?? [])].sort((a, b) => b.ms - a.ms).slice(0, 8),
  }));
}
