/**
 * `npm run bench`: reference figures and the desk's hot paths over HTTP on a generated clinic,
 * printed as one table and written to bench/results/latest.json. BENCH_QUICK=1 for a smoke run,
 * BENCH_ENGINE=postgres for PostgreSQL, BENCH_CPU_PROF=1 for a CPU profile of the app process,
 * BENCH_SOAK=0 to leave out the 10-minute soak.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays } from '../src/domain/dates.js';
import { localDateOf } from '../src/domain/schedule/time.js';
import { loadBenchConfig } from './config.js';
import { openBenchDb } from './db.js';
import { busyDays, freeSlots, overlaps } from './free-slots.js';
import { breakdown, formatBreakdown, latencyRows, measure, type Breakdown, type Hello } from './http-rows.js';
import { benchActor, bookingInput, rawBookingConcurrent, rawBookingOne, rawReads } from './reference.js';
import { formatTable, machine, ratioRow, writeJson, type Row } from './report.js';
import { Rng } from '../src/demo/demo-random.js';
import { backupRows } from './backup.js';
import { contestedRows } from './contested.js';
import { crashRows } from './crash.js';
import { soakRows } from './soak.js';
import { moneyRows, seedMoney } from './money.js';
import { statisticsRows } from './statistics.js';
import { callRows } from './calls.js';
import { insuranceRows } from './insurance.js';
import { documentRows } from './documents.js';
import { listDue } from '../src/services/retention.service.js';
import { bookingSource, dayRequests, proposalRequests, searchRequests, signIn } from './scenarios.js';
import { seedDataset } from './seed.js';
import { startServer, type Server } from './server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const cfg = loadBenchConfig();
const m = machine(cfg.engine);
const rows: Row[] = [];
const breakdowns: Breakdown[] = [];
const notes: string[] = [];
const log = (s: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const fmt = (n: number) => n.toLocaleString('en-US');
const MB = 2 ** 20;
let failed = false;

/** A self-contained part of the table: if it breaks, the table still prints, with the failure as a row. */
async function part(name: string, fn: () => Promise<Row[]>) {
  try {
    rows.push(...(await fn()));
  } catch (e) {
    failed = true;
    log(`${name} FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    rows.push({ name: `${name}: failed (see the log)`, metric: '', value: 0, target: 'runs', met: false });
  }
}

async function helloWorld(): Promise<Hello & { p50one: number }> {
  const s = await startServer({ mode: 'hello' });
  try {
    const r = await measure(cfg, s, { list: [{ path: '/hello' }] });
    const one = await measure(cfg, s, { list: [{ path: '/hello' }], connections: 1, seconds: cfg.quick ? 1 : 3 });
    return { p50: r.p50, p99: r.p99, rps: r.okPerSec, p50one: one.p50 };
  } finally {
    await s.stop();
  }
}

log(`engine ${cfg.engine}${cfg.quick ? ', quick' : ''}: generating the clinic`);
const t0 = performance.now();
const bdb = await openBenchDb(cfg);
let app: Server | undefined;
try {
  const ds = await seedDataset(bdb.h, cfg);
  const c = ds.counts;
  rows.push(
    { name: 'generate: clinic, 2 branches, 15 chairs, 30 doctors, calendar, admin', metric: 's', value: ds.seconds.clinic },
    { name: `generate: patients + phones (${fmt(c.patients)} + ${fmt(c.patient_phones)})`, metric: 's', value: ds.seconds.patients },
    { name: `generate: appointments (${fmt(c.appointments)})`, metric: 's', value: ds.seconds.appointments },
    { name: `generate: calls (${fmt(c.calls)})`, metric: 's', value: ds.seconds.calls },
    { name: 'generate: total, with migrations' + (ds.seconds.analyze ? ' and ANALYZE' : ''), metric: 's', value: (performance.now() - t0) / 1000 },
  );

  log('backup and restore of the clinic-year');
  await part('backup and restore', () => backupRows(cfg, bdb));

  // The HTTP stack alone on this machine, for orientation; the routes are compared with their raw references.
  log('hello-world');
  const hello = await helloWorld();
  rows.push(
    { name: 'hello-world GET /hello', metric: 'p50 ms', value: hello.p50 },
    { name: 'hello-world GET /hello', metric: 'p99 ms', value: hello.p99 },
    { name: 'hello-world GET /hello', metric: 'req/s', value: hello.rps },
    { name: 'hello-world GET /hello, 1 connection', metric: 'p50 ms', value: hello.p50one },
  );

  const rng = new Rng(cfg.seed).fork('requests');
  const today = localDateOf(Date.parse(cfg.now), ds.tz);
  const slots = await freeSlots(bdb.h, ds, addDays(today, 1), `${cfg.year}-12-31`, rng);
  const days = await busyDays(bdb.h, today, 5);
  notes.push(`now ${cfg.now} (${today}); day view dates ${days.map((d) => `${d.date} (${d.appointments} appts)`).join(', ')}; ${fmt(slots.length)} free 30-min slots`);
  const search = searchRequests(rng, 300);
  const proposals = proposalRequests(rng, ds, 200);
  const day = dayRequests(days.map((d) => d.date));

  log('starting the app');
  app = await startServer({ mode: 'app', connect: bdb.connectOptions, now: cfg.now }, cfg.cpuProfile ? { cpuProfileDir: path.join(here, 'results', `prof-${cfg.engine}`) } : {});
  const { headers } = await signIn(app.url);
  const rssBefore = await app.rss();

  const conns = `${cfg.connections} conns`;
  log('patient search');
  rows.push(...latencyRows(`patient search GET /api/patients?q=, ${conns}`, await measure(cfg, app, { list: search, headers, keepFailures: true })));
  log('two-option search');
  rows.push(...latencyRows(`two-option search POST /api/schedule/proposals, ${conns}`, await measure(cfg, app, { list: proposals, headers, keepFailures: true })));
  log('day view');
  rows.push(...latencyRows(`day view, 30 doctors GET /api/schedule/day, ${conns}`, await measure(cfg, app, { list: day, headers, keepFailures: true })));

  const actor = await benchActor(bdb.h, ds);
  const book = bookingSource(slots, rng, ds);
  const rawNext = () => bookingInput(ds, cfg.now, book.next().body!);
  log(`raw booking transactions, ${cfg.connections} concurrent (app idle)`);
  await app.idle();
  // A third of the free slots at most, so the HTTP rows after it still have plenty.
  const rawCap = book.used + Math.floor(book.left() / 3);
  const rawMany = await rawBookingConcurrent(bdb.h, actor, cfg.now, () => (book.used < rawCap ? rawNext() : undefined), cfg.connections, cfg.bookingSeconds);
  const rawManyName = bdb.h.dialect === 'sqlite'
    ? `raw booking transaction, ${cfg.connections} concurrent: a queue on the one SQLite connection (group commit)`
    : `raw booking transaction, ${cfg.connections} concurrent on a pool of the app's size`;
  rows.push({ name: rawManyName, metric: 'ops/s', value: rawMany.perSec, reference: `${fmt(rawMany.n)} bookings` });

  log('bookings');
  // Leave a margin: autocannon builds one request per connection ahead of sending.
  const amount = Math.min(book.left() - 4 * cfg.connections - 600, 100_000);
  const b = await measure(cfg, app, { next: book.next, headers, amount, seconds: cfg.bookingSeconds, keepFailures: true });
  const bname = `bookings POST /api/appointments, ${conns}`;
  rows.push(ratioRow({ name: bname, metric: 'ops/s', value: b.okPerSec, reference: `raw ${cfg.connections} concurrent ${Math.round(rawMany.perSec)}/s` }, rawMany.perSec));
  rows.push({ name: bname, metric: 'p50 ms', value: b.p50 }, { name: bname, metric: 'p99 ms', value: b.p99 });
  rows.push({ name: `${bname}: 201s / non-2xx`, metric: 'count', value: b.ok, reference: `non-2xx ${b.non2xx + b.errors}`, target: '0 non-2xx', met: b.non2xx + b.errors === 0 });
  if (b.failures.length) notes.push(`booking failures (first ${b.failures.length}): ${JSON.stringify(b.statuses)}\n    ${b.failures.join('\n    ')}`);
  const rssAfter = await app.rss();
  rows.push({ name: 'app process RSS before HTTP rows', metric: 'MB', value: rssBefore / MB }, { name: 'app process RSS after HTTP rows', metric: 'MB', value: rssAfter / MB });

  log('raw references at one caller: each route\'s statements without HTTP (app idle)');
  await app.idle();
  const oneSeconds = cfg.quick ? 1 : 3;
  const rawRead = await rawReads(bdb.h, actor, cfg.now, { search, proposals, day }, oneSeconds);
  const rawBook = await rawBookingOne(bdb.h, actor, cfg.now, rawNext, oneSeconds, 150);

  log('one connection: latency without queueing, and where the time goes');
  for (const [name, o, raw] of [
    ['patient search', { list: search }, rawRead.search],
    ['two-option search', { list: proposals }, rawRead.proposals],
    ['day view', { list: day }, rawRead.day],
    ['bookings', { next: book.next }, rawBook],
  ] as const) {
    const one = await breakdown(cfg, app, { ...o, headers });
    breakdowns.push(...one.routes);
    // Kysely opens and commits a PostgreSQL transaction in the driver, past the recorder: the breakdown counts those two too.
    const txEnds = name === 'bookings' && bdb.h.dialect === 'postgres' ? ' + BEGIN/COMMIT' : '';
    rows.push({ name: `${name}, raw reference, 1 caller`, metric: 'p50 ms', value: raw.p50, reference: `${raw.statements.toFixed(1)} statements${txEnds}` });
    rows.push(ratioRow({ name: `${name}, 1 connection`, metric: 'p50 ms', value: one.load.p50, reference: `raw ${raw.p50.toFixed(2)}` }, raw.p50));
  }
  log('statistics dashboard over the clinic-year, 1 and ' + cfg.connections + ' connections, with its raw reference');
  await part('statistics dashboard', () => statisticsRows(cfg, app!, bdb.h, ds));
  log('phone desk: call conversion over the whole call base and the confirmation worklist of a 400-visit day, with raw references');
  await part('phone desk reports', () => callRows(cfg, app!, bdb.h, ds));
  log('money: bills and payments of every finished visit; the day\'s cash report and the monthly revenue report, with raw references');
  await part('money reports', async () => moneyRows(cfg, app!, bdb.h, ds, await seedMoney(bdb.h, ds, cfg)));
  log('insurer register over the clinic-year, with its raw reference');
  await part('insurer register', () => insuranceRows(cfg, app!, bdb.h, ds));
  log('documents: the contract and a 30-row plan as PDFs, tomorrow\'s pack for a 400-visit day with the server\'s memory');
  await part('documents', () => documentRows(cfg, app!, bdb.h, ds));
  await app.stop();
  app = undefined;

  const ov = await overlaps(bdb.h);
  rows.push(
    { name: 'overlaps: doctors with overlapping time-holding appointments', metric: 'pairs', value: ov.doctor, target: '=0', met: ov.doctor === 0 },
    { name: 'overlaps: chairs with overlapping time-holding appointments', metric: 'pairs', value: ov.chair, target: '=0', met: ov.chair === 0 },
  );
  if (ov.doctor || ov.chair) {
    failed = true;
    log(`DOUBLE-BOOKING: ${ov.doctor} doctor and ${ov.chair} chair overlap pairs`);
  }

  log('retention: the due list over every patient');
  {
    // The register page asks for it on every open: two aggregates over the clinic-year's visits.
    const actor = { clinicId: ds.clinicId, userId: 'bench', login: 'bench', role: 'owner' as const, ip: null };
    const deps = { h: bdb.h, clock: () => new Date(cfg.now) };
    const times: number[] = [];
    let due = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      due = (await listDue(deps, actor)).items.length;
      times.push(performance.now() - t);
    }
    rows.push({ name: `retention due list, ${fmt(c.patients)} patients (${due === 200 ? "first 200" : due} due), service call`, metric: 'ms', value: Math.min(...times), target: '≤1000', met: Math.min(...times) <= 1000 });
  }

  log('contested booking (its own clinic and app processes)');
  await part('contested booking', () => contestedRows(cfg, { log }));

  log('crash safety: kill -9 under a mixed write load');
  await part('crash safety', () => crashRows(cfg, { log }));
  if (process.env.BENCH_SOAK !== '0') {
    log('soak: a bounded mixed load, first and last window');
    await part('soak', () => soakRows(cfg, { log }));
  }

  log('hello-world again (how much the machine drifted)');
  const again = await helloWorld();
  rows.push(ratioRow({ name: 'hello-world again, after the app rows', metric: 'p50 ms', value: again.p50, reference: `first ${hello.p50.toFixed(2)}` }, hello.p50));
} finally {
  await app?.stop();
  await bdb.cleanup();
}

const title = `Vizit bench${cfg.quick ? ' (BENCH_QUICK)' : ''}`;
const table = formatTable(m, title, rows);
console.log(table);
console.log(formatBreakdown(breakdowns));
if (notes.length) console.log(notes.map((n) => `note: ${n}`).join('\n'));
const files = writeJson(path.join(here, 'results'), cfg.engine, { machine: m, config: cfg, where: bdb.where, rows, breakdowns, notes, seconds: (performance.now() - t0) / 1000 });
log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s; wrote ${files.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
process.exit(failed ? 1 : 0);
