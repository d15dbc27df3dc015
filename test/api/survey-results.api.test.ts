import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

type Item = { id: string; patientId: string; nps: number | null; scores: Record<string, number>; complaint: boolean; low: boolean; comment: string | null };
type Fig = { count: number; nps: number | null; npsCount: number; promoters: number; passives: number; detractors: number; averages: Record<string, number | null>; complaints: number; low: number };

/**
 * SURV-3/4: the results per doctor, service, branch and month against figures computed by hand,
 * the calls behind each figure, a doctor's feedback, the follow-up closed into the service card,
 * the review meeting notes, and who may see all this.
 */
describe.each(DIALECTS)('survey results and work with staff (SURV-3/4, %s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let hour = 8;
  const calls: string[] = [];
  const patients: string[] = [];
  const visits: string[] = [];
  const visit = async (patientId: string, doctorId: string, date: string) => {
    const id = newId();
    const h = String(++hour).padStart(2, '0');
    await t.h.db.insertInto('appointments').values({
      id, clinic_id: t.fx.clinicId, branch_id: t.fx.branchId, doctor_id: doctorId, chair_id: null, patient_id: patientId, starts_at: msk(date, `${h}:00`), ends_at: msk(date, `${h}:30`),
      local_date: date, kind: 'repeat', status: 'done', squeeze_in: 0, needs_call: 0, comment: null, created_at: msk('2026-09-01', '10:00'), created_by: null, updated_at: msk('2026-09-01', '10:00'),
      status_changed_at: msk(date, '10:30'), services: null, call_id: null, late_minutes: null, arrived_at: null, in_chair_at: null,
      done_at: msk(date, '10:30'), cancel_reason: null, cancel_note: null, callback_date: null, rebooked_to_id: null,
    }).execute();
    return id;
  };
  let billNo = 0;
  const bill = async (appointmentId: string, patientId: string, lines: [string, string][], status: 'issued' | 'cancelled' = 'issued') => {
    const id = newId();
    const at = msk('2026-10-01', '12:00');
    await t.h.db.insertInto('bills').values({
      id, clinic_id: t.fx.clinicId, branch_id: t.fx.branchId, patient_id: patientId, appointment_id: appointmentId, number: ++billNo, status, payer: 'patient', total: 100000, discount_total: 0,
      note: null, created_by: t.fx.users.owner.id, created_at: at, issued_by: null, issued_at: null, cancelled_by: null, cancelled_at: null, cancel_reason: null, updated_at: at,
    }).execute();
    let position = 0;
    for (const [code, name] of lines) {
      await t.h.db.insertInto('bill_lines').values({
        id: newId(), clinic_id: t.fx.clinicId, bill_id: id, position: ++position, price_item_id: null, price_version_id: null, code, name, unit_price: 100000, quantity: 1, discount: 0,
        discount_reason: null, amount: 100000, doctor_id: null, assistant_id: null, tooth: null,
      }).execute();
    }
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    const admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    for (let i = 0; i < 7; i++) {
      const r = await admin('POST', '/api/patients', { surname: `Опросов${i}`, firstName: 'Пётр', sex: 'male' });
      patients.push(r.json().id);
    }
    // The generated data set (O = Orlova, B = Belov):
    //  #  doctor visit        impression trust waiting recommend complaint
    //  0  O      2026-10-05   5          5     -       10        -
    //  1  O      2026-10-12   4          3     -       8         -
    //  2  O      2026-11-03   2          -     -       5         yes («Больно»)
    //  3  B      2026-10-20   5          -     -       9         -
    //  4  B      2026-11-10   3          4     2       7         -
    //  5  B      2026-11-11   4          -     -       -         -
    //  6  O      2026-11-12   not reached (no figures)
    const plan: [number, string, string, { key: string; score?: number; text?: string }[], boolean][] = [
      [0, f.orlova, '2026-10-05', [{ key: 'impression', score: 5 }, { key: 'trust', score: 5 }, { key: 'recommend', score: 10 }], false],
      [1, f.orlova, '2026-10-12', [{ key: 'impression', score: 4 }, { key: 'trust', score: 3 }, { key: 'recommend', score: 8 }], false],
      [2, f.orlova, '2026-11-03', [{ key: 'impression', score: 2 }, { key: 'recommend', score: 5 }, { key: 'comments', text: 'Больно' }], true],
      [3, f.belov, '2026-10-20', [{ key: 'impression', score: 5 }, { key: 'recommend', score: 9 }], false],
      [4, f.belov, '2026-11-10', [{ key: 'impression', score: 3 }, { key: 'trust', score: 4 }, { key: 'waiting', score: 2 }, { key: 'recommend', score: 7 }], false],
      [5, f.belov, '2026-11-11', [{ key: 'impression', score: 4 }], false],
    ];
    for (const [i, doctor, date, answers, complaint] of plan) {
      const v = await visit(patients[i]!, doctor, date);
      visits.push(v);
      t.clock.t = Date.parse(msk(date, '12:00')) + 4 * 86_400_000;
      const r = await admin('POST', `/api/patients/${patients[i]}/survey-calls`, { appointmentId: v, outcome: 'completed', answers, complaint });
      expect(r.statusCode, r.body).toBe(201);
      calls.push(r.json().id);
    }
    const v6 = await visit(patients[6]!, f.orlova, '2026-11-12');
    expect((await admin('POST', `/api/patients/${patients[6]}/survey-calls`, { appointmentId: v6, outcome: 'not_reached' })).statusCode).toBe(201);
    // Services: visit 0 — caries; visit 2 — caries and hygiene; visit 3 — hygiene; a cancelled bill on visit 5 does not count.
    await bill(visits[0]!, patients[0]!, [['Т-01', 'Лечение кариеса']]);
    await bill(visits[2]!, patients[2]!, [['Т-01', 'Лечение кариеса'], ['Г-02', 'Профессиональная гигиена']]);
    await bill(visits[3]!, patients[3]!, [['Г-02', 'Профессиональная гигиена']]);
    await bill(visits[5]!, patients[5]!, [['Т-01', 'Лечение кариеса']], 'cancelled');
    t.clock.t = Date.parse(msk('2026-11-20', '09:00'));
  }, 60_000);
  afterAll(() => t.close());

  const chief = async () => as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));

  it('NPS, averages, complaints per doctor, month, service and in total match the hand-computed figures', async () => {
    const res = await (await chief())('GET', '/api/surveys/results?from=2026-10-01&to=2026-11-30');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as { total: Fig; byDoctor: (Fig & { doctorId: string })[]; byMonth: (Fig & { month: string })[]; byService: (Fig & { code: string; name: string })[]; byBranch: (Fig & { branchId: string })[] };
    const doc = Object.fromEntries(r.byDoctor.map((d) => [d.doctorId, d]));
    // Orlova: recommend 10, 8, 5 → (1 promoter − 1 detractor) / 3 = 0; impression (5+4+2)/3 = 3.67; trust (5+3)/2 = 4; one complaint, one low.
    expect(doc[f.orlova]).toMatchObject({ count: 3, nps: 0, npsCount: 3, promoters: 1, passives: 1, detractors: 1, complaints: 1, low: 1 });
    expect(doc[f.orlova]!.averages).toMatchObject({ impression: 3.67, trust: 4, waiting: null });
    // Belov: recommend 9, 7 → 1/2 = 50; impression (5+3+4)/3 = 4; trust 4; waiting 2 (low); no complaint.
    expect(doc[f.belov]).toMatchObject({ count: 3, nps: 50, npsCount: 2, promoters: 1, passives: 1, detractors: 0, complaints: 0, low: 1 });
    expect(doc[f.belov]!.averages).toMatchObject({ impression: 4, trust: 4, waiting: 2 });
    // Total: recommend 10, 8, 5, 9, 7 → (2 − 1) / 5 = 20; impression 23/6 = 3.83; trust 12/3 = 4; the not-reached call counts nowhere.
    expect(r.total).toMatchObject({ count: 6, nps: 20, npsCount: 5, complaints: 1, low: 2, averages: { impression: 3.83, trust: 4, waiting: 2 } });
    // October: 10, 8, 9 → 2/3 = 67; November: 5, 7 → −1/2 = −50.
    expect(r.byMonth.map((m) => [m.month, m.count, m.nps])).toEqual([['2026-10', 3, 67], ['2026-11', 3, -50]]);
    // Caries (visits 0, 2): 10, 5 → 0, impression 3.5; hygiene (visits 2, 3): 5, 9 → 0, impression 3.5; the cancelled bill adds nothing.
    const svc = Object.fromEntries(r.byService.map((s) => [s.code, s]));
    expect(Object.keys(svc).sort()).toEqual(['Г-02', 'Т-01']);
    expect(svc['Т-01']).toMatchObject({ name: 'Лечение кариеса', count: 2, nps: 0, averages: { impression: 3.5 } });
    expect(svc['Г-02']).toMatchObject({ count: 2, nps: 0, averages: { impression: 3.5 } });
    expect(r.byBranch).toHaveLength(1);
    expect(r.byBranch[0]).toMatchObject({ branchId: t.fx.branchId, count: 6, nps: 20 });
    // The period filters the visit date: October alone.
    const oct = (await (await chief())('GET', '/api/surveys/results?from=2026-10-01&to=2026-10-31')).json();
    expect(oct.total).toMatchObject({ count: 3, nps: 67 });
    const onlyBelov = (await (await chief())('GET', `/api/surveys/results?doctorId=${f.belov}`)).json();
    expect(onlyBelov.byDoctor.map((d: { doctorId: string }) => d.doctorId)).toEqual([f.belov]);
  });

  it('the list behind a figure returns exactly the calls it counts, paged', async () => {
    const c = await chief();
    const ids = async (q: string) => {
      const res = await c('GET', `/api/surveys/results/calls?from=2026-10-01&to=2026-11-30&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as Item[]).map((i) => i.id).sort();
    };
    const sorted = (...n: number[]) => n.map((i) => calls[i]!).sort();
    expect(await ids(`doctorId=${f.orlova}&npsGroup=detractors`)).toEqual(sorted(2));
    expect(await ids(`doctorId=${f.orlova}`)).toEqual(sorted(0, 1, 2));
    expect(await ids('npsGroup=promoters')).toEqual(sorted(0, 3));
    expect(await ids('npsAnswered=true')).toEqual(sorted(0, 1, 2, 3, 4));
    expect(await ids('serviceCode=%D0%93-02')).toEqual(sorted(2, 3));
    expect(await ids('month=2026-10')).toEqual(sorted(0, 1, 3));
    expect(await ids('question=trust')).toEqual(sorted(0, 1, 4));
    expect(await ids('low=true')).toEqual(sorted(2, 4));
    expect(await ids('complaint=true')).toEqual(sorted(2));
    expect(await ids('remarks=true')).toEqual(sorted(2));
    const one = (await c('GET', `/api/surveys/results/calls?complaint=true`)).json().items[0] as Item & { patientName: string; doctorName: string; visitDate: string; services: string[] };
    expect(one).toMatchObject({ patientId: patients[2], patientName: 'Опросов2 Пётр', doctorName: 'Орлова Мария', visitDate: '2026-11-03', nps: 5, scores: { impression: 2 }, complaint: true, low: true, comment: 'Больно' });
    expect(one.services.sort()).toEqual(['Лечение кариеса', 'Профессиональная гигиена']);
    const p1 = (await c('GET', '/api/surveys/results/calls?limit=4')).json();
    const p2 = (await c('GET', '/api/surveys/results/calls?limit=4&offset=4')).json();
    expect([p1.total, p1.items.length, p2.items.length]).toEqual([6, 4, 2]);
    expect([...p1.items, ...p2.items].map((i: Item) => i.id).sort()).toEqual(sorted(0, 1, 2, 3, 4, 5));
  });

  it('a doctor’s feedback: figures, remarks, the follow-up task closed into the service card, review meeting notes', async () => {
    const c = await chief();
    const fb = await c('GET', `/api/doctors/${f.orlova}/survey-feedback?from=2026-10-01&to=2026-11-30`);
    expect(fb.statusCode, fb.body).toBe(200);
    const body = fb.json();
    expect(body.doctor.name).toBe('Орлова Мария');
    expect(body.figures).toMatchObject({ count: 3, nps: 0 });
    expect(body.clinic).toMatchObject({ count: 6, nps: 20 });
    expect(body.remarks.map((r: Item) => r.id)).toEqual([calls[2]]);
    expect(body.followUps).toHaveLength(1);
    const task = body.followUps[0];
    // Raised at the call on 2026-11-07 (visit + 4 days), due three days later: overdue on the 20th.
    expect(task).toMatchObject({ status: 'open', dueDate: '2026-11-10', overdue: true, patientId: patients[2] });
    const closed = await c('POST', `/api/tasks/${task.id}/close`, { status: 'done', outcome: 'Позвонила пациентке, назначен бесплатный контрольный осмотр' });
    expect(closed.statusCode, closed.body).toBe(200);
    const card = (await c('GET', `/api/patients/${patients[2]}/service-card`)).json();
    expect(card.items.some((e: { section: string; text: string }) => e.section === 'svc1' && e.text === 'Разбор низкой оценки в опросе: Позвонила пациентке, назначен бесплатный контрольный осмотр')).toBe(true);
    const after = (await c('GET', `/api/doctors/${f.orlova}/survey-feedback`)).json();
    expect(after.followUps[0]).toMatchObject({ status: 'done', overdue: false, outcome: 'Позвонила пациентке, назначен бесплатный контрольный осмотр', closedBy: expect.any(String) });
    const note = await c('POST', `/api/doctors/${f.orlova}/survey-reviews`, { meetingDate: '2026-11-19', participants: 'Главный врач, Орлова М.', text: 'Разобрали жалобу на боль при лечении; обезболивание обсуждать заранее.' });
    expect(note.statusCode, note.body).toBe(201);
    expect(note.json()).toMatchObject({ meetingDate: '2026-11-19', participants: 'Главный врач, Орлова М.' });
    const list = (await c('GET', `/api/doctors/${f.orlova}/survey-reviews`)).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([note.json().id]);
    expect((await c('GET', `/api/doctors/${f.belov}/survey-reviews`)).json().items).toEqual([]);
    const audit = await t.h.db.selectFrom('audit_log').select(['action', 'object_type']).where('object_id', '=', note.json().id).execute();
    expect(audit).toEqual([{ action: 'create', object_type: 'survey_review' }]);
  });

  it('«Пациент уходит» of the period: reviews asked and where, flyers, gifts', async () => {
    const admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    const r1 = await admin('PUT', `/api/appointments/${visits[0]}/leaving`, { nextVisit: 'booked', reviewSite: '2ГИС', flyers: true, gift: false });
    expect(r1.statusCode, r1.body).toBe(200);
    await admin('PUT', `/api/appointments/${visits[3]}/leaving`, { nextVisit: 'none', reviewSite: null, flyers: true, gift: true });
    await admin('PUT', `/api/appointments/${visits[2]}/leaving`, { nextVisit: 'agreed', reviewSite: '2ГИС', flyers: false, gift: false });
    const c = await chief();
    const all = (await c('GET', '/api/surveys/leaving?from=2026-10-01&to=2026-11-30')).json();
    expect(all).toEqual({ recorded: 3, nextBooked: 1, nextAgreed: 1, reviewAsked: 2, bySite: [{ site: '2ГИС', count: 2 }], flyers: 2, gifts: 1 });
    const belov = (await c('GET', `/api/surveys/leaving?doctorId=${f.belov}`)).json();
    expect(belov).toMatchObject({ recorded: 1, reviewAsked: 0, flyers: 1, gifts: 1 });
  });

  it('an assistant adds a preference and the consent but is refused the analytics; the administrator and a dentist too', async () => {
    const assistant = as(t.app, await signIn(t.app, t.fx.users.assistant.login));
    const pref = await assistant('POST', `/api/patients/${patients[0]}/service-card`, { section: 'svc4', text: 'Любит зелёный чай', eventDate: '2026-11-20' });
    expect(pref.statusCode, pref.body).toBe(201);
    expect((await assistant('PUT', `/api/patients/${patients[0]}/survey-consent`, { status: 'agreed' })).statusCode).toBe(200);
    for (const login of [t.fx.users.assistant.login, t.fx.users.administrator.login, t.fx.users.dentist.login]) {
      const who = as(t.app, await signIn(t.app, login));
      for (const url of ['/api/surveys/results', '/api/surveys/results/calls', '/api/surveys/leaving', `/api/doctors/${f.orlova}/survey-feedback`, `/api/doctors/${f.orlova}/survey-reviews`]) {
        expect((await who('GET', url)).statusCode, `${login} ${url}`).toBe(403);
      }
      expect((await who('POST', `/api/doctors/${f.orlova}/survey-reviews`, { meetingDate: '2026-11-19', participants: 'Я', text: 'Заметка' })).statusCode).toBe(403);
    }
    const owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    expect((await owner('GET', '/api/surveys/results')).statusCode).toBe(200);
  });

  it('bad input: 400 with the field named, in Russian and English', async () => {
    const c = await chief();
    const bad = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
      const res = await c(method, url, body);
      expect(res.statusCode, `${url} → ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      return res.json();
    };
    await bad('GET', '/api/surveys/results?from=2026-02-30');
    await bad('GET', '/api/surveys/results?from=2026-11-30&to=2026-11-01');
    await bad('GET', `/api/surveys/results?doctorId=${newId()}`);
    await bad('GET', `/api/surveys/results?branchId=${newId()}`);
    await bad('GET', '/api/surveys/results/calls?month=2026-13');
    await bad('GET', '/api/surveys/results/calls?npsGroup=fans');
    await bad('GET', '/api/surveys/results/calls?limit=0');
    await bad('GET', '/api/surveys/results/calls?question=DROP%20TABLE');
    await bad('GET', '/api/doctors/not-a-uuid/survey-feedback');
    await bad('POST', `/api/doctors/${f.orlova}/survey-reviews`, { meetingDate: '2026-11-31', participants: 'Главный врач', text: 'Текст' });
    await bad('POST', `/api/doctors/${f.orlova}/survey-reviews`, { meetingDate: '2026-11-19', participants: '   ', text: 'Текст' });
    const noText = await bad('POST', `/api/doctors/${f.orlova}/survey-reviews`, { meetingDate: '2026-11-19', participants: 'Главный врач' });
    expect(JSON.stringify(noText)).toMatch(/text/);
    expect((await c('GET', `/api/doctors/${newId()}/survey-feedback`)).statusCode).toBe(404);
  });
});
