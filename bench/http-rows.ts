import type { BenchConfig } from './config.js';
import { runLoad, type LoadResult, type Req } from './load.js';
import type { RouteBreakdown } from './probe.js';
import type { Row } from './report.js';
import type { Server } from './server.js';

export interface Hello {
  p50: number;
  p99: number;
  rps: number;
}

/** A short unmeasured run first, so the rows compare JIT-compiled code, not the warm-up. */
export async function measure(cfg: BenchConfig, server: Server, o: { list?: Req[]; next?: () => Req; headers?: Record<string, string>; amount?: number; connections?: number; seconds?: number; keepFailures?: boolean }): Promise<LoadResult> {
  const url = server.url;
  const connections = o.connections ?? cfg.connections;
  const warm = cfg.quick ? 0.5 : 1.5;
  await server.idle();
  await runLoad({ url, connections, seconds: warm, list: o.list, next: o.next, headers: o.headers, amount: o.next ? Math.min(o.amount ?? 100, 100) : undefined });
  await server.idle();
  const r = await runLoad({ url, connections, seconds: o.seconds ?? cfg.loadSeconds, list: o.list, next: o.next, headers: o.headers, amount: o.amount, keepFailures: o.keepFailures });
  await server.idle();
  return r;
}

/** p50, p99 and req/s of a row, and the non-2xx count when there are any. */
export function latencyRows(name: string, r: LoadResult): Row[] {
  const rows: Row[] = [
    { name, metric: 'p50 ms', value: r.p50 },
    { name, metric: 'p99 ms', value: r.p99 },
    { name, metric: 'req/s', value: r.okPerSec },
  ];
  if (r.non2xx || r.errors) rows.push({ name, metric: 'non-2xx+errors', value: r.non2xx + r.errors, target: '=0', met: false });
  return rows;
}

export interface Breakdown {
  route: string;
  n: number;
  perRequest: { totalMs: number; handlerMs: number; dbMs: number; prepareMs: number; serializeMs: number; statements: number };
  top: { sql: string; perRequest: number; msPerRequest: number }[];
}

/**
 * Where one request's time goes, at one connection (no queueing): the app's time from the
 * first hook to the response, the handler, the part of it with a statement in flight, and the
 * response serialisation (zod check + JSON).
 */
export async function breakdown(cfg: BenchConfig, app: Server, o: { list?: Req[]; next?: () => Req; headers: Record<string, string> }): Promise<{ load: LoadResult; routes: Breakdown[] }> {
  await app.idle();
  await app.probe(true);
  const load = await runLoad({ url: app.url, connections: 1, seconds: cfg.quick ? 1 : 3, list: o.list, next: o.next, headers: o.headers, amount: o.next ? 150 : undefined });
  await app.idle();
  await app.probe(false);
  const routes = (await app.report()).map((b: RouteBreakdown) => ({
    route: b.route,
    n: b.n,
    perRequest: { totalMs: b.totalMs / b.n, handlerMs: b.handlerMs / b.n, dbMs: b.dbMs / b.n, prepareMs: b.prepareMs / b.n, serializeMs: b.serializeMs / b.n, statements: b.statements / b.n },
    top: b.top.map((s) => ({ sql: s.sql, perRequest: s.n / b.n, msPerRequest: s.ms / b.n })),
  }));
  return { load, routes };
}

export function formatBreakdown(list: Breakdown[]): string {
  const lines = [
    'Where the time goes, per request at 1 connection (ms). total = first hook to response; handler = route handler;',
    'db = part of the handler with a statement in the driver; serialise = zod response check + JSON; other = hooks, auth, routing.',
  ];
  for (const b of list) {
    const p = b.perRequest;
    lines.push(
      `  ${b.route.padEnd(28)} n=${String(b.n).padEnd(5)} total ${p.totalMs.toFixed(2).padStart(7)}  handler ${p.handlerMs.toFixed(2).padStart(7)}` +
        `  db ${p.dbMs.toFixed(2).padStart(7)} (${p.statements.toFixed(1)} statements${p.prepareMs ? `, ${p.prepareMs.toFixed(2)} preparing` : ''})  serialise ${p.serializeMs.toFixed(2).padStart(6)}  other ${(p.totalMs - p.handlerMs - p.serializeMs).toFixed(2).padStart(6)}`,
    );
    for (const s of b.top) lines.push(`      ${s.msPerRequest.toFixed(3).padStart(8)} ms/req ${s.perRequest.toFixed(1).padStart(5)}x  ${s.sql}`);
  }
  return lines.join('\n');
}
