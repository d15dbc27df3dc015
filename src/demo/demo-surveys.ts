/**
 * #12 in the demo: the post-treatment phone survey (SURV-1/2). Most patients who have been to the
 * clinic answered the survey question (SVC-1: agreed, sometimes with a time and a channel, or
 * refused); the chief doctor saved the questionnaire as version 1 half a year ago; the desk
 * surveyed the courses that ended over the last six months (a few unanswered attempts, some
 * refusals, varied scores per doctor, a few low ones with a complaint and the chief doctor's task,
 * every attempt written to the service card); and today's list has patients whose treatment ended
 * three days ago or whom nobody reached yet (one in five of the courses that ended within two weeks), plus a promised call-back due now and one later.
 * Older courses (three to six months ago) get a few finished visits here, as the generated
 * schedule starts 90 days back. Works on any `now`.
 */
import type { Insertable } from 'kysely';
import type { DbHandle } from '../db/connect.js';
import type { AppointmentsTable, ServiceCardEntriesTable, SurveyAnswersTable, SurveyCallsTable, SurveyConsentsTable, TasksTable } from '../db/schema.js';
import { addDays, dayNumber, weekdayOf } from '../domain/dates.js';
import { dayKind, isWorkingDay, type CalendarOverrides } from '../domain/calendar/production-calendar.js';
import { localDateOf, localInstant, minutesOf } from '../domain/schedule/time.js';
import { recallHistory } from './demo-recall.js';
import { answerLabel, DEFAULT_QUESTIONS, SURVEY_CARD_PREFIX, SURVEY_OUTCOME_RU, isLowResult, type SurveyOutcome } from '../domain/surveys.js';
import type { Rng } from './demo-random.js';
import { DAY_MS, iso } from './demo-time.js';

interface Opts {
  h: DbHandle; clinicId: string; nowMs: number; tz: string; rng: Rng; id: () => string;
  /** The desk's callers (logins admin, admin2) and the chief doctor, with their names. */
  callers: { id: string; name: string }[]; chief: { id: string; name: string };
}

const PREFERRED = ['после 18:00', 'в будни днём', 'до 12:00', 'в выходные', 'после 19:00', 'в обеденный перерыв, 13:00–14:00', 'лучше вечером'];
const GOOD_COMMENTS = [
  'Всё понравилось, спасибо доктору', 'Очень внимательный врач, всё объяснил', 'Лечили без боли, буду рекомендовать', 'Спасибо администраторам за напоминание о визите',
  'Удобно, что можно записаться на вечер', 'Хотелось бы парковку рядом', 'Всё хорошо, спасибо', 'Понравилось, что показали снимки до и после',
];
const LOW_COMMENTS = [
  'Ждала приёма почти 40 минут, никто не предупредил', 'После пломбы болит зуб, врач не перезвонил', 'Сумма в счёте оказалась больше, чем называли на консультации',
  'Администратор разговаривала грубо', 'Не объяснили, что делать после лечения',
];
/** Marks of a satisfied patient and of a disappointed one (weights of 1..5); doctors differ in how often patients leave satisfied. */
const SATISFIED = [0, 0, 4, 30, 66];
const DISAPPOINTED = [12, 22, 34, 22, 10];
const SATISFACTION = [0.97, 0.95, 0.92, 0.88];
const OUTCOME_RU = SURVEY_OUTCOME_RU;

type Visit = { id: string; patient_id: string; doctor_id: string; branch_id: string; local_date: string; starts_at: string; status: string };

