import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import { getPatientRow } from '../db/repos/patients.repo.js';
import { allQuestionnaires, clinicConsentsOldestFirst, clinicName, insertQuestionnaire, insertSurveyAnswer, insertSurveyCall, latestQuestionnaire, surveyCallsOf, surveyPatientNames, surveyPatientPhones, surveyVisit, surveyVisitsOf } from '../db/repos/surveys.repo.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { localDateOf } from '../domain/schedule/time.js';
import { dayPart } from '../domain/calls/greeting.js';
import { addressName } from '../domain/worklists/scripts.js';
import { answerLabel, DEFAULT_QUESTIONS, SURVEY_CARD_PREFIX, SURVEY_OUTCOME_RU, isLowResult, surveyEligible, surveyScript, surveySettings, type SurveyOutcome, type SurveyQuestion } from '../domain/surveys.js';
import { addEntryTx, authorName } from './service-card.service.js';
import { getSurveyConsent } from './survey-consent.service.js';
import { createTask } from './tasks.service.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import type { Db } from '../db/connect.js';

const PATIENT = { ru: 'Пациент', en: 'Patient' };
const OUTCOME_RU = SURVEY_OUTCOME_RU;

/** The questionnaire in force: the newest saved version, or the seed's defaults as version 0. */
export async function currentQuestionnaire(db: Db, clinicId: string): Promise<{ version: number; questions: SurveyQuestion[] }> {
  const r = await latestQuestionnaire(db, clinicId);
  return r ? { version: r.version, questions: JSON.parse(r.questions_json) as SurveyQuestion[] } : { version: 0, questions: [...DEFAULT_QUESTIONS] };
}

/** SURV-2: the chief doctor saves a new version; answers keep the version they were asked with. */
export async function saveQuestionnaire(deps: Deps, actor: Actor, questions: SurveyQuestion[]) {
  const keys = new Set(questions.map((q) => q.key));
  if (keys.size !== questions.length) throw fieldError('questions', { ru: 'Ключи вопросов повторяются', en: 'Question keys repeat' });
  // One «would you recommend» 0–10 question: the NPS is computed from it.
  const npsAt = questions.map((q, i) => (q.kind === 'nps' ? i : -1)).filter((i) => i >= 0);
  if (npsAt.length > 1) throw fieldError(`questions.${npsAt[1]}.kind`, { ru: 'Вопрос с оценкой 0–10 (NPS) может быть только один', en: 'Only one 0–10 (NPS) question is allowed' });
  const now = deps.clock();
  return withTx(deps.h, async (trx) => {
    const cur = await currentQuestionnaire(trx, actor.clinicId);
    // Earlier answers are counted by their key: a key keeps its kind across versions (a 1–5 answer must not become an NPS answer).
    const kindOf = new Map<string, string>();
    for (const v of [{ questions: [...DEFAULT_QUESTIONS] }, ...(await allQuestionnaires(trx, actor.clinicId)).reverse().map((r) => ({ questions: JSON.parse(r.questions_json) as SurveyQuestion[] }))]) {
      for (const q of v.questions) kindOf.set(q.key, q.kind);
    }
    questions.forEach((q, i) => {
      const was = kindOf.get(q.key);
      if (was && was !== q.kind) throw fieldError(`questions.${i}.kind`, { ru: 'Этот ключ уже был вопросом другого типа: дайте новому вопросу новый ключ', en: 'This key was a question of another kind: give the new question a new key' });
    });
    const id = newId();
    await insertQuestionnaire(trx, { id, clinic_id: actor.clinicId, version: cur.version + 1, questions_json: JSON.stringify(questions), created_by: actor.userId, created_at: now.toISOString() });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'survey_questionnaire', objectId: id, details: { version: cur.version + 1 } }));
    return { version: cur.version + 1, questions };
  });
}

/**
 * The survey list of «Обзвон» for the clinic's today: patients who agreed (SVC-1) whose treatment
 * ended (see surveyEligible), with the call script filled in with their name.
 */
