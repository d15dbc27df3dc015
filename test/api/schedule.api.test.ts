import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at Monday 2026-11-23 12:00 Moscow.
const TOMORROW = '2026-11-24';
const LATER = '2026-11-26';

describe.each(DIALECTS)('booking rules (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
  });
  afterAll(() => t.close());

  const book = (o: Record<string, unknown>) => f.admin('POST', '/api/appointments', { kind: 'repeat', ...o });

  it('books inside working hours; tomorrow is confirmed at once (CONF-4), later stays booked, ПОЗВОНИТЬ keeps it booked', async () => {
    const a = await book({ patientId: f.patients[0], doctorId: f.orlova, startsAt: msk(TOMORROW, '10:00'), durationMin: 60 });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ status: 'confirmed', chairId: t.fx.chairId, branchId: t.fx.branchId, localDate: TOMORROW, endsAt: msk(TOMORROW, '11:00') });
    const later = await book({ patientId: f.patients[1], doctorId: f.orlova, startsAt: msk(LATER, '10:00') });
    expect(later.json().status).toBe('booked');
    const call = await book({ patientId: f.patients[2], doctorId: f.belov, startsAt: msk(TOMORROW, '18:00'), needsCall: true });
    expect(call.json()).toMatchObject({ status: 'booked', needsCall: true });
  });

  it('refuses an overlap with 409 naming the appointment in the way; the chair is checked too', async () => {
    const r = await book({ patientId: f.patients[1], doctorId: f.orlova, startsAt: msk(TOMORROW, '10:30'), durationMin: 30 });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('slot_taken');
    expect(r.json().detail_ru).toContain('10:00–11:00');
    expect(r.json().conflict.startsAt).toBe(msk(TOMORROW, '10:00'));
    // Belov has no chair of his own; put him into Orlova's chair at the same time.
    const chair = await book({ patientId: f.patients[3], doctorId: f.belov, startsAt: msk(TOMORROW, '10:15'), chairId: t.fx.chairId });
    expect(chair.statusCode).toBe(409);
    const free = await book({ patientId: f.patients[3], doctorId: f.belov, startsAt: msk(TOMORROW, '10:15') });
    expect(free.statusCode).toBe(201);
  });

  it('refuses outside hours, in a break and in the past; a squeeze-in is an audited override', async () => {
    for (const at of [msk(TOMORROW, '08:30'), msk(TOMORROW, '14:15'), msk(TOMORROW, '20:45')]) {
      const r = await book({ patientId: f.patients[1], doctorId: f.orlova, startsAt: at, durationMin: 30 });
      expect(r.statusCode, at).toBe(409);
      expect(r.json().code).toBe('conflict');
    }
    const past = await book({ patientId: f.patients[1], doctorId: f.orlova, startsAt: msk('2026-11-23', '10:00') });
    expect(past.statusCode).toBe(400);
    const sq = await book({ patientId: f.patients[1], doctorId: f.orlova, startsAt: msk(TOMORROW, '10:30'), durationMin: 20, kind: 'urgent', squeezeIn: true });
    expect(sq.statusCode).toBe(201);
    expect(sq.json().squeezeIn).toBe(true);
    const chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    const audit = await chief('GET', `/api/audit?objectType=appointment`);
    expect(audit.json().items.find((i: { objectId: string }) => i.objectId === sq.json().id).details.override).toBe('squeeze_in');
  });

  it('a cancelled visit frees its time', async () => {
    const a = await book({ patientId: f.patients[0], doctorId: f.belov, startsAt: msk(LATER, '12:00') });
    const c = await f.admin('POST', `/api/appointments/${a.json().id}/status`, { to: 'cancelled', cancel: { reason: 'illness', callbackDate: '2026-12-01' } });
    expect(c.statusCode).toBe(200);
    expect(c.json()).toMatchObject({ status: 'cancelled', callbackDate: '2026-12-01' });
    expect((await book({ patientId: f.patients[1], doctorId: f.belov, startsAt: msk(LATER, '12:00') })).statusCode).toBe(201);
  });

  it('moves like a new booking: into a free time yes, onto another visit no', async () => {
    const a = await book({ patientId: f.patients[2], doctorId: f.orlova, startsAt: msk(LATER, '16:00') });
    const clash = await f.admin('PATCH', `/api/appointments/${a.json().id}`, { startsAt: msk(LATER, '10:00') });
    expect(clash.statusCode).toBe(409);
    const ok = await f.admin('PATCH', `/api/appointments/${a.json().id}`, { startsAt: msk(LATER, '17:00'), doctorId: f.belov });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ doctorId: f.belov, startsAt: msk(LATER, '17:00'), endsAt: msk(LATER, '18:00') });
    const mine = (await f.admin('GET', `/api/patients/${f.patients[2]}/appointments`)).json().items;
    expect(mine.map((x: { id: string }) => x.id)).toContain(a.json().id);
    expect((await f.admin('GET', '/api/patients/01900000-0000-7000-8000-000000000000/appointments')).statusCode).toBe(404);
    const hist = await f.admin('GET', `/api/appointments/${a.json().id}/history`);
    expect(hist.json().items.map((h: { action: string }) => h.action)).toEqual(['book', 'move']);
    expect(hist.json().items[0].userName).toBe('Тест administrator');
  });
});

