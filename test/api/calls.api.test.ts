import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at 2026-11-23 09:00 UTC (12:00 Moscow, a Monday).
const isProblem = (r: { headers: Record<string, unknown> }) => /application\/problem\+json/.test(String(r.headers['content-type']));

describe.each(DIALECTS)('the call card and the call base, CALL-1..5 (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let chief: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
  }, 60_000);
  afterAll(() => t.close());

  it('the card greets by the clinic-local time and prompts with the seed’s script until the chief doctor saves the clinic’s own', async () => {
    const d = await f.admin('GET', '/api/calls/desk');
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({
      dayPart: 'day', today: '2026-11-23',
      greeting: 'Добрый день, Тестовая клиника, Санкт-Петербург, Невский пр., 1, администратор administrator, слушаю Вас.',
      script: { version: 0, isDefault: true },
    });
    expect(d.json().script.script.forbidden).toContain('я могу вам предложить');
    const script = { ...d.json().script.script, targetSec: 240, facts: { foundedYear: 2009, equipment: 'Микроскоп Carl Zeiss', materials: '' } };
    expect((await f.admin('PUT', '/api/call-script', { script })).statusCode).toBe(403);
    // A phrase to say that holds a forbidden one is refused, the field named.
    const bad = structuredClone(script);
    bad.stages[3].phrases.push('Я могу Вам предложить запись на завтра');
    const refused = await chief('PUT', '/api/call-script', { baseVersion: 0, script: bad });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe(`script.stages.3.phrases.${bad.stages[3].phrases.length - 1}`);
    const saved = await chief('PUT', '/api/call-script', { baseVersion: 0, script });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, isDefault: false, script: { targetSec: 240 } });
    // A stale editor does not overwrite the newer version.
    const stale = await chief('PUT', '/api/call-script', { baseVersion: 0, script });
    expect(stale.statusCode).toBe(409);
    const after = (await f.admin('GET', '/api/calls/desk')).json();
    expect(after).toMatchObject({ yearsOpen: 17, script: { version: 1 } });
  });

  it('a call recorded with a booking links the visit both ways and shows in the call base, the card and the CSV', async () => {
    const patient = f.patients[0];
    const booked = await f.admin('POST', '/api/appointments', { kind: 'primary', patientId: patient, doctorId: f.orlova, startsAt: msk('2026-11-25', '10:00') });
    expect(booked.statusCode, booked.body).toBe(201);
    const visitId = booked.json().id;
    t.clock.advance(150_000);
    const r = await f.admin('POST', '/api/calls', {
      callerType: 'primary', purpose: 'price', patientId: patient, phone: '8 921 000-00-00', sourceId: t.fx.sourceId, outcome: 'booked',
      appointmentId: visitId, startedAt: '2026-11-23T09:00:00.000Z', answerSec: 4, needSummary: 'Болит зуб, нужна консультация терапевта', scriptVersion: 1,
    });
    t.clock.advance(-150_000);
    expect(r.statusCode, r.body).toBe(201);
    const call = r.json();
    expect(call).toMatchObject({
      direction: 'in', outcome: 'booked', appointmentId: visitId, phone: '+79210000000', durationSec: 150, answerSec: 4, branchId: t.fx.branchId,
      patientName: 'Иванов Иван', sourceName: 'Сайт клиники', userId: t.fx.users.administrator.id, visit: { startsAt: msk('2026-11-25', '10:00'), status: 'booked' },
    });
    const link = await t.h.db.selectFrom('appointments').select('call_id').where('id', '=', visitId).executeTakeFirstOrThrow();
    expect(link.call_id).toBe(call.id);
    const foreign = await f.admin('GET', `/api/calls?patientId=${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('patientId');
    const list = (await f.admin('GET', '/api/calls?outcome=booked')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([call.id]);
    const card = await f.admin('GET', `/api/patients/${patient}/caller-card`);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json()).toMatchObject({ suggestedType: 'primary', pastVisits: 0, upcoming: [{ id: visitId }], lastCalls: [{ id: call.id }] });
    const csv = await f.admin('GET', '/api/calls/export');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('Иванов Иван;+7 (921) 000-00-00;Сайт клиники;записан;');
  });

  it('refuses contradictory or foreign records with the field named, writing nothing', async () => {
    const before = (await f.admin('GET', '/api/calls')).json().total;
    const base = { callerType: 'primary', purpose: 'booking', startedAt: '2026-11-23T08:58:00.000Z' };
    const noVisit = await f.admin('POST', '/api/calls', { ...base, outcome: 'booked', patientId: f.patients[1] });
    expect(noVisit.statusCode).toBe(400);
    expect(isProblem(noVisit)).toBe(true);
    expect(noVisit.json().errors[0].field).toBe('appointmentId');
    const visit = (await f.admin('POST', '/api/appointments', { kind: 'primary', patientId: f.patients[2], doctorId: f.belov, startsAt: msk('2026-11-26', '10:00') })).json().id;
    const foreign = await f.admin('POST', '/api/calls', { ...base, outcome: 'booked', patientId: f.patients[1], appointmentId: visit });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('appointmentId');
    const why = await f.admin('POST', '/api/calls', { ...base, outcome: 'not_booked' });
    expect(why.json().errors[0].field).toBe('outcomeReason');
    const future = await f.admin('POST', '/api/calls', { ...base, outcome: 'info_given', startedAt: '2026-11-23T10:00:00.000Z' });
    expect(future.json().errors[0].field).toBe('startedAt');
    const director = await f.admin('POST', '/api/calls', { ...base, callerType: 'non_patient', purpose: 'director', outcome: 'routed', callerName: 'ООО «Реклама»', note: 'Просит директора' });
    expect(director.statusCode, director.body).toBe(201);
    expect((await f.admin('GET', '/api/calls')).json().total).toBe(before + 1);
  });

  it('permissions: the desk records, management reads conversion; clinicians and the office see no call base', async () => {
    for (const role of ['dentist', 'office_manager', 'assistant'] as const) {
      const who = as(t.app, await signIn(t.app, t.fx.users[role].login));
      expect((await who('GET', '/api/calls')).statusCode, role).toBe(403);
      expect((await who('GET', '/api/calls/desk')).statusCode, role).toBe(403);
    }
    expect((await f.admin('GET', '/api/calls/conversion')).statusCode).toBe(403);
    expect((await f.owner('GET', '/api/calls/conversion')).statusCode).toBe(200);
    expect((await chief('GET', '/api/call-script')).statusCode).toBe(200);
  });

  it('conversion over a generated call base matches the hand-computed figures', async () => {
    const db = t.h.db;
    const admins = [t.fx.users.administrator.id, t.fx.users.owner.id];
    let slot = 0;
    // A visit in the second half of October (after the calls that booked it), a fresh time for each.
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
    const call = async (o: { at: string; user: number; primary?: boolean; direction?: 'in' | 'out'; outcome: string; appointmentId?: string | null; patientId?: string | null; source?: string | null }) =>
      db.insertInto('calls').values({
        id: newId(), clinic_id: t.fx.clinicId, branch_id: t.fx.branchId, direction: o.direction ?? 'in', caller_type: o.primary === false ? 'repeat' : 'primary', purpose: 'booking',
        patient_id: o.patientId ?? null, phone: null, caller_name: null, source_id: o.source === undefined ? t.fx.sourceId : o.source, outcome: o.outcome, outcome_reason: null,
        appointment_id: o.appointmentId ?? null, user_id: admins[o.user], started_at: o.at, duration_sec: 120, note: null,
      }).execute();
    // Week of 5 October: administrator 10 primary calls, 7 booked (one never came: no-show); owner 5, 2 booked (one cancelled).
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
    // Week of 12 October: administrator 4 primary calls, all booked.
    for (let k = 0; k < 4; k++) {
      const p = await newPatient();
      await call({ at: msk('2026-10-13', `1${k}:00`), user: 0, outcome: 'booked', patientId: p, appointmentId: await visit(p, 'done') });
    }
    // Not primary calls: repeat callers, an outgoing recall, and a treated patient's price question ticked «первичный».
    const treated = await newPatient();
    await visit(treated, 'done', '2026-10-01'); // before the call
    await call({ at: msk('2026-10-14', '12:00'), user: 0, outcome: 'info_given', patientId: treated });
    await call({ at: msk('2026-10-14', '13:00'), user: 0, primary: false, outcome: 'info_given', patientId: treated });
    await call({ at: msk('2026-10-14', '14:00'), user: 1, direction: 'out', primary: false, outcome: 'booked', patientId: treated, appointmentId: await visit(treated, 'done') });

    const r = await chief('GET', '/api/calls/conversion?from=2026-10-01&to=2026-10-31');
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json();
    // 19 primary calls, 13 booked: 68.4 % (good); 2 booked never came.
    expect(c.total).toMatchObject({ calls: 19, booked: 13, neverCame: 2, level: 'good' });
    expect(c.total.rate).toBeCloseTo(13 / 19, 10);
    expect(c.byAdmin.map((x: { key: string; calls: number; booked: number; level: string }) => [x.key, x.calls, x.booked, x.level])).toEqual([
      [admins[0], 14, 11, 'good'], [admins[1], 5, 2, 'low'],
    ]);
    expect(c.byWeek.map((x: { key: string; calls: number; booked: number; level: string }) => [x.key, x.calls, x.booked, x.level])).toEqual([
      ['2026-10-05', 15, 9, 'good'], ['2026-10-12', 4, 4, 'excellent'],
    ]);
    expect(c.bySource.map((x: { label: string; calls: number }) => [x.label, x.calls])).toEqual([['Сайт клиники', 14], ['', 5]]);
    expect(c.byMonth).toMatchObject([{ key: '2026-10', calls: 19, booked: 13 }]);
  });
});
