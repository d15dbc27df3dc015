import fs from 'node:fs';
import http from 'node:http';
import { sql } from 'kysely';
import type { DbHandle } from '../src/db/connect.js';
import { newId } from '../src/db/ids.js';
import { addDays } from '../src/domain/dates.js';
import { localDateOf } from '../src/domain/schedule/time.js';
import type { BenchConfig } from './config.js';
import type { Row } from './report.js';
import { signIn } from './scenarios.js';
import type { Dataset } from './seed.js';
import type { Server } from './server.js';

/**
 * Documents (issue #11) over HTTP on the generated clinic: the contract (3+ pages) and a 30-row
 * treatment plan as issued documents (GET /api/documents/:id/pdf, p50/p95 of one connection), and
 * tomorrow's pack for a 400-visit day (GET /api/documents/tomorrow-pack: every patient's missing
 * first-visit documents), with the server process's peak RSS (Linux VmHWM, reset just before) and
 * its V8 heap sampled while it renders; the slowest answer of a sample tells how long the render
 * kept the server's event loop busy. Visits added to reach 400 are removed afterwards, so the overlap check is unaffected.
 */
const MB = 2 ** 20;
const TIME_HOLDING = ['booked', 'confirmed', 'arrived', 'in_chair'];

function get(url: string, headers: Record<string, string>, method = 'GET', body?: unknown): Promise<{ status: number; bytes: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(url, { method, headers: { ...headers, ...(payload && { 'content-type': 'application/json', 'content-length': String(payload.length) }) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))];
const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

async function timedPdf(app: Server, headers: Record<string, string>, id: string, n: number) {
  const times: number[] = [];
  let last: Buffer = Buffer.alloc(0);
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await get(`${app.url}/api/documents/${id}/pdf`, headers);
    times.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`GET /api/documents/${id}/pdf: ${r.status} ${r.bytes.toString().slice(0, 300)}`);
    last = r.bytes;
  }
  return { p50: pct(times, 0.5), p95: pct(times, 0.95), pages: pages(last), kb: last.length / 1024 };
}

/** Makes tomorrow a day of `target` time-holding visits (clones of its own visits for other patients); answers the ids added. */
async function fillTomorrow(h: DbHandle, ds: Dataset, tomorrow: string, target: number): Promise<{ added: string[]; visits: number }> {
  const rows = await h.db.selectFrom('appointments').selectAll().where('clinic_id', '=', ds.clinicId).where('local_date', '=', tomorrow).where('status', 'in', TIME_HOLDING as never[]).execute();
  if (!rows.length) throw new Error(`no visits on ${tomorrow} to build the pack day from`);
  return cloneVisitsTo(h, ds, rows, target);
}

/** Adds clones of a day's `rows` for other patients until the day holds `target` visits; answers the ids added (the caller removes them). */
export async function cloneVisitsTo(h: DbHandle, ds: Dataset, rows: object[], target: number): Promise<{ added: string[]; visits: number }> {
  const added: string[] = [];
  const clones = [];
  for (let i = rows.length; i < target; i++) {
    const id = newId();
    added.push(id);
    clones.push({ ...rows[i % rows.length], id, patient_id: ds.patientIds[(i * 7919) % ds.patientIds.length] });
  }
  for (let i = 0; i < clones.length; i += 100) await h.db.insertInto('appointments').values(clones.slice(i, i + 100) as never).execute();
  return { added, visits: Math.max(rows.length, target) };
}

