import { afterAll, describe, expect, it } from 'vitest';
import { checkAfterCrash } from '../support/crash-check.js';
import { runCrashRounds } from '../support/crash-load.js';
import { makeTarget, type Target } from '../support/crash-server.js';
import { DIALECTS } from '../support/test-db.js';

/**
 * kill -9 of the real server process at random moments while eight desk writers create
 * patients, book, move visits along the day (confirm, arrive with lateness, in the chair, done,
 * cancel with a reason), edit bookings, add service-card entries and waiting-list entries, and
 * open cards (an audited read). After each kill the database itself is checked (crash-check.ts).
 * The full-size run (50 rounds) is bench/crash.ts.
 */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 10);
/**
 * PostgreSQL keeps its own files safe; a kill there proves the app's transactions are whole
 * (nothing half-written between statements), which fewer rounds show. It keeps the file near two minutes.
 */
const rounds = (dialect: string) => (dialect === 'sqlite' ? ROUNDS : Math.max(3, Math.ceil(ROUNDS / 2)));

describe.each(DIALECTS)('a killed server loses no acknowledged write (%s, kill -9, mixed writes)', (dialect) => {
  const targets: Target[] = [];
  afterAll(async () => {
    for (const t of targets) await t.cleanup();
  });

  it(`keeps every acknowledged write with its audit entry and history across ${rounds(dialect)} kills`, async () => {
    const t = await makeTarget(dialect, process.env.TEST_POSTGRES_URL);
    targets.push(t);
    const run = await runCrashRounds(t, { rounds: rounds(dialect), log: process.env.CRASH_VERBOSE ? (s) => console.log(`[${dialect}] ${s}`) : undefined });

    for (const r of run.rounds) {
      const at = `round ${r.round}`;
      expect(r.check.integrity, `${at}: integrity`).toBe(dialect === 'sqlite' ? 'ok' : 'n/a');
      expect(r.check.lost, `${at}: acknowledged but lost`).toEqual([]);
      expect(r.check.orphans, `${at}: orphan rows`).toEqual([]);
      expect(r.check.chainOk, `${at}: the audit chain verifies`).toBe(true);
      expect(r.check.overlaps, `${at}: overlapping bookings`).toBe(0);
      expect(r.serveError, `${at}: the restarted server signs in and reads back`).toBeNull();
      // Only refusals the desk can meet are allowed; a 5xx before the kill is a defect.
      const unexpected = Object.keys(r.statuses).filter((s) => s !== 'none' && !['200', '201', '409'].includes(s));
      expect(unexpected, `${at}: answers ${JSON.stringify(r.statuses)}`).toEqual([]);
    }
    expect(run.finalServeError, 'the server serves after the last kill').toBeNull();

    // The load really was mixed and really was cut mid-flight, or the checks above prove little.
    const l = run.ledger;
    expect(l.patients.size, 'patients created').toBeGreaterThan(run.rounds.length);
    expect(l.appointments.size, 'appointments booked or moved').toBeGreaterThan(run.rounds.length);
    expect(l.transitions.length, 'status changes').toBeGreaterThan(run.rounds.length);
    expect(l.transitions.some((x) => x.endsWith('->cancelled')), 'a cancellation').toBe(true);
    expect(l.cardTexts.size, 'service-card entries').toBeGreaterThan(0);
    expect(run.rounds.filter((r) => r.unanswered > 0).length, 'rounds killed with requests in flight').toBeGreaterThan(run.rounds.length / 2);

    // The checker can fail: take away what three acknowledged writes left behind and it must say so.
    const h = t.open();
    try {
      const change = l.transitions[0];
      const [apptId, fromTo] = change.split(' ');
      const [from, to] = fromTo.split('->');
      await h.db.deleteFrom('appointment_history').where('appointment_id', '=', apptId).where('from_status', '=', from).where('to_status', '=', to).execute();
      const [patientId, phone] = [...l.patients][0];
      await h.db.deleteFrom('patient_phones').where('patient_id', '=', patientId).execute();
      const booked = [...l.appointments.keys()].find((id) => id > run.baseline.appointments)!;
      await h.db.deleteFrom('appointment_history').where('appointment_id', '=', booked).where('action', '=', 'book').execute();
      const again = await checkAfterCrash(h, l, run.baseline);
      expect(again.lost).toEqual(expect.arrayContaining([`status change ${change} missing from the history`, `phone ${phone} of patient ${patientId}`]));
      expect(again.orphans.map((o) => o.what)).toContain('new appointments without the creation row of their history');
    } finally {
      await h.close();
    }
  }, 300_000);
});
