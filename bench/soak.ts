/**
 * Soak (issue 4): a bounded mixed desk load against the real server process on the demo clinic
 * for 10 minutes (BENCH_QUICK: 60 s; SOAK_SECONDS overrides), reporting RSS and latency in the
 * first and the last window. A leak or a slowdown that builds up shows as last/first > 1.
 *
 * Standalone: `BENCH_QUICK=1 npx tsx bench/soak.ts` (BENCH_ENGINE=postgres for PostgreSQL).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDays } from '../src/domain/dates.js';
import { Client, clinicToday, daySlots, makeTarget, shuffle, startVizit, type Answer, type Slot } from '../test/support/crash-server.js';
import { loadBenchConfig, type BenchConfig } from './config.js';
import { formatTable, machine, ratioRow, type Row } from './report.js';

const MB = 2 ** 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident set of a process, from /proc (Linux: the machines this runs on). */
function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}

interface Sample {
  t: number;
  ms: number;
  status: number;
  op: string;
}

const SEARCHES = ['Ив', 'Смир', 'Кузн', 'Попо', 'Вас', 'Пет', 'Соко', 'Мих', 'Нов', 'Фёд', 'Мор', 'Вол', 'Лебе', 'Коз', '+7921', '8911', '921', '8 981'];
const NEXT: Record<string, string> = { booked: 'confirmed', confirmed: 'arrived', arrived: 'in_chair', in_chair: 'done' };

/** The desk's day as requests: mostly reads (search, day board, opening a card), some writes. */
class SoakDesk {
  patients: string[] = [];
  appts: { id: string; status: string }[] = [];
  slots: Slot[] = [];
  private nextDate: string;
  private refilling = false;
  private seq = 0;

  constructor(readonly c: Client, readonly today: string) {
    this.nextDate = addDays(today, 40);
  }

  async init() {
    for (let offset = 0; offset < 400; offset += 50) {
      const r = await this.c.call('GET', `/api/patients?limit=50&offset=${offset}`);
      this.patients.push(...(r?.body?.items ?? []).map((p: { id: string }) => p.id));
    }
    await this.refill();
  }

  private async refill() {
    if (this.refilling) return;
    this.refilling = true;
    try {
      while (this.slots.length < 200) {
        this.slots.push(...(await daySlots(this.c, this.nextDate)));
        this.nextDate = addDays(this.nextDate, 1);
      }
      shuffle(this.slots);
    } finally {
      this.refilling = false;
    }
  }

  private pick<T>(xs: T[]): T {
    return xs[Math.floor(Math.random() * xs.length)];
  }

  /** One request of the mix; returns its name and answer. */
  async one(): Promise<[string, Answer]> {
    const x = Math.random() * 100;
    if (x < 30) return ['search', await this.c.call('GET', `/api/patients?q=${encodeURIComponent(this.pick(SEARCHES))}`)];
    if (x < 45) return ['day view', await this.c.call('GET', `/api/schedule/day?date=${addDays(this.today, Math.floor(Math.random() * 7) - 3)}`)];
    if (x < 55) return ['open card', await this.c.call('GET', `/api/patients/${this.pick(this.patients)}`)];
    if (x < 60) return ['card visits', await this.c.call('GET', `/api/patients/${this.pick(this.patients)}/appointments`)];
    if (x < 65) return ['two options', await this.c.call('POST', '/api/schedule/proposals', { kind: this.pick(['primary', 'repeat', 'checkup']), hold: false })];
    if (x < 75) {
      if (this.slots.length < 100) void this.refill();
      const s = this.slots.pop();
      if (!s) return ['search', await this.c.call('GET', '/api/patients?q=Ив')];
      const r = await this.c.call('POST', '/api/appointments', { patientId: this.pick(this.patients), doctorId: s.doctorId, startsAt: s.startsAt, durationMin: 30, kind: 'primary' });
      if (r?.status === 201) this.appts.push({ id: r.body.id, status: r.body.status });
      return ['booking', r];
    }
    if (x < 87 && this.appts.length) {
      const i = Math.floor(Math.random() * this.appts.length);
      const a = this.appts.splice(i, 1)[0];
      const cancel = a.status !== 'in_chair' && Math.random() < 0.15;
      const to = cancel ? 'cancelled' : NEXT[a.status];
      const body = cancel ? { to, cancel: { reason: 'patient_request', callbackDate: addDays(this.today, 7) } } : { to };
      const r = await this.c.call('POST', `/api/appointments/${a.id}/status`, body);
      if (r?.status === 200 && to !== 'done' && to !== 'cancelled') this.appts.push({ id: a.id, status: to });
      return ['status change', r];
    }
    if (x < 95) {
      const phone = `+7981${String(++this.seq + 5_000_000).padStart(7, '0')}`;
      const r = await this.c.call('POST', '/api/patients', { surname: 'Долгов', firstName: 'Семён', note: 'soak', phones: [{ number: phone }] });
      if (r?.status === 201) this.patients.push(r.body.id);
      return ['new patient', r];
    }
    const r = await this.c.call('POST', `/api/patients/${this.pick(this.patients)}/service-card`, { section: 'svc1', text: 'Просит звонить после 18:00', eventDate: this.today });
    return ['service card', r];
  }
}

