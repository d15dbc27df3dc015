import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

/**
 * Issue 9 item 6: «Подобрать время» for a known patient starts from her history — the visit type,
 * her treating doctor — and names the visits she already has.
 */
describe.each(DIALECTS)('booking context of a patient (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
  });
  afterAll(() => t.close());

  /** Books through the API, then (for the past) makes it a finished visit on an earlier day. */
  async function visit(patientId: string, doctorId: string, kind: string, date: string, hhmm: string, status?: 'done' | 'cancelled') {
    const future = await f.admin('POST', '/api/appointments', { kind, patientId, doctorId, startsAt: msk(status ? '2026-12-20' : date, hhmm) });
    expect(future.statusCode, future.body).toBe(201);
    const id = future.json().id as string;
    if (status) {
      const start = msk(date, hhmm);
      await t.h.db
        .updateTable('appointments')
        .set({ status, starts_at: start, ends_at: new Date(Date.parse(start) + 30 * 60_000).toISOString(), local_date: date })
        .where('id', '=', id)
        .execute();
    }
    return id;
  }
  const context = async (patientId: string) => {
    const res = await f.admin('GET', `/api/patients/${patientId}/booking-context`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('a new patient: a first consultation, no doctor, no visits', async () => {
    expect(await context(f.patients[3])).toEqual({ suggestedKind: 'primary', doctorId: null, upcoming: [] });
  });

  it('a patient in treatment: continued treatment with the doctor of her treatment visits (not the urgent one), and her future visits', async () => {
    const p = f.patients[0];
    await visit(p, f.orlova, 'primary', '2025-03-10', '10:00', 'done');
    await visit(p, f.orlova, 'repeat', '2025-04-10', '10:00', 'done');
    await visit(p, f.belov, 'urgent', '2026-10-01', '11:00', 'done');
    await visit(p, f.belov, 'repeat', '2026-11-01', '12:00', 'cancelled');
    const next = await visit(p, f.belov, 'repeat', '2026-12-21', '15:00');
    const ctx = await context(p);
    expect(ctx.suggestedKind).toBe('repeat');
    expect(ctx.doctorId).toBe(f.orlova);
    expect(ctx.upcoming).toEqual([
      expect.objectContaining({ id: next, doctorId: f.belov, branchId: t.fx.branchId, startsAt: msk('2026-12-21', '15:00'), localDate: '2026-12-21', kind: 'repeat', status: 'booked' }),
    ]);
  });

  it('a prophylactic patient: the next check-up with the doctor of her last one', async () => {
    const p = f.patients[1];
    await visit(p, f.orlova, 'repeat', '2024-02-01', '10:00', 'done');
    await visit(p, f.belov, 'checkup', '2026-05-12', '10:00', 'done');
    expect(await context(p)).toMatchObject({ suggestedKind: 'checkup', doctorId: f.belov, upcoming: [] });
  });

  it('a doctor who no longer works here is not offered', async () => {
    const p = f.patients[2];
    await visit(p, f.belov, 'repeat', '2026-06-01', '10:00', 'done');
    const off = await f.owner('PATCH', `/api/doctors/${f.belov}`, { isActive: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(await context(p)).toMatchObject({ suggestedKind: 'repeat', doctorId: null });
    await f.owner('PATCH', `/api/doctors/${f.belov}`, { isActive: true });
  });

  it('answers 404 for an unknown patient and is described in the OpenAPI document', async () => {
    const res = await f.admin('GET', '/api/patients/01900000-0000-7000-8000-000000000000/booking-context');
    expect(res.statusCode).toBe(404);
    expect(res.json().detail_ru).not.toBe('Адрес не найден');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/patients/{id}/booking-context'].get.responses)).toContain('200');
  });
});
