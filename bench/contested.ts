/**
 * Contested booking (issue 4): many desk clients race for the same few hundred 30-minute slots
 * over real HTTP, on one or several app server processes sharing one database. Part of the
 * attempts overlap a slot only partly (the same doctor 15 minutes later; the chair-mate doctor in
 * the same chair; the same doctor in another chair), so both the doctor rule and the chair rule
 * decide. Afterwards the database itself is checked: no overlaps, every 201 stored and audited,
 * nothing stored that the client was not told about.
 *
 * Standalone: `BENCH_QUICK=1 npx tsx bench/contested.ts` (BENCH_ENGINE=postgres for PostgreSQL).
 * The test suite runs a smaller size through test/faults/contested-booking.test.ts.
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import type { DbHandle } from '../src/db/connect.js';
import { addDays } from '../src/domain/dates.js';
import { dayKind, shippedCalendar } from '../src/domain/calendar/production-calendar.js';
import { hhmm, localDateOf } from '../src/domain/schedule/time.js';
import { bootstrap } from '../src/services/bootstrap.service.js';
import { loadBenchConfig, type BenchConfig } from './config.js';
import { openBenchDb } from './db.js';
import { overlaps } from './free-slots.js';
import { formatTable, machine, type Row } from './report.js';
import { Rng } from '../src/demo/demo-random.js';
import { startServer, type Server } from './server.js';

const MIN = 60_000;
const SLOT_MIN = 30;
const TZ = 'Europe/Moscow';
export const OWNER_PASSWORD = 'Kreslo-Zapis-Vtornik-26';

export interface ContestedSize {
  clients: number;
  attempts: number;
  /** Two doctors share each chair, so the chair rule has something to decide. */
  chairs: number;
  dates: number;
  /** Contiguous 30-minute slots per chair and date, from 09:00 Moscow; slots = chairs × dates × this. */
  slotsPerRun: number;
  patients: number;
}

/** The figure: 100 clients, 10,000 attempts, 500 slots. */
export const FULL_SIZE: ContestedSize = { clients: 100, attempts: 10_000, chairs: 10, dates: 2, slotsPerRun: 25, patients: 40 };
export const QUICK_SIZE: ContestedSize = { clients: 100, attempts: 2_000, chairs: 4, dates: 1, slotsPerRun: 25, patients: 20 };

export const slotCount = (s: ContestedSize) => s.chairs * s.dates * s.slotsPerRun;

export interface Slot {
  chair: number;
  date: string;
  /** Epoch ms of the start. */
  start: number;
}

export interface Clinic {
  chairIds: string[];
  /** doctorIds[2c] and doctorIds[2c + 1] work in chair c. */
  doctorIds: string[];
  patientIds: string[];
  dates: string[];
  slots: Slot[];
}

export type AttemptKind = 'exact' | 'shifted' | 'chair-mate' | 'other-chair';

export interface Attempt {
  kind: AttemptKind;
  doctorId: string;
  /** Only for "other-chair": books the doctor explicitly into another pair's chair. */
  chairId?: string;
  startsAt: string;
  patientId: string;
}

export type Headers = Record<string, string>;

async function call(base: string, headers: Headers, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Signs in the way the web app does; the session lives in the database, so any app server accepts it. */
export async function signInOwner(base: string, password = OWNER_PASSWORD): Promise<Headers> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'owner', password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('vizit_session='));
  if (!cookie) throw new Error('sign-in gave no vizit_session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: cookie.split(';')[0], 'x-csrf-token': csrfToken };
}

/** The first `n` dates from the day after tomorrow on which the shipped calendar lets doctors work their weekly shifts. */
export function contestedDates(now: Date, n: number): string[] {
  const out: string[] = [];
  for (let d = addDays(localDateOf(now.getTime(), TZ), 2); out.length < n; d = addDays(d, 1)) {
    const kind = dayKind(d, shippedCalendar(Number(d.slice(0, 4))));
    if (kind !== 'holiday' && kind !== 'day_off') out.push(d);
  }
  return out;
}

/**
 * A small clinic built through the API as the owner of a freshly bootstrapped database: one
 * branch, `chairs` chairs, two doctors per chair working every day exactly over the contested
 * window, a few patients. Cheap on purpose: the race needs no big data set.
 */
