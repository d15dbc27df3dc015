import { average, nps } from '../domain/surveys.js';
import { getDoctor } from '../db/repos/doctors.repo.js';
import { completedSurveyAnswers } from '../db/repos/surveys.repo.js';
import { fieldError } from '../domain/errors.js';
import { currentQuestionnaire } from './surveys.service.js';
import { checkBranch } from './proposals.service.js';
import type { Actor, Deps } from './context.js';

export interface ResultsQuery { from?: string; to?: string; doctorId?: string; branchId?: string }

type Row = { call_id: string; doctor_id: string | null; branch_id: string | null; visit_date: string | null; called_at: string; d_surname: string | null; d_first: string | null; question_key: string; score: number | null; kind: string };

function figures(rows: Row[], keys: string[]) {
  const calls = new Set(rows.map((r) => r.call_id));
  const npsScores = rows.filter((r) => r.kind === 'nps' && r.score !== null).map((r) => r.score!);
  const averages: Record<string, number | null> = {};
  for (const k of keys) averages[k] = average(rows.filter((r) => r.question_key === k && r.kind === 'score5' && r.score !== null).map((r) => r.score!));
  return { count: calls.size, nps: nps(npsScores), averages };
}

/**
 * SURV-3: completed surveys per doctor and per month, with NPS (promoters 9–10 minus detractors
 * 0–6, in %) and the average of each 1–5 question. The period filters the visit date.
 */
export async function surveyResults(deps: Deps, actor: Actor, q: ResultsQuery) {
  const db = deps.h.db;
  // Another clinic's doctor or branch would silently find nothing: refuse it as a field error.
  if (q.doctorId && !(await getDoctor(db, actor.clinicId, q.doctorId))) throw fieldError('doctorId', { ru: 'Такого врача нет', en: 'No such doctor' });
  await checkBranch(deps, actor, q.branchId);
  const qn = await currentQuestionnaire(db, actor.clinicId);
  const kinds = new Map(qn.questions.map((x) => [x.key, x.kind]));
  // The NPS question is recognised by its kind in the version in force, or by its default key.
  const rows: Row[] = (await completedSurveyAnswers(db, actor.clinicId, q)).map((r) => ({ ...r, kind: kinds.get(r.question_key) ?? (r.question_key === 'recommend' ? 'nps' : 'score5') }));
  const keys = qn.questions.filter((x) => x.kind === 'score5').map((x) => x.key);
  const group = (key: (r: Row) => string) => {
    const m = new Map<string, Row[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return m;
  };
  const byDoctor = [...group((r) => r.doctor_id ?? '')].map(([doctorId, rs]) => ({ doctorId: doctorId || null, doctorName: rs[0]!.d_surname ? `${rs[0]!.d_surname} ${rs[0]!.d_first}` : null, ...figures(rs, keys) }))
    .sort((a, b) => (a.doctorName ?? '').localeCompare(b.doctorName ?? ''));
  const byMonth = [...group((r) => (r.visit_date ?? r.called_at).slice(0, 7))].map(([month, rs]) => ({ month, ...figures(rs, keys) })).sort((a, b) => a.month.localeCompare(b.month));
  return { questions: qn.questions, total: figures(rows, keys), byDoctor, byMonth };
}