export async function documentRows(cfg: BenchConfig, app: Server, h: DbHandle, ds: Dataset): Promise<Row[]> {
  const { headers } = await signIn(app.url);
  const rounds = cfg.quick ? 10 : 30;
  const tomorrow = addDays(localDateOf(Date.parse(cfg.now), ds.tz), 1);
  const visit = await h.db.selectFrom('appointments').select(['id', 'patient_id']).where('clinic_id', '=', ds.clinicId).where('local_date', '=', tomorrow)
    .where('status', 'in', TIME_HOLDING as never[]).orderBy('id').executeTakeFirstOrThrow();

  // The contract, issued to tomorrow's first patient.
  const contract = await get(`${app.url}/api/patients/${visit.patient_id}/documents`, headers, 'POST', { templateCode: 'contract', appointmentId: visit.id });
  if (contract.status !== 201) throw new Error(`issue contract: ${contract.status} ${contract.bytes.toString().slice(0, 300)}`);
  const c = await timedPdf(app, headers, JSON.parse(contract.bytes.toString()).id, rounds);

  // A 30-row recommended plan: the visit's planned services are 30 codes of the price list.
  const codes = (await h.db.selectFrom('price_items').select('code').where('clinic_id', '=', ds.clinicId).orderBy('code').limit(30).execute()).map((r) => r.code);
  while (codes.length < 30) codes.push(`БЕНЧ-${codes.length + 1}`);
  const planned = await get(`${app.url}/api/appointments/${visit.id}/planned-services`, headers, 'PUT', { codes });
  if (planned.status !== 200) throw new Error(`planned services: ${planned.status} ${planned.bytes.toString().slice(0, 300)}`);
  const plan = await get(`${app.url}/api/patients/${visit.patient_id}/documents`, headers, 'POST', { templateCode: 'plan-recommended', appointmentId: visit.id });
  if (plan.status !== 201) throw new Error(`issue plan: ${plan.status} ${plan.bytes.toString().slice(0, 300)}`);
  const p = await timedPdf(app, headers, JSON.parse(plan.bytes.toString()).id, rounds);
  await h.db.updateTable('appointments').set({ planned_services_json: null } as never).where('id', '=', visit.id).execute();

  // Tomorrow's pack for a 400-visit day, the server's memory sampled while it renders.
  const day = await fillTomorrow(h, ds, tomorrow, 400);
  try {
    await app.idle();
    const before = await app.rss();
    // Linux: writing 5 to clear_refs resets the peak resident set (VmHWM) to the current one.
    const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${app.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    try { fs.writeFileSync(`/proc/${app.pid}/clear_refs`, '5'); } catch { /* not Linux: the peak is the process's lifetime peak */ }
    let peakHeap = 0;
    let slowest = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const t0 = performance.now();
        const m = await app.memory(600_000).catch(() => null);
        slowest = Math.max(slowest, performance.now() - t0);
        if (m) peakHeap = Math.max(peakHeap, m.heapUsed);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const t = performance.now();
    const pack = await get(`${app.url}/api/documents/tomorrow-pack`, headers);
    const seconds = (performance.now() - t) / 1000;
    sampling = false;
    await sampler;
    const peakRss = hwm();
    if (pack.status !== 200) throw new Error(`tomorrow-pack: ${pack.status} ${pack.bytes.toString().slice(0, 300)}`);
    const documents = Number(pack.headers['x-documents'] ?? 0);
    const packPages = pages(pack.bytes);
    const name = `tomorrow's pack, ${day.visits} visits (${documents} documents, ${packPages} pages, ${(pack.bytes.length / MB).toFixed(1)} MB PDF)`;
    return [
      { name: `contract PDF (${c.pages} pages, ${c.kb.toFixed(0)} KB) GET /api/documents/:id/pdf, 1 connection`, metric: 'p50 ms', value: c.p50 },
      { name: `contract PDF (${c.pages} pages) GET /api/documents/:id/pdf, 1 connection`, metric: 'p95 ms', value: c.p95 },
      { name: `treatment plan, 30 rows (${p.pages} pages, ${p.kb.toFixed(0)} KB) GET /api/documents/:id/pdf, 1 connection`, metric: 'p50 ms', value: p.p50 },
      { name: `treatment plan, 30 rows (${p.pages} pages) GET /api/documents/:id/pdf, 1 connection`, metric: 'p95 ms', value: p.p95 },
      { name: `${name} GET /api/documents/tomorrow-pack`, metric: 's', value: seconds },
      { name: `${name}: per document`, metric: 'ms', value: documents ? (seconds * 1000) / documents : 0 },
      { name: 'server RSS before the pack', metric: 'MB', value: before / MB },
      { name: 'server RSS peak while rendering the pack', metric: 'MB', value: peakRss / MB },
      { name: 'server V8 heap used, peak of the samples while rendering the pack', metric: 'MB', value: peakHeap / MB },
      { name: 'server busy: slowest answer to a memory sample while rendering the pack', metric: 'ms', value: slowest },
    ];
  } finally {
    for (let i = 0; i < day.added.length; i += 200) await h.db.deleteFrom('appointments').where('id', 'in', day.added.slice(i, i + 200)).execute();
    if (h.dialect === 'postgres') await sql`analyze appointments`.execute(h.db);
  }
}