export async function setupClinic(base: string, owner: Headers, size: ContestedSize, now: Date): Promise<Clinic> {
  const branch = await call(base, owner, 'POST', '/api/branches', { name: 'Центр', address: 'Москва, ул. Тверская, 1' });
  const chairIds: string[] = [];
  const doctorIds: string[] = [];
  const ends = hhmm(9 * 60 + size.slotsPerRun * SLOT_MIN);
  for (let c = 0; c < size.chairs; c++) {
    chairIds.push((await call(base, owner, 'POST', '/api/chairs', { branchId: branch.id, name: `Кресло ${c + 1}` })).id);
    for (const [surname, firstName] of [['Орлова', 'Мария'], ['Белов', 'Игорь']]) {
      const d = await call(base, owner, 'POST', '/api/doctors', { surname: `${surname}-${c + 1}`, firstName, position: 'Врач-стоматолог', specialties: ['therapist'] });
      const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, branchId: branch.id, chairId: chairIds[c], starts: '09:00', ends }));
      await call(base, owner, 'PUT', `/api/doctors/${d.id}/hours`, { hours });
      doctorIds.push(d.id);
    }
  }
  const patientIds: string[] = [];
  for (let p = 0; p < size.patients; p++) {
    const body = { surname: `Спорный-${p + 1}`, firstName: 'Пётр', phones: [{ number: `+7921${String(5_000_000 + p).padStart(7, '0')}` }] };
    patientIds.push((await call(base, owner, 'POST', '/api/patients', body)).id);
  }
  const dates = contestedDates(now, size.dates);
  return { chairIds, doctorIds, patientIds, dates, slots: slotsOn(dates, size) };
}

/** Every chair's contested half-hours on the dates. */
export function slotsOn(dates: string[], size: ContestedSize): Slot[] {
  const slots: Slot[] = [];
  for (const date of dates) {
    // Moscow has no daylight saving: 09:00 there is 06:00 UTC all year.
    const first = Date.parse(`${date}T09:00:00+03:00`);
    for (let c = 0; c < size.chairs; c++) {
      for (let j = 0; j < size.slotsPerRun; j++) slots.push({ chair: c, date, start: first + j * SLOT_MIN * MIN });
    }
  }
  return slots;
}

/**
 * Random attempts at random contested slots. Every attempt stays inside its chair's window, so
 * whatever wins, at most one booking fits each slot of each chair: the 201s can never exceed
 * the slot count unless a rule failed.
 */
export function planAttempts(clinic: Clinic, size: ContestedSize, rng: Rng): Attempt[] {
  const runStart = (s: Slot) => Date.parse(`${s.date}T09:00:00+03:00`);
  const runEnd = (s: Slot) => runStart(s) + size.slotsPerRun * SLOT_MIN * MIN;
  return Array.from({ length: size.attempts }, () => {
    const slot = rng.pick(clinic.slots);
    const mine = 2 * slot.chair + rng.int(0, 1);
    const mate = mine ^ 1;
    const kind = rng.weighted<AttemptKind>([['exact', 5], ['shifted', 2], ['chair-mate', 2], ['other-chair', 1]]);
    // Half a slot later, or earlier at the end of the window: overlaps two slots partly.
    const shifted = slot.start + 15 * MIN + SLOT_MIN * MIN <= runEnd(slot) ? slot.start + 15 * MIN : slot.start - 15 * MIN;
    const base = { kind, patientId: rng.pick(clinic.patientIds) };
    const iso = (t: number) => new Date(t).toISOString();
    if (kind === 'exact') return { ...base, doctorId: clinic.doctorIds[mine], startsAt: iso(slot.start) };
    if (kind === 'shifted') return { ...base, doctorId: clinic.doctorIds[mine], startsAt: iso(shifted) };
    if (kind === 'chair-mate') return { ...base, doctorId: clinic.doctorIds[mate], startsAt: iso(shifted) };
    const other = (slot.chair + 1 + rng.int(0, size.chairs - 2)) % size.chairs;
    return { ...base, doctorId: clinic.doctorIds[mine], chairId: clinic.chairIds[other], startsAt: iso(slot.start) };
  });
}

export interface Outcome {
  seconds: number;
  created: { id: string; attempt: Attempt }[];
  rejected: number;
  /** Which rule said no, from the 409's conflict: the same doctor, another doctor (the chair), or PostgreSQL's exclusion constraint (no conflict row). */
  rejectedBy: { doctor: number; chair: number; constraint: number };
  /** Anything but 201, or a 409 that is not problem+json "slot_taken": the first few, described. */
  others: string[];
  otherCount: number;
  latenciesMs: number[];
}

