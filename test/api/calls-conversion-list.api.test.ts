import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { seedSecondClinic } from '../support/second-clinic.js';
import { DIALECTS } from '../support/test-db.js';

// Issue #14: every figure of the conversion report opens its list, and the list is exactly that many calls.
// The test clock stands at 2026-11-23 09:00 UTC; the calls are in October, whatever the time of day.
type Row = { key: string; calls: number; booked: number; neverCame: number };
type Item = { id: string; patientId: string | null; patientName: string | null; userName: string | null; outcome: string; visit: { status: string } | null };
const GROUPS = { admin: 'byAdmin', source: 'bySource', branch: 'byBranch', week: 'byWeek', month: 'byMonth' } as const;
const MEASURES = ['calls', 'booked', 'neverCame'] as const;
const P = 'from=2026-10-01&to=2026-10-31';

describe.each(DIALECTS)('the calls behind each conversion figure, issue #14 (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let chief: ReturnType<typeof as>;
  let infoCall = '';
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    const db = t.h.db;
    const admins = [t.fx.users.administrator.id, t.fx.users.owner.id];
    let slot = 0;
    const visit = async (patientId: string, status: string, at?: string) => {
      const id = newId();
      const day = at ?? `2026-10-${String(15 + (slot % 14)).padStart(2, '0')}`;
      const hh = String(9 + Math.floor(slot / 14)).padStart(2, '0');
      slot++;
      await db.insertInto('appointments').values({
        id, clinic_id: t.fx.clinicId, branch_id: t.fx.branchId, doctor_id: f.belov, chair_id: null, patient_id: patientId, starts_at: msk(day, `${hh}:00`), ends_at: msk(day, `${hh}:30`),
        local_date: day, kind: 'primary', status, squeeze_in: 0, needs_call: 0, comment: null, created_at: msk(day, '08:00'), created_by: null, updated_at: msk(day, '08:00'),
        status_changed_at: msk(day, '08:00'), services: null, call_id: null, late_minutes: null, arrived_at: null, in_chair_at: null, done_at: null, cancel_reason: null,
        cancel_note: null, callback_date: null, rebooked_to_id: null,
      }).execute();
      return id;
    };
    const newPatient = async () => (await f.admin('POST', '/api/patients', { surname: 'Звонков', firstName: 'Пётр' })).json().id as string;
    const call = async (o: { at: string; user: number | null; primary?: boolean; direction?: 'in' | 'out'; outcome: string; appointmentId?: string | null; patientId?: string | null; source?: string | null; branch?: string | null }) => {
      const id = newId();
      await db.insertInto('calls').values({
        id, clinic_id: t.fx.clinicId, branch_id: o.branch === undefined ? t.fx.branchId : o.branch, direction: o.direction ?? 'in', caller_type: o.primary === false ? 'repeat' : 'primary', purpose: 'booking',
        patient_id: o.patientId ?? null, phone: null, caller_name: null, source_id: o.source === undefined ? t.fx.sourceId : o.source, outcome: o.outcome, outcome_reason: null,
        appointment_id: o.appointmentId ?? null, user_id: o.user === null ? null : admins[o.user], started_at: o.at, duration_sec: 120, note: null,
      }).execute();
      return id;
    };
    for (let k = 0; k < 10; k++) {
      const p = await newPatient();
      const booked = k < 7;
      await call({ at: msk('2026-10-05', `1${k % 8}:00`), user: 0, outcome: booked ? 'booked' : 'not_booked', patientId: booked ? p : null, appointmentId: booked ? await visit(p, k === 0 ? 'no_show' : 'done') : null });
    }
    for (let k = 0; k < 5; k++) {
      const p = await newPatient();
      const booked = k < 2;
      await call({ at: msk('2026-10-07', `1${k}:00`), user: 1, outcome: booked ? 'booked' : 'info_given', source: null, patientId: booked ? p : null, appointmentId: booked ? await visit(p, k === 0 ? 'cancelled' : 'done') : null });
    }
    for (let k = 0; k < 4; k++) {
      const p = await newPatient();
      // One with no administrator and no branch recorded: the «не указан» rows open their lists too.
      await call({ at: msk('2026-10-13', `1${k}:00`), user: k === 3 ? null : 0, branch: k === 3 ? null : undefined, outcome: 'booked', patientId: p, appointmentId: await visit(p, k === 2 ? 'booked' : 'done') });
    }
    // A treated patient's price question ticked «первичный»: a repeat caller, in no list.
    const treated = await newPatient();
    await visit(treated, 'done', '2026-10-01');
    infoCall = await call({ at: msk('2026-10-14', '12:00'), user: 0, outcome: 'info_given', patientId: treated });
    await call({ at: msk('2026-10-14', '13:00'), user: 0, primary: false, outcome: 'info_given', patientId: treated });
    await call({ at: msk('2026-10-14', '14:00'), user: 1, direction: 'out', primary: false, outcome: 'booked', patientId: treated, appointmentId: await visit(treated, 'done') });
  }, 120_000);
  afterAll(() => t.close());

  it('every figure — the total and each row of each breakdown — lists exactly that many calls, the repeat caller in none', async () => {
    const r = await chief('GET', `/api/calls/conversion?${P}`);
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json();
    expect(c.total).toMatchObject({ calls: 19, booked: 13, neverCame: 3 });
    const seen = new Set<string>();
    let lists = 0;
    const check = async (fig: Row, qs: string, what: string) => {
      for (const m of MEASURES) {
        const l = await chief('GET', `/api/calls/conversion/list?${P}&measure=${m}${qs}`);
        expect(l.statusCode, l.body).toBe(200);
        const items = l.json().items as Item[];
        expect(items.length, `${what} ${m}`).toBe(fig[m]);
        expect(l.json().total).toBe(fig[m]);
        for (const i of items) seen.add(i.id);
        if (m === 'booked') for (const i of items) expect(i).toMatchObject({ outcome: 'booked', visit: { status: expect.any(String) } });
        lists++;
      }
    };
    await check(c.total, '', 'total');
    let noneRows = 0;
    for (const [g, field] of Object.entries(GROUPS)) {
      expect(c[field].length, field).toBeGreaterThan(0);
      for (const row of c[field] as Row[]) {
        if (row.key === '') noneRows++;
        await check(row, `&group=${g}&key=${encodeURIComponent(row.key)}`, `${g}:${row.key}`);
      }
    }
    expect(noneRows).toBe(3); // no administrator, no source, no branch
    expect(lists).toBeGreaterThan(30);
    expect(seen.size).toBe(19);
    expect(seen.has(infoCall)).toBe(false);
    // Items carry what the screen shows: the patient linked, the administrator named.
    const never = (await chief('GET', `/api/calls/conversion/list?${P}&measure=neverCame`)).json().items as Item[];
    expect(never.map((i) => i.visit?.status).sort()).toEqual(['booked', 'cancelled', 'no_show']);
    expect(never.every((i) => i.patientId && i.patientName === 'Звонков Пётр')).toBe(true);
  }, 120_000);

  it('bad input answers 400 naming the field, in Russian and English', async () => {
    const cases: [string, string][] = [
      ['measure=calls&group=doctor&key=x', 'group'],
      ['measure=visits', 'measure'],
      ['measure=', 'measure'],
      ['measure=calls&key=abc', 'group'],
      ['measure=calls&group=admin', 'key'],
      ['measure=calls&group=week&key=2026-13-01', 'key'],
      ['measure=calls&group=month&key=2026-1', 'key'],
      ['measure=calls&group=source&key=00000000-0000-0000-0000-000000000000', 'key'],
      ['measure=calls&from=2026-02-30', 'from'],
      ['measure=calls&from=2026-10-31&to=2026-10-01', 'to'],
    ];
    for (const [qs, field] of cases) {
      const r = await chief('GET', `/api/calls/conversion/list?${qs}`);
      expect(r.statusCode, qs).toBe(400);
      expect(String(r.headers['content-type'])).toMatch(/application\/problem\+json/);
      const errors = r.json().errors as { field: string }[];
      expect(errors.map((e) => e.field), qs).toContain(field);
    }
    // Without a measure the list is the primary calls.
    expect((await chief('GET', `/api/calls/conversion/list?${P}`)).json().total).toBe(19);
    const r = await chief('GET', `/api/calls/conversion/list?measure=calls&key=x`);
    expect(JSON.stringify(r.json())).toMatch(/[а-яё]/i);
    expect(JSON.stringify(r.json())).toMatch(/breakdown/);
  });

  it('permissions: an administrator without calls.manage gets 403; another clinic sees only its own calls', async () => {
    expect((await f.admin('GET', `/api/calls/conversion/list?${P}&measure=calls`)).statusCode).toBe(403);
    expect((await f.owner('GET', `/api/calls/conversion/list?${P}&measure=calls`)).statusCode).toBe(200);
    const B = await seedSecondClinic(t.app, t.h, 'Конверсия-Б', 9_200_001);
    const bOwner = as(t.app, await signIn(t.app, B.fx.users.owner.login));
    const all = await bOwner('GET', `/api/calls/conversion/list?${P}&measure=calls`);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().items).toHaveLength(0);
    // Our administrator's row is no row of theirs.
    const foreign = await bOwner('GET', `/api/calls/conversion/list?${P}&measure=calls&group=admin&key=${t.fx.users.administrator.id}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('key');
  }, 60_000);
});
