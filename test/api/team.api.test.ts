import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { ADMIN_EXAM } from '../../src/domain/team/admin-exam.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at 2026-11-23 09:00 UTC (12:00 Moscow).
type Call = ReturnType<typeof as>;
const ids = (r: { json(): unknown }) => (r.json() as { items: { id: string }[] }).items.map((i) => i.id);

describe.each(DIALECTS)('team messages, tasks, job descriptions, exam — STAFF-2…5 (%s)', (dialect) => {
  let t: TestApp;
  let admin: Call;
  let admin2: Call;
  let admin2Id: string;
  let owner: Call;
  let chief: Call;
  let dentist: Call;
  let nurse: Call;
  let office: Call;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // A second administrator: a message to the role reaches both, each reads for themselves.
    const a1 = await t.h.db.selectFrom('users').selectAll().where('id', '=', t.fx.users.administrator.id).executeTakeFirstOrThrow();
    admin2Id = newId();
    await t.h.db.insertInto('users').values({ ...a1, id: admin2Id, login: `admin2-${t.fx.clinicId.slice(-6)}`, full_name: 'Вторая Администраторша' }).execute();
    admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    admin2 = as(t.app, await signIn(t.app, `admin2-${t.fx.clinicId.slice(-6)}`));
    owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
    nurse = as(t.app, await signIn(t.app, t.fx.users.senior_nurse.login));
    office = as(t.app, await signIn(t.app, t.fx.users.office_manager.login));
  }, 60_000);
  afterAll(() => t.close());

  it('a message to a person reaches exactly them; the sender sees when it was read; live event without the text', async () => {
    const r = await admin('POST', '/api/team/messages', { toUserId: t.fx.users.dentist.id, template: 'arrived', text: 'Пациент пришёл, ждёт в холле' });
    expect(r.statusCode, r.body).toBe(201);
    const m = r.json();
    expect(m).toMatchObject({ source: 'message', text: 'Пациент пришёл, ждёт в холле', toUser: { id: t.fx.users.dentist.id }, toRole: null, readAt: null });
    expect((await dentist('GET', '/api/team/messages/unread')).json()).toEqual({ unread: 1 });
    for (const other of [admin2, nurse, office, chief, owner]) {
      expect(ids(await other('GET', '/api/team/messages'))).not.toContain(m.id);
      expect((await other('GET', '/api/team/messages/unread')).json().unread).toBe(0);
    }
    // Nobody else can mark it read (it is not theirs): 404.
    expect((await nurse('POST', `/api/team/messages/${m.id}/read`)).statusCode).toBe(404);
    expect((await admin('POST', `/api/team/messages/${m.id}/read`)).statusCode).toBe(404);
    t.clock.advance(2 * 60_000);
    expect((await dentist('POST', `/api/team/messages/${m.id}/read`)).statusCode).toBe(200);
    t.clock.advance(60_000);
    expect((await dentist('POST', `/api/team/messages/${m.id}/read`)).statusCode).toBe(200);
    expect((await dentist('GET', '/api/team/messages/unread')).json()).toEqual({ unread: 0 });
    const sent = (await admin('GET', '/api/team/messages?box=sent')).json().items.find((i: { id: string }) => i.id === m.id);
    // The second click keeps the first time.
    expect(sent.reads).toEqual([{ userId: t.fx.users.dentist.id, name: 'Тест dentist', at: '2026-11-23T09:02:00.000Z' }]);
    const events = await t.h.db.selectFrom('live_events').select('payload_json').where('clinic_id', '=', t.fx.clinicId).where('kind', '=', 'team_message').orderBy('seq').execute();
    expect(events.map((e) => JSON.parse(e.payload_json))).toEqual([{ id: m.id, toUserId: t.fx.users.dentist.id, toRole: null }, { id: m.id, readBy: t.fx.users.dentist.id }]);
    expect(events.map((e) => e.payload_json).join()).not.toContain('холле');
  });

  it('a message to a role reaches every member and only them; each reads for themselves', async () => {
    const m = (await dentist('POST', '/api/team/messages', { toRole: 'administrator', template: 'call_chief', text: 'Перезвонить главному врачу' })).json();
    expect(ids(await admin('GET', '/api/team/messages'))).toContain(m.id);
    expect(ids(await admin2('GET', '/api/team/messages'))).toContain(m.id);
    for (const other of [nurse, office, chief, owner]) expect(ids(await other('GET', '/api/team/messages'))).not.toContain(m.id);
    await admin('POST', `/api/team/messages/${m.id}/read`);
    expect((await admin('GET', '/api/team/messages/unread')).json().unread).toBe(0);
    expect((await admin2('GET', '/api/team/messages/unread')).json().unread).toBe(1);
    const sent = (await dentist('GET', '/api/team/messages?box=sent')).json().items.find((i: { id: string }) => i.id === m.id);
    expect(sent.reads.map((x: { userId: string }) => x.userId)).toEqual([t.fx.users.administrator.id]);
    expect((await admin2('POST', '/api/team/messages/read-all')).json()).toEqual({ marked: 1 });
    expect((await admin2('GET', '/api/team/messages/unread')).json().unread).toBe(0);
  });

  it('bad addressees and links: problem+json with the field, nothing written', async () => {
    const before = await t.h.db.selectFrom('team_messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const both = await admin('POST', '/api/team/messages', { toUserId: t.fx.users.dentist.id, toRole: 'dentist', text: 'x' });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0]).toMatchObject({ field: 'toUserId', message_ru: 'Выберите сотрудника или должность (что-то одно)' });
    const none = await admin('POST', '/api/team/messages', { text: 'x' });
    expect(none.statusCode).toBe(400);
    const stranger = await admin('POST', '/api/team/messages', { toUserId: newId(), text: 'x' });
    expect(stranger.json().errors[0]).toMatchObject({ field: 'toUserId', message_ru: 'Сотрудник не найден' });
    const noPatient = await admin('POST', '/api/team/messages', { toRole: 'dentist', text: 'x', patientId: newId() });
    expect(noPatient.json().errors[0]).toMatchObject({ field: 'patientId', message_ru: 'Пациент не найден' });
    const blank = await admin('POST', '/api/team/messages', { toRole: 'dentist', text: '   ' });
    expect(blank.statusCode).toBe(400);
    const after = await t.h.db.selectFrom('team_messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('tasks: mine and my role’s, overdue by the clinic’s day, closed once with an outcome; a message becomes a task', async () => {
    const mk = async (who: Call, body: object) => {
      const r = await who('POST', '/api/tasks', body);
      expect(r.statusCode, r.body).toBe(201);
      return r.json();
    };
    const late = await mk(chief, { title: 'Позвонить пациентке по жалобе', assigneeRole: 'administrator', dueDate: '2026-11-22' });
    const today = await mk(chief, { title: 'Разослать напоминания', assigneeUserId: t.fx.users.administrator.id, dueDate: '2026-11-23' });
    const nurses = await mk(admin, { title: 'Заказать перчатки', assigneeRole: 'senior_nurse' });
    expect(late.overdue).toBe(true);
    expect(today.overdue).toBe(false);
    const mine = (await admin('GET', '/api/tasks?status=open')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([late.id, today.id]);
    expect(mine).toMatchObject({ openMine: 2, overdueMine: 1 });
    // Given to one administrator by name: not the other's.
    expect(ids(await admin2('GET', '/api/tasks'))).toEqual([late.id]);
    expect(ids(await admin('GET', '/api/tasks?scope=created'))).toEqual([nurses.id]);
    expect((await admin('GET', '/api/tasks?scope=all')).statusCode).toBe(403);
    expect(ids(await owner('GET', '/api/tasks?scope=all'))).toEqual(expect.arrayContaining([late.id, today.id, nurses.id]));
    // Someone else's task is invisible: the dentist neither gave nor got it.
    expect((await dentist('GET', `/api/tasks/${late.id}`)).statusCode).toBe(404);
    expect((await dentist('POST', `/api/tasks/${late.id}/close`, { status: 'done', outcome: 'x' })).statusCode).toBe(404);
    const noOutcome = await admin2('POST', `/api/tasks/${late.id}/close`, { status: 'done', outcome: ' ' });
    expect(noOutcome.statusCode).toBe(400);
    const done = await admin2('POST', `/api/tasks/${late.id}/close`, { status: 'done', outcome: 'Позвонила, записана на 25.11' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', overdue: false, outcome: 'Позвонила, записана на 25.11', closedBy: { id: admin2Id }, canClose: false });
    const again = await admin('POST', `/api/tasks/${late.id}/close`, { status: 'cancelled', outcome: 'Ещё раз' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail_ru).toBe('Задача уже закрыта');

    const msg = (await dentist('POST', '/api/team/messages', { toUserId: t.fx.users.administrator.id, text: 'Пациент отказался от имплантации, перезвонить через неделю' })).json();
    const fromMsg = await admin('POST', `/api/team/messages/${msg.id}/task`, { dueDate: '2026-11-30' });
    expect(fromMsg.statusCode, fromMsg.body).toBe(201);
    expect(fromMsg.json()).toMatchObject({ title: msg.text, assignee: { id: t.fx.users.administrator.id }, sourceMessageId: msg.id, dueDate: '2026-11-30' });
    expect((await admin('GET', '/api/team/messages')).json().items.find((i: { id: string }) => i.id === msg.id).taskId).toBe(fromMsg.json().id);
    // A message to someone else cannot be turned into my task.
    expect((await nurse('POST', `/api/team/messages/${msg.id}/task`, {})).statusCode).toBe(404);
  });

  it('the automatic notes (notifications) are in the same inbox and counter, and read through it', async () => {
    const doctor = (await owner('POST', '/api/doctors', { surname: 'Врачова', firstName: 'Мария', position: 'Стоматолог', specialties: ['therapist'], userId: t.fx.users.dentist.id })).json();
    const id = newId();
    await t.h.db.insertInto('notifications').values({
      id, clinic_id: t.fx.clinicId, doctor_id: doctor.id, kind: 'arrived', appointment_id: null, patient_id: null, text_ru: 'Пациентка Иванова пришла', text_en: 'Patient Ivanova arrived',
      created_at: t.clock.now().toISOString(), read_at: null,
    }).execute();
    const inbox = (await dentist('GET', '/api/team/messages')).json();
    expect(inbox.items[0]).toMatchObject({ id, source: 'auto', text: 'Пациентка Иванова пришла', textEn: 'Patient Ivanova arrived', readAt: null });
    expect(inbox.unread).toBe(1);
    expect((await dentist('POST', `/api/team/messages/${id}/read`)).statusCode).toBe(200);
    expect((await dentist('GET', '/api/team/messages/unread')).json().unread).toBe(0);
    // The old bell reads the same row.
    expect((await dentist('GET', '/api/notifications')).json().items[0]).toMatchObject({ id, read: true });
  });

  it('job descriptions: version 1 is the seed’s text; confirmations follow versions — a new version asks again', async () => {
    const v1 = (await admin('GET', '/api/job-descriptions/administrator')).json();
    expect(v1.version).toBe(1);
    expect(v1.sections.duties).toContain('2.11. Подтверждает по телефону запись пациентов на приём к врачу — за день до приёма, вечером с 16:00 до 20:00.');
    expect((await admin('GET', '/api/job-descriptions/mine')).json()).toMatchObject({ role: 'administrator', version: 1, pending: true, confirmedAt: null });
    const c = await admin('POST', '/api/job-descriptions/mine/confirm', { version: 1 });
    expect(c.json()).toMatchObject({ version: 1, pending: false, confirmedAt: t.clock.now().toISOString() });
    // Not management's to edit for the desk; management edits.
    expect((await admin('POST', '/api/job-descriptions/administrator', { sections: v1.sections })).statusCode).toBe(403);
    expect((await chief('POST', '/api/job-descriptions/administrator', { sections: v1.sections })).statusCode).toBe(409);
    t.clock.advance(3_600_000);
    const v2 = await chief('POST', '/api/job-descriptions/administrator', { sections: { ...v1.sections, duties: `${v1.sections.duties}\n2.24. Ведёт журнал звонков.` }, note: 'Добавлен журнал звонков' });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, note: 'Добавлен журнал звонков', createdBy: { id: t.fx.users.chief_doctor.id } });
    expect((await admin('GET', '/api/job-descriptions/mine')).json()).toMatchObject({ version: 2, pending: true, confirmedAt: null });
    const list = (await owner('GET', '/api/job-descriptions/confirmations')).json();
    const row = list.items.find((i: { userId: string }) => i.userId === t.fx.users.administrator.id);
    expect(row).toMatchObject({ currentVersion: 2, confirmedAt: null, lastConfirmedVersion: 1 });
    expect(list.versions).toContainEqual({ role: 'administrator', version: 2 });
    expect(list.items.some((i: { role: string }) => i.role === 'owner')).toBe(false);
    // Confirming the old version after the change is refused: read the new one.
    const stale = await admin('POST', '/api/job-descriptions/mine/confirm', { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail_ru).toBe('Инструкция обновилась: прочитайте новую версию');
    await admin('POST', '/api/job-descriptions/mine/confirm', { version: 2 });
    expect((await admin('GET', '/api/job-descriptions/mine')).json()).toMatchObject({ version: 2, pending: false });
    // The old version stays readable; another role is untouched by the change.
    expect((await admin('GET', '/api/job-descriptions/administrator/versions/1')).json().sections.duties).not.toContain('2.24.');
    expect((await dentist('GET', '/api/job-descriptions/mine')).json()).toMatchObject({ role: 'dentist', version: 1, pending: true });
    expect((await owner('GET', '/api/job-descriptions/mine')).json().pending).toBe(false);
    expect((await office('GET', '/api/job-descriptions/confirmations')).statusCode).toBe(403);
    const bad = await chief('POST', '/api/job-descriptions/administrator', { sections: { ...v1.sections, rights: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('rights');
  });

  it('the exam is scored on the server; results recorded with the date; management sees everyone’s', async () => {
    const paper = (await admin2('GET', '/api/training/exam')).json();
    expect(paper.questions).toHaveLength(ADMIN_EXAM.length);
    expect(JSON.stringify(paper)).not.toContain('correct');
    const right: Record<string, number> = Object.fromEntries(ADMIN_EXAM.map((q) => [q.id, q.correct]));
    // Two wrong: still a pass (10 of 12); three wrong: a fail.
    const twoWrong = { ...right, greeting: 1, evening: 0 };
    const r1 = (await admin2('POST', '/api/training/exam', { answers: twoWrong })).json();
    expect(r1).toMatchObject({ score: 10, total: 12, passMark: 10, passed: true, wrong: ['greeting', 'evening'] });
    const missing: Record<string, number> = { ...twoWrong };
    delete missing.forbidden;
    t.clock.advance(60_000);
    const r2 = (await admin2('POST', '/api/training/exam', { answers: missing })).json();
    expect(r2).toMatchObject({ score: 9, passed: false });
    expect((await admin2('POST', '/api/training/exam', { answers: { nonsense: 1 } })).statusCode).toBe(400);
    const all = (await owner('GET', '/api/training/exam/results')).json().items;
    expect(all.filter((a: { user: { id: string } }) => a.user.id === admin2Id).map((a: { score: number }) => a.score)).toEqual([9, 10]);
    expect((await admin('GET', '/api/training/exam/results')).json().items).toEqual([]);
  });

  it('training plan: management starts it, the mentor ticks steps, others do not see it', async () => {
    expect((await admin('POST', '/api/training/plans', { traineeId: admin2Id, mentorId: t.fx.users.administrator.id, startDate: '2026-11-16' })).statusCode).toBe(403);
    const r = await owner('POST', '/api/training/plans', { traineeId: admin2Id, mentorId: t.fx.users.administrator.id, startDate: '2026-11-16' });
    expect(r.statusCode, r.body).toBe(201);
    const plan = r.json().items.find((p: { trainee: { id: string } }) => p.trainee.id === admin2Id);
    expect(plan.items[0]).toMatchObject({ dueDate: '2026-11-16', overdue: true, doneAt: null });
    expect(plan.lastExam).toMatchObject({ score: 9, passed: false });
    expect((await owner('POST', '/api/training/plans', { traineeId: admin2Id, startDate: '2026-11-16' })).statusCode).toBe(409);
    const ticked = await admin('POST', `/api/training/items/${plan.items[0].id}`, { done: true });
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(ticked.json().items[0].items[0]).toMatchObject({ overdue: false, doneBy: { id: t.fx.users.administrator.id } });
    expect((await admin2('GET', '/api/training/plans')).json().items).toHaveLength(1);
    expect((await nurse('GET', '/api/training/plans')).json().items).toEqual([]);
    expect((await nurse('POST', `/api/training/items/${plan.items[1].id}`, { done: true })).statusCode).toBe(404);
  });
});
