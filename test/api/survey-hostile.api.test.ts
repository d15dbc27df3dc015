import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { DEFAULT_QUESTIONS } from '../../src/domain/surveys.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

/**
 * The survey's write routes under input a hostile or careless client sends (found by walking #12 as
 * its hardest user): each refusal is a problem+json 4xx naming the field in Russian and English, and
 * nothing is half-written.
 */
describe.each(DIALECTS)('post-treatment survey refuses what makes no sense (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let hour = 8;
  const visit = async (patientId: string, date: string, status: string) => {
    const id = newId();
    const h = String(++hour).padStart(2, '0');
    await t.h.db.insertInto('appointments').values({
      id, clinic_id: t.fx.clinicId, branch_id: t.fx.branchId, doctor_id: f.orlova, chair_id: null, patient_id: patientId, starts_at: msk(date, `${h}:00`), ends_at: msk(date, `${h}:30`),
      local_date: date, kind: 'repeat', status, squeeze_in: 0, needs_call: 0, comment: null, created_at: msk('2026-10-01', '10:00'), created_by: null, updated_at: msk('2026-10-01', '10:00'),
      status_changed_at: msk(date, '10:30'), services: null, call_id: null, late_minutes: null, arrived_at: null, in_chair_at: null,
      done_at: status === 'done' ? msk(date, '10:30') : null, cancel_reason: null, cancel_note: null, callback_date: null, rebooked_to_id: null,
    }).execute();
    return id;
  };
  const calls = async () => Number((await t.h.db.selectFrom('survey_calls').select((e) => e.fn.countAll().as('n')).where('clinic_id', '=', t.fx.clinicId).executeTakeFirstOrThrow()).n);
  const refusal = (r: { statusCode: number; headers: Record<string, unknown>; json: () => { errors: { field: string; message_ru: string; message_en: string }[] } }, status: number, field?: string) => {
    expect(r.statusCode).toBe(status);
    expect(String(r.headers['content-type'])).toMatch(/^application\/problem\+json/);
    if (field) {
      const e = r.json().errors.find((x) => x.field === field);
      expect(e, JSON.stringify(r.json())).toBeTruthy();
      expect(e!.message_ru).toMatch(/[а-яё]/i);
      expect(e!.message_en).toMatch(/[a-z]/i);
    }
  };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    t.clock.t = Date.parse(msk('2026-11-20', '18:30'));
  });
  afterAll(() => t.close());

  it('a call: not about a visit still ahead, no repeated question, no empty completed survey, no call-back in the past or years away, not to a patient who refused', async () => {
    const admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    const [p, refusedP] = f.patients;
    await admin('PUT', `/api/patients/${p}/survey-consent`, { status: 'agreed' });
    await admin('PUT', `/api/patients/${refusedP}/survey-consent`, { status: 'refused' });
    const done = await visit(p!, '2026-11-17', 'done');
    const ahead = await visit(p!, '2026-11-27', 'booked');
    const before = await calls();
    refusal(await admin('POST', `/api/patients/${p}/survey-calls`, { appointmentId: ahead, outcome: 'completed', answers: [{ key: 'recommend', score: 10 }] }), 400, 'appointmentId');
    refusal(await admin('POST', `/api/patients/${p}/survey-calls`, { appointmentId: done, outcome: 'completed', answers: [{ key: 'recommend', score: 10 }, { key: 'recommend', score: 0 }] }), 400, 'answers.1.key');
    refusal(await admin('POST', `/api/patients/${p}/survey-calls`, { appointmentId: done, outcome: 'completed', answers: [] }), 400, 'answers');
    refusal(await admin('POST', `/api/patients/${p}/survey-calls`, { appointmentId: done, outcome: 'completed', answers: [{ key: 'comments', text: '   ' }] }), 400, 'answers');
    refusal(await admin('POST', `/api/patients/${p}/survey-calls`, { appointmentId: done, outcome: 'callback', callbackAt: '2026-11-20T10:00:00+03:00' }), 400, 'callbackAt');
    refusal(await admin('POST', `/api/patients/${p}/survey-calls`, { appointmentId: done, outcome: 'callback', callbackAt: '2028-01-10T10:00:00+03:00' }), 400, 'callbackAt');
    refusal(await admin('POST', `/api/patients/${p}/survey-calls`, { appointmentId: done, outcome: 'callback', callbackAt: '2026-02-30T10:00:00+03:00' }), 400, 'callbackAt');
    refusal(await admin('POST', `/api/patients/${refusedP}/survey-calls`, { outcome: 'not_reached' }), 409);
    expect(await calls()).toBe(before);
    // The same calls done right are taken.
    expect((await admin('POST', `/api/patients/${p}/survey-calls`, { appointmentId: done, outcome: 'callback', callbackAt: '2026-11-21T11:00:00+03:00' })).statusCode).toBe(201);
    expect((await admin('POST', `/api/patients/${p}/survey-calls`, { appointmentId: done, outcome: 'completed', answers: [{ key: 'trust', score: 4 }, { key: 'recommend', score: 9 }] })).statusCode).toBe(201);
    expect(await calls()).toBe(before + 2);
  });

  it('the worklist’s script: the evening greeting, the card’s «как обращаться», the caller by first name, and its English for the English UI', async () => {
    const admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    const r = await admin('POST', '/api/patients', { surname: 'Зайцева', firstName: 'Галина', patronymic: 'Петровна', addressAs: 'Галина Петровна', sex: 'female', phones: [{ number: '+79217770011' }] });
    const p = r.json().id as string;
    await admin('PUT', `/api/patients/${p}/survey-consent`, { status: 'agreed', preferredTime: 'после 18:00' });
    await visit(p, '2026-11-17', 'done');
    const item = (await admin('GET', '/api/surveys/worklist')).json().items.find((i: { patientId: string }) => i.patientId === p);
    expect(item.script.introduction).toMatch(/^Добрый вечер, Галина Петровна! Вас беспокоит administrator из клиники/);
    expect(item.scriptEn.introduction).toMatch(/^Good evening, Галина Петровна! This is administrator from /);
    expect(item.scriptEn.permission + item.scriptEn.thanks.replace('Галина Петровна', '')).not.toMatch(/[а-яё]/i);
  });

  it('the questionnaire: no blank text, one NPS question, a key keeps its kind; earlier answers stay in the results when a question is dropped', async () => {
    const chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    const q = (over: Partial<(typeof DEFAULT_QUESTIONS)[number]>) => ({ ...DEFAULT_QUESTIONS[0]!, ...over });
    const version = (await chief('GET', '/api/surveys/questionnaire')).json().version as number;
    refusal(await chief('PUT', '/api/surveys/questionnaire', { questions: [q({ ru: '   ' })] }), 400, 'questions.0.ru');
    refusal(await chief('PUT', '/api/surveys/questionnaire', { questions: [q({ key: 'a1', kind: 'nps' }), q({ key: 'a2', kind: 'nps' })] }), 400, 'questions.1.kind');
    refusal(await chief('PUT', '/api/surveys/questionnaire', { questions: [q({ key: 'trust', kind: 'nps' })] }), 400, 'questions.0.kind');
    expect((await chief('GET', '/api/surveys/questionnaire')).json().version).toBe(version);
    // Version without «trust»: the 4 given in the first test still shows.
    const saved = await chief('PUT', '/api/surveys/questionnaire', { questions: DEFAULT_QUESTIONS.filter((x) => x.key !== 'trust') });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = (await chief('GET', '/api/surveys/results?from=2026-11-01&to=2026-11-30')).json();
    expect(res.questions.map((x: { key: string }) => x.key)).toContain('trust');
    expect(res.total.averages.trust).toBe(4);
    expect(res.total.nps).toBe(100);
  });

  it('a review meeting note is of a meeting held: not dated ahead, not on 30 February', async () => {
    const chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    refusal(await chief('POST', `/api/doctors/${f.orlova}/survey-reviews`, { meetingDate: '2026-11-21', participants: 'Орлова М.', text: 'Разбор' }), 400, 'meetingDate');
    refusal(await chief('POST', `/api/doctors/${f.orlova}/survey-reviews`, { meetingDate: '2026-02-30', participants: 'Орлова М.', text: 'Разбор' }), 400, 'meetingDate');
    expect((await chief('GET', `/api/doctors/${f.orlova}/survey-reviews`)).json().items).toHaveLength(0);
    expect((await chief('POST', `/api/doctors/${f.orlova}/survey-reviews`, { meetingDate: '2026-11-20', participants: 'Орлова М.', text: 'Разбор' })).statusCode).toBe(201);
  });
  it('«Пациент уходит» records the survey consent in the same save: both or neither', async () => {
    const admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    const p = (await admin('POST', '/api/patients', { surname: 'Уходящая', firstName: 'Вера', sex: 'female', phones: [{ number: '+79217770022' }] })).json().id as string;
    const a = await visit(p, '2026-11-20', 'done');
    const consent = async () => (await admin('GET', `/api/patients/${p}/survey-consent`)).json().consent;
    const leaving = async () => (await admin('GET', `/api/appointments/${a}/leaving`)).json().leaving;
    // A bad review site refuses the whole save: no consent is left behind.
    refusal(await admin('PUT', `/api/appointments/${a}/leaving`, { nextVisit: 'none', reviewSite: 'Отзовик', flyers: false, gift: false, surveyConsent: { status: 'agreed' } }), 400, 'reviewSite');
    // A bad consent refuses it too: no leaving record is left behind.
    refusal(await admin('PUT', `/api/appointments/${a}/leaving`, { nextVisit: 'none', reviewSite: null, flyers: false, gift: false, surveyConsent: { status: 'maybe' } }), 400, 'surveyConsent.status');
    refusal(await admin('PUT', `/api/appointments/${a}/leaving`, { nextVisit: 'none', reviewSite: null, flyers: false, gift: false, surveyConsent: { status: 'agreed', preferredTime: 'я'.repeat(201) } }), 400, 'surveyConsent.preferredTime');
    expect(await consent()).toBeNull();
    expect(await leaving()).toBeNull();
    const r = await admin('PUT', `/api/appointments/${a}/leaving`, { nextVisit: 'agreed', reviewSite: '2ГИС', flyers: true, gift: false, surveyConsent: { status: 'agreed', preferredTime: 'после 18:00' } });
    expect(r.statusCode, r.body).toBe(200);
    expect(await consent()).toMatchObject({ status: 'agreed', preferredTime: 'после 18:00', channel: 'phone', recordedBy: { id: t.fx.users.administrator.id } });
    expect(await leaving()).toMatchObject({ nextVisit: 'agreed', reviewSite: '2ГИС' });
  });
  it('a service card entry is dated no later than the clinic’s today (the API as strict as the form’s calendar)', async () => {
    const admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    const p = f.patients[2]!;
    const count = async () => (await admin('GET', `/api/patients/${p}/service-card`)).json().items.length as number;
    const before = await count();
    // 18:30 in Moscow on 20 November: the 21st is tomorrow there.
    refusal(await admin('POST', `/api/patients/${p}/service-card`, { section: 'svc4', text: 'Любит зелёный чай', eventDate: '2026-11-21' }), 400, 'eventDate');
    refusal(await admin('POST', `/api/patients/${p}/service-card`, { section: 'svc4', text: 'Любит зелёный чай', eventDate: '2030-01-01' }), 400, 'eventDate');
    expect(await count()).toBe(before);
    expect((await admin('POST', `/api/patients/${p}/service-card`, { section: 'svc4', text: 'Любит зелёный чай', eventDate: '2026-11-20' })).statusCode).toBe(201);
    expect(await count()).toBe(before + 1);
  });
});