export async function surveyWorklist(deps: Deps, actor: Actor) {
  const now = deps.clock();
  const { time_zone: tz, settings_json } = await clinicTimeAndSettings(deps.h.db, actor.clinicId);
  const settings = surveySettings(settings_json);
  const today = localDateOf(now.getTime(), tz);
  const db = deps.h.db;
  const consents = await clinicConsentsOldestFirst(db, actor.clinicId);
  const latest = new Map<string, { status: 'agreed' | 'refused'; preferred_time: string | null; channel: 'phone' | 'messenger' | 'email' }>();
  for (const c of consents) latest.set(c.patient_id, c);
  const agreed = [...latest].filter(([, c]) => c.status === 'agreed').map(([id]) => id);
  if (!agreed.length) return { today, settings, items: [], later: [] };
  const visits = await surveyVisitsOf(db, actor.clinicId, agreed);
  const calls = await surveyCallsOf(db, actor.clinicId, agreed);
  const patients = await surveyPatientNames(db, actor.clinicId, agreed);
  const phones = await surveyPatientPhones(db, agreed);
  const clinic = await clinicName(db, actor.clinicId);
  const staff = await authorName(db, actor);
  const part = dayPart(now.getTime(), tz);
  const scripts = (s: ReturnType<typeof surveyScript>) => ({ script: s.ru, scriptEn: s.en });
  const items = [];
  const later = [];
  for (const p of patients) {
    const mine = visits.filter((v) => v.patient_id === p.id);
    const done = mine.filter((v) => v.status === 'done').sort((a, b) => a.starts_at.localeCompare(b.starts_at)).at(-1) ?? null;
    const hasFutureVisit = mine.some((v) => ['booked', 'confirmed', 'arrived', 'in_chair'].includes(v.status) && v.starts_at > now.toISOString());
    const mineCalls = calls.filter((c) => c.patient_id === p.id);
    const surveyed = mineCalls.filter((c) => c.outcome === 'completed' || c.outcome === 'refused').at(-1);
    const eligible = surveyEligible({ today, lastDoneDate: done?.local_date ?? null, hasFutureVisit, consent: 'agreed', lastSurveyedDate: surveyed ? localDateOf(Date.parse(surveyed.called_at), tz) : null, settings });
    if (!eligible || !done) continue;
    const last = mineCalls.at(-1);
    const doctorName = done.d_surname ? `${done.d_surname} ${done.d_first}` : null;
    // Attempts about this treatment: the calls since the visit.
    const attempts = mineCalls.filter((c) => c.called_at >= done.starts_at);
    const callbackAt = last?.outcome === 'callback' ? last.callback_at : null;
    const item = {
      patientId: p.id, patientName: [p.surname, p.first_name, p.patronymic].filter(Boolean).join(' '), phone: phones.find((x) => x.patient_id === p.id)?.number ?? null,
      preferredTime: latest.get(p.id)?.preferred_time ?? null, channel: latest.get(p.id)?.channel ?? 'phone',
      appointmentId: done.id, visitDate: done.local_date, doctorId: done.doctor_id, doctorName,
      attempts: attempts.length, lastOutcome: last?.outcome ?? null, callbackAt,
      history: attempts.map((c) => ({ id: c.id, outcome: c.outcome, at: c.called_at, callbackAt: c.callback_at, by: c.by_name, comment: c.comment })),
      ...scripts(surveyScript({ patientName: addressName({ addressAs: p.address_as, firstName: p.first_name, patronymic: p.patronymic }), clinicName: clinic.name, staffFullName: staff, doctorName, dayPart: part })),
    };
    // A promised call-back waits until its time, on the «later» list.
    if (callbackAt && callbackAt > now.toISOString()) later.push(item);
    else items.push(item);
  }
  const byName = (a: { patientName: string }, b: { patientName: string }) => a.patientName.localeCompare(b.patientName, 'ru');
  items.sort((a, b) => (a.callbackAt ? 0 : 1) - (b.callbackAt ? 0 : 1) || (a.callbackAt ?? '').localeCompare(b.callbackAt ?? '') || b.visitDate.localeCompare(a.visitDate) || byName(a, b));
  later.sort((a, b) => a.callbackAt!.localeCompare(b.callbackAt!) || byName(a, b));
  return { today, settings, items, later };
}

/** A call-back is promised for later: not in the past (a minute's grace for the clock) and within a year. */
function checkCallbackAt(input: SurveyCallInput, now: Date) {
  if (input.outcome !== 'callback') return;
  if (!input.callbackAt) throw fieldError('callbackAt', { ru: 'Укажите, когда перезвонить', en: 'Say when to call back' });
  const at = Date.parse(input.callbackAt);
  if (at < now.getTime() - 60_000) throw fieldError('callbackAt', { ru: 'Время перезвона уже прошло', en: 'The call-back time has already passed' });
  if (at > now.getTime() + 366 * 86_400_000) throw fieldError('callbackAt', { ru: 'Перезвонить — не позже чем через год', en: 'Call back within a year' });
}

export interface SurveyCallInput {
  appointmentId?: string | null;
  outcome: SurveyOutcome;
  callbackAt?: string | null;
  answers?: { key: string; score?: number | null; text?: string | null }[];
  complaint?: boolean;
  comment?: string | null;
}

/**
 * Records one survey call attempt (SURV-1). A completed survey stores the answers with the
 * questionnaire version, linked to the visit and its doctor; a low result raises a task for the
 * chief doctor (SURV-3); every attempt is written to the service card's section 1 (SVC-1, wishes
 * and survey — the section where the consent lives).
 */