export function soakSeconds(quick: boolean, env: NodeJS.ProcessEnv = process.env): number {
  return env.SOAK_SECONDS ? Number(env.SOAK_SECONDS) : quick ? 60 : 600;
}

/**
 * The soak rows. `rate` bounds the load (requests per second over `clients` connections): a
 * soak looks for what builds up over time, not for the ceiling, which the other rows measure.
 */
export async function soakRows(
  cfg: Pick<BenchConfig, 'quick' | 'engine' | 'postgresUrl'>,
  opts: { seconds?: number; rate?: number; clients?: number; log?: (s: string) => void } = {},
): Promise<Row[]> {
  const seconds = opts.seconds ?? soakSeconds(cfg.quick);
  const rate = opts.rate ?? 40;
  const clients = opts.clients ?? 8;
  const warmup = cfg.quick ? 5 : 15;
  const window = Math.min(60, seconds / 4);
  const target = await makeTarget(cfg.engine, cfg.postgresUrl);
  const server = await startVizit(target);
  try {
    const desk = new SoakDesk(await Client.signIn(server.base, 'admin'), clinicToday());
    await desk.init();
    const samples: Sample[] = [];
    const rss: { t: number; v: number }[] = [];
    const t0 = performance.now() + warmup * 1000;
    const end = t0 + seconds * 1000;
    const sampler = setInterval(() => rss.push({ t: performance.now() - t0, v: rssOf(server.pid) }), 2000);
    let lastLog = 0;
    const client = async (k: number) => {
      const interval = (1000 * clients) / rate;
      let next = performance.now() + (k * interval) / clients;
      while (performance.now() < end) {
        await sleep(Math.max(0, next - performance.now()));
        next += interval;
        const s = performance.now();
        const [op, r] = await desk.one();
        const t = s - t0;
        if (t >= 0) samples.push({ t, ms: performance.now() - s, status: r?.status ?? 0, op });
        if (opts.log && k === 0 && t - lastLog > 30_000) {
          lastLog = t;
          opts.log(`${(t / 1000).toFixed(0)} s: ${samples.length} requests, RSS ${(rssOf(server.pid) / MB).toFixed(0)} MB`);
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, k) => client(k)));
    clearInterval(sampler);

    const stats = (from: number, to: number) => {
      const inside = samples.filter((s) => s.t >= from && s.t < to);
      const ms = inside.map((s) => s.ms).sort((a, b) => a - b);
      const mem = rss.filter((r) => r.t >= from && r.t < to).map((r) => r.v);
      // Which kind of request the tail belongs to: the slowest op by its own p99.
      const ops = [...new Set(inside.map((s) => s.op))].map((op) => {
        const own = inside.filter((s) => s.op === op).map((s) => s.ms).sort((a, b) => a - b);
        return { op, p99: quantile(own, 0.99) };
      });
      const worst = ops.sort((a, b) => b.p99 - a.p99)[0];
      return { n: ms.length, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), rss: mem.reduce((a, b) => a + b, 0) / mem.length, worst: worst ? `${worst.op} ${worst.p99.toFixed(0)}` : '' };
    };
    const first = stats(0, window * 1000);
    const last = stats((seconds - window) * 1000, seconds * 1000);
    const byStatus: Record<string, number> = {};
    for (const s of samples) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    const bad = samples.filter((s) => !(s.status >= 200 && s.status < 300) && s.status !== 409);
    const badOps = [...new Set(bad.map((s) => `${s.op} ${s.status || 'no answer'}`))].slice(0, 6).join(', ');
    const name = `soak ${seconds} s, ${rate} req/s over ${clients} conns (${cfg.engine})`;
    const w = `${window.toFixed(0)} s`;
    return [
      { name, metric: 'requests', value: samples.length, reference: JSON.stringify(byStatus) },
      { name, metric: 'req/s', value: samples.length / seconds, reference: `bound ${rate} req/s` },
      ratioRow({ name: `${name}: p50, last ${w} vs first ${w}`, metric: 'p50 ms', value: last.p50, reference: `first ${first.p50.toFixed(2)}` }, first.p50, { max: 1.5 }),
      ratioRow({ name: `${name}: p99, last ${w} vs first ${w}`, metric: 'p99 ms', value: last.p99, reference: `first ${first.p99.toFixed(2)}; slowest op p99: first ${first.worst}, last ${last.worst}` }, first.p99, { max: 2 }),
      ratioRow({ name: `${name}: server RSS, last ${w} vs first ${w}`, metric: 'MB', value: last.rss / MB, reference: `first ${(first.rss / MB).toFixed(1)}` }, first.rss / MB, { max: 1.25 }),
      { name, metric: '409 (expected)', value: byStatus['409'] ?? 0 },
      { name, metric: 'other non-2xx', value: bad.length, reference: badOps || undefined, target: '=0', met: bad.length === 0 },
    ];
  } finally {
    await server.stop();
    await target.cleanup();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cfg = loadBenchConfig();
  const log = (s: string) => process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
  const rows = await soakRows(cfg, { log });
  console.log(formatTable(machine(cfg.engine), `Vizit soak${cfg.quick ? ' (BENCH_QUICK)' : ''}`, rows));
  process.exit(rows.some((r) => r.met === false) ? 1 : 0);
}
