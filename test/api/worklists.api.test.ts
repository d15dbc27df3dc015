import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// The fixture's branch works Monday–Friday; Friday 27 November 2026 is the last working day before the weekend.
describe.each(DIALECTS)('the outgoing worklists «Обзвон» (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let chief: ReturnType<typeof as>;
  let slot = 0;
  const visit = async (o: { patientId: string; doctorId: string; date: string; time: string; status?: string; kind?: string; createdAt?: string }) => {
    const id = newId();
    const m = Number(o.time.slice(0, 2)) * 60 + Number(o.time.slice(3)) + 15;
    const end = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const created = o.createdAt ?? msk('2026-10-01', '10:00');
    await t.h.db.insertInto('appointments').values({
      id, clinic_id: t.fx.clinicId, branch_id: t.fx.branchId, doctor_id: o.doctorId, chair_id: null, patient_id: o.patientId, starts_at: msk(o.date, o.time), ends_at: msk(o.date, end),
      local_date: o.date, kind: o.kind ?? 'repeat', status: o.status ?? 'booked', squeeze_in: 0, needs_call: 0, comment: null, created_at: created, created_by: null, updated_at: created,
      status_changed_at: o.status === 'done' ? msk(o.date, end) : created, services: null, call_id: null, late_minutes: null, arrived_at: null, in_chair_at: null,
      done_at: o.status === 'done' ? msk(o.date, end) : null, cancel_reason: null, cancel_note: null, callback_date: null, rebooked_to_id: null,
    }).execute();
    slot++;
    return id;
  };
  /** Moves the clock (sessions idle out over days) and signs the desk and the chief doctor in again. */
  const at = async (iso: string) => {
    t.clock.t = Date.parse(iso);
    f.admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    f.owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
  };
  const patient = async (surname: string, firstName: string, patronymic?: string) =>
    (await f.admin('POST', '/api/patients', { surname, firstName, ...(patronymic && { patronymic }), phones: [{ number: `+7921555${String(slot++).padStart(4, '0')}` }] })).json().id as string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
  });
  afterAll(() => t.close());

  let mon: Record<string, string> = {};
  it('Friday evening holds only the first half of Monday; Monday morning its second half (CONF-2), with the seed’s script', async () => {
    const [p0, p1, p2, p3] = f.patients;
    mon = {
      early: await visit({ patientId: p0, doctorId: f.orlova, date: '2026-11-30', time: '10:00' }),
      beforeTwo: await visit({ patientId: p1, doctorId: f.belov, date: '2026-11-30', time: '13:45' }),
      two: await visit({ patientId: p2, doctorId: f.orlova, date: '2026-11-30', time: '14:00' }),
      late: await visit({ patientId: p3, doctorId: f.belov, date: '2026-11-30', time: '16:00' }),
      tuesday: await visit({ patientId: p0, doctorId: f.belov, date: '2026-12-01', time: '18:00' }),
    };
    await visit({ patientId: p1, doctorId: f.belov, date: '2026-11-28', time: '10:00' });
    await at(msk('2026-11-27', '16:30'));
    const fri = await f.admin('GET', '/api/worklists/confirmations?date=2026-11-27');
    expect(fri.statusCode, fri.body).toBe(200);
    expect(fri.json().sessions).toHaveLength(1);
    expect(fri.json().sessions[0]).toMatchObject({ session: 'evening', visitDate: '2026-11-30', half: 'first' });
    expect(fri.json().sessions[0].items.map((i: { appointmentId: string }) => i.appointmentId)).toEqual([mon.early, mon.beforeTwo]);
    expect(fri.json().counts).toEqual({ total: 2, confirmed: 0, toCall: 2, notReached: 0 });
    const first = fri.json().sessions[0].items[0];
    expect(first.script).toBe('Добрый день, Иван, Вас беспокоят из клиники «Тестовая клиника», администратор administrator. Напоминаем, что в понедельник, 30 ноября, в 10:00 Вы записаны на приём к доктору Орловой Марии (Санкт-Петербург, Невский пр., 1). Вы подойдёте?');
    expect(first.phone).toMatch(/^\+7921/);
    const monday = await f.admin('GET', '/api/worklists/confirmations?date=2026-11-30');
    expect(monday.json().sessions.map((s: { session: string; half: string; visitDate: string }) => [s.session, s.visitDate, s.half])).toEqual([['morning', '2026-11-30', 'second'], ['evening', '2026-12-01', 'all']]);
    expect(monday.json().sessions[0].items.map((i: { appointmentId: string }) => i.appointmentId)).toEqual([mon.two, mon.late]);
    expect(monday.json().sessions[1].items.map((i: { appointmentId: string }) => i.appointmentId)).toEqual([mon.tuesday]);
    // Saturday is closed for this branch: nobody calls, its stray visit is on no list.
    expect((await f.admin('GET', '/api/worklists/confirmations?date=2026-11-28')).json()).toMatchObject({ open: false, sessions: [] });
  });

  it('each attempt is recorded in the call base and marks the visit: «ВИЗИТ ПОДТВЕРЖДЁН» or «ПОЗВОНИТЬ»', async () => {
    const [p0, p1] = f.patients;
    const ok = await f.admin('POST', '/api/worklists/attempts', { purpose: 'confirmation', outcome: 'confirmed', patientId: p0, appointmentId: mon.early });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await f.admin('GET', `/api/appointments/${mon.early}`)).json()).toMatchObject({ status: 'confirmed', needsCall: false });
    const miss = await f.admin('POST', '/api/worklists/attempts', { purpose: 'confirmation', outcome: 'not_reached', patientId: p1, appointmentId: mon.beforeTwo });
    expect(miss.statusCode, miss.body).toBe(201);
    expect((await f.admin('GET', `/api/appointments/${mon.beforeTwo}`)).json()).toMatchObject({ status: 'booked', needsCall: true });
    const list = (await f.admin('GET', '/api/worklists/confirmations?date=2026-11-27')).json();
    expect(list.counts).toEqual({ total: 2, confirmed: 1, toCall: 1, notReached: 1 });
    expect(list.sessions[0].items[1].attempts).toMatchObject([{ outcome: 'not_reached', by: 'Тест administrator' }]);
    const calls = await t.h.db.selectFrom('calls').selectAll().where('clinic_id', '=', t.fx.clinicId).where('purpose', '=', 'confirmation').orderBy('started_at').execute();
    expect(calls.map((c) => [c.direction, c.outcome, c.user_id, c.appointment_id])).toEqual([
      ['out', 'confirmed', t.fx.users.administrator.id, mon.early], ['out', 'not_reached', t.fx.users.administrator.id, mon.beforeTwo],
    ]);
  });

  it('bad attempts are refused field by field and write nothing', async () => {
    const [, , p2, p3] = f.patients;
    const before = await t.h.db.selectFrom('calls').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const cases: [object, string][] = [
      [{ purpose: 'confirmation', outcome: 'cancelled', patientId: p3, appointmentId: mon.late }, 'cancel'],
      [{ purpose: 'confirmation', outcome: 'moved', patientId: p3, appointmentId: mon.late }, 'note'],
      [{ purpose: 'confirmation', outcome: 'callback', patientId: p2, appointmentId: mon.two }, 'callbackAt'],
      [{ purpose: 'confirmation', outcome: 'callback', patientId: p2, appointmentId: mon.two, callbackAt: msk('2026-11-27', '10:00') }, 'callbackAt'],
      [{ purpose: 'gap', outcome: 'confirmed', patientId: p2 }, 'outcome'],
      [{ purpose: 'confirmation', outcome: 'confirmed', patientId: p2, appointmentId: mon.late }, 'appointmentId'],
      [{ purpose: 'confirmation', outcome: 'cancelled', patientId: p3, appointmentId: mon.late, cancel: { reason: 'patient_request' } }, 'cancel'],
    ];
    for (const [body, field] of cases) {
      const r = await f.admin('POST', '/api/worklists/attempts', body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(r.json().errors[0].message_ru).toMatch(/[а-я]/);
    }
    const after = await t.h.db.selectFrom('calls').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await f.admin('GET', `/api/appointments/${mon.late}`)).json().status).toBe('booked');
  });

  it('call-backs: promised in a call and agreed at cancellation come due on their date; «позвонили, отказался» closes one', async () => {
    const [, , p2, p3] = f.patients;
    await at(msk('2026-11-30', '09:10'));
    const cb = await f.admin('POST', '/api/worklists/attempts', { purpose: 'confirmation', outcome: 'callback', patientId: p2, appointmentId: mon.two, callbackAt: msk('2026-11-30', '11:00'), note: 'На совещании' });
    expect(cb.statusCode, cb.body).toBe(201);
    const cancel = await f.admin('POST', '/api/worklists/attempts', { purpose: 'confirmation', outcome: 'cancelled', patientId: p3, appointmentId: mon.late, cancel: { reason: 'illness', callbackDate: '2026-12-03', note: 'Температура' } });
    expect(cancel.statusCode, cancel.body).toBe(201);
    expect((await f.admin('GET', `/api/appointments/${mon.late}`)).json()).toMatchObject({ status: 'cancelled' });
    // The cancelled visit stays on the morning list with its attempt; it is no longer counted.
    const morning = (await f.admin('GET', '/api/worklists/confirmations?date=2026-11-30')).json();
    expect(morning.sessions[0].items.find((i: { appointmentId: string }) => i.appointmentId === mon.late)).toMatchObject({ status: 'cancelled', attempts: [{ outcome: 'cancelled' }] });
    const today = (await f.admin('GET', '/api/worklists/callbacks?date=2026-11-30')).json();
    expect(today.items).toMatchObject([{ source: 'promise', patientId: p2, dueAt: msk('2026-11-30', '11:00'), note: 'На совещании' }]);
    const thursday = (await f.admin('GET', '/api/worklists/callbacks?date=2026-12-03')).json();
    expect(thursday.items).toMatchObject([{ source: 'cancellation', patientId: p3, appointmentId: mon.late, why: 'Отмена визита 30.11.2026: болезнь', note: 'Температура' }]);
    // Not reached keeps it on the list; a refusal takes it off.
    await at(msk('2026-11-30', '11:05'));
    expect((await f.admin('POST', '/api/worklists/attempts', { purpose: 'callback', outcome: 'not_reached', patientId: p2 })).statusCode).toBe(201);
    expect((await f.admin('GET', '/api/worklists/callbacks?date=2026-11-30')).json().items).toMatchObject([{ patientId: p2, attempts: [{ outcome: 'not_reached' }] }]);
    expect((await f.admin('POST', '/api/worklists/attempts', { purpose: 'callback', outcome: 'refused', patientId: p2, note: 'Передумал' })).statusCode).toBe(201);
    expect((await f.admin('GET', '/api/worklists/callbacks?date=2026-11-30')).json().items).toEqual([]);
  });

  it('recall: the rules management sets produce the due list (hand-computed), with dropped visits after it', async () => {
    await at(msk('2026-11-23', '10:00'));
    const hyg = (await f.owner('POST', '/api/doctors', { surname: 'Гигиенова', firstName: 'Ольга', patronymic: 'Петровна', position: 'Гигиенист стоматологический', specialties: ['hygienist'] })).json().id as string;
    expect((await f.admin('POST', '/api/recall-rules', { name: 'x', visitKind: 'checkup', specialty: null, months: 6 })).statusCode).toBe(403);
    for (const r of [
      { name: 'Профгигиена каждые 6 месяцев', visitKind: null, specialty: 'hygienist', months: 6 },
      { name: 'Профосмотр через 6 месяцев', visitKind: 'checkup', specialty: null, months: 6 },
      { name: 'Осмотр через 12 месяцев после лечения', visitKind: 'repeat', specialty: null, months: 12 },
    ]) expect((await chief('POST', '/api/recall-rules', r)).statusCode).toBe(201);
    expect((await chief('POST', '/api/recall-rules', { name: ' ', visitKind: 'checkup', specialty: null, months: 0 })).json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['months', 'name']);
    const P: Record<string, string> = {};
    for (const k of 'ABCDEFGHIJKLM') P[k] = await patient(`Пациентов${k}`, 'Олег', 'Игоревич');
    let n = 0;
    const done = (k: string, date: string, kind: string, doctorId = f.orlova) => visit({ patientId: P[k], doctorId, date, time: `${String(8 + (n++ % 14)).padStart(2, '0')}:00`, status: 'done', kind });
    await done('A', '2026-05-20', 'checkup'); // due 20.11.2026
    await done('B', '2026-05-25', 'checkup'); // due 25.11.2026: not yet
    await done('C', '2025-11-20', 'repeat'); // 12 months: due 20.11.2026
    await done('D', '2026-05-20', 'repeat'); // due 20.05.2027: not yet
    await done('E', '2026-05-01', 'repeat', hyg); // the hygienist's 6 months win: due 01.11.2026
    await done('F', '2025-10-01', 'checkup'); // due 01.04.2026, 236 days overdue: still called
    await done('G', '2025-05-01', 'checkup'); // due 01.11.2025, over a year overdue: no longer
    await done('H', '2026-05-20', 'checkup');
    await visit({ patientId: P.H, doctorId: f.belov, date: '2026-12-10', time: '12:00' }); // coming anyway
    await done('I', '2026-05-20', 'checkup');
    await done('I', '2026-10-01', 'repeat'); // the later visit rules: due 01.10.2027
    await done('J', '2026-01-10', 'urgent'); // no rule for acute pain
    await done('K', '2026-05-20', 'checkup');
    await done('L', '2026-05-20', 'checkup');
    await visit({ patientId: P.M, doctorId: f.belov, date: '2026-11-10', time: '12:00', status: 'cancelled' }); // dropped out
    await at(msk('2026-11-22', '10:00'));
    expect((await f.admin('POST', '/api/worklists/attempts', { purpose: 'recall', outcome: 'refused', patientId: P.K })).statusCode).toBe(201);
    expect((await f.admin('POST', '/api/worklists/attempts', { purpose: 'recall', outcome: 'not_reached', patientId: P.L })).statusCode).toBe(201);
    await at(msk('2026-11-23', '10:00'));
    const r = await f.admin('GET', '/api/worklists/recall?date=2026-11-23');
    expect(r.statusCode, r.body).toBe(200);
    const mine = r.json().items.filter((i: { patientId: string }) => Object.values(P).includes(i.patientId));
    const byId = Object.fromEntries(Object.entries(P).map(([k, id]) => [id, k]));
    expect(mine.map((i: { patientId: string; dueDate: string | null; kind: string }) => [byId[i.patientId], i.kind, i.dueDate])).toEqual([
      ['F', 'recall', '2026-04-01'], ['E', 'recall', '2026-11-01'], ['A', 'recall', '2026-11-20'], ['C', 'recall', '2026-11-20'], ['L', 'recall', '2026-11-20'], ['M', 'dropped', null],
    ]);
    const e = mine.find((i: { patientId: string }) => i.patientId === P.E);
    expect(e).toMatchObject({ rule: 'Профгигиена каждые 6 месяцев', doctorName: 'Гигиенова Ольга Петровна' });
    expect(e.script).toContain('Олег Игоревич. Вас беспокоят из клиники «Тестовая клиника», администратор administrator. Вам необходимо подойти к доктору Гигиеновой Ольге Петровне на профилактический осмотр');
    expect(mine.find((i: { patientId: string }) => i.patientId === P.L).attempts).toMatchObject([{ outcome: 'not_reached' }]);
    // Management switches a rule off: its patients leave the list.
    const rules = (await f.admin('GET', '/api/recall-rules')).json();
    const hygRule = rules.items.find((x: { specialty: string | null }) => x.specialty === 'hygienist');
    expect((await chief('PATCH', `/api/recall-rules/${hygRule.id}`, { isActive: false })).statusCode).toBe(200);
    const again = (await f.admin('GET', '/api/worklists/recall?date=2026-11-23')).json().items.map((i: { patientId: string }) => i.patientId);
    expect(again).not.toContain(P.E);
    expect((await f.admin('GET', '/api/worklists/counts?date=2026-11-23')).json()).toMatchObject({ recall: again.length });
  });

  it('the desk works the lists; other roles may not; management sets the half boundary', async () => {
    for (const role of ['office_manager', 'dentist', 'assistant'] as const) {
      const s = as(t.app, await signIn(t.app, t.fx.users[role].login));
      expect((await s('GET', '/api/worklists/confirmations')).statusCode).toBe(403);
      expect((await s('POST', '/api/worklists/attempts', { purpose: 'recall', outcome: 'refused', patientId: f.patients[0] })).statusCode).toBe(403);
    }
    expect((await f.admin('PUT', '/api/worklists/settings', { halfBoundary: '13:00' })).statusCode).toBe(403);
    expect((await chief('PUT', '/api/worklists/settings', { halfBoundary: '25:00' })).statusCode).toBe(400);
    expect((await chief('PUT', '/api/worklists/settings', { halfBoundary: '13:30' })).json().halfBoundary).toBe('13:30');
    await at(msk('2026-11-27', '16:30'));
    const fri = (await f.admin('GET', '/api/worklists/confirmations?date=2026-11-27')).json();
    expect(fri.halfBoundary).toBe('13:30');
    expect(fri.sessions[0].items.map((i: { appointmentId: string }) => i.appointmentId)).toEqual([mon.early]);
  });
});
