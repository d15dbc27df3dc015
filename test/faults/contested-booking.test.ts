import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DbHandle } from '../../src/db/connect.js';
import { attack, contestedDates, OWNER_PASSWORD, planAttempts, setupClinic, signInOwner, slotCount, slotsOn, verify, type Attempt, type Clinic, type ContestedSize, type Outcome } from '../../bench/contested.js';
import { Rng } from '../../src/demo/demo-random.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { DIALECTS } from '../support/test-db.js';

/**
 * The contested booking at a size CI affords: 40 clients, 1,200 attempts at 60 slots
 * (3 chairs × 2 days × 10 half-hours), against real server processes on one database. The full
 * size (100 clients, 10,000 attempts, 500 slots) is `npx tsx bench/contested.ts`.
 */
const SIZE: ContestedSize = { clients: 40, attempts: 1_200, chairs: 3, dates: 2, slotsPerRun: 10, patients: 12 };
const SLOTS = slotCount(SIZE);

type Sessions = Awaited<ReturnType<typeof signInOwner>>[][];

/** Starts `n` processes one after another (the first migrates and bootstraps) and signs in once on each. */
async function startProcesses(n: number, server: { dataDir: string; databaseUrl?: string }) {
  const servers: ServerProcess[] = [];
  for (let i = 0; i < n; i++) servers.push(await startServerProcess({ ...server, ownerPassword: OWNER_PASSWORD }));
  // One sign-in per process; the session lives in the database, so it would work on any of them.
  const sessions: Sessions = await Promise.all(servers.map(async (s) => [await signInOwner(s.url)]));
  return { servers, sessions };
}

/** Starts `n` processes, races, and checks the database. */
async function raceOn(n: number, server: { dataDir: string; databaseUrl?: string }, open: () => DbHandle, seed: number) {
  const h = open();
  let servers: ServerProcess[] = [];
  try {
    const started = await startProcesses(n, server);
    servers = started.servers;
    return await race(servers.map((s) => s.url), started.sessions, h, seed);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await h.close();
  }
}

/** The 1,200-attempt race on running processes: a clinic of its own, then the database checked (`earlier`: other races on it). */
async function race(bases: string[], sessions: Sessions, h: DbHandle, seed: number, earlier: Outcome[] = []) {
  const clinic = await setupClinic(bases[0], sessions[0][0], SIZE, new Date());
  const attempts = planAttempts(clinic, SIZE, new Rng(seed));
  const outcome = await attack(bases, sessions, attempts, SIZE.clients);
  const verdict = await verify(h, clinic, outcome, earlier);

  expect(outcome.others, `${outcome.otherCount} answers other than 201 or 409 problem+json slot_taken`).toEqual([]);
  expect(outcome.created.length + outcome.rejected).toBe(SIZE.attempts);
  expect(verdict.overlaps, 'overlapping time-holding appointments (SQL self-join)').toEqual({ doctor: 0, chair: 0 });
  expect(verdict.lost, '201 but not in the database').toEqual([]);
  expect(verdict.phantom, 'in the database but never acknowledged').toEqual([]);
  expect(verdict.unaudited, 'appointments without their audit entry').toEqual([]);
  expect(outcome.created.length).toBeLessThanOrEqual(SLOTS);
  // 20 attempts per slot: a slot left empty means a booking was refused that should not have been.
  expect(verdict.coveredSlots).toBeGreaterThanOrEqual(Math.ceil(SLOTS * 0.9));
  expect(outcome.created.length).toBeGreaterThanOrEqual(SLOTS / 2);
  // Both rules must have had the last word at least once, else the race did not test them.
  expect(outcome.rejectedBy.doctor).toBeGreaterThan(0);
  expect(outcome.rejectedBy.chair + outcome.rejectedBy.constraint).toBeGreaterThan(0);
  return outcome;
}

/**
 * Full contention (issue 8): every attempt of a burst of `clients` parallel bookings aims at the
 * very same half-hour. "same chair": the two doctors of one chair alternate, so the chair rule
 * decides (on PostgreSQL both exclusion constraints are in play); "same doctor": one doctor, so
 * the doctor rule decides. Exactly one booking per slot must win; every other answer is a 409.
 * They run on the processes and clinic of the PostgreSQL race above, on a day of their own (the
 * third contested date) in its first two chairs; the one-process cases talk to the first process only.
 */
const FULL: ContestedSize = { ...SIZE, attempts: 0, chairs: 2, dates: 1, slotsPerRun: 6 };
type Contention = 'same chair, two doctors' | 'same doctor';
const CASES: [Contention, number][] = [['same chair, two doctors', 1], ['same doctor', 1], ['same chair, two doctors', 2], ['same doctor', 2]];

/** `clients` attempts at each slot of the case's chair: the first half of the day for one process, the second for two. */
function burst(clinic: Clinic, contention: Contention, processes: number): Attempt[] {
  // Chair 0 (doctors 0 and 1) for the chair case, doctor 2 in chair 1 for the doctor case.
  const chair = contention === 'same doctor' ? 1 : 0;
  const mine = clinic.slots.filter((s) => s.chair === chair);
  const half = mine.length / 2;
  return mine
    .slice(processes === 1 ? 0 : half, processes === 1 ? half : mine.length)
    .flatMap((s) => Array.from({ length: FULL.clients }, (_, i) => ({
      kind: i % 2 ? ('chair-mate' as const) : ('exact' as const),
      doctorId: contention === 'same doctor' ? clinic.doctorIds[2] : clinic.doctorIds[i % 2],
      startsAt: new Date(s.start).toISOString(),
      patientId: clinic.patientIds[i % clinic.patientIds.length],
    })));
}

