import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// A generated working week, 16–20 November 2026 (Moscow, UTC+3), with figures worked out by hand.
const PERIOD = 'from=2026-11-16&to=2026-11-20';
const EARLY = '2026-11-10T09:00:00.000Z';

describe.each(DIALECTS)('statistics for the owner and the desk board (%s)', (dialect) => {
  let t: TestApp;
  let owner: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let office: ReturnType<typeof as>;
  let dentist: ReturnType<typeof as>;
  let orlova: string;
  let belov: string;
  let secondSource: string;
  const visit: Record<string, string> = {};
  const patient: Record<string, string> = {};

  async function newPatient(key: string, surname: string, at: string, sourceId?: string) {
    t.clock.t = Date.parse(at);
    const r = await admin('POST', '/api/patients', { surname, firstName: 'Тест', phones: [{ number: `+7921${String(Object.keys(patient).length).padStart(7, '0')}` }], ...(sourceId && { sourceId }) });
    if (r.statusCode !== 201) throw new Error(r.body);
    patient[key] = r.json().id;
  }

  async function appt(key: string, p: { doctor: string; patient: string; date: string; start: string; end: string; status: string; kind?: string; chair?: boolean; reason?: string; createdAt?: string; confirmedAt?: string; arrivedAt?: string }) {
    const id = newId();
    visit[key] = id;
    await t.h.db.insertInto('appointments').values({
      id, clinic_id: t.fx.clinicId, branch_id: t.fx.branchId, doctor_id: p.doctor, chair_id: p.chair === false ? null : t.fx.chairId, patient_id: p.patient,
      starts_at: msk(p.date, p.start), ends_at: msk(p.date, p.end), local_date: p.date, kind: p.kind ?? 'repeat', status: p.status, squeeze_in: 0, needs_call: 0, comment: null,
      created_at: p.createdAt ?? EARLY, created_by: null, updated_at: EARLY, status_changed_at: EARLY, services: null, call_id: null, cancel_reason: p.reason ?? null,
      arrived_at: p.arrivedAt ?? null,
    }).execute();
    if (p.confirmedAt) {
      await t.h.db.insertInto('appointment_history').values({ id: newId(), clinic_id: t.fx.clinicId, appointment_id: id, at: p.confirmedAt, user_id: null, action: 'status', from_status: 'booked', to_status: 'confirmed', details_json: '{}' }).execute();
    }
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    office = as(t.app, await signIn(t.app, t.fx.users.office_manager.login));
    dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
    const mk = async (body: object) => (await owner('POST', '/api/doctors', body)).json().id as string;
    orlova = await mk({ surname: 'Орлова', firstName: 'Мария', position: 'Врач-стоматолог-терапевт', specialties: ['therapist'] });
    belov = await mk({ surname: 'Белов', firstName: 'Игорь', position: 'Врач-стоматолог-хирург', specialties: ['surgeon'] });
    // Orlova: Mon–Fri 09:00–15:00 in chair 1 with a 12:00–13:00 break = 300 min a day; on vacation on Thursday 19th.
    await owner('PUT', `/api/doctors/${orlova}/hours`, { hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, branchId: t.fx.branchId, chairId: t.fx.chairId, starts: '09:00', ends: '15:00', breakStarts: '12:00', breakEnds: '13:00' })) });
    const vac = await owner('POST', `/api/doctors/${orlova}/exceptions`, { kind: 'vacation', dateFrom: '2026-11-19', dateTo: '2026-11-19' });
    expect(vac.statusCode, vac.body).toBe(201);
    // Belov: Monday and Wednesday 10:00–14:00, no fixed chair = 240 min a day.
    await owner('PUT', `/api/doctors/${belov}/hours`, { hours: [1, 3].map((weekday) => ({ weekday, branchId: t.fx.branchId, starts: '10:00', ends: '14:00' })) });
    secondSource = (await owner('POST', '/api/info-sources', { name: 'Рекомендация знакомых' })).json().id;

    // New patients: 00:30 Moscow on the 16th is inside the period, 00:30 on the 21st is not.
    await newPatient('a', 'Алексеев', '2026-11-15T21:30:00.000Z', t.fx.sourceId);
    await newPatient('b', 'Борисова', '2026-11-17T08:00:00.000Z', t.fx.sourceId);
    await newPatient('c', 'Волков', '2026-11-18T08:00:00.000Z', t.fx.sourceId);
    await newPatient('d', 'Григорьева', '2026-11-19T08:00:00.000Z', secondSource);
    await newPatient('e', 'Дмитриев', '2026-11-20T08:00:00.000Z');
    await newPatient('late', 'Егорова', '2026-11-20T21:30:00.000Z', secondSource);
    await newPatient('old1', 'Жуков', '2026-01-20T08:00:00.000Z');
    await newPatient('old2', 'Зайцева', '2026-01-20T09:00:00.000Z');
    await newPatient('old3', 'Исаев', '2026-01-20T10:00:00.000Z');
    t.clock.t = Date.parse('2026-11-23T09:00:00.000Z');

    const O = { doctor: orlova };
    // Orlova, 315 booked minutes of 1 200 working: 60 + 45 + 60 + 90 + 60.
    await appt('o16done', { ...O, patient: patient.a, date: '2026-11-16', start: '09:00', end: '10:00', status: 'done', confirmedAt: '2026-11-15T10:00:00.000Z' });
    await appt('o16noshow', { ...O, patient: patient.b, date: '2026-11-16', start: '10:00', end: '10:30', status: 'no_show' });
    await appt('o16cancel', { ...O, patient: patient.c, date: '2026-11-16', start: '11:00', end: '11:30', status: 'cancelled', reason: 'illness', confirmedAt: '2026-11-15T10:00:00.000Z' });
    await appt('o17a', { ...O, patient: patient.a, date: '2026-11-17', start: '09:00', end: '09:45', status: 'done', confirmedAt: '2026-11-16T12:00:00.000Z' });
    await appt('o17b', { ...O, patient: patient.b, date: '2026-11-17', start: '13:00', end: '14:00', status: 'done', confirmedAt: '2026-11-16T12:00:00.000Z' });
    await appt('o17noshow', { ...O, patient: patient.c, date: '2026-11-17', start: '14:00', end: '14:30', status: 'no_show' });
    await appt('o18cancel', { ...O, patient: patient.d, date: '2026-11-18', start: '09:00', end: '10:00', status: 'cancelled', reason: 'patient_request' });
    // Confirmed at 00:30 Moscow on the visit's own day: not before the day.
    await appt('o18done', { ...O, patient: patient.e, date: '2026-11-18', start: '10:00', end: '11:30', status: 'done', confirmedAt: '2026-11-17T21:30:00.000Z' });
    // Confirmed at 23:59 Moscow the evening before: in time.
    await appt('o20done', { ...O, patient: patient.a, date: '2026-11-20', start: '09:00', end: '10:00', status: 'done', confirmedAt: '2026-11-19T20:59:00.000Z' });
    // Belov, 120 of 480: a visit booked on its own day (not confirmable in advance) and a no-show.
    await appt('b16done', { doctor: belov, patient: patient.d, date: '2026-11-16', start: '10:00', end: '12:00', status: 'done', chair: false, createdAt: '2026-11-16T06:00:00.000Z' });
    await appt('b18noshow', { doctor: belov, patient: patient.e, date: '2026-11-18', start: '10:00', end: '11:00', status: 'no_show', chair: false });
    // Another week: not counted.
    await appt('outside', { ...O, patient: patient.a, date: '2026-11-23', start: '09:00', end: '10:00', status: 'confirmed' });
    // Recall as of the 20th by the default rules (the clinic set none): a check-up is due 6 months on.
    await appt('r1', { ...O, patient: patient.old1, date: '2026-03-02', start: '09:00', end: '09:30', status: 'done', kind: 'checkup' }); // due 02.09.2026
    await appt('r1next', { ...O, patient: patient.old1, date: '2026-12-01', start: '09:00', end: '09:30', status: 'booked' });
    await appt('r2', { ...O, patient: patient.old2, date: '2026-04-01', start: '09:00', end: '09:30', status: 'done', kind: 'checkup' }); // due 01.10.2026
    await appt('r3', { ...O, patient: patient.old3, date: '2026-06-01', start: '09:00', end: '09:30', status: 'done', kind: 'checkup' }); // due 01.12.2026: not yet
  }, 120_000);
  afterAll(() => t.close());

  it('the week against hand-computed figures: statuses, no-show rate, reasons, load, sources, confirmation, recall', async () => {
    const r = await owner('GET', `/api/statistics?${PERIOD}`);
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s.visits.total).toBe(11);
    expect(Object.fromEntries(s.visits.byStatus.map((x: { status: string; count: number }) => [x.status, x.count]))).toEqual({ booked: 0, confirmed: 0, arrived: 0, in_chair: 0, done: 6, no_show: 3, cancelled: 2 });
    expect(s.visits.noShowRate).toBe(33.3);
    expect(s.visits.cancelReasons).toEqual(expect.arrayContaining([{ reason: 'illness', count: 1 }, { reason: 'patient_request', count: 1 }]));
    expect(s.doctors).toEqual(expect.arrayContaining([
      { doctorId: orlova, name: 'Орлова Мария', bookedMinutes: 315, workMinutes: 1200, idleMinutes: 885, percent: 26.3 },
      { doctorId: belov, name: 'Белов Игорь', bookedMinutes: 120, workMinutes: 480, idleMinutes: 360, percent: 25 },
    ]));
    expect(s.chairs).toEqual([{ chairId: t.fx.chairId, name: 'Кресло 1', branchId: t.fx.branchId, bookedMinutes: 315, workMinutes: 1200, idleMinutes: 885, percent: 26.3 }]);
    expect(s.total).toEqual({ bookedMinutes: 435, workMinutes: 1680, idleMinutes: 1245, percent: 25.9 });
    expect(s.newPatients).toBe(5);
    expect(s.sources).toEqual([
      { sourceId: t.fx.sourceId, name: 'Сайт клиники', count: 3 },
      { sourceId: secondSource, name: 'Рекомендация знакомых', count: 1 },
      { sourceId: null, name: null, count: 1 },
    ]);
    expect(s.confirmation).toEqual({ due: 8, confirmed: 4, percent: 50 });
    expect(s.recall).toEqual({ asOf: '2026-11-20', due: 2, booked: 1, percent: 50 });
    // One day: Monday alone.
    const mon = (await owner('GET', '/api/statistics?from=2026-11-16&to=2026-11-16')).json();
    expect(mon.total).toEqual({ bookedMinutes: 180, workMinutes: 540, idleMinutes: 360, percent: 33.3 });
    // The chief doctor reads them too; a branch filter of the clinic's only branch changes nothing.
    const chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    const byBranch = (await chief('GET', `/api/statistics?${PERIOD}&branchId=${t.fx.branchId}`)).json();
    expect(byBranch.total).toEqual(s.total);
  });

  it('revenue: taken in by method (the advance spent apart), refunds, billed per doctor; each opens its payments', async () => {
    const user = t.fx.users.administrator.id;
    const bill = async (number: number, issuedAt: string, status: 'issued' | 'cancelled', lines: [string, number][]) => {
      const id = newId();
      await t.h.db.insertInto('bills').values({
        id, clinic_id: t.fx.clinicId, branch_id: t.fx.branchId, patient_id: patient.a, appointment_id: null, number, status, payer: 'patient', total: lines.reduce((s, l) => s + l[1], 0),
        discount_total: 0, note: null, created_by: user, created_at: issuedAt, issued_by: user, issued_at: issuedAt, cancelled_by: null, cancelled_at: null, cancel_reason: null, updated_at: issuedAt,
      }).execute();
      let position = 0;
      for (const [doctor, amount] of lines) {
        await t.h.db.insertInto('bill_lines').values({
          id: newId(), clinic_id: t.fx.clinicId, bill_id: id, position: position++, price_item_id: null, price_version_id: null, code: 'Т-01', name: 'Лечение', unit_price: amount, quantity: 1,
          discount: 0, discount_reason: null, amount, doctor_id: doctor, assistant_id: null, tooth: null,
        }).execute();
      }
      return id;
    };
    let receipt = 0;
    const pay = async (billId: string | null, kind: 'payment' | 'refund', method: 'cash' | 'card' | 'advance', amount: number, at: string) =>
      t.h.db.insertInto('payments').values({
        id: newId(), clinic_id: t.fx.clinicId, branch_id: t.fx.branchId, patient_id: patient.a, bill_id: billId, shift_id: null, number: ++receipt, kind, method, amount,
        refund_of: null, reason: kind === 'refund' ? 'Возврат' : null, payer_name: null, created_by: user, created_at: at,
      }).execute();
    const b1 = await bill(1, '2026-11-16T08:00:00.000Z', 'issued', [[orlova, 350_000], [belov, 120_050]]);
    const b2 = await bill(2, '2026-11-18T08:00:00.000Z', 'cancelled', [[orlova, 999_900]]);
    await bill(3, '2026-11-21T08:00:00.000Z', 'issued', [[orlova, 10_000]]);
    await pay(b1, 'payment', 'card', 300_000, '2026-11-16T08:05:00.000Z');
    await pay(b1, 'payment', 'advance', 100_000, '2026-11-16T08:06:00.000Z');
    await pay(null, 'payment', 'cash', 250_050, '2026-11-17T08:00:00.000Z');
    await pay(b2, 'refund', 'cash', 20_000, '2026-11-18T09:00:00.000Z');
    await pay(null, 'payment', 'cash', 77_700, '2026-11-20T21:30:00.000Z');
    const s = (await owner('GET', `/api/statistics?${PERIOD}`)).json();
    expect(s.revenue).toEqual({
      received: 550_050, refunded: 20_000, net: 530_050, fromAdvance: 100_000,
      byMethod: [
        { method: 'cash', received: 250_050, refunded: 20_000, count: 2 },
        { method: 'card', received: 300_000, refunded: 0, count: 1 },
        { method: 'advance', received: 100_000, refunded: 0, count: 1 },
      ],
      byDoctor: [{ doctorId: orlova, name: 'Орлова Мария', billed: 350_000 }, { doctorId: belov, name: 'Белов Игорь', billed: 120_050 }],
    });
    const cash = (await owner('GET', `/api/statistics/payments?${PERIOD}&method=cash`)).json();
    expect(cash.total).toBe(2);
    expect(cash.items.map((p: { kind: string; amount: number }) => [p.kind, p.amount])).toEqual([['payment', 250_050], ['refund', 20_000]]);
    expect(cash.items[1]).toMatchObject({ billNumber: 2, patientName: 'Алексеев Тест' });
    expect((await admin('GET', `/api/statistics/payments?${PERIOD}`)).statusCode).toBe(403);
  });

  it('every figure opens its list', async () => {
    const ids = async (q: string) => {
      const r = await owner('GET', `/api/statistics/visits?${PERIOD}&${q}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items.map((v: { id: string }) => v.id).sort();
    };
    expect(await ids('status=no_show')).toEqual([visit.o16noshow, visit.o17noshow, visit.b18noshow].sort());
    expect(await ids('cancelReason=illness')).toEqual([visit.o16cancel]);
    expect(await ids(`doctorId=${orlova}&status=held`)).toEqual([visit.o16done, visit.o17a, visit.o17b, visit.o18done, visit.o20done].sort());
    expect(await ids('confirmation=confirmed')).toEqual([visit.o16done, visit.o17a, visit.o17b, visit.o20done].sort());
    expect(await ids('confirmation=unconfirmed')).toEqual([visit.o16noshow, visit.o17noshow, visit.o18done, visit.b18noshow].sort());
    const one = (await owner('GET', `/api/statistics/visits?${PERIOD}&cancelReason=patient_request`)).json();
    expect(one).toMatchObject({ total: 1, items: [{ patientId: patient.d, patientName: 'Григорьева Тест', doctorName: 'Орлова Мария', localDate: '2026-11-18', status: 'cancelled' }] });
    const pats = async (q: string) => (await owner('GET', `/api/statistics/patients?${PERIOD}&${q}`)).json().items.map((p: { id: string }) => p.id).sort();
    expect(await pats(`sourceId=${t.fx.sourceId}`)).toEqual([patient.a, patient.b, patient.c].sort());
    expect(await pats('noSource=true')).toEqual([patient.e]);
    expect(await pats('recall=due')).toEqual([patient.old1, patient.old2].sort());
    expect(await pats('recall=not_booked')).toEqual([patient.old2]);
    const recall = (await owner('GET', `/api/statistics/patients?${PERIOD}&recall=booked`)).json();
    expect(recall).toMatchObject({ total: 1, items: [{ id: patient.old1, lastVisit: '2026-03-02' }] });
  });

  it('only the owner and the chief doctor read statistics; the board is the desk’s', async () => {
    for (const who of [admin, office, dentist]) {
      expect((await who('GET', `/api/statistics?${PERIOD}`)).statusCode).toBe(403);
      expect((await who('GET', `/api/statistics/visits?${PERIOD}&status=done`)).statusCode).toBe(403);
    }
    for (const who of [admin, dentist, owner]) expect((await who('GET', '/api/desk/today')).statusCode).toBe(200);
  });

  it('refuses a reversed or over-long period with the field named', async () => {
    const back = await owner('GET', '/api/statistics?from=2026-11-20&to=2026-11-16');
    expect(back.statusCode).toBe(400);
    expect(back.json().errors).toMatchObject([{ field: 'to', message_ru: 'Дата окончания раньше даты начала' }]);
    const long = await owner('GET', '/api/statistics?from=2025-01-01&to=2026-01-02');
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].message_ru).toBe('Период не длиннее года (366 дней)');
    expect((await owner('GET', '/api/statistics?from=2026-13-01&to=2026-11-16')).statusCode).toBe(400);
    expect((await owner('GET', `/api/statistics?${PERIOD}&branchId=${newId()}`)).statusCode).toBe(400);
  });

  it('the board: today’s open visits with arrival times, chairs of the branch', async () => {
    // Today 23rd, 12:00 Moscow: one is waiting since 11:40, one booked for 11:50 has not come.
    await appt('waiting', { doctor: orlova, patient: patient.b, date: '2026-11-23', start: '12:00', end: '12:30', status: 'arrived', arrivedAt: msk('2026-11-23', '11:40') });
    await appt('late', { doctor: belov, patient: patient.c, date: '2026-11-23', start: '11:50', end: '12:20', status: 'booked', chair: false });
    await appt('gone', { doctor: belov, patient: patient.d, date: '2026-11-23', start: '09:00', end: '09:30', status: 'done', chair: false });
    const r = await admin('GET', '/api/desk/today');
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json();
    expect(b.date).toBe('2026-11-23');
    expect(b.chairs).toEqual([{ id: t.fx.chairId, branchId: t.fx.branchId, name: 'Кресло 1' }]);
    const byId = new Map(b.visits.map((v: { id: string }) => [v.id, v]));
    expect(byId.get(visit.waiting)).toMatchObject({ status: 'arrived', arrivedAt: msk('2026-11-23', '11:40'), patientName: 'Борисова Тест', doctorName: 'Орлова Мария' });
    expect(byId.get(visit.late)).toMatchObject({ status: 'booked', startsAt: msk('2026-11-23', '11:50') });
    expect(byId.has(visit.gone)).toBe(false);
    expect(byId.has(visit.outside)).toBe(true);
  });
});
