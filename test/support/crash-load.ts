/**
 * The crash loop: start the server on a demo clinic, let desk writers run a mixed write load,
 * SIGKILL the server at a random moment, then check the database directly (crash-check.ts).
 * Run by test/faults/crash-safety.test.ts (10 rounds) and bench/crash.ts (50 rounds).
 */
import { addDays } from '../../src/domain/dates.js';
import { checkAfterCrash, emptyLedger, takeBaseline, type Baseline, type CrashCheck, type Ledger } from './crash-check.js';
import { Client, clinicToday, daySlots, shuffle, startVizit, type Answer, type Slot, type Target } from './crash-server.js';

/** An appointment whose state the writers know exactly; while a request on it is in flight it is out of the pool. */
interface Appt {
  id: string;
  patientId: string;
  status: string;
  /** Booked for today: arrival then records lateness, which writes a service-card entry too. */
  today: boolean;
}

export interface RoundResult {
  round: number;
  /** Writes acknowledged in this round. */
  acknowledged: number;
  /** Writes sent whose answer the kill swallowed. */
  unanswered: number;
  /** Status code -> count of the answers of this round's load. */
  statuses: Record<string, number>;
  /** Time from spawning the server to its first healthy answer (round 0 includes seeding the demo clinic). */
  restartMs: number;
  /** null when the restarted server signed in and read back an acknowledged patient and appointment. */
  serveError: string | null;
  check: CrashCheck;
}

export interface CrashRun {
  rounds: RoundResult[];
  ledger: Ledger;
  /** The start after the last kill: null when it served. */
  finalServeError: string | null;
  /** The newest ids before the load: what crash-check.ts counts as written by it. */
  baseline: Baseline;
  /** Demo-seeded appointments that have no history or audit entry (the seed writes neither). */
  seededWithoutHistory: number;
}

const WRITERS = 8;
const TERMINAL = new Set(['done', 'cancelled', 'no_show']);

class Desk {
  readonly ledger = emptyLedger();
  readonly patients: string[] = [];
  readonly appts: Appt[] = [];
  slots: Slot[] = [];
  private nextDate: string;
  private seq = 0;

  constructor(readonly today: string) {
    // Beyond the demo's month of future bookings: the rota applies, the days are empty.
    this.nextDate = addDays(today, 40);
  }

  async topUpSlots(c: Client, min: number) {
    while (this.slots.length < min) {
      this.slots.push(...(await daySlots(c, this.nextDate)));
      this.nextDate = addDays(this.nextDate, 1);
    }
    shuffle(this.slots);
  }

  private ack(r: Answer, ok: number): boolean {
    if (r && r.status === ok) this.ledger.acknowledged++;
    return !!r && r.status === ok;
  }

  private expect(id: string) {
    return this.ledger.appointments.get(id)!;
  }

  private takeAppt(): Appt | undefined {
    if (!this.appts.length) return undefined;
    const i = Math.floor(Math.random() * this.appts.length);
    const a = this.appts[i];
    this.appts[i] = this.appts[this.appts.length - 1];
    this.appts.pop();
    return a;
  }

  private patient(): string {
    return this.patients[Math.floor(Math.random() * this.patients.length)];
  }

  async newPatient(c: Client, tag: string): Promise<Answer> {
    const phone = `+7921${String(++this.seq + 3_000_000).padStart(7, '0')}`;
    const r = await c.call('POST', '/api/patients', { surname: 'Крашев', firstName: 'Пётр', patronymic: 'Сергеевич', note: tag, phones: [{ number: phone }] });
    if (this.ack(r, 201)) {
      this.ledger.patients.set(r!.body.id, phone);
      this.patients.push(r!.body.id);
    }
    return r;
  }

  async book(c: Client): Promise<Answer | undefined> {
    const slot = this.slots.pop();
    if (!slot) return undefined;
    const patientId = this.patient();
    const r = await c.call('POST', '/api/appointments', { patientId, doctorId: slot.doctorId, startsAt: slot.startsAt, durationMin: 30, kind: 'primary' });
    if (this.ack(r, 201)) {
      this.ledger.appointments.set(r!.body.id, { statuses: new Set([r!.body.status]), comments: new Set([null]) });
      this.appts.push({ id: r!.body.id, patientId, status: r!.body.status, today: false });
    }
    return r;
  }

