import type { DbHandle } from '../src/db/connect.js';
import { summary } from '../src/services/statistics.service.js';
import type { BenchConfig } from './config.js';
import { runLoad } from './load.js';
import { ratioRow, type Row } from './report.js';
import { OWNER_LOGIN, ownerSession, record, replayP50 } from './recorded.js';
import type { Dataset } from './seed.js';
import type { Server } from './server.js';

/**
 * The owner's dashboard over the clinic-year (GET /api/statistics for the whole year, all
 * branches, and per branch) at 1 and at the bench's connections, against its raw reference:
 * the exact statements the service issues for the same periods (recorded once through a Kysely
 * plugin, then replayed through the driver by one caller), without HTTP, validation, the
 * working-time rules or serialisation.
 */

export async function statisticsRows(cfg: BenchConfig, app: Server, h: DbHandle, ds: Dataset): Promise<Row[]> {
  const headers = await ownerSession(h, ds, app.url);
  const branches = await h.db.selectFrom('branches').select('id').where('clinic_id', '=', ds.clinicId).orderBy('id').execute();
  const periods = [{ from: `${cfg.year}-01-01`, to: `${cfg.year}-12-31` }, ...branches.map((b) => ({ from: `${cfg.year}-01-01`, to: `${cfg.year}-12-31`, branchId: b.id }))];
  const list = periods.map((p) => ({ path: `/api/statistics?${new URLSearchParams(p)}` }));
  const first = await fetch(`${app.url}${list[0].path}`, { headers });
  if (first.status !== 200) throw new Error(`dashboard: ${first.status} ${await first.text()}`);
  const body = (await first.json()) as { visits: { total: number } };

  const actor = { clinicId: ds.clinicId, userId: 'bench', login: OWNER_LOGIN, role: 'owner' as const, ip: null };
  const plans = [];
  for (const p of periods) plans.push(await record(h, (rh) => summary({ h: rh, clock: () => new Date(cfg.now) }, actor, p)));
  const raw = await replayP50(h, plans, cfg.quick ? 1 : 3);
  const statements = plans.reduce((n, p) => n + p.flat().length, 0) / plans.length;

  // Bounded runs, not measure(): a year's dashboard costs whole tenths of a second, and 50 of them
  // queued behind each other outlast measure()'s idle wait. 50 connections: each sends one or two.
  const one = await runLoad({ url: app.url, connections: 1, seconds: 60, amount: 6, list, headers });
  const many = await runLoad({ url: app.url, connections: cfg.connections, seconds: 120, amount: cfg.connections * (cfg.quick ? 1 : 2), list, headers, keepFailures: true });
  process.stderr.write(`[bench] dashboard: raw ${raw.toFixed(1)} ms (${statements.toFixed(1)} statements), 1 conn p50 ${one.p50.toFixed(1)} ms, ${cfg.connections} conns p50 ${many.p50.toFixed(1)} p99 ${many.p99.toFixed(1)} ms, non-2xx ${many.non2xx + many.errors}\n`);
  const name = `statistics dashboard, clinic-year (${body.visits.total.toLocaleString('en-US')} visits) GET /api/statistics`;
  return [
    { name: `${name}, raw reference, 1 caller`, metric: 'p50 ms', value: raw, reference: `${statements.toFixed(1)} statements` },
    ratioRow({ name: `${name}, 1 connection`, metric: 'p50 ms', value: one.p50, reference: `raw ${raw.toFixed(2)}` }, raw),
    ratioRow({ name: `${name}, ${cfg.connections} conns`, metric: 'p50 ms', value: many.p50, reference: `raw ${raw.toFixed(2)}` }, raw),
    { name: `${name}, ${cfg.connections} conns`, metric: 'p99 ms', value: many.p99 },
    { name: `${name}, ${cfg.connections} conns`, metric: 'req/s', value: many.okPerSec, reference: `non-2xx ${many.non2xx + many.errors}`, met: many.non2xx + many.errors === 0 },
  ];
}
