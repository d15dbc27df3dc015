/**
 * STAFF-2…5 in the demo: today's notes inside the team (some still unread), tasks (two overdue),
 * job descriptions on version 1 confirmed by nearly everyone and the assistants' on version 2
 * awaiting them, the senior administrator's passed exam and `admin2` halfway through her internship.
 */
import type { Insertable } from 'kysely';
import type { Database } from '../db/schema.js';
import { ADMIN_EXAM, ADMIN_EXAM_ID, ADMIN_EXAM_PASS, ADMIN_TRAINING_PLAN, scoreExam } from '../domain/team/admin-exam.js';
import { DEFAULT_DESCRIPTIONS } from '../domain/team/job-description-others.js';
import { DAY_MS, iso, type ClinicClock } from './demo-time.js';

type Rows<T extends keyof Database> = Insertable<Database[T]>[];
const MIN = 60_000;

export function generateTeam(o: { nowMs: number; today: string; clock: ClinicClock; clinicId: string; userId: (login: string) => string; logins: readonly string[]; patientIds: readonly string[]; id: () => string }) {
  const { nowMs, clinicId, userId: u, id } = o;
  const ago = (minutes: number) => iso(nowMs - minutes * MIN);
  const day = (n: number) => o.clock.localDate(nowMs + n * DAY_MS);

  const messages: Rows<'team_messages'> = [];
  const reads: Rows<'team_message_reads'> = [];
  const msg = (minutesAgo: number, from: string, to: { user?: string; role?: string }, text: string, template: string | null, readBy: [string, number][], patient?: number) => {
    const mid = id();
    messages.push({
      id: mid, clinic_id: clinicId, from_user_id: u(from), to_user_id: to.user ? u(to.user) : null, to_role: to.role ?? null, template, text,
      patient_id: patient === undefined ? null : o.patientIds[patient], appointment_id: null, created_at: ago(minutesAgo),
    });
    for (const [who, after] of readBy) reads.push({ message_id: mid, user_id: u(who), clinic_id: clinicId, read_at: ago(minutesAgo - after) });
    return mid;
  };
  msg(200, 'nurse', { role: 'assistant' }, 'Перчатки размера M закончились в кабинетах, новые коробки на складе, вторая полка', null, [['assistant', 12]]);
  msg(150, 'admin', { user: 'dentist' }, 'Пациент пришёл, ждёт в холле', 'arrived', [['dentist', 2]], 0);
  msg(120, 'dentist', { role: 'administrator' }, 'Перезвонить пациентке: контрольный снимок переносим на четверг', 'call_back', [['admin', 6]], 1);
  const refused = msg(95, 'admin', { user: 'hygienist' }, 'Пациент отказался от профгигиены сегодня, просит перенести на следующую неделю', 'refused', [], 2);
  msg(60, 'chief', { role: 'administrator' }, 'Завтра в 8:30 собрание администраторов в ординаторской', null, [['admin', 4]]);
  msg(35, 'admin2', { user: 'dentist' }, 'Перезвонить главному врачу — по плану лечения пациентки', 'call_chief', [], 3);
  msg(15, 'admin', { user: 'owner' }, 'Курьер привёз документы из банка, скан положила в общую папку', null, []);
  msg(5, 'admin2', { role: 'chief_doctor' }, 'Звонил представитель поставщика имплантатов, просит перезвонить до 17:00', null, []);

  const tasks: Rows<'tasks'> = [];
  const task = (t: { title: string; details?: string; by: string; to: { user?: string; role?: string }; createdDaysAgo: number; due: number | null; status?: 'done' | 'cancelled'; outcome?: string; closedBy?: string; patient?: number; source?: string }) =>
    tasks.push({
      id: id(), clinic_id: clinicId, title: t.title, details: t.details ?? null, assignee_user_id: t.to.user ? u(t.to.user) : null, assignee_role: t.to.role ?? null,
      due_date: t.due === null ? null : day(t.due), status: t.status ?? 'open', outcome: t.outcome ?? null, patient_id: t.patient === undefined ? null : o.patientIds[t.patient],
      appointment_id: null, source_message_id: t.source ?? null, created_by: u(t.by), created_at: ago(t.createdDaysAgo * 24 * 60 + 30),
      closed_by: t.status ? u(t.closedBy ?? 'admin') : null, closed_at: t.status ? ago(t.createdDaysAgo * 12 * 60) : null,
    });
  task({ title: 'Перезвонить пациентке: оценила визит на 2 из 5', details: 'Жалоба на ожидание 25 минут. Извиниться, выяснить подробности, предложить удобное время контрольного осмотра.', by: 'chief', to: { role: 'administrator' }, createdDaysAgo: 3, due: -1, patient: 4 });
  task({ title: 'Продлить договор с рекламным агентством', details: 'Договор на размещение в «2ГИС» заканчивается в конце месяца', by: 'owner', to: { user: 'office' }, createdDaysAgo: 6, due: -2 });
  task({ title: 'Подобрать карты пациентов на завтра', by: 'admin', to: { user: 'admin2' }, createdDaysAgo: 0, due: 0 });
  task({ title: 'Заказать слепочную массу и альгинат', by: 'chief', to: { user: 'nurse' }, createdDaysAgo: 1, due: 2 });
  task({ title: 'Перенести профгигиену на следующую неделю', by: 'hygienist', to: { role: 'administrator' }, createdDaysAgo: 0, due: 1, patient: 2, source: refused });
  task({ title: 'Обзвонить пациентов, не закончивших лечение', by: 'chief', to: { role: 'administrator' }, createdDaysAgo: 5, due: -3, status: 'done', outcome: 'Обзвонили 14 человек, записали шестерых', closedBy: 'admin' });
  task({ title: 'Разослать приглашения на день открытых дверей', by: 'owner', to: { role: 'administrator' }, createdDaysAgo: 8, due: -5, status: 'cancelled', outcome: 'Мероприятие перенесено на весну', closedBy: 'owner' });

  // Job descriptions: version 1 (built-in) confirmed long ago; the assistants' version 2 two days ago.
  const descriptions: Rows<'job_descriptions'> = [{
    id: id(), clinic_id: clinicId, role: 'assistant', version: 2, created_by: u('chief'), created_at: ago(2 * 24 * 60 + 120), note: 'Добавлен журнал генеральных уборок',
    sections_json: JSON.stringify({ ...DEFAULT_DESCRIPTIONS.assistant, duties: `${DEFAULT_DESCRIPTIONS.assistant.duties}\n2.6. Ведёт журнал генеральных уборок кабинета и расписывается в нём.` }),
  }];
  const confirmations: Rows<'job_description_reads'> = [];
  const roleOf: Record<string, string> = { chief: 'chief_doctor', admin: 'administrator', admin2: 'administrator', dentist: 'dentist', hygienist: 'hygienist', assistant: 'assistant', nurse: 'senior_nurse', office: 'office_manager' };
  // The office manager has not confirmed yet (the list shows her in red); admin2 confirmed on her first day.
  for (const [login, daysAgo] of [['chief', 300], ['admin', 300], ['admin2', 10], ['dentist', 280], ['hygienist', 275], ['assistant', 270], ['nurse', 290]] as const) {
    if (!o.logins.includes(login)) continue;
    confirmations.push({ clinic_id: clinicId, user_id: u(login), role: roleOf[login], version: 1, confirmed_at: ago(daysAgo * 24 * 60 - 60) });
  }

  // admin2's internship: started ten days ago, the senior administrator mentors; the first four steps done.
  const start = day(-10);
  const training: Rows<'training_items'> = ADMIN_TRAINING_PLAN.map((s, i) => {
    const due = o.clock.localDate(Date.parse(`${start}T12:00:00Z`) + (s.days - 1) * DAY_MS);
    return {
      id: id(), clinic_id: clinicId, trainee_id: u('admin2'), mentor_id: u('admin'), position: i + 1, title: s.title, due_date: due,
      done_at: i < 4 ? ago((9 - 2 * i) * 24 * 60) : null, done_by: i < 4 ? u('admin') : null,
    };
  });

  const right = Object.fromEntries(ADMIN_EXAM.map((q) => [q.id, q.correct]));
  const attempt = (login: string, answers: Record<string, number>, minutesAgo: number) => {
    const r = scoreExam(ADMIN_EXAM, answers, ADMIN_EXAM_PASS);
    return { id: id(), clinic_id: clinicId, user_id: u(login), exam: ADMIN_EXAM_ID, taken_at: ago(minutesAgo), score: r.score, total: r.total, pass_mark: r.passMark, passed: r.passed ? (1 as const) : (0 as const), answers_json: JSON.stringify(answers) };
  };
  const exams: Rows<'exam_attempts'> = [
    attempt('admin', { ...right, weekend: 0 }, 400 * 24 * 60),
    attempt('admin2', { ...right, forbidden: 0, weekend: 0, price: 0, summary: 0 }, 2 * 24 * 60 + 300),
  ];
  return { messages, reads, tasks, descriptions, confirmations, training, exams };
}
