import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock starts at Monday 2026-11-23 12:00 Moscow; the plans are made today and the list is read 8 days later.
const TODAY = '2026-11-23';
const LATER = '2026-12-01';

type RecallItemT = { patientId: string; kind: string; lastVisit: string; doctorId: string; detail: string };

describe.each(DIALECTS)('DOC-6: a recommended plan not completed feeds the «не завершил лечение» recall list (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  const item: Record<string, string> = {};
  const patients: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    const chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    const dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
    for (const [code, name] of [['Т-01', 'Пломба из композита'], ['О-01', 'Металлокерамическая коронка'], ['Э-01', 'Обработка канала']]) {
      item[code] = (await chief('POST', '/api/price-list', { code, name, section: 'Терапия', priceMin: 100_000 })).json().id;
    }
    // Three patients, each with a two-service plan issued at today's visit and only the filling billed today:
    // «left» books nothing; «finished» has the crown billed at a second visit; «refused» refuses the plan.
    for (const [i, name] of ['left', 'finished', 'refused'].entries()) {
      patients[name] = (await f.admin('POST', '/api/patients', { surname: `Планова${i}`, firstName: 'Ирина', birthDate: '1980-01-01', phones: [{ number: `+7921999030${i}` }] })).json().id;
      const visit = (await f.admin('POST', '/api/appointments', { patientId: patients[name], doctorId: f.orlova, startsAt: msk(TODAY, `${15 + i}:00`), kind: 'primary' })).json().id;
      await dentist('PUT', `/api/appointments/${visit}/planned-services`, { codes: ['Т-01', 'О-01'] });
      const plan = await dentist('POST', `/api/patients/${patients[name]}/documents`, { templateCode: 'plan-recommended', appointmentId: visit });
      expect(plan.statusCode, plan.body).toBe(201);
      if (name === 'refused') await dentist('POST', `/api/documents/${plan.json().id}/refuse`, { reason: 'Будет лечиться в другой клинике' });
      const bill = (await dentist('POST', '/api/bills', { appointmentId: visit })).json().id;
      const codes = name === 'finished' ? ['Т-01', 'О-01'] : ['Т-01'];
      expect((await dentist('PUT', `/api/bills/${bill}/lines`, { lines: codes.map((c) => ({ priceItemId: item[c], quantity: 1, tooth: '26' })) })).statusCode).toBe(200);
    }
  }, 60_000);
  afterAll(() => t.close());

  const recall = async (date: string) => {
    const admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    const r = await admin('GET', `/api/worklists/recall?date=${date}`);
    expect(r.statusCode, r.body).toBe(200);
    return { admin, items: r.json().items as RecallItemT[] };
  };

  it('within the first week nobody is called; then the patient with the crown left is on the list with what is left', async () => {
    expect((await recall(TODAY)).items.map((i) => i.patientId)).not.toContain(patients.left);
    t.clock.advance(8 * 86_400_000);
    const { items } = await recall(LATER);
    const left = items.find((i) => i.patientId === patients.left);
    expect(left).toMatchObject({ kind: 'dropped', lastVisit: TODAY, doctorId: f.orlova });
    expect(left!.detail).toBe('План лечения от 23.11.2026 выполнен не полностью: осталось 1 из 2 (Металлокерамическая коронка), новой записи нет');
    // All done, or the plan refused: not on the list.
    expect(items.map((i) => i.patientId)).not.toContain(patients.finished);
    expect(items.map((i) => i.patientId)).not.toContain(patients.refused);
  });

  it('a visit booked ahead takes the patient off; a call «отказ» too', async () => {
    const { admin } = await recall(LATER);
    const ahead = await admin('POST', '/api/appointments', { patientId: patients.left, doctorId: f.orlova, startsAt: msk('2026-12-03', '10:00'), kind: 'repeat' });
    expect(ahead.statusCode, ahead.body).toBe(201);
    expect((await recall(LATER)).items.map((i) => i.patientId)).not.toContain(patients.left);
    const cancelled = await admin('POST', `/api/appointments/${ahead.json().id}/status`, { to: 'cancelled', cancel: { reason: 'patient_request', callbackDate: '2026-12-10' } });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await recall(LATER)).items.map((i) => i.patientId)).toContain(patients.left);
    // The desk calls: «отказ» after the plan takes the patient off for good.
    const call = await admin('POST', '/api/worklists/attempts', { purpose: 'recall', outcome: 'refused', patientId: patients.left, note: 'Продолжит лечение позже сам' });
    expect(call.statusCode, call.body).toBeLessThan(300);
    expect((await recall(LATER)).items.map((i) => i.patientId)).not.toContain(patients.left);
  });
});