  /** One step along the day (SCH-9), now and then a cancellation with its required reason and next contact (CONF-5). */
  async step(c: Client): Promise<Answer | undefined> {
    const a = this.takeAppt();
    if (!a) return undefined;
    const cancel = a.status !== 'in_chair' && Math.random() < 0.18;
    const to = cancel ? 'cancelled' : ({ booked: 'confirmed', confirmed: 'arrived', arrived: 'in_chair', in_chair: 'done' } as Record<string, string>)[a.status];
    const body: Record<string, unknown> = { to };
    if (to === 'arrived' && a.today) body.lateMinutes = 20;
    if (cancel) {
      body.cancel = Math.random() < 0.5 ? { reason: 'patient_request', callbackDate: addDays(this.today, 7) } : { reason: 'complaint', note: 'Недоволен временем ожидания' };
    }
    const r = await c.call('POST', `/api/appointments/${a.id}/status`, body);
    const want = this.expect(a.id);
    if (this.ack(r, 200)) {
      want.statuses = new Set([to]);
      this.ledger.transitions.push(`${a.id} ${a.status}->${to}`);
      a.status = to;
      if (!TERMINAL.has(to)) this.appts.push(a);
    } else if (!r) want.statuses.add(to); // it may have committed; the appointment leaves the pool for good
    return r;
  }

  async edit(c: Client, tag: string): Promise<Answer | undefined> {
    const a = this.takeAppt();
    if (!a) return undefined;
    const r = await c.call('PATCH', `/api/appointments/${a.id}`, { comment: tag });
    const want = this.expect(a.id);
    if (this.ack(r, 200)) {
      want.comments = new Set([tag]);
      this.appts.push(a);
    } else if (!r) want.comments.add(tag);
    return r;
  }

  async cardEntry(c: Client, tag: string): Promise<Answer> {
    const patientId = this.patient();
    const text = `${tag}: просит напоминать о приёме за день`;
    const r = await c.call('POST', `/api/patients/${patientId}/service-card`, { section: 'svc1', text, eventDate: this.today });
    if (this.ack(r, 201)) this.ledger.cardTexts.set(text, patientId);
    return r;
  }

  async waiting(c: Client, tag: string): Promise<Answer> {
    const r = await c.call('POST', '/api/waiting-list', { patientId: this.patient(), kind: 'repeat', dateFrom: addDays(this.today, 1), dateTo: addDays(this.today, 20), note: tag });
    if (this.ack(r, 201)) this.ledger.waiting.add(r!.body.id);
    return r;
  }

  /** Opening a card writes its audited read (152-FZ): a write the client sees acknowledged too. */
  async read(c: Client, id = this.patient()): Promise<Answer> {
    const r = await c.call('GET', `/api/patients/${id}`);
    if (this.ack(r, 200)) this.ledger.reads.set(id, (this.ledger.reads.get(id) ?? 0) + 1);
    return r;
  }

  /** Today's demo visits still to come along the day: their arrival records lateness. */
  async adoptToday(c: Client) {
    const r = await c.call('GET', `/api/schedule/day?date=${this.today}`);
    if (!r || r.status !== 200) throw new Error(`day view: ${r?.status}`);
    for (const col of r.body.columns) {
      for (const a of col.appointments) {
        if (!['booked', 'confirmed', 'arrived', 'in_chair'].includes(a.status)) continue;
        this.ledger.appointments.set(a.id, { statuses: new Set([a.status]), comments: new Set([a.comment]) });
        this.appts.push({ id: a.id, patientId: a.patientId, status: a.status, today: true });
      }
    }
  }
}

type Op = 'newPatient' | 'book' | 'step' | 'edit' | 'cardEntry' | 'waiting' | 'read';
const OPS: [Op, number][] = [
  ['newPatient', 18], ['book', 24], ['step', 26], ['edit', 8], ['cardEntry', 12], ['waiting', 4], ['read', 8],
];
const OPS_TOTAL = OPS.reduce((s, [, w]) => s + w, 0);

function pickOp() {
  let x = Math.random() * OPS_TOTAL;
  for (const [op, w] of OPS) if ((x -= w) < 0) return op;
  return OPS[0][0];
}

async function writer(desk: Desk, c: Client, tagPrefix: string, stopped: () => boolean, tally: Record<string, number>) {
  for (let i = 0; !stopped(); i++) {
    const op = pickOp();
    const tag = `${tagPrefix}-${i}`;
    const r = await (op === 'newPatient' ? desk.newPatient(c, tag) : op === 'book' ? desk.book(c) : op === 'step' ? desk.step(c)
      : op === 'edit' ? desk.edit(c, tag) : op === 'cardEntry' ? desk.cardEntry(c, tag) : op === 'waiting' ? desk.waiting(c, tag) : desk.read(c));
    if (r === undefined) continue; // nothing to do for this op yet
    const key = r ? String(r.status) : 'none';
    tally[key] = (tally[key] ?? 0) + 1;
    if (!r) return;
  }
}

