import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

describe.each(DIALECTS)('post-treatment survey (SURV-1..3, %s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let hour = 9;
  const visit = async (patientId: string, doctorId: string, date: string, status: string) => {
    const id = newId();
    const h = String(++hour).padStart(2, '0');
    await t.h.db.insertInto('appointments').values({
      id, clinic_id: t.fx.clinicId, branch_id: t.fx.branchId, doctor_id: doctorId, chair_id: null, patient_id: patientId, starts_at: msk(date, `${h}:00`), ends_at: msk(date, `${h}:30`),
      local_date: date, kind: 'repeat', status, squeeze_in: 0, needs_call: 0, comment: null, created_at: msk('2026-10-01', '10:00'), created_by: null, updated_at: msk('2026-10-01', '10:00'),
      status_changed_at: msk(date, '10:30'), services: null, call_id: null, late_minutes: null, arrived_at: null, in_chair_at: null,
      done_at: status === 'done' ? msk(date, '10:30') : null, cancel_reason: null, cancel_note: null, callback_date: null, rebooked_to_id: null,
    }).execute();
    return id;
  };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
  });
  afterAll(() => t.close());

  it('lists only patients who agreed, whose treatment ended and who were not surveyed recently; NPS and averages per doctor', async () => {
    t.clock.t = Date.parse(msk('2026-11-20', '09:00'));
    const admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    const [agreed, refused, ongoing, surveyed] = f.patients;
    const v1 = await visit(agreed, f.orlova, '2026-11-17', 'done');
    await visit(refused, f.orlova, '2026-11-17', 'done');
    await visit(ongoing, f.belov, '2026-11-17', 'done');
    await visit(ongoing, f.belov, '2026-11-25', 'booked');
    const v4 = await visit(surveyed, f.belov, '2026-11-17', 'done');
    for (const p of [agreed, ongoing, surveyed]) await admin('PUT', `/api/patients/${p}/survey-consent`, { status: 'agreed' });
    await admin('PUT', `/api/patients/${refused}/survey-consent`, { status: 'refused' });
    const done = await admin('POST', `/api/patients/${surveyed}/survey-calls`, { appointmentId: v4, outcome: 'completed', answers: [{ key: 'impression', score: 4 }, { key: 'recommend', score: 10 }] });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().low).toBe(false);
    const list = await admin('GET', '/api/surveys/worklist');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { patientId: string }) => i.patientId)).toEqual([agreed]);
    expect(list.json().items[0].script.introduction).toMatch(/^Доброе утро, /);
    const low = await admin('POST', `/api/patients/${agreed}/survey-calls`, { appointmentId: v1, outcome: 'completed', answers: [{ key: 'impression', score: 2 }, { key: 'recommend', score: 6 }, { key: 'comments', text: 'Долго ждала' }] });
    expect(low.json()).toMatchObject({ low: true });
    expect(low.json().taskId).toBeTruthy();
    const card = await admin('GET', `/api/patients/${agreed}/service-card`);
    expect(card.json().items.some((e: { section: string; text: string }) => e.section === 'svc1' && e.text.startsWith('Опрос после лечения: опрос проведён'))).toBe(true);
    const chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    const res = await chief('GET', '/api/surveys/results');
    expect(res.statusCode, res.body).toBe(200);
    // Hand-computed: Orlova — one answer 6 (detractor): NPS −100, impression 2; Belov — one 10: NPS 100, impression 4; total (1−1)/2 = 0, impression 3.
    const by = Object.fromEntries(res.json().byDoctor.map((d: { doctorId: string; nps: number; averages: Record<string, number> }) => [d.doctorId, d]));
    expect(by[f.orlova]).toMatchObject({ count: 1, nps: -100, averages: { impression: 2 } });
    expect(by[f.belov]).toMatchObject({ count: 1, nps: 100, averages: { impression: 4 } });
    expect(res.json().total).toMatchObject({ count: 2, nps: 0, averages: { impression: 3 } });
  });

  it('an assistant and the administrator cannot read the results; the administrator cannot edit the questionnaire', async () => {
    const assistant = as(t.app, await signIn(t.app, t.fx.users.assistant.login));
    expect((await assistant('GET', '/api/surveys/results')).statusCode).toBe(403);
    const admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    expect((await admin('GET', '/api/surveys/results')).statusCode).toBe(403);
    expect((await admin('PUT', '/api/surveys/questionnaire', { questions: [{ key: 'x', kind: 'score5', ru: 'В', en: 'Q' }] })).statusCode).toBe(403);
  });
});