/**
 * The clinic of the race (its chairs, doctors and patients, read back from the database; a
 * clinic of its own when the race was filtered out), with the full-contention day's slots.
 */
async function fullContentionClinic(base: string, owner: Awaited<ReturnType<typeof signInOwner>>, h: DbHandle): Promise<Clinic> {
  const now = new Date();
  const slots = slotsOn(contestedDates(now, SIZE.dates + 1).slice(-1), FULL);
  const chairs = await h.db.selectFrom('chairs').select('id').orderBy('name').execute();
  if (!chairs.length) return { ...(await setupClinic(base, owner, SIZE, now)), slots };
  const hours = await h.db.selectFrom('doctor_hours').select(['doctor_id', 'chair_id']).where('weekday', '=', 1).execute();
  const chairIds = chairs.map((c) => c.id);
  // setupClinic's doctors 2c and 2c + 1 work in chair c.
  const doctorIds = chairIds.flatMap((c) => hours.filter((x) => x.chair_id === c).map((x) => x.doctor_id).sort());
  const patientIds = (await h.db.selectFrom('patients').select('id').orderBy('id').execute()).map((p) => p.id);
  return { chairIds, doctorIds, patientIds, dates: [], slots };
}

/** A schema of its own on the test PostgreSQL, its URL with the schema as the search path, and its drop. */
async function freshSchema() {
  const base = process.env.TEST_POSTGRES_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = connect({ databaseUrl: base, poolMax: 1 });
  await sql.raw(`create schema ${schema}`).execute(admin.db);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema},public -c timezone=UTC`);
  return {
    url: url.toString(),
    async drop() {
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.db);
      await admin.close();
    },
  };
}

describe.each(DIALECTS)('contested booking over real server processes (%s)', (dialect) => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vizit-contested-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  if (dialect === 'sqlite') {
    it(`one process on a file: ${SIZE.clients} clients, ${SIZE.attempts} attempts at ${SLOTS} slots, no overlap, every answer 201 or 409`, async () => {
      const dataDir = tmp();
      await raceOn(1, { dataDir }, () => connect({ sqlitePath: path.join(dataDir, 'vizit.sqlite') }), 1);
    }, 90_000);

    // Not a supported layout (ARCHITECTURE: one clinic, one machine), but BEGIN IMMEDIATE + busy_timeout must still keep it correct.
    it('two processes on the same SQLite file stay correct', async () => {
      const dataDir = tmp();
      await raceOn(2, { dataDir }, () => connect({ sqlitePath: path.join(dataDir, 'vizit.sqlite') }), 2);
    }, 90_000);
  } else {
    // Two app processes on one database for all the PostgreSQL races: the full-contention cases
    // follow the 1,200-attempt race (server start-up is most of this file's time on a busy machine).
    describe('two app processes on one database', () => {
      let db: Awaited<ReturnType<typeof freshSchema>>;
      let h: DbHandle;
      let servers: ServerProcess[] = [];
      let sessions: Sessions;
      const done: Outcome[] = [];
      let clinic: Clinic | undefined;
      beforeAll(async () => {
        db = await freshSchema();
        h = connect({ databaseUrl: db.url, poolMax: 2 });
        ({ servers, sessions } = await startProcesses(2, { dataDir: tmp(), databaseUrl: db.url }));
      }, 90_000);
      afterAll(async () => {
        await Promise.all(servers.map((s) => s.stop()));
        await h?.close();
        await db?.drop();
      });

      it(`${SIZE.clients} clients split across them, no overlap, every answer 201 or 409`, async () => {
        done.push(await race(servers.map((s) => s.url), sessions, h, 3));
      }, 90_000);

      // Before the advisory locks, racing inserters deadlocked inside the two exclusion constraints: 500s.
      it.each(CASES)(`full contention, %s, %i app process(es): ${FULL.clients} parallel bookings of each slot, one 201 per slot, only 409s besides, no overlap`, async (contention, n) => {
        clinic ??= await fullContentionClinic(servers[0].url, sessions[0][0], h);
        const attempts = burst(clinic, contention, n);
        const outcome = await attack(servers.slice(0, n).map((s) => s.url), sessions.slice(0, n), attempts, FULL.clients);
        const verdict = await verify(h, clinic, outcome, done);
        done.push(outcome);
        const slots = attempts.length / FULL.clients;
        expect(outcome.others, `${outcome.otherCount} answers other than 201 or 409 problem+json slot_taken`).toEqual([]);
        expect(outcome.created.length, 'one booking per slot wins').toBe(slots);
        expect(new Set(outcome.created.map((c) => c.attempt.startsAt)).size).toBe(slots);
        expect(outcome.rejected).toBe(attempts.length - slots);
        expect(verdict.overlaps, 'overlapping time-holding appointments').toEqual({ doctor: 0, chair: 0 });
        expect(verdict.lost, '201 but not in the database').toEqual([]);
        expect(verdict.phantom, 'in the database but never acknowledged').toEqual([]);
        expect(verdict.unaudited, 'appointments without their audit entry').toEqual([]);
      }, 60_000);
    });
  }
});
