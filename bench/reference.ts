import type { CompiledQuery, KyselyPlugin, QueryId, RootOperationNode } from 'kysely';
import { withTx, type DbHandle } from '../src/db/connect.js';
import { newId } from '../src/db/ids.js';
import * as appts from '../src/db/repos/appointments.repo.js';
import { appendAudit } from '../src/db/repos/audit.repo.js';
import { calendarRange, clinicTimeAndSettings } from '../src/db/repos/clinic.repo.js';
import { exceptionsInRange, listDoctors } from '../src/db/repos/doctors.repo.js';
import { addLiveEvent } from '../src/db/repos/live.repo.js';
import { getPatientRow, patientPdState } from '../src/db/repos/patients.repo.js';
import { lockSchedule } from '../src/db/repos/schedule-locks.repo.js';
import { addDays } from '../src/domain/dates.js';
import { withinWork, workIntervals } from '../src/domain/schedule/availability.js';
import { initialStatus } from '../src/domain/schedule/status.js';
import { localDateOf, MINUTE } from '../src/domain/schedule/time.js';
import { auditEntry, type Actor, type Deps } from '../src/services/context.js';
import { searchPatients } from '../src/services/patients.service.js';
import { propose } from '../src/services/proposals.service.js';
import { dayView } from '../src/services/schedule-view.service.js';
import type { Req } from './load.js';
import { ADMIN_LOGIN, type Dataset } from './seed.js';

/**
 * The physical-limit reference of each hot path: the database work of the route alone, in this
 * process, on the bench's own handle (the same engine, file or database, pragmas and pool size as
 * the app's), without HTTP, validation, service logic or serialisation.
 *
 * Reads (patient search, two options, day view): the service is run once per request of the
 * row's list with a plugin that records every query it issues; the reference then replays those
 * compiled statements (the repos' exact SQL and parameters) through the driver, with the same
 * parallel groups (a Promise.all in the service stays parallel).
 * Booking: writes cannot be replayed, so it is book()'s repo calls for the same request body,
 * one by one (see rawBooking), inside the app's own transaction helper (withTx).
 */

const DAY = 86_400_000;

/** Statements of one request, grouped as they were in flight together. */
type Replay = CompiledQuery[][];

function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}

/** Records the queries a piece of code issues on a handle, grouped by overlap in time. */
function recorder(h: DbHandle) {
  let groups: { node: RootOperationNode; queryId: QueryId }[][] = [];
  let inflight = 0;
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      // (A straggler of a request that failed half-way may still finish later: never below zero.)
      if (inflight <= 0 || !groups.length) {
        inflight = 0;
        groups.push([]);
      }
      inflight++;
      groups[groups.length - 1].push({ node, queryId });
      return node;
    },
    async transformResult({ result }) {
      inflight--;
      return result;
    },
  };
  const recording: DbHandle = { ...h, db: h.db.withPlugin(plugin) };
  return {
    h: recording,
    async take<T>(fn: () => Promise<T>): Promise<Replay> {
      groups = [];
      inflight = 0;
      // A request the app would refuse (400) still ran its reads: replay those.
      await fn().catch(() => undefined);
      return groups.map((g) => g.map((q) => h.db.getExecutor().compileQuery(q.node, q.queryId)));
    },
  };
}

async function replay(h: DbHandle, r: Replay): Promise<void> {
  for (const group of r) await Promise.all(group.map((q) => h.db.executeQuery(q)));
}

export interface Raw1 {
  p50: number;
  /** Statements per request (mean). */
  statements: number;
}

