import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

describe.each(DIALECTS)('two options, urgent squeeze-in, gaps and the waiting list (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
  });
  afterAll(() => t.close());

  it('proposes the nearest morning and evening times and holds both from a colleague', async () => {
    const r = await f.admin('POST', '/api/schedule/proposals', { doctorId: f.orlova, kind: 'primary', dateFrom: '2026-11-25' });
    expect(r.statusCode).toBe(200);
    const p = r.json();
    expect(p.options.map((o: { startsAt: string }) => o.startsAt)).toEqual([msk('2026-11-25', '09:00'), msk('2026-11-25', '15:00')]);
    expect(p.holdGroup).toBeTruthy();
    // A colleague cannot book a held time…
    const colleague = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    const taken = await colleague('POST', '/api/appointments', { kind: 'primary', patientId: f.patients[1], doctorId: f.orlova, startsAt: msk('2026-11-25', '09:00') });
    expect(taken.statusCode).toBe(409);
    // …and a second proposal skips the held times.
    const second = (await colleague('POST', '/api/schedule/proposals', { doctorId: f.orlova, kind: 'primary', dateFrom: '2026-11-25' })).json();
    expect(second.options[0].startsAt).toBe(msk('2026-11-25', '09:30'));
    await colleague('DELETE', `/api/schedule/holds/${second.holdGroup}`);
    // «Другие варианты»: only times after the ones offered, looking without holding.
    const more = (await colleague('POST', '/api/schedule/proposals', { doctorId: f.orlova, kind: 'primary', after: msk('2026-11-25', '15:00'), hold: false })).json();
    expect(more.holdGroup).toBeNull();
    expect(more.options.every((o: { startsAt: string }) => o.startsAt >= msk('2026-11-25', '15:00'))).toBe(true);
    // The patient chooses the evening: booked with the hold group, the morning is released.
    const booked = await f.admin('POST', '/api/appointments', { kind: 'primary', patientId: f.patients[0], doctorId: f.orlova, startsAt: p.options[1].startsAt, holdGroup: p.holdGroup });
    expect(booked.statusCode).toBe(201);
    const morning = await colleague('POST', '/api/appointments', { kind: 'primary', patientId: f.patients[1], doctorId: f.orlova, startsAt: msk('2026-11-25', '09:00') });
    expect(morning.statusCode).toBe(201);
  });

  it('keeps both options in the half of the day the patient asked for, by specialty', async () => {
    const p = (await f.admin('POST', '/api/schedule/proposals', { specialty: 'surgeon', kind: 'repeat', dateFrom: '2026-11-26', partOfDay: 'evening' })).json();
    expect(p.options).toHaveLength(2);
    for (const o of p.options) {
      expect(o.doctorId).toBe(f.belov);
      expect(o.startsAt >= msk('2026-11-26', '14:00')).toBe(true);
    }
    expect(Date.parse(p.options[1].startsAt) - Date.parse(p.options[0].startsAt)).toBeGreaterThanOrEqual(60 * 60_000);
  });

  it('urgent: the nearest time today, or a squeeze-in flagged "may have to wait" when the day is full', async () => {
    const free = (await f.admin('POST', '/api/schedule/urgent', { doctorId: f.belov })).json();
    expect(free.squeezeIn).toBe(false);
    expect(free.slot.startsAt).toBe(msk('2026-11-23', '12:15'));
    await f.admin('DELETE', `/api/schedule/holds/${free.holdGroup}`);
    // Fill Belov's afternoon (12:00-21:00 Moscow) completely.
    for (let h = 12; h < 21; h++) {
      const r = await f.admin('POST', '/api/appointments', { kind: 'repeat', patientId: f.patients[h % 4], doctorId: f.belov, startsAt: msk('2026-11-23', `${h}:00`), durationMin: 60 });
      expect(r.statusCode, `${h}:00`).toBe(201);
    }
    const sq = (await f.admin('POST', '/api/schedule/urgent', { doctorId: f.belov })).json();
    expect(sq.squeezeIn).toBe(true);
    // After the current visit, but not at 13:00 when the next one starts (issue 8 item 3): a grid step later.
    expect(sq.slot.startsAt).toBe(msk('2026-11-23', '13:15'));
    const booked = await f.admin('POST', '/api/appointments', { kind: 'urgent', patientId: f.patients[2], doctorId: f.belov, startsAt: sq.slot.startsAt, endsAt: sq.slot.endsAt, squeezeIn: true });
    expect(booked.statusCode).toBe(201);
  });

  it('lists idle gaps with patients to call, the waiting list first', async () => {
    const w = await f.admin('POST', '/api/waiting-list', { patientId: f.patients[3], doctorId: f.orlova, kind: 'repeat', dateFrom: '2026-11-23', dateTo: '2026-12-05', note: 'Хочет пораньше' });
    expect(w.statusCode).toBe(201);
    const g = (await f.admin('GET', '/api/schedule/gaps?date=2026-11-27')).json();
    const orl = g.doctors.find((d: { doctorId: string }) => d.doctorId === f.orlova);
    expect(orl.gaps[0]).toMatchObject({ start: msk('2026-11-27', '09:00'), end: msk('2026-11-27', '14:00'), minutes: 300 });
    expect(orl.candidates[0]).toMatchObject({ patientId: f.patients[3], reason: 'waiting_list', waitingListId: w.json().id });
    const belov = g.doctors.find((d: { doctorId: string }) => d.doctorId === f.belov);
    expect(belov.candidates.some((c: { reason: string }) => c.reason === 'waiting_list')).toBe(false);
    const booked = await f.admin('POST', '/api/appointments', { kind: 'repeat', patientId: f.patients[3], doctorId: f.orlova, startsAt: msk('2026-11-27', '09:00'), waitingListId: w.json().id });
    expect(booked.statusCode).toBe(201);
    expect((await f.admin('GET', '/api/waiting-list')).json().items).toHaveLength(0);
  });

  it('rejects a bad proposal request with field errors', async () => {
    const r = await f.admin('POST', '/api/schedule/proposals', { kind: 'primary', dateFrom: '2026-12-10', dateTo: '2026-12-01' });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].field).toBe('dateTo');
    const s = await f.admin('POST', '/api/schedule/proposals', { kind: 'primary', specialty: 'orthodontist' });
    expect(s.statusCode).toBe(400);
    expect(s.json().errors[0].field).toBe('specialty');
  });
});