/** One POST over a keep-alive agent: status, content type and body, or a thrown error if nobody answered. */
function post(agent: http.Agent, base: URL, path: string, headers: Headers, body: string): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, path, method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * `clients` concurrent clients take the attempts off one shared list; client i talks to server
 * i mod servers with one of that server's sessions. Node's http agent with a socket per client,
 * not fetch: undici's pool opened only ~70 connections for 100 clients here and left a few
 * requests queued for the whole run, a multi-second p99 that was the client's, not the server's.
 */
export async function attack(bases: string[], sessions: Headers[][], attempts: Attempt[], clients: number): Promise<Outcome> {
  const out: Outcome = { seconds: 0, created: [], rejected: 0, rejectedBy: { doctor: 0, chair: 0, constraint: 0 }, others: [], otherCount: 0, latenciesMs: [] };
  const other = (s: string) => {
    out.otherCount++;
    if (out.others.length < 20) out.others.push(s);
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  let next = 0;
  const client = async (i: number) => {
    const base = new URL(bases[i % bases.length]);
    const pool = sessions[i % bases.length];
    const headers = pool[Math.floor(i / bases.length) % pool.length];
    while (next < attempts.length) {
      const a = attempts[next++];
      const body = JSON.stringify({ patientId: a.patientId, doctorId: a.doctorId, startsAt: a.startsAt, durationMin: SLOT_MIN, kind: 'repeat', ...(a.chairId && { chairId: a.chairId }) });
      const t = performance.now();
      try {
        const res = await post(agent, base, '/api/appointments', headers, body);
        out.latenciesMs.push(performance.now() - t);
        const problem = res.type.startsWith('application/problem+json') ? (JSON.parse(res.text) as { code?: string; conflict?: { doctorId: string } }) : undefined;
        if (res.status === 201) {
          out.created.push({ id: JSON.parse(res.text).id, attempt: a });
        } else if (res.status === 409 && problem?.code === 'slot_taken') {
          out.rejected++;
          if (!problem.conflict) out.rejectedBy.constraint++;
          else if (problem.conflict.doctorId === a.doctorId) out.rejectedBy.doctor++;
          else out.rejectedBy.chair++;
        } else {
          other(`${res.status} ${res.type} ${a.kind} ${a.startsAt}: ${res.text.slice(0, 300)}`);
        }
      } catch (err) {
        out.latenciesMs.push(performance.now() - t);
        other(`no answer (${a.kind} ${a.startsAt}): ${(err as Error).message}`);
      }
    }
  };
  const t0 = performance.now();
  try {
    await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  } finally {
    agent.destroy();
  }
  out.seconds = (performance.now() - t0) / 1000;
  return out;
}

export interface Verdict {
  overlaps: { doctor: number; chair: number };
  /** 201 ids the database does not hold. */
  lost: string[];
  /** Stored appointments no client got a 201 for. */
  phantom: string[];
  /** Stored appointments without their "create" audit entry. */
  unaudited: string[];
  /** Contested slots (chair × time) that some stored appointment in that chair overlaps. */
  coveredSlots: number;
}

/** Reads the truth back from the database the servers wrote; `earlier` are other runs on the same database (a warm-up). */
export async function verify(h: DbHandle, clinic: Clinic, outcome: Outcome, earlier: Outcome[] = []): Promise<Verdict> {
  const rows = await h.db.selectFrom('appointments').select(['id', 'chair_id', 'starts_at', 'ends_at']).execute();
  const audited = new Set(
    (await h.db.selectFrom('audit_log').select('object_id').where('object_type', '=', 'appointment').where('action', '=', 'create').execute()).map((r) => r.object_id),
  );
  const stored = new Set(rows.map((r) => r.id));
  const acked = new Set([outcome, ...earlier].flatMap((o) => o.created.map((c) => c.id)));
  const coveredSlots = clinic.slots.filter((s) => {
    const end = s.start + SLOT_MIN * MIN;
    return rows.some((r) => r.chair_id === clinic.chairIds[s.chair] && Date.parse(r.starts_at) < end && s.start < Date.parse(r.ends_at));
  }).length;
  return {
    overlaps: await overlaps(h),
    lost: [...acked].filter((id) => !stored.has(id)),
    phantom: [...stored].filter((id) => !acked.has(id)),
    unaudited: [...stored].filter((id) => !audited.has(id)),
    coveredSlots,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The bench rows of one run. */
export function contestedTable(size: ContestedSize, engine: string, processes: number, o: Outcome, v: Verdict): Row[] {
  const name = `contested booking: ${size.clients} clients, ${size.attempts.toLocaleString('en-US')} attempts, ${slotCount(size)} slots, ${processes} app process${processes > 1 ? 'es' : ''} (${engine})`;
  const lat = [...o.latenciesMs].sort((a, b) => a - b);
  const bad = v.lost.length + v.phantom.length + v.unaudited.length;
  return [
    { name, metric: 'attempts/s', value: size.attempts / o.seconds },
    { name, metric: '201', value: o.created.length, reference: `${v.coveredSlots}/${slotCount(size)} slots covered`, target: `≤${slotCount(size)}`, met: o.created.length <= slotCount(size) },
    { name, metric: '409', value: o.rejected, reference: `doctor ${o.rejectedBy.doctor}, chair ${o.rejectedBy.chair}, constraint ${o.rejectedBy.constraint}` },
    { name, metric: 'other', value: o.otherCount, target: '=0', met: o.otherCount === 0 },
    { name, metric: 'p50 ms', value: percentile(lat, 50) },
    { name, metric: 'p99 ms', value: percentile(lat, 99) },
    { name, metric: 'overlaps doctor', value: v.overlaps.doctor, target: '=0', met: v.overlaps.doctor === 0 },
    { name, metric: 'overlaps chair', value: v.overlaps.chair, target: '=0', met: v.overlaps.chair === 0 },
    { name, metric: 'lost/phantom/unaudited', value: bad, reference: `${v.lost.length}/${v.phantom.length}/${v.unaudited.length}`, target: '=0', met: bad === 0 },
  ];
}

/**
 * The full-size run on the configured engine: SQLite with one app process, PostgreSQL with two
 * (the network case). A fresh database, bootstrapped like a first start, a small clinic, the race.
 */
export async function contestedRows(cfg: BenchConfig = loadBenchConfig(), opts: { size?: ContestedSize; processes?: number; log?: (s: string) => void } = {}): Promise<Row[]> {
  const size = opts.size ?? (cfg.quick ? QUICK_SIZE : FULL_SIZE);
  const processes = opts.processes ?? (cfg.engine === 'postgres' ? 2 : 1);
  const log = opts.log ?? (() => undefined);
  const now = new Date();
  const bdb = await openBenchDb(cfg);
  const servers: Server[] = [];
  try {
    await bootstrap(bdb.h, { demo: false, ownerPassword: OWNER_PASSWORD, now });
    // One after another: every process of a network starts on an already migrated database.
    for (let i = 0; i < processes; i++) servers.push(await startServer({ mode: 'app', connect: bdb.connectOptions, now: now.toISOString() }));
    const bases = servers.map((s) => s.url);
    const sessions = await Promise.all(bases.map(async (b) => [await signInOwner(b), await signInOwner(b)]));
    log(`contested booking: ${cfg.engine}, ${processes} app process(es), setting up the clinic`);
    const clinic = await setupClinic(bases[0], sessions[0][0], size, now);
    const rng = new Rng(cfg.seed).fork('contested');
    // Fresh processes answer their first hundreds of requests several times slower (JIT, first
    // statements): warm them up on a day of their own, so the rows show a running clinic.
    const warmClinic = { ...clinic, slots: slotsOn(contestedDates(now, size.dates + 1).slice(-1), size) };
    const warm = await attack(bases, sessions, planAttempts(warmClinic, { ...size, attempts: 5 * size.clients }, rng), size.clients);
    log(`contested booking: ${size.attempts} attempts by ${size.clients} clients at ${clinic.slots.length} slots`);
    const outcome = await attack(bases, sessions, planAttempts(clinic, size, rng), size.clients);
    const verdict = await verify(bdb.h, clinic, outcome, [warm]);
    for (const o of [warm, outcome]) if (o.others.length) log(`contested booking, other answers (first ${o.others.length}):\n  ${o.others.join('\n  ')}`);
    // The warm-up's answers must be clean too: fold its failures into the row that has a target.
    outcome.otherCount += warm.otherCount;
    return contestedTable(size, cfg.engine, processes, outcome, verdict);
  } finally {
    for (const s of servers) await s.stop();
    await bdb.cleanup();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cfg = loadBenchConfig();
  const log = (s: string) => process.stderr.write(`[contested ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
  // `--processes=N` tries another number of app processes, e.g. two on one SQLite file.
  const arg = process.argv.find((a) => a.startsWith('--processes='));
  const processes = arg ? Number(arg.slice('--processes='.length)) : undefined;
  const rows = await contestedRows(cfg, { log, processes });
  console.log(formatTable(machine(cfg.engine), `Vizit contested booking${cfg.quick ? ' (BENCH_QUICK)' : ''}`, rows));
  if (rows.some((r) => r.met === false)) process.exitCode = 1;
}