describe.each(DIALECTS)('the desk day (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
  });
  afterAll(() => t.close());

  it('walks a visit booked → arrived (late, doctor notified, SVC-3) → in chair → done; refuses invalid moves', async () => {
    // Booked for 12:30 today; the clock is 12:00, then the patient comes at 12:42.
    const a = (await f.admin('POST', '/api/appointments', { kind: 'primary', patientId: f.patients[0], doctorId: f.orlova, startsAt: msk('2026-11-23', '12:30') })).json();
    expect(a.status).toBe('confirmed');
    const bad = await f.admin('POST', `/api/appointments/${a.id}/status`, { to: 'done' });
    expect(bad.statusCode).toBe(409);
    expect(bad.json()).toMatchObject({ code: 'invalid_transition' });
    expect(bad.json().detail_ru).toContain('«Визит подтверждён»');
    t.clock.advance(42 * 60_000);
    const arrived = await f.admin('POST', `/api/appointments/${a.id}/status`, { to: 'arrived' });
    expect(arrived.json()).toMatchObject({ status: 'arrived', lateMinutes: 12 });
    const card = await f.admin('GET', `/api/patients/${f.patients[0]}/service-card`);
    expect(card.json().items[0]).toMatchObject({ section: 'svc3', minutes: 12 });
    const dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
    const notes = (await dentist('GET', '/api/notifications')).json().items;
    expect(notes[0].textRu).toMatch(/^Пациент Иванов И\. пришёл \(приём в 12:30, опоздание 12 мин\.\)$/);
    // The doctor takes the patient in and finishes; the doctor may not cancel.
    expect((await dentist('POST', `/api/appointments/${a.id}/status`, { to: 'in_chair' })).statusCode).toBe(200);
    expect((await dentist('POST', `/api/appointments/${a.id}/status`, { to: 'done' })).json().status).toBe('done');
    expect((await dentist('POST', `/api/appointments/${a.id}/status`, { to: 'cancelled' })).statusCode).toBe(403);
    const after = await f.admin('POST', `/api/appointments/${a.id}/events`, { kind: 'review_requested' });
    expect(after.json().reviewRequested).toBe(true);
  });

  it('CONF-5: no cancellation without a next contact; complaint informs the doctor', async () => {
    const a = (await f.admin('POST', '/api/appointments', { kind: 'repeat', patientId: f.patients[1], doctorId: f.orlova, startsAt: msk('2026-11-27', '10:00') })).json();
    const bare = await f.admin('POST', `/api/appointments/${a.id}/status`, { to: 'cancelled', cancel: { reason: 'patient_request' } });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0].field).toBe('cancel');
    expect(bare.json().detail_ru).toMatch(/перезапишите пациента/);
    const wrongRebook = await f.admin('POST', `/api/appointments/${a.id}/status`, { to: 'cancelled', cancel: { reason: 'patient_request', rebookedAppointmentId: a.id } });
    expect(wrongRebook.statusCode).toBe(400);
    const complaint = await f.admin('POST', `/api/appointments/${a.id}/status`, { to: 'cancelled', cancel: { reason: 'complaint', note: 'Недоволен ценой' } });
    expect(complaint.statusCode).toBe(200);
    const dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
    const notes = (await dentist('GET', '/api/notifications')).json().items;
    expect(notes[0].kind).toBe('cancelled_complaint');
    expect(notes[0].textRu).toContain('жалоба — Недоволен ценой');
  });

  it('records a doctor running late into the service cards of waiting patients (SVC-2)', async () => {
    await f.admin('POST', '/api/appointments', { kind: 'repeat', patientId: f.patients[2], doctorId: f.belov, startsAt: msk('2026-11-23', '16:00') });
    const r = await f.admin('POST', '/api/schedule/doctor-late', { doctorId: f.belov, date: '2026-11-23', minutes: 20, reason: 'Сложное удаление' });
    expect(r.json().affected).toBe(1);
    const card = await f.admin('GET', `/api/patients/${f.patients[2]}/service-card`);
    expect(card.json().items[0]).toMatchObject({ section: 'svc2', minutes: 20, text: 'Задержка приёма на 20 мин. по вине клиники: Сложное удаление' });
  });

  it('a walk-in is booked as arrived, squeezed in when needed', async () => {
    const r = await f.admin('POST', '/api/appointments', { kind: 'urgent', patientId: f.patients[3], doctorId: f.belov, startsAt: msk('2026-11-23', '16:10'), durationMin: 20, walkIn: true, squeezeIn: true });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ status: 'arrived', walkIn: true, squeezeIn: true });
  });

  it('shows the DAY board, the WEEK of a doctor, the card-pull list and the iCal feed', async () => {
    const day = (await f.admin('GET', '/api/schedule/day?date=2026-11-23')).json();
    expect(day.timeZone).toBe('Europe/Moscow');
    expect(day.columns.map((c: { doctorId: string }) => c.doctorId).sort()).toEqual([f.belov, f.orlova].sort());
    const orl = day.columns.find((c: { doctorId: string }) => c.doctorId === f.orlova);
    expect(orl.work).toEqual([
      { branchId: t.fx.branchId, chairId: t.fx.chairId, start: msk('2026-11-23', '09:00'), end: msk('2026-11-23', '14:00') },
      { branchId: t.fx.branchId, chairId: t.fx.chairId, start: msk('2026-11-23', '15:00'), end: msk('2026-11-23', '21:00') },
    ]);
    const week = (await f.admin('GET', `/api/schedule/week?doctorId=${f.orlova}&from=2026-11-23`)).json();
    expect(week.days).toHaveLength(7);
    expect(week.days[4].appointments).toHaveLength(1);
    await f.admin('POST', '/api/appointments', { kind: 'checkup', patientId: f.patients[3], doctorId: f.orlova, startsAt: msk(TOMORROW, '09:00') });
    const pull = (await f.admin('GET', '/api/schedule/card-pull')).json();
    expect(pull.date).toBe(TOMORROW);
    expect(pull.doctors[0].patients[0]).toMatchObject({ time: '09:00', name: 'Кузнецова Ольга' });
    const token = (await f.owner('POST', `/api/doctors/${f.orlova}/feed-token`)).json();
    const ics = await t.app.inject({ method: 'GET', url: token.path });
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('SUMMARY:Кузнецова О.');
    expect(ics.body).toContain('DTSTART:20261124T060000Z');
    expect((await t.app.inject({ method: 'GET', url: '/api/ical/wrong-token.ics' })).statusCode).toBe(404);
  });
});