/** After a restart: a fresh sign-in, then an acknowledged patient and appointment read back as acknowledged. */
async function serves(desk: Desk, base: string): Promise<string | null> {
  try {
    const c = await Client.signIn(base, 'admin');
    const pid = [...desk.ledger.patients.keys()].pop() ?? desk.patients[0];
    const p = await desk.read(c, pid);
    if (p?.status !== 200 || p.body.id !== pid) return `patient ${pid}: ${p?.status}`;
    const known = desk.appts[desk.appts.length - 1];
    if (known) {
      const a = await c.call('GET', `/api/appointments/${known.id}`);
      if (a?.status !== 200 || a.body.status !== known.status) return `appointment ${known.id}: ${a?.status} ${a?.body?.status} (expected ${known.status})`;
    }
    return null;
  } catch (e) {
    return String(e);
  }
}

/**
 * Runs `rounds` kill -9 rounds on a target (demo clinic seeded on the first start) and checks the
 * database after each. Never throws on a failed check: the caller asserts or reports.
 */
export async function runCrashRounds(t: Target, opts: { rounds: number; minMs?: number; maxMs?: number; log?: (s: string) => void }): Promise<CrashRun> {
  const desk = new Desk(clinicToday());
  const rounds: RoundResult[] = [];
  let baseline: Baseline | undefined;
  let seededWithoutHistory = 0;
  for (let round = 0; round < opts.rounds; round++) {
    const server = await startVizit(t);
    try {
      const serveError = round === 0 ? null : await serves(desk, server.base);
      const clients = [await Client.signIn(server.base, 'admin'), await Client.signIn(server.base, 'admin2')];
      if (!baseline) {
        const h = t.open();
        try {
          baseline = await takeBaseline(h);
          seededWithoutHistory = Number(
            (await h.db.selectFrom('appointments').select((eb) => eb.fn.countAll<number>().as('n'))
              .where((eb) => eb.not(eb.exists(eb.selectFrom('appointment_history').select('id').whereRef('appointment_history.appointment_id', '=', 'appointments.id'))))
              .executeTakeFirstOrThrow()).n,
          );
          const demo = await h.db.selectFrom('patients').select('id').orderBy('card_number').limit(300).execute();
          desk.patients.push(...demo.map((r) => r.id));
        } finally {
          await h.close();
        }
        await desk.adoptToday(clients[0]);
      }
      await desk.topUpSlots(clients[0], 250);
      const before = desk.ledger.acknowledged;
      const tally: Record<string, number> = {};
      let stopped = false;
      const writers = Array.from({ length: WRITERS }, (_, w) => writer(desk, clients[w % 2], `crash-${round}-${w}`, () => stopped, tally));
      const minMs = opts.minMs ?? 400;
      await new Promise((r) => setTimeout(r, minMs + Math.random() * ((opts.maxMs ?? 2000) - minMs)));
      stopped = true;
      await server.kill();
      await Promise.all(writers);
      const h = t.open();
      let check: CrashCheck;
      try {
        check = await checkAfterCrash(h, desk.ledger, baseline);
      } finally {
        await h.close();
      }
      const r: RoundResult = { round, acknowledged: desk.ledger.acknowledged - before, unanswered: tally.none ?? 0, statuses: tally, restartMs: server.readyMs, serveError, check };
      rounds.push(r);
      opts.log?.(`round ${round}: ${r.acknowledged} acknowledged, ${r.unanswered} unanswered, ${JSON.stringify(tally)}, ready in ${r.restartMs.toFixed(0)} ms, ` +
        `integrity ${check.integrity}, lost ${check.lost.length}, orphans ${check.orphans.reduce((n, o) => n + o.n, 0)}, chain ${check.chainOk ? 'ok' : 'BROKEN'}, overlaps ${check.overlaps}`);
    } finally {
      // Never leave a server behind when a round throws (it is already dead after a normal round).
      await server.kill();
    }
  }
  const last = await startVizit(t);
  let finalServeError: string | null;
  try {
    finalServeError = await serves(desk, last.base);
  } finally {
    await last.stop();
  }
  return { rounds, ledger: desk.ledger, finalServeError, baseline: baseline!, seededWithoutHistory };
}