/** p50 of `op` over `inputs` cycled for `seconds` by one caller, after a short warm-up. */
async function oneCaller<T>(inputs: T[], op: (x: T) => Promise<void>, seconds: number, max = Infinity): Promise<number[]> {
  const warmUntil = performance.now() + Math.min(500, seconds * 300);
  let i = 0;
  while (performance.now() < warmUntil && i < max / 10) await op(inputs[i++ % inputs.length]);
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until && times.length < max) {
    const t = performance.now();
    await op(inputs[i++ % inputs.length]);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

export interface ReadLists {
  search: Req[];
  proposals: Req[];
  day: Req[];
}

export interface RawReads {
  search: Raw1;
  proposals: Raw1;
  day: Raw1;
}

/** The bench administrator as the services see it (the app's requests are signed in as this user). */
export async function benchActor(h: DbHandle, ds: Dataset): Promise<Actor> {
  const u = await h.db.selectFrom('users').select('id').where('clinic_id', '=', ds.clinicId).where('login', '=', ADMIN_LOGIN).executeTakeFirstOrThrow();
  return { clinicId: ds.clinicId, userId: u.id, login: ADMIN_LOGIN, role: 'administrator', ip: null };
}

/** The three reads' references at one caller, from the same request lists the HTTP rows use. */
export async function rawReads(h: DbHandle, actor: Actor, now: string, lists: ReadLists, seconds: number): Promise<RawReads> {
  const rec = recorder(h);
  const deps: Deps = { h: rec.h, clock: () => new Date(now) };
  const capture = async (list: Req[], run: (r: Req) => Promise<unknown>) => {
    const out: Replay[] = [];
    for (const r of list) out.push(await rec.take(() => run(r)));
    return out;
  };
  const query = (r: Req) => new URL(r.path, 'http://x').searchParams;
  const plans = {
    search: await capture(lists.search, (r) => searchPatients(deps, actor, { q: query(r).get('q') ?? '' })),
    proposals: await capture(lists.proposals, (r) => propose(deps, actor, JSON.parse(r.body ?? '{}'))),
    day: await capture(lists.day, (r) => dayView(deps, actor, query(r).get('date') ?? '')),
  };
  const measure = async (list: Replay[]): Promise<Raw1> => ({
    p50: percentile(await oneCaller(list, (r) => replay(h, r), seconds), 0.5),
    statements: list.reduce((n, r) => n + r.flat().length, 0) / list.length,
  });
  return { search: await measure(plans.search), proposals: await measure(plans.proposals), day: await measure(plans.day) };
}

/** What a bench booking request carries (scenarios.ts bookingSource), resolved to its row values up front. */
interface Booking {
  id: string;
  patientId: string;
  doctorId: string;
  branchId: string;
  chairId: string | null;
  start: number;
  end: number;
  date: string;
  kind: string;
  status: string;
}

/** The request body as the HTTP row would send it, placed as book()'s place() would place it (doctor's interval: branch, chair). */
export function bookingInput(ds: Dataset, now: string, body: string): Booking {
  const b = JSON.parse(body) as { patientId: string; doctorId: string; startsAt: string; durationMin: number; kind: string };
  const start = Date.parse(b.startsAt);
  const end = start + b.durationMin * MINUTE;
  const date = localDateOf(start, ds.tz);
  const doctor = ds.doctors.find((d) => d.id === b.doctorId)!;
  const w = withinWork(workIntervals(date, doctor.shifts, [], ds.calendar, ds.tz), start, end);
  if (!w) throw new Error(`bench slot outside the doctor's hours: ${body}`);
  const today = localDateOf(Date.parse(now), ds.tz);
  const status = initialStatus(today, date, addDays(today, 1), false);
  return { id: newId(), patientId: b.patientId, doctorId: b.doctorId, branchId: w.branchId, chairId: w.chairId, start, end, date, kind: b.kind, status };
}

/**
 * book() in src/services/booking.service.ts on the path the bench's requests take (no chair,
 * branch, hold, waiting list or walk-in given): its repo calls, in its order, with its values.
 * Keep in step with the service: the breakdown prints the app's statements per booking, the
 * table this reference's.
 */
async function rawBooking(h: DbHandle, actor: Actor, now: Date, b: Booking): Promise<void> {
  const db = h.db;
  const at = now.toISOString();
  // contextAround → loadContext, narrowed to the doctor.
  await Promise.all([
    clinicTimeAndSettings(db, actor.clinicId),
    listDoctors(db, actor.clinicId, b.doctorId),
    exceptionsInRange(db, actor.clinicId, localDateOf(b.start - DAY, 'UTC'), localDateOf(b.start + DAY, 'UTC')),
    calendarRange(db, actor.clinicId, localDateOf(b.start - DAY, 'UTC'), localDateOf(b.start + DAY, 'UTC')),
  ]);
  await getPatientRow(db, actor.clinicId, b.patientId);
  await withTx(h, async (trx) => {
    await lockSchedule(trx, h.dialect, { doctorIds: [b.doctorId], chairIds: [b.chairId] });
    const range = { clinicId: actor.clinicId, doctorId: b.doctorId, chairId: b.chairId, start: new Date(b.start).toISOString(), end: new Date(b.end).toISOString() };
    if (await appts.findConflict(trx, range)) throw new Error('raw booking: slot taken');
    if (await appts.findHoldConflict(trx, { ...range, now: at })) throw new Error('raw booking: slot held');
    await patientPdState(trx, actor.clinicId, b.patientId);
    await appts.insertAppointment(trx, {
      id: b.id, clinic_id: actor.clinicId, branch_id: b.branchId, doctor_id: b.doctorId, chair_id: b.chairId, patient_id: b.patientId,
      starts_at: range.start, ends_at: range.end, local_date: b.date, kind: b.kind, status: b.status, squeeze_in: 0, needs_call: 0,
      comment: null, services: null, walk_in: 0, arrived_at: null, created_at: at, created_by: actor.userId, updated_at: at, status_changed_at: at,
    });
    await appts.addHistory(trx, { id: newId(), clinicId: actor.clinicId, appointmentId: b.id, at, userId: actor.userId, action: 'book', to: b.status, details: { squeezeIn: false, walkIn: false } });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'appointment', objectId: b.id, patientId: b.patientId, details: { status: b.status } }));
    await addLiveEvent(trx, { clinicId: actor.clinicId, at, kind: 'appointment', payload: { id: b.id, date: b.date, doctorId: b.doctorId, status: b.status } });
  });
  await appts.getAppointment(db, actor.clinicId, b.id);
}

/** Raw bookings by one caller: p50 and statements per booking. */
export async function rawBookingOne(h: DbHandle, actor: Actor, now: string, next: () => Booking, seconds: number, max: number): Promise<Raw1> {
  const rec = recorder(h);
  const sample = await rec.take(() => rawBooking(rec.h, actor, new Date(now), next()));
  const times = await oneCaller([0], () => rawBooking(h, actor, new Date(now), next()), seconds, max);
  return { p50: percentile(times, 0.5), statements: sample.flat().length };
}

/**
 * Raw bookings by `callers` concurrent callers until the time or the bookings run out: on
 * SQLite they queue on the one connection (withTx's group commit, as in the app); on
 * PostgreSQL they share a pool of the app's size.
 */
export async function rawBookingConcurrent(h: DbHandle, actor: Actor, now: string, next: () => Booking | undefined, callers: number, seconds: number): Promise<{ perSec: number; n: number }> {
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  const counts = await Promise.all(
    Array.from({ length: callers }, async () => {
      let n = 0;
      for (let b = next(); b && performance.now() < until; b = next()) {
        await rawBooking(h, actor, new Date(now), b);
        n++;
      }
      return n;
    }),
  );
  const n = counts.reduce((a, b) => a + b, 0);
  return { perSec: n / ((performance.now() - t0) / 1000), n };
}
