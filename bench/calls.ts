import { sql } from 'kysely';
import type { DbHandle } from '../src/db/connect.js';
import { addDays } from '../src/domain/dates.js';
import { localDateOf } from '../src/domain/schedule/time.js';
import { conversionReport } from '../src/services/call-reports.service.js';
import { confirmationList } from '../src/services/confirmation-worklist.service.js';
import type { BenchConfig } from './config.js';
import { cloneVisitsTo } from './documents.js';
import { runLoad } from './load.js';
import { OWNER_LOGIN, ownerSession, record, replayP50 } from './recorded.js';
import { ratioRow, type Row } from './report.js';
import { signIn } from './scenarios.js';
import { ADMIN_LOGIN, type Dataset } from './seed.js';
import type { Server } from './server.js';

/**
 * The phone desk's reports (issue #10) over HTTP on the generated clinic, each against its raw
 * reference (the statements the service issues, recorded once and replayed by one caller):
 * the call conversion report over the whole call base (GET /api/calls/conversion for the year
 * before "now": every generated call) and the confirmation worklist of a 400-visit day
 * (GET /api/worklists/confirmations on the bench's Wednesday: Thursday's visits, filled up to 400
 * with clones for other patients and removed afterwards, so the overlap check is unaffected).
 */
const TIME_HOLDING = ['booked', 'confirmed', 'arrived', 'in_chair'];

async function fillDay(h: DbHandle, ds: Dataset, date: string, target: number): Promise<{ added: string[]; visits: number }> {
  const rows = await h.db.selectFrom('appointments').selectAll().where('clinic_id', '=', ds.clinicId).where('local_date', '=', date).where('status', 'in', TIME_HOLDING as never[]).execute();
  if (!rows.length) throw new Error(`no visits on ${date} to build the 400-visit day from`);
  // PostgreSQL's exclusion constraints refuse a doctor's overlapping visits: there the day is measured as generated (its count is in the row's name).
  if (h.dialect === 'postgres') return { added: [], visits: rows.length };
  return cloneVisitsTo(h, ds, rows, target);
}

async function oneConnection(app: Server, path: string, headers: Record<string, string>, amount: number) {
  const first = await fetch(`${app.url}${path}`, { headers });
  if (first.status !== 200) throw new Error(`${path}: ${first.status} ${(await first.text()).slice(0, 300)}`);
  const body = await first.json();
  const r = await runLoad({ url: app.url, connections: 1, seconds: 120, amount, list: [{ path }], headers, keepFailures: true });
  if (r.non2xx + r.errors) throw new Error(`${path}: ${r.non2xx + r.errors} failed: ${r.failures.join(' | ')}`);
  return { p50: r.p50, body };
}

export async function callRows(cfg: BenchConfig, app: Server, h: DbHandle, ds: Dataset): Promise<Row[]> {
  const deps = { h, clock: () => new Date(cfg.now) };
  const seconds = cfg.quick ? 1 : 3;
  const rows: Row[] = [];
  const today = localDateOf(Date.parse(cfg.now), ds.tz);

  // Conversion over the whole call base: the year before "now" (every generated call lies in it).
  const headers = await ownerSession(h, ds, app.url);
  const owner = await h.db.selectFrom('users').select('id').where('login', '=', OWNER_LOGIN).executeTakeFirstOrThrow();
  const q = { from: addDays(today, -365), to: today };
  const conv = await oneConnection(app, `/api/calls/conversion?${new URLSearchParams(q)}`, headers, cfg.quick ? 3 : 7);
  const ownerActor = { clinicId: ds.clinicId, userId: owner.id, login: OWNER_LOGIN, role: 'owner' as const, ip: null };
  const convPlan = await record(h, (rh) => conversionReport({ ...deps, h: rh }, ownerActor, q));
  const convRaw = await replayP50(h, [convPlan], seconds);
  const calls = Number((await h.db.selectFrom('calls').select((eb) => eb.fn.countAll<number>().as('n')).where('clinic_id', '=', ds.clinicId).executeTakeFirstOrThrow()).n);
  const total = (conv.body as { total: { calls: number; booked: number } }).total;
  const convName = `call conversion, ${calls.toLocaleString('en-US')} calls (${total.calls.toLocaleString('en-US')} primary, ${total.booked.toLocaleString('en-US')} booked) GET /api/calls/conversion`;
  const convStatements = convPlan.flat().length;
  rows.push(
    { name: `${convName}, raw reference, 1 caller`, metric: 'p50 ms', value: convRaw, reference: `${convStatements} statements` },
    ratioRow({ name: `${convName}, 1 connection`, metric: 'p50 ms', value: conv.p50, reference: `raw ${convRaw.toFixed(2)}` }, convRaw),
  );

  process.stderr.write(`[bench] conversion: raw ${convRaw.toFixed(1)} ms, 1 conn p50 ${conv.p50.toFixed(1)} ms\n`);

  // The confirmation worklist of a 400-visit day: called on the bench's Wednesday, it holds Thursday.
  const tomorrow = addDays(today, 1);
  const day = await fillDay(h, ds, tomorrow, 400);
  try {
    if (h.dialect === 'postgres') await sql`analyze appointments`.execute(h.db);
    const admin = await h.db.selectFrom('users').select(['id', 'login']).where('login', '=', ADMIN_LOGIN).executeTakeFirstOrThrow();
    const adminHeaders = (await signIn(app.url)).headers;
    const path = `/api/worklists/confirmations?date=${today}`;
    const conf = await oneConnection(app, path, adminHeaders, cfg.quick ? 10 : 30);
    const adminActor = { clinicId: ds.clinicId, userId: admin.id, login: admin.login, role: 'administrator' as const, ip: null };
    const confPlan = await record(h, (rh) => confirmationList({ ...deps, h: rh }, adminActor, { date: today }));
    const confRaw = await replayP50(h, [confPlan], seconds);
    const items = (conf.body as { counts: { total: number } }).counts.total;
    const confName = `confirmation worklist, a ${day.visits}-visit day (${items} to confirm) GET /api/worklists/confirmations`;
    rows.push(
      { name: `${confName}, raw reference, 1 caller`, metric: 'p50 ms', value: confRaw, reference: `${confPlan.flat().length} statements` },
      ratioRow({ name: `${confName}, 1 connection`, metric: 'p50 ms', value: conf.p50, reference: `raw ${confRaw.toFixed(2)}` }, confRaw),
    );
  } finally {
    for (let i = 0; i < day.added.length; i += 200) await h.db.deleteFrom('appointments').where('id', 'in', day.added.slice(i, i + 200)).execute();
    if (h.dialect === 'postgres') await sql`analyze appointments`.execute(h.db);
  }
  process.stderr.write(`[bench] calls: ${rows.map((r) => `${r.name.split(' GET')[0]}${r.name.endsWith('caller') ? ' raw' : ' 1 conn'} ${r.value.toFixed(1)} ms`).join('; ')}\n`);
  return rows;
}
