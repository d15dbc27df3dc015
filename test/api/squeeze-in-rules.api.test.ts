import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// Issue 8, items 3 and 4, and the no-show that comes back. The test clock stands at Monday
// 2026-11-23 12:00 Moscow; the branch is open Monday to Friday 09:00–21:00, both doctors have
// weekly hours every day 09:00–21:00.
const TODAY = '2026-11-23';
const TOMORROW = '2026-11-24';
const LATER = '2026-11-26';
const FRIDAY = '2026-11-27';

type Problem = { code: string; detail_ru: string; detail_en: string; errors: { field: string; message_ru: string; message_en: string }[] };

describe.each(DIALECTS)('squeeze-in rules, chairs of another branch, a no-show booked again (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
  });
  afterAll(() => t.close());

  const book = (o: Record<string, unknown>) => f.admin('POST', '/api/appointments', { kind: 'repeat', patientId: f.patients[0], ...o });
  const squeeze = (o: Record<string, unknown>) => book({ kind: 'urgent', durationMin: 20, squeezeIn: true, doctorId: f.belov, ...o });
  const problem = (r: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number, code: string, field: string) => {
    expect(r.statusCode).toBe(status);
    expect(String(r.headers['content-type'])).toContain('application/problem+json');
    const p = r.json() as Problem;
    expect(p.code).toBe(code);
    expect(p.errors.map((e) => e.field)).toEqual([field]);
    return p;
  };

  it('3. a squeeze-in stays inside the branch’s opening hours', async () => {
    const night = problem(await squeeze({ startsAt: msk(TOMORROW, '03:00') }), 400, 'validation_failed', 'startsAt');
    expect(night.errors[0].message_ru).toBe('Вне часов работы филиала (09:00–21:00): срочного пациента можно вписать только пока филиал открыт');
    expect(night.errors[0].message_en).toContain("Outside the branch's opening hours (09:00–21:00)");
    problem(await squeeze({ startsAt: msk(TOMORROW, '21:00') }), 400, 'validation_failed', 'startsAt');
    // Starts at 20:50, ends 21:10: past closing.
    problem(await squeeze({ startsAt: msk(TOMORROW, '20:50') }), 400, 'validation_failed', 'endsAt');
    // Saturday: the doctor has weekly hours, the branch is closed.
    const saturday = problem(await squeeze({ startsAt: msk('2026-11-28', '10:00') }), 400, 'validation_failed', 'startsAt');
    expect(saturday.errors[0].message_ru).toBe('Филиал в этот день закрыт');
    expect((await squeeze({ startsAt: msk(TOMORROW, '20:40') })).statusCode).toBe(201);
  });

  it('3. a squeeze-in is only on a day the doctor works: not during an absence, not on a day off of the production calendar', async () => {
    const off = await f.owner('POST', `/api/doctors/${f.belov}/exceptions`, { kind: 'day_off', dateFrom: LATER, dateTo: LATER });
    expect(off.statusCode).toBe(201);
    const absent = problem(await squeeze({ startsAt: msk(LATER, '10:00') }), 400, 'validation_failed', 'startsAt');
    expect(absent.errors[0].message_ru).toBe('Врач в этот день не работает (выходной, отпуск или праздник): срочного пациента можно вписать только в рабочий день врача');
    expect(absent.errors[0].message_en).toContain('The doctor does not work that day');
    expect(absent.detail_ru).toBe(absent.errors[0].message_ru);
    // 31 December 2026 is a Thursday made a day off by the government's transfer decree.
    problem(await squeeze({ startsAt: msk('2026-12-31', '10:00') }), 400, 'validation_failed', 'startsAt');
    // A walk-in squeezed in is held to the same rules.
    problem(await squeeze({ startsAt: msk(LATER, '11:00'), walkIn: true }), 400, 'validation_failed', 'startsAt');
  });

  it('3. never two visits of one doctor starting at the same minute, squeeze-in or not', async () => {
    const regular = await book({ doctorId: f.belov, startsAt: msk(TOMORROW, '10:00'), durationMin: 60, patientId: f.patients[1] });
    expect(regular.statusCode).toBe(201);
    const first = await squeeze({ startsAt: msk(TOMORROW, '10:30') });
    expect(first.statusCode).toBe(201);
    const twice = problem(await squeeze({ startsAt: msk(TOMORROW, '10:30'), patientId: f.patients[2] }), 409, 'slot_taken', 'startsAt');
    expect(twice.detail_ru).toBe('В 10:30 у врача уже начинается другой приём');
    expect(twice.detail_en).toBe('Another visit of the doctor starts at 10:30');
    problem(await squeeze({ startsAt: msk(TOMORROW, '10:00'), patientId: f.patients[2] }), 409, 'slot_taken', 'startsAt');
    // Another doctor at that minute, or this one a minute later: allowed.
    expect((await squeeze({ startsAt: msk(TOMORROW, '10:31'), patientId: f.patients[2] })).statusCode).toBe(201);
    const stored = await t.h.db.selectFrom('appointments').select('id').where('doctor_id', '=', f.belov).where('starts_at', '=', msk(TOMORROW, '10:30')).execute();
    expect(stored).toHaveLength(1);
  });

  it('3. urgent suggests only a squeeze-in the booking would accept: none past the branch’s closing', async () => {
    const late = await f.owner('POST', '/api/doctors', { surname: 'Вечерний', firstName: 'Олег', position: 'Врач-стоматолог', specialties: ['therapist'] });
    // Monday 20:30–22:00: the shift runs past the branch's closing at 21:00; a regular visit fills it.
    await f.owner('PUT', `/api/doctors/${late.json().id}/hours`, { hours: [{ weekday: 1, branchId: t.fx.branchId, starts: '20:30', ends: '22:00' }] });
    expect((await book({ doctorId: late.json().id, startsAt: msk(TODAY, '20:30'), durationMin: 90 })).statusCode).toBe(201);
    const u = (await f.admin('POST', '/api/schedule/urgent', { doctorId: late.json().id })).json();
    expect(u).toMatchObject({ slot: null, squeezeIn: false });
  });

  it('4. a chair of another branch is refused on booking and on a move, nothing stored', async () => {
    const branch = await f.owner('POST', '/api/branches', { name: 'Север', address: 'Санкт-Петербург, пр. Просвещения, 10' });
    expect(branch.statusCode).toBe(201);
    const chair = await f.owner('POST', '/api/chairs', { branchId: branch.json().id, name: 'Кресло С-1' });
    expect(chair.statusCode).toBe(201);
    const other = chair.json().id as string;

    const refused = problem(await book({ doctorId: f.orlova, startsAt: msk(FRIDAY, '16:00'), chairId: other }), 400, 'validation_failed', 'chairId');
    expect(refused.errors[0].message_ru).toBe('Это кресло в другом филиале');
    expect(refused.errors[0].message_en).toBe('This chair is in another branch');
    problem(await book({ doctorId: f.belov, startsAt: msk(FRIDAY, '16:00'), chairId: other, branchId: t.fx.branchId }), 400, 'validation_failed', 'chairId');

    const a = await book({ doctorId: f.orlova, startsAt: msk(FRIDAY, '17:00') });
    expect(a.statusCode).toBe(201);
    problem(await f.admin('PATCH', `/api/appointments/${a.json().id}`, { chairId: other }), 400, 'validation_failed', 'chairId');
    problem(await f.admin('PATCH', `/api/appointments/${a.json().id}`, { startsAt: msk(FRIDAY, '18:00'), chairId: other }), 400, 'validation_failed', 'chairId');
    const stored = (await f.admin('GET', `/api/appointments/${a.json().id}`)).json();
    expect(stored).toMatchObject({ chairId: t.fx.chairId, branchId: t.fx.branchId, startsAt: msk(FRIDAY, '17:00') });
    expect(await t.h.db.selectFrom('appointments').select('id').where('chair_id', '=', other).execute()).toEqual([]);
    // Its own branch's chair is still fine.
    expect((await book({ doctorId: f.belov, startsAt: msk(FRIDAY, '16:00'), chairId: t.fx.chairId, patientId: f.patients[1] })).statusCode).toBe(201);
  });

  it('a no-show booked again takes its time back only if nobody has taken it meanwhile', async () => {
    const missed = await book({ doctorId: f.orlova, startsAt: msk(TODAY, '11:00'), durationMin: 90, walkIn: false, patientId: f.patients[3] });
    expect(missed.statusCode).toBe(201);
    expect((await f.admin('POST', `/api/appointments/${missed.json().id}/status`, { to: 'no_show' })).statusCode).toBe(200);
    const instead = await book({ doctorId: f.orlova, startsAt: msk(TODAY, '12:15'), durationMin: 30, patientId: f.patients[1] });
    expect(instead.statusCode).toBe(201);
    const back = await f.admin('POST', `/api/appointments/${missed.json().id}/status`, { to: 'booked' });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ code: 'slot_taken', conflict: { appointmentId: instead.json().id } });
    expect(back.json().detail_ru).toContain('12:15–12:45');
    expect((await f.admin('GET', `/api/appointments/${missed.json().id}`)).json().status).toBe('no_show');
  });
});