export async function seedDemoSurveys(o: Opts): Promise<{ consents: number; calls: number; tasks: number }> {
  const { h, clinicId, nowMs, tz, rng, id } = o;
  const db = h.db;
  const today = localDateOf(nowMs, tz);
  const at = (date: string, hhmm: string) => localInstant(date, hhmm, tz);
  const hhmm = (h0: number, h1: number) => `${String(rng.int(h0, h1)).padStart(2, '0')}:${String(rng.int(0, 11) * 5).padStart(2, '0')}`;

  // Older courses: up to three finished visits a working day 95–178 days ago, two hours or more into a doctor's shift, off the break.
  const hours = await db.selectFrom('doctor_hours').select(['doctor_id', 'branch_id', 'chair_id', 'weekday', 'starts', 'ends', 'break_starts', 'break_ends'])
    .where('clinic_id', '=', clinicId).orderBy('doctor_id').orderBy('weekday').execute();
  const calendar = (await db.selectFrom('calendar_days').select(['date', 'kind', 'note']).where('clinic_id', '=', clinicId).execute()) as CalendarOverrides;
  const pool = await db.selectFrom('patients').select(['id', 'created_at']).where('clinic_id', '=', clinicId).orderBy('card_number').execute();
  const older: Insertable<AppointmentsTable>[] = [];
  let next = 0;
  for (let d = 178; d >= 95; d--) {
    const date = addDays(today, -d);
    if (!isWorkingDay(date, calendar) && dayKind(date, calendar) !== 'weekend') continue;
    const slots = hours.filter((x) => x.weekday === weekdayOf(date));
    for (let k = 0; k < Math.min(3, slots.length); k++) {
      const s = slots[(d + k) % slots.length];
      const from = minutesOf(s.starts) + 120 + 60 * k;
      const to = from + 45;
      if (to > minutesOf(s.ends) || (s.break_starts && from < minutesOf(s.break_ends!) && minutesOf(s.break_starts) < to)) continue;
      const start = at(date, `${String(Math.floor(from / 60)).padStart(2, '0')}:${String(from % 60).padStart(2, '0')}`);
      let tries = 0;
      while (tries++ < pool.length && Date.parse(pool[next % pool.length].created_at) > start - DAY_MS) next++;
      if (tries > pool.length) break;
      const p = pool[next++ % pool.length];
      older.push({
        id: id(), clinic_id: clinicId, branch_id: s.branch_id, doctor_id: s.doctor_id, chair_id: s.chair_id, patient_id: p.id, starts_at: iso(start), ends_at: iso(start + 45 * 60_000),
        local_date: date, kind: 'repeat', status: 'done', squeeze_in: 0, needs_call: 0, comment: null, created_at: iso(start - 7 * DAY_MS), created_by: o.callers[0]?.id ?? null,
        updated_at: iso(start + 45 * 60_000), status_changed_at: iso(start + 45 * 60_000), services: null, call_id: null, late_minutes: null, arrived_at: iso(start - 5 * 60_000),
        in_chair_at: iso(start), done_at: iso(start + 45 * 60_000), cancel_reason: null, cancel_note: null, callback_date: null, rebooked_to_id: null,
      });
    }
  }
  for (let i = 0; i < older.length; i += 200) await db.insertInto('appointments').values(older.slice(i, i + 200)).execute();
  const history = recallHistory(older, id);
  for (let i = 0; i < history.length; i += 200) await db.insertInto('appointment_history').values(history.slice(i, i + 200)).execute();

  const visits: Visit[] = await db.selectFrom('appointments').select(['id', 'patient_id', 'doctor_id', 'branch_id', 'local_date', 'starts_at', 'status'])
    .where('clinic_id', '=', clinicId).where('status', 'not in', ['cancelled', 'no_show']).orderBy('starts_at').orderBy('id').execute();
  const doctorIds = [...new Set(visits.map((v) => v.doctor_id))].sort();
  const satisfactionOf = new Map(doctorIds.map((d, i) => [d, SATISFACTION[i % SATISFACTION.length]]));
  const byPatient = new Map<string, Visit[]>();
  for (const v of visits) byPatient.set(v.patient_id, [...(byPatient.get(v.patient_id) ?? []), v]);

  // SVC-1: the answer to «may we call you after the treatment?», recorded at the first finished visit.
  const consents: SurveyConsentsTable[] = [];
  const agreed = new Set<string>();
  for (const [patientId, list] of [...byPatient].sort(([a], [b]) => a.localeCompare(b))) {
    const first = list.find((v) => v.status === 'done');
    if (!first) continue;
    const r = rng.next();
    if (r >= 0.84) continue;
    const status = r < 0.7 ? 'agreed' : 'refused';
    if (status === 'agreed') agreed.add(patientId);
    const channel = rng.weighted([['phone', 80], ['messenger', 15], ['email', 5]] as const);
    consents.push({
      id: id(), clinic_id: clinicId, patient_id: patientId, status, preferred_time: status === 'agreed' && rng.chance(0.45) ? rng.pick(PREFERRED) : null,
      channel: status === 'agreed' ? channel : 'phone', recorded_by: rng.pick(o.callers).id, recorded_at: iso(Date.parse(first.starts_at) + 50 * 60_000),
    });
  }

  await db.insertInto('survey_questionnaires').values({
    id: id(), clinic_id: clinicId, version: 1, questions_json: JSON.stringify(DEFAULT_QUESTIONS), created_by: o.chief.id, created_at: iso(nowMs - 200 * DAY_MS),
  }).execute();

  const calls: Insertable<SurveyCallsTable>[] = [];
  const answers: SurveyAnswersTable[] = [];
  const cards: ServiceCardEntriesTable[] = [];
  const tasks: TasksTable[] = [];
  const attempt = (v: Visit, outcome: SurveyOutcome, ms: number, extra: Partial<Insertable<SurveyCallsTable>> = {}) => {
    const caller = rng.pick(o.callers);
    const row: Insertable<SurveyCallsTable> = {
      id: id(), clinic_id: clinicId, patient_id: v.patient_id, appointment_id: v.id, doctor_id: v.doctor_id, branch_id: v.branch_id, visit_date: v.local_date,
      outcome, callback_at: null, questionnaire_version: null, nps: null, complaint: 0, comment: null, task_id: null, called_by: caller.id, called_at: iso(ms), ...extra,
    };
    calls.push(row);
    return { row, caller };
  };
  const card = (v: Visit, ms: number, caller: { id: string; name: string }, text: string, alert: boolean) =>
    cards.push({ id: id(), clinic_id: clinicId, patient_id: v.patient_id, section: 'svc1', text, event_date: localDateOf(ms, tz), minutes: null, is_alert: alert ? 1 : 0, appointment_id: v.id, author_id: caller.id, author_name: caller.name, author_role: 'administrator', created_at: iso(ms) });
  const plain = (v: Visit, outcome: SurveyOutcome, ms: number, extra: Partial<Insertable<SurveyCallsTable>> = {}) => {
    const { caller } = attempt(v, outcome, ms, extra);
    card(v, ms, caller, `${SURVEY_CARD_PREFIX}: ${OUTCOME_RU[outcome]}`, false);
  };
  const completed = (v: Visit, ms: number) => {
    const satisfied = rng.chance(satisfactionOf.get(v.doctor_id)!);
    const mark = (w: readonly number[]) => rng.weighted(w.map((x, i) => [i + 1, x] as const));
    const scores: Record<string, number> = {};
    // A disappointed patient marks most things lower; the desk's own marks (administrators, waiting) follow the clinic more than the doctor.
    for (const q of DEFAULT_QUESTIONS) if (q.kind === 'score5') scores[q.key] = mark(satisfied || ((q.key === 'admins' || q.key === 'waiting') && rng.chance(0.6)) ? SATISFIED : DISAPPOINTED);
    const avg = Object.values(scores).reduce((a, b) => a + b, 0) / Object.values(scores).length;
    const nps = Math.max(0, Math.min(10, Math.round(avg * 2 + rng.int(-1, 1))));
    const complaint = avg < 3.2 || rng.chance(0.015);
    const checked = [...Object.entries(scores).map(([key, score]) => ({ key, kind: 'score5' as const, score })), { key: 'recommend', kind: 'nps' as const, score: nps }];
    const low = isLowResult(checked, complaint);
    const text = low ? rng.pick(LOW_COMMENTS) : rng.chance(0.35) ? rng.pick(GOOD_COMMENTS) : null;
    const { row, caller } = attempt(v, 'completed', ms, { questionnaire_version: 1, nps, complaint: complaint ? 1 : 0, comment: low && complaint ? text : null });
    for (const a of checked) answers.push({ id: id(), clinic_id: clinicId, survey_call_id: row.id!, question_key: a.key, score: a.score, text: null });
    if (text) answers.push({ id: id(), clinic_id: clinicId, survey_call_id: row.id!, question_key: 'comments', score: null, text });
    if (low) {
      const taskId = id();
      row.task_id = taskId;
      const p = patientNames.get(v.patient_id) ?? '';
      const lows = checked.filter((a) => (a.kind === 'score5' && a.score <= 2) || (a.kind === 'nps' && a.score <= 6)).map((a) => `${DEFAULT_QUESTIONS.find((q) => q.key === a.key)!.ru.split('?')[0]}: ${a.score}`);
      const closed = ms < nowMs - 4 * DAY_MS;
      tasks.push({
        id: taskId, clinic_id: clinicId, title: `Низкая оценка в опросе после лечения: ${p}`, details: [...lows, complaint ? 'Пациент жалуется' : null, text].filter(Boolean).join('\n'),
        assignee_user_id: null, assignee_role: 'chief_doctor', due_date: localDateOf(ms + 3 * DAY_MS, tz), status: closed ? 'done' : 'open',
        outcome: closed ? 'Главный врач позвонил пациенту, извинился и пригласил на бесплатный контрольный осмотр; разобрали случай с врачом.' : null,
        patient_id: v.patient_id, appointment_id: v.id, source_message_id: null, created_by: caller.id, created_at: iso(ms),
        closed_by: closed ? o.chief.id : null, closed_at: closed ? iso(ms + 2 * DAY_MS) : null,
      });
    }
    const list = checked.map((a) => answerLabel(DEFAULT_QUESTIONS.find((q) => q.key === a.key)!, a.score)).join(', ');
    card(v, ms, caller, `${SURVEY_CARD_PREFIX}: ${OUTCOME_RU.completed} (${list})${low ? '; низкая оценка — задача главному врачу' : ''}`, low);
  };
  const patientNames = new Map((await db.selectFrom('patients').select(['id', 'surname', 'first_name']).where('clinic_id', '=', clinicId).execute()).map((p) => [p.id, `${p.surname} ${p.first_name}`]));

  // The courses that ended: a finished visit with nothing else for 21 days after it.
  const onListVisits: Visit[] = [];
  for (const patientId of [...agreed].sort()) {
    const list = byPatient.get(patientId)!;
    let lastSurveyed = -Infinity;
    for (const [i, v] of list.entries()) {
      const next = list[i + 1];
      if (v.status !== 'done' || (next && dayNumber(next.local_date) - dayNumber(v.local_date) <= 21)) continue;
      const ago = dayNumber(today) - dayNumber(v.local_date);
      if (ago > 180 || ago < 4 || dayNumber(v.local_date) - lastSurveyed < 90) continue;
      const onList = ago <= 17 && !next;
      if (onList) {
        onListVisits.push(v);
        continue;
      }
      const callDay = addDays(v.local_date, rng.int(3, 6));
      let ms = at(callDay, hhmm(11, 18));
      if (ms > nowMs) continue;
      const r = rng.next();
      if (r < 0.18) {
        plain(v, 'not_reached', ms);
        ms = at(addDays(callDay, 1), hhmm(17, 19));
        if (ms > nowMs) continue;
      }
      if (r < 0.04) plain(v, 'not_reached', ms);
      else if (r < 0.13) plain(v, 'refused', ms);
      else completed(v, ms);
      if (r >= 0.04) lastSurveyed = dayNumber(localDateOf(ms, tz));
    }
  }
  // Today's list (courses that ended 4–17 days ago): a call-back due now, one not reached, a call-back later today,
  // then four in five already surveyed and the rest waiting (some not reached once).
  // The promised call-backs at desk hours: the due one this morning at 10:00 (yesterday at 18:00 before that),
  // the later one three hours on, rounded to a quarter (tomorrow at 11:00 when that is past 20:00).
  const ten = at(today, '10:00');
  const dueCallback = nowMs >= ten + 20 * 60_000 ? ten : at(addDays(today, -1), '18:00');
  const quarter = 15 * 60_000;
  const soon = Math.ceil((nowMs + 3 * 3600_000) / quarter) * quarter;
  const laterCallback = soon <= at(today, '20:00') ? soon : at(addDays(today, 1), '11:00');
  for (const [k, v] of onListVisits.entries()) {
    const callDay = addDays(v.local_date, 3 + (dayNumber(today) - dayNumber(v.local_date) > 5 ? rng.int(0, 1) : 0));
    const first = Math.min(at(callDay, hhmm(11, 18)), nowMs - 3 * 3600_000);
    const r = rng.next();
    if (k === 0) plain(v, 'callback', Math.min(first, dueCallback - 2 * 3600_000), { callback_at: iso(dueCallback) });
    else if (k === 1) plain(v, 'not_reached', first);
    else if (k === 2) plain(v, 'callback', first, { callback_at: iso(laterCallback) });
    else if (k % 5 !== 0) {
      if (r < 0.88) completed(v, first);
      else plain(v, 'refused', first);
    } else if (r < 0.5) plain(v, 'not_reached', first);
  }
  // The chief doctor's two newest survey tasks are still open whatever their age.
  for (const task of [...tasks].sort((x, y) => y.created_at.localeCompare(x.created_at)).slice(0, 2)) Object.assign(task, { status: 'open', outcome: null, closed_by: null, closed_at: null });
  const put = async <T>(table: 'survey_consents' | 'survey_calls' | 'survey_answers' | 'service_card_entries' | 'tasks', rows: T[]) => {
    for (let i = 0; i < rows.length; i += 200) await db.insertInto(table).values(rows.slice(i, i + 200) as never).execute();
  };
  await put('survey_consents', consents);
  await put('survey_calls', calls);
  await put('survey_answers', answers);
  await put('service_card_entries', cards);
  await put('tasks', tasks);
  return { consents: consents.length, calls: calls.length, tasks: tasks.length };
}
