import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// Issue 9, items 1–4. The test clock stands at Monday 2026-11-23 12:00 Moscow.
const TODAY = '2026-11-23';

describe.each(DIALECTS)('desk fixes: walk-ins, no-shows, call-backs (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
  });
  afterAll(() => t.close());

  const status = (id: string, body: object) => f.admin('POST', `/api/appointments/${id}/status`, body);

  it('1. a walk-in for a patient booked later today is refused with 409 naming the visit; a second visit only on purpose', async () => {
    const booked = (await f.admin('POST', '/api/appointments', { kind: 'repeat', patientId: f.patients[0], doctorId: f.orlova, startsAt: msk(TODAY, '18:00') })).json();
    expect(booked.status).toBe('confirmed');
    const walkIn = { kind: 'primary', patientId: f.patients[0], doctorId: f.belov, startsAt: msk(TODAY, '12:00'), durationMin: 30, walkIn: true };
    const r = await f.admin('POST', '/api/appointments', walkIn);
    expect(r.statusCode).toBe(409);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ code: 'conflict', appointment: { id: booked.id, startsAt: msk(TODAY, '18:00'), doctorId: f.orlova, branchId: t.fx.branchId } });
    expect(r.json().detail_ru).toBe('У пациента сегодня запись на 18:00 (Орлова М., Центр): отметьте приход на эту запись. Второй визит — только если он нужен');
    expect(r.json().errors[0].field).toBe('patientId');
    // Nothing was written.
    const day = (await f.admin('GET', `/api/patients/${f.patients[0]}/appointments?date=${TODAY}`)).json().items;
    expect(day.map((a: { id: string }) => a.id)).toEqual([booked.id]);
    // The narrow query: only that day's visits.
    await f.admin('POST', '/api/appointments', { kind: 'repeat', patientId: f.patients[0], doctorId: f.orlova, startsAt: msk('2026-11-25', '10:00') });
    expect((await f.admin('GET', `/api/patients/${f.patients[0]}/appointments`)).json().items).toHaveLength(2);
    expect((await f.admin('GET', `/api/patients/${f.patients[0]}/appointments?date=2026-11-25`)).json().items).toHaveLength(1);
    expect((await f.admin('GET', `/api/patients/${f.patients[0]}/appointments?date=23.11.2026`)).statusCode).toBe(400);
    // On purpose: a second visit.
    const second = await f.admin('POST', '/api/appointments', { ...walkIn, secondVisit: true });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ status: 'arrived', walkIn: true });
    // The booked visit takes the arrival the normal way: early, noted for the doctor.
    const arrived = await status(booked.id, { to: 'arrived' });
    expect(arrived.json()).toMatchObject({ status: 'arrived', lateMinutes: -360 });
  });

  it('2. a walk-in notifies the doctor live, as any arrival does', async () => {
    const dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
    const before = (await dentist('GET', '/api/notifications')).json().items.length;
    const r = await f.admin('POST', '/api/appointments', { kind: 'primary', patientId: f.patients[1], doctorId: f.orlova, startsAt: msk(TODAY, '12:00'), durationMin: 30, walkIn: true });
    expect(r.statusCode).toBe(201);
    const notes = (await dentist('GET', '/api/notifications')).json().items;
    expect(notes).toHaveLength(before + 1);
    expect(notes[0]).toMatchObject({ kind: 'arrived', appointmentId: r.json().id, textRu: 'Пациентка Петрова А. пришла без записи (приём с 12:00)' });
    const live = await t.h.db.selectFrom('live_events').select(['kind', 'payload_json']).where('clinic_id', '=', t.fx.clinicId).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(live.kind).toBe('arrival');
    expect(JSON.parse(live.payload_json)).toMatchObject({ id: r.json().id, doctorId: f.orlova, status: 'arrived' });
  });

  it('4. the gaps call list shows the call-backs due, overdue ones not yet done, with the reason and the phone', async () => {
    const mk = async (patient: string, date: string, time: string, cancel: object) => {
      const a = (await f.admin('POST', '/api/appointments', { kind: 'repeat', patientId: patient, doctorId: f.orlova, startsAt: msk(date, time) })).json();
      expect((await status(a.id, { to: 'cancelled', cancel })).statusCode).toBe(200);
      return a.id as string;
    };
    const due = await mk(f.patients[3], '2026-11-27', '10:00', { reason: 'illness', callbackDate: TODAY, note: 'Простуда, перезвонить' });
    const later = await mk(f.patients[2], '2026-11-27', '11:00', { reason: 'patient_request', callbackDate: '2026-11-25' });
    const zaitseva = (await f.admin('POST', '/api/patients', { surname: 'Зайцева', firstName: 'Светлана', sex: 'female', phones: [{ number: '+79210000009' }] })).json().id;
    const overdue = await mk(zaitseva, '2026-11-27', '12:00', { reason: 'patient_request', callbackDate: TODAY });
    // Agreed last week and missed: the date in the past cannot be set through the API any more.
    await t.h.db.updateTable('appointments').set({ callback_date: '2026-11-20', created_at: '2026-11-10T09:00:00.000Z', status_changed_at: '2026-11-18T09:00:00.000Z' }).where('id', '=', overdue).execute();

    const gaps = (await f.admin('GET', `/api/schedule/gaps?date=${TODAY}`)).json();
    expect(gaps.callbacks.map((c: { appointmentId: string }) => c.appointmentId)).toEqual([due, overdue]);
    expect(gaps.callbacks[0]).toMatchObject({
      patientId: f.patients[3], name: 'Кузнецова Ольга', phone: '+79210000003', callbackDate: TODAY, overdue: false,
      visitDate: '2026-11-27', visitStartsAt: msk('2026-11-27', '10:00'), doctorId: f.orlova, reason: 'illness', note: 'Простуда, перезвонить',
    });
    expect(gaps.callbacks[1]).toMatchObject({ callbackDate: '2026-11-20', overdue: true, reason: 'patient_request' });
    // Another day shows what is due that day only.
    const wed = (await f.admin('GET', '/api/schedule/gaps?date=2026-11-25')).json();
    expect(wed.callbacks.map((c: { appointmentId: string }) => c.appointmentId)).toEqual([later]);

    // Done: the patient booked again, or the desk logged a call to the patient after the cancellation.
    await f.admin('POST', '/api/appointments', { kind: 'repeat', patientId: f.patients[3], doctorId: f.belov, startsAt: msk('2026-11-30', '10:00') });
    await t.h.db.insertInto('calls').values({
      id: newId(), clinic_id: t.fx.clinicId, branch_id: null, direction: 'out', caller_type: 'patient', purpose: 'callback', patient_id: zaitseva, phone: null,
      caller_name: null, source_id: null, outcome: 'no_answer', outcome_reason: null, appointment_id: null, user_id: null, started_at: '2026-11-21T08:00:00.000Z', duration_sec: 0, note: null,
    }).execute();
    expect((await f.admin('GET', `/api/schedule/gaps?date=${TODAY}`)).json().callbacks).toEqual([]);
  });

  it('3. «Не пришёл» is refused until the start plus the clinic’s grace period; the grace is a clinic setting', async () => {
    expect((await f.owner('GET', '/api/clinic')).json().schedule.noShowGraceMin).toBe(15);
    const a = (await f.admin('POST', '/api/appointments', { kind: 'repeat', patientId: f.patients[2], doctorId: f.belov, startsAt: msk(TODAY, '12:30') })).json();
    const early = await status(a.id, { to: 'no_show' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'invalid_transition' });
    expect(early.json().detail_ru).toBe('Рано отмечать «Не пришёл»: приём в 12:30, пациент ещё может прийти. Отметить неявку можно с 12:45');
    expect(early.json().detail_en).toContain('from 12:45');
    t.clock.advance(44 * 60_000); // 12:44: inside the grace period
    expect((await status(a.id, { to: 'no_show' })).statusCode).toBe(409);
    expect((await t.h.db.selectFrom('appointments').select('status').where('id', '=', a.id).executeTakeFirstOrThrow()).status).toBe('confirmed');
    t.clock.advance(60_000); // 12:45
    expect((await status(a.id, { to: 'no_show' })).json().status).toBe('no_show');

    // The clinic changes the grace; a client that does not know the setting keeps it.
    const schedule = (await f.owner('GET', '/api/clinic')).json().schedule;
    expect((await f.owner('PATCH', '/api/clinic', { schedule: { ...schedule, noShowGraceMin: 0 } })).json().schedule.noShowGraceMin).toBe(0);
    const { noShowGraceMin: _, ...old } = schedule;
    expect((await f.owner('PATCH', '/api/clinic', { schedule: old })).json().schedule.noShowGraceMin).toBe(0);
    expect((await f.owner('PATCH', '/api/clinic', { schedule: { ...schedule, noShowGraceMin: 121 } })).statusCode).toBe(400);
    const b = (await f.admin('POST', '/api/appointments', { kind: 'repeat', patientId: f.patients[2], doctorId: f.belov, startsAt: msk(TODAY, '13:00') })).json();
    expect((await status(b.id, { to: 'no_show' })).statusCode).toBe(409);
    t.clock.advance(15 * 60_000); // 13:00
    expect((await status(b.id, { to: 'no_show' })).statusCode).toBe(200);
  });
});
