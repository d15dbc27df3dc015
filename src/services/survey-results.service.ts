import type { z } from 'zod';
import type { SurveyCallsQuery } from '../contracts/survey-results.js';
import { getDoctor } from '../db/repos/doctors.repo.js';
import * as repo from '../db/repos/survey-results.repo.js';
import { allQuestionnaires } from '../db/repos/surveys.repo.js';
import { fieldError } from '../domain/errors.js';
import { figures, isLowCall, npsGroupOf, type SurveyCallRec } from '../domain/survey-results.js';
import { DEFAULT_QUESTIONS, type SurveyQuestion } from '../domain/surveys.js';
import { currentQuestionnaire } from './surveys.service.js';
import { checkBranch } from './proposals.service.js';
import type { Actor, Deps } from './context.js';

export type ResultsQuery = repo.SurveyFilter;

/** Another clinic's doctor or branch would silently find nothing: refuse it as a field error. */
async function checkFilter(deps: Deps, actor: Actor, q: ResultsQuery) {
  if (q.doctorId && !(await getDoctor(deps.h.db, actor.clinicId, q.doctorId))) throw fieldError('doctorId', { ru: 'Такого врача нет', en: 'No such doctor' });
  await checkBranch(deps, actor, q.branchId);
  if (q.from && q.to && q.from > q.to) throw fieldError('to', { ru: 'Дата окончания раньше даты начала', en: 'The end date is before the start date' });
}

const fullName = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ');

/**
 * The completed survey calls of the filter as records: the scores by question, the NPS answer,
 * the complaint and the remarks, the visit's services. The NPS question is recognised by its kind
 * in the questionnaire in force, or by its default key.
 */
export async function loadCalls(deps: Deps, actor: Actor, q: ResultsQuery): Promise<{ questions: SurveyQuestion[]; calls: SurveyCallRec[] }> {
  const db = deps.h.db;
  const qn = await currentQuestionnaire(db, actor.clinicId);
  // Questions of earlier versions still count for the answers given to them (newest text first).
  const earlier = (await allQuestionnaires(db, actor.clinicId)).flatMap((r) => JSON.parse(r.questions_json) as SurveyQuestion[]);
  const known = new Map<string, SurveyQuestion>();
  for (const x of [...qn.questions, ...earlier, ...DEFAULT_QUESTIONS]) if (!known.has(x.key)) known.set(x.key, x);
  const npsKeys = new Set(['recommend', ...[...known.values()].filter((x) => x.kind === 'nps').map((x) => x.key)]);
  const rows = await repo.completedCalls(db, actor.clinicId, q);
  const answers = await repo.completedAnswers(db, actor.clinicId, q);
  const services = await repo.calledVisitServices(db, actor.clinicId, q);
  const byCall = new Map<string, SurveyCallRec>();
  for (const r of rows) {
    byCall.set(r.id, {
      id: r.id, patientId: r.patient_id, patientName: fullName(r.p_surname, r.p_first, r.p_patronymic), appointmentId: r.appointment_id,
      doctorId: r.doctor_id, doctorName: r.d_surname ? fullName(r.d_surname, r.d_first) : null, branchId: r.branch_id, branchName: r.branch_name,
      visitDate: r.visit_date, calledAt: r.called_at, month: (r.visit_date ?? r.called_at).slice(0, 7), complaint: r.complaint === 1,
      comment: r.comment, texts: [], scores: {}, nps: null, services: [], taskId: r.task_id,
    });
  }
  for (const a of answers) {
    const c = byCall.get(a.call_id);
    if (!c) continue;
    if (a.text) c.texts.push(a.text);
    if (a.score === null) continue;
    if (npsKeys.has(a.question_key)) c.nps = a.score;
    else c.scores[a.question_key] = a.score;
  }
  for (const s of services) {
    const c = byCall.get(s.call_id);
    if (c && !c.services.some((x) => x.code === s.code)) c.services.push({ code: s.code, name: s.name });
  }
  const answered = new Set(answers.filter((a) => a.score !== null || a.text).map((a) => a.question_key));
  const retired = [...known.values()].filter((x) => !qn.questions.some((c) => c.key === x.key) && answered.has(x.key) && !npsKeys.has(x.key));
  return { questions: [...qn.questions, ...retired], calls: [...byCall.values()] };
}

function groupBy<K>(calls: SurveyCallRec[], keysOf: (c: SurveyCallRec) => K[]): Map<K, SurveyCallRec[]> {
  const m = new Map<K, SurveyCallRec[]>();
  for (const c of calls) for (const k of keysOf(c)) m.set(k, [...(m.get(k) ?? []), c]);
  return m;
}