export async function recordSurveyCall(deps: Deps, actor: Actor, patientId: string, input: SurveyCallInput) {
  const now = deps.clock();
  const { time_zone: tz } = await clinicTimeAndSettings(deps.h.db, actor.clinicId);
  const name = await authorName(deps.h.db, actor);
  checkCallbackAt(input, now);
  return withTx(deps.h, async (trx) => {
    if (!(await getPatientRow(trx, actor.clinicId, patientId))) throw notFound(PATIENT);
    // SURV-1: only patients who agreed are surveyed; one who said no is not called about it again.
    if ((await getSurveyConsent(trx, actor, patientId))?.status === 'refused') {
      throw new DomainError('conflict', { ru: 'Пациент отказался от опросов (сервисная карта, раздел 1): звонить с опросом нельзя', en: 'The patient refused surveys (service card, section 1): do not call with the survey' });
    }
    let visit: { id: string; doctor_id: string; branch_id: string; local_date: string } | undefined;
    if (input.appointmentId) {
      const v = await surveyVisit(trx, actor.clinicId, patientId, input.appointmentId);
      if (!v) throw fieldError('appointmentId', { ru: 'Визит пациента не найден', en: 'The patient’s visit was not found' });
      // The survey is about treatment received: a visit still ahead, cancelled or missed has no doctor to rate.
      if (v.status !== 'done') throw fieldError('appointmentId', { ru: 'Опрос — только о завершённом приёме', en: 'A survey is only about a finished visit' });
      visit = v;
    }
    const q = await currentQuestionnaire(trx, actor.clinicId);
    const answers = input.outcome === 'completed' ? (input.answers ?? []) : [];
    const byKey = new Map(q.questions.map((x) => [x.key, x]));
    const seen = new Set<string>();
    const checked = answers.map((a, i) => {
      const qq = byKey.get(a.key);
      if (!qq) throw fieldError(`answers.${i}.key`, { ru: 'Такого вопроса нет в анкете', en: 'No such question in the questionnaire' });
      if (seen.has(a.key)) throw fieldError(`answers.${i}.key`, { ru: 'На этот вопрос ответ уже есть', en: 'This question is already answered' });
      seen.add(a.key);
      const max = qq.kind === 'nps' ? 10 : 5;
      const min = qq.kind === 'nps' ? 0 : 1;
      const score = qq.kind === 'text' ? null : (a.score ?? null);
      if (score !== null && (!Number.isInteger(score) || score < min || score > max)) throw fieldError(`answers.${i}.score`, { ru: `Оценка от ${min} до ${max}`, en: `A score from ${min} to ${max}` });
      return { key: a.key, kind: qq.kind, score, text: a.text?.trim() || null };
    });
    if (input.outcome === 'completed' && !checked.some((a) => a.score !== null || a.text)) {
      throw fieldError('answers', { ru: 'Проведённый опрос — хотя бы один ответ', en: 'A completed survey needs at least one answer' });
    }
    const complaint = !!input.complaint;
    const low = input.outcome === 'completed' && isLowResult(checked, complaint);
    const id = newId();
    const npsAnswer = checked.find((a) => a.kind === 'nps')?.score ?? null;
    let taskId: string | null = null;
    const patient = await getPatientRow(trx, actor.clinicId, patientId);
    if (low) {
      const lows = checked.filter((a) => a.score !== null && ((a.kind === 'score5' && a.score <= 2) || (a.kind === 'nps' && a.score <= 6))).map((a) => `${byKey.get(a.key)!.ru.split('?')[0]}: ${a.score}`);
      taskId = await createTask(trx, actor, {
        title: `Низкая оценка в опросе после лечения: ${patient!.p.surname} ${patient!.p.first_name}`,
        details: [...lows, complaint ? 'Пациент жалуется' : null, input.comment?.trim() || null].filter(Boolean).join('\n'),
        assigneeRole: 'chief_doctor', dueDate: localDateOf(now.getTime() + 3 * 86_400_000, tz), patientId, appointmentId: visit?.id ?? null,
      }, now);
    }
    await insertSurveyCall(trx, {
      id, clinic_id: actor.clinicId, patient_id: patientId, appointment_id: visit?.id ?? null, doctor_id: visit?.doctor_id ?? null, branch_id: visit?.branch_id ?? null,
      visit_date: visit?.local_date ?? null, outcome: input.outcome, callback_at: input.outcome === 'callback' ? input.callbackAt! : null,
      questionnaire_version: input.outcome === 'completed' ? q.version : null, nps: npsAnswer, complaint: complaint ? 1 : 0, comment: input.comment?.trim() || null,
      task_id: taskId, called_by: actor.userId, called_at: now.toISOString(),
    });
    for (const a of checked) await insertSurveyAnswer(trx, { id: newId(), clinic_id: actor.clinicId, survey_call_id: id, question_key: a.key, score: a.score, text: a.text });
    const scores = checked.filter((a) => a.score !== null).map((a) => answerLabel(byKey.get(a.key)!, a.score!)).join(', ');
    await addEntryTx(trx, actor, name, patientId, {
      section: 'svc1', eventDate: localDateOf(now.getTime(), tz), appointmentId: visit?.id ?? null, isAlert: low,
      text: `${SURVEY_CARD_PREFIX}: ${OUTCOME_RU[input.outcome]}${scores ? ` (${scores})` : ''}${low ? '; низкая оценка — задача главному врачу' : ''}`,
    }, now.toISOString());
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'survey_call', objectId: id, patientId, details: { outcome: input.outcome, low } }));
    return { id, outcome: input.outcome, low, taskId };
  });
}

