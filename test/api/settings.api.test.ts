import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

describe.each(DIALECTS)('clinic settings, staff and doctors (%s)', (dialect) => {
  let t: TestApp;
  let owner: ReturnType<typeof as>;
  let chief: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
  });
  afterAll(() => t.close());

  it('edits the clinic; rejects an unknown time zone', async () => {
    const res = await owner('PATCH', '/api/clinic', { name: 'Клиника «Зубная фея»', timeZone: 'Asia/Yekaterinburg', phone: '8 812 322 00 31' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Клиника «Зубная фея»', timeZone: 'Asia/Yekaterinburg', phone: '+78123220031' });
    const bad = await owner('PATCH', '/api/clinic', { timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'timeZone', message_ru: 'Неизвестный часовой пояс' });
  });

  it('creates and edits branches with opening hours and chairs', async () => {
    const b = await owner('POST', '/api/branches', {
      name: 'Васильевский', address: 'Санкт-Петербург, 7-я линия В. О., 34', directions: 'От метро «Василеостровская» 3 минуты пешком',
      hours: [{ weekday: 1, opens: '09:00', closes: '21:00' }, { weekday: 6, opens: '10:00', closes: '16:00' }],
    });
    expect(b.statusCode).toBe(201);
    const wrong = await owner('PATCH', `/api/branches/${b.json().id}`, { hours: [{ weekday: 2, opens: '18:00', closes: '09:00' }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('hours.0.closes');
    const chair = await owner('POST', '/api/chairs', { branchId: b.json().id, name: 'Кресло 2' });
    expect(chair.statusCode).toBe(201);
    const list = await owner('GET', '/api/branches');
    expect(list.json().items.map((x: { name: string }) => x.name)).toContain('Васильевский');
  });

  it('keeps the shipped production calendar and lets the clinic edit and reset a year', async () => {
    const y = (await owner('GET', '/api/calendar?year=2026')).json();
    const byDate = Object.fromEntries(y.items.map((d: { date: string; kind: string }) => [d.date, d.kind]));
    expect(byDate['2026-01-09']).toBe('day_off');
    expect(byDate['2026-12-31']).toBe('day_off');
    expect(byDate['2026-11-03']).toBe('short');
    expect((await owner('PUT', '/api/calendar/2026-12-30', { kind: 'day_off', note: 'Санитарный день' })).statusCode).toBe(200);
    expect((await owner('DELETE', '/api/calendar/2026-01-09')).statusCode).toBe(200);
    let again = (await owner('GET', '/api/calendar?year=2026')).json().items.map((d: { date: string }) => d.date);
    expect(again).toContain('2026-12-30');
    expect(again).not.toContain('2026-01-09');
    await owner('POST', '/api/calendar/reset?year=2026');
    again = (await owner('GET', '/api/calendar?year=2026')).json().items.map((d: { date: string }) => d.date);
    expect(again).toContain('2026-01-09');
    expect(again).not.toContain('2026-12-30');
    expect((await owner('PUT', '/api/calendar/2026-02-30', { kind: 'holiday', note: '' })).statusCode).toBe(400);
  });

  it('adds staff with a one-time password that must be changed first', async () => {
    const res = await owner('POST', '/api/staff', { login: 'Ivanova.A', fullName: 'Иванова Анна Петровна', role: 'administrator' });
    expect(res.statusCode).toBe(201);
    const pwd = res.json().temporaryPassword as string;
    expect(pwd).toMatch(/^[A-Za-z0-9]{12}$/);
    const dup = await owner('POST', '/api/staff', { login: 'ivanova.a', fullName: 'Другая', role: 'assistant' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('login');
    const s = await signIn(t.app, 'ivanova.a', pwd);
    const call = as(t.app, s);
    expect((await call('GET', '/api/auth/me')).json().user.mustChangePassword).toBe(true);
    expect((await call('GET', '/api/patients')).statusCode).toBe(403);
    expect((await call('POST', '/api/auth/password', { currentPassword: pwd, newPassword: 'Anna-desk-2026' })).statusCode).toBe(200);
    expect((await call('GET', '/api/patients')).statusCode).toBe(200);
  });

  it('a role change or deactivation ends the sessions; the last owner stays', async () => {
    const nurse = await signIn(t.app, t.fx.users.senior_nurse.login);
    const r = await owner('PATCH', `/api/staff/${t.fx.users.senior_nurse.id}`, { role: 'assistant' });
    expect(r.json().role).toBe('assistant');
    expect((await as(t.app, nurse)('GET', '/api/auth/me')).statusCode).toBe(401);
    const lone = await owner('PATCH', `/api/staff/${t.fx.users.owner.id}`, { isActive: false });
    expect(lone.statusCode).toBe(409);
    const promote = await chief('PATCH', `/api/staff/${t.fx.users.dentist.id}`, { role: 'owner' });
    expect(promote.statusCode).toBe(403);
    const reset = await chief('POST', `/api/staff/${t.fx.users.assistant.id}/reset-password`);
    expect(reset.json().temporaryPassword).toHaveLength(12);
  });

  it('keeps doctors with specialties, qualification, weekly hours and exceptions', async () => {
    const d = await chief('POST', '/api/doctors', {
      surname: 'Орлова', firstName: 'Мария', patronymic: 'Викторовна', position: 'Врач-стоматолог-терапевт', specialties: ['therapist', 'endodontist'],
      education: 'ПСПбГМУ им. акад. И. П. Павлова, 2010', qualification: 'Высшая категория', experienceSince: 2010, userId: t.fx.users.dentist.id,
    });
    expect(d.statusCode).toBe(201);
    const id = d.json().id;
    const hours = await owner('PUT', `/api/doctors/${id}/hours`, {
      hours: [
        { weekday: 1, branchId: t.fx.branchId, chairId: t.fx.chairId, starts: '09:00', ends: '15:00' },
        { weekday: 3, branchId: t.fx.branchId, starts: '12:00', ends: '21:00', breakStarts: '15:00', breakEnds: '15:30' },
      ],
    });
    expect(hours.statusCode).toBe(200);
    expect(hours.json().hours).toHaveLength(2);
    const overlap = await owner('PUT', `/api/doctors/${id}/hours`, {
      hours: [
        { weekday: 2, branchId: t.fx.branchId, starts: '09:00', ends: '15:00' },
        { weekday: 2, branchId: t.fx.branchId, starts: '14:00', ends: '20:00' },
      ],
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().errors[0].field).toBe('hours.1.starts');
    const badBreak = await owner('PUT', `/api/doctors/${id}/hours`, { hours: [{ weekday: 2, branchId: t.fx.branchId, starts: '09:00', ends: '15:00', breakStarts: '16:00', breakEnds: '17:00' }] });
    expect(badBreak.statusCode).toBe(400);
    const ex = await owner('POST', `/api/doctors/${id}/exceptions`, { kind: 'vacation', dateFrom: '2026-12-01', dateTo: '2026-12-14', note: 'Отпуск' });
    expect(ex.statusCode).toBe(201);
    const backwards = await owner('POST', `/api/doctors/${id}/exceptions`, { kind: 'sick_leave', dateFrom: '2026-12-10', dateTo: '2026-12-01' });
    expect(backwards.statusCode).toBe(400);
    const list = await owner('GET', `/api/doctors/${id}/exceptions`);
    expect(list.json().items).toHaveLength(1);
    expect((await owner('DELETE', `/api/doctors/${id}/exceptions/${ex.json().id}`)).statusCode).toBe(200);
    const staff = await owner('GET', '/api/staff');
    expect(staff.json().items.find((u: { id: string }) => u.id === t.fx.users.dentist.id).doctorId).toBe(id);
  });
});

describe.each(DIALECTS)('schedule settings of the clinic (%s)', (dialect) => {
  let t: TestApp;
  let owner: ReturnType<typeof as>;
  let chief: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
  });
  afterAll(() => t.close());

  it('edits the schedule settings; bookings and the proposal hold follow them', async () => {
    expect((await owner('GET', '/api/clinic')).json().schedule).toEqual({ slotStepMin: 15, holdMinutes: 5, gapMinMinutes: 30, durationByKind: { primary: 30, repeat: 60, checkup: 30, urgent: 30 }, noShowGraceMin: 15 });
    const schedule = { slotStepMin: 10, holdMinutes: 3, gapMinMinutes: 40, durationByKind: { primary: 40, repeat: 50, checkup: 20, urgent: 30 }, noShowGraceMin: 10 };
    const r = await owner('PATCH', '/api/clinic', { schedule });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().schedule).toEqual(schedule);
    const bad = await owner('PATCH', '/api/clinic', { schedule: { ...schedule, slotStepMin: 7, durationByKind: { ...schedule.durationByKind, repeat: 52 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['schedule.durationByKind.repeat', 'schedule.slotStepMin']);
    expect(bad.json().errors.find((e: { field: string }) => e.field.endsWith('slotStepMin')).message_ru).toContain('Шаг подбора времени');
    expect((await chief('PATCH', '/api/clinic', { schedule: { ...schedule, holdMinutes: 0 } })).statusCode).toBe(400);
    const f = await scheduleFixture(t.app, t.fx);
    const booked = await f.admin('POST', '/api/appointments', { patientId: f.patients[0], doctorId: f.orlova, startsAt: msk('2026-11-25', '10:00'), kind: 'primary' });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(Date.parse(booked.json().endsAt) - Date.parse(booked.json().startsAt)).toBe(40 * 60_000);
    const offer = await f.admin('POST', '/api/schedule/proposals', { doctorId: f.belov, kind: 'repeat', dateFrom: '2026-11-26' });
    expect(offer.statusCode, offer.body).toBe(200);
    const first = offer.json().options[0];
    expect(Date.parse(first.endsAt) - Date.parse(first.startsAt)).toBe(50 * 60_000);
    expect(Date.parse(offer.json().expiresAt)).toBe(t.clock.t + 3 * 60_000);
  });
});