/**
 * SURV-3: completed surveys per doctor, service (a visit with three services counts for each),
 * branch and month, with NPS (promoters 9–10 minus detractors 0–6, in %), the average of each 1–5
 * question, complaints and low results. The period filters the visit date.
 */
export async function surveyResults(deps: Deps, actor: Actor, q: ResultsQuery) {
  await checkFilter(deps, actor, q);
  const { questions, calls } = await loadCalls(deps, actor, q);
  const keys = questions.filter((x) => x.kind === 'score5').map((x) => x.key);
  const f = (cs: SurveyCallRec[]) => figures(cs, keys);
  const byDoctor = [...groupBy(calls, (c) => [c.doctorId ?? ''])].map(([id, cs]) => ({ doctorId: id || null, doctorName: cs[0]!.doctorName, ...f(cs) }))
    .sort((a, b) => (a.doctorName ?? '\uffff').localeCompare(b.doctorName ?? '\uffff', 'ru'));
  const byService = [...groupBy(calls, (c) => c.services.map((s) => s.code))].map(([code, cs]) => ({ code, name: cs[0]!.services.find((s) => s.code === code)!.name, ...f(cs) }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const byBranch = [...groupBy(calls, (c) => [c.branchId ?? ''])].map(([id, cs]) => ({ branchId: id || null, branchName: cs[0]!.branchName, ...f(cs) }))
    .sort((a, b) => (a.branchName ?? '\uffff').localeCompare(b.branchName ?? '\uffff', 'ru'));
  const byMonth = [...groupBy(calls, (c) => [c.month])].map(([month, cs]) => ({ month, ...f(cs) })).sort((a, b) => a.month.localeCompare(b.month));
  return { questions, total: f(calls), byDoctor, byService, byBranch, byMonth };
}

export type CallsQuery = z.infer<typeof SurveyCallsQuery>;

/** Does the call belong to the figure the query names? The same test the figures were counted with. */
export function matches(c: SurveyCallRec, q: CallsQuery): boolean {
  if (q.serviceCode && !c.services.some((s) => s.code === q.serviceCode)) return false;
  if (q.month && c.month !== q.month) return false;
  if (q.question && c.scores[q.question] === undefined) return false;
  if (q.npsAnswered && c.nps === null) return false;
  if (q.npsGroup && (c.nps === null || npsGroupOf(c.nps) !== q.npsGroup)) return false;
  if (q.complaint && !c.complaint) return false;
  if (q.low && !isLowCall(c)) return false;
  if (q.remarks && !c.comment && !c.texts.length) return false;
  return true;
}

export function callItem(c: SurveyCallRec) {
  return {
    id: c.id, patientId: c.patientId, patientName: c.patientName, appointmentId: c.appointmentId, visitDate: c.visitDate, calledAt: c.calledAt,
    doctorId: c.doctorId, doctorName: c.doctorName, branchName: c.branchName, scores: c.scores, nps: c.nps, complaint: c.complaint,
    low: isLowCall(c), comment: [c.comment, ...c.texts].filter(Boolean).join(' · ') || null, services: c.services.map((s) => s.name), taskId: c.taskId,
  };
}

/** The calls behind a figure of the results (patient, date, doctor, scores, comment), newest first, paged. */
export async function surveyCalls(deps: Deps, actor: Actor, q: CallsQuery) {
  await checkFilter(deps, actor, q);
  const { questions, calls } = await loadCalls(deps, actor, q);
  const hit = calls.filter((c) => matches(c, q));
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 50;
  return { questions, total: hit.length, offset, items: hit.slice(offset, offset + limit).map(callItem) };
}

/** DESK-3 «Пациент уходит» for the visits of the filter: review asked and where, flyers, gifts, next visit. */
export async function surveyLeavingStats(deps: Deps, actor: Actor, q: ResultsQuery) {
  await checkFilter(deps, actor, q);
  const rows = await repo.leavingsOfVisits(deps.h.db, actor.clinicId, q);
  const bySite: Record<string, number> = {};
  for (const r of rows) if (r.review_site) bySite[r.review_site] = (bySite[r.review_site] ?? 0) + 1;
  return {
    recorded: rows.length,
    nextBooked: rows.filter((r) => r.next_visit === 'booked').length,
    nextAgreed: rows.filter((r) => r.next_visit === 'agreed').length,
    reviewAsked: rows.filter((r) => r.review_asked === 1).length,
    bySite: Object.entries(bySite).map(([site, count]) => ({ site, count })).sort((a, b) => b.count - a.count || a.site.localeCompare(b.site, 'ru')),
    flyers: rows.filter((r) => r.flyers === 1).length,
    gifts: rows.filter((r) => r.gift === 1).length,
  };
}
