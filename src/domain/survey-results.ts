/**
 * SURV-3 figures of the survey results: one completed call as a record and what a group of them
 * adds up to. Pure: the services load the calls, these rules count them — and the lists behind a
 * figure are filtered with the very same rules, so a figure and its list always agree.
 */
import { average, nps } from './surveys.js';

export interface SurveyCallRec {
  id: string;
  patientId: string;
  patientName: string;
  appointmentId: string | null;
  doctorId: string | null;
  doctorName: string | null;
  branchId: string | null;
  branchName: string | null;
  visitDate: string | null;
  calledAt: string;
  /** YYYY-MM of the visit (of the call when the visit is unknown). */
  month: string;
  complaint: boolean;
  comment: string | null;
  /** Free-text answers. */
  texts: string[];
  /** 1–5 answers by question key. */
  scores: Record<string, number>;
  /** The 0–10 «would you recommend» answer. */
  nps: number | null;
  services: { code: string; name: string }[];
  taskId: string | null;
}

export type NpsGroup = 'promoters' | 'passives' | 'detractors';

/** 9–10 promoters, 7–8 passives, 0–6 detractors. */
export function npsGroupOf(score: number): NpsGroup {
  return score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors';
}

/** A low result as the follow-up rule sees it: a 1–5 score of 2 or less, a recommendation of 6 or less, or a complaint. */
export function isLowCall(c: Pick<SurveyCallRec, 'scores' | 'nps' | 'complaint'>): boolean {
  return c.complaint || (c.nps !== null && c.nps <= 6) || Object.values(c.scores).some((s) => s <= 2);
}

/** What a group of calls adds up to: counts, NPS with its three groups, the average and the count of each 1–5 question. */
export function figures(calls: readonly SurveyCallRec[], keys: readonly string[]) {
  const npsScores = calls.filter((c) => c.nps !== null).map((c) => c.nps!);
  const averages: Record<string, number | null> = {};
  const answered: Record<string, number> = {};
  for (const k of keys) {
    const s = calls.filter((c) => c.scores[k] !== undefined).map((c) => c.scores[k]!);
    averages[k] = average(s);
    answered[k] = s.length;
  }
  return {
    count: calls.length,
    nps: nps(npsScores),
    npsCount: npsScores.length,
    promoters: npsScores.filter((s) => npsGroupOf(s) === 'promoters').length,
    passives: npsScores.filter((s) => npsGroupOf(s) === 'passives').length,
    detractors: npsScores.filter((s) => npsGroupOf(s) === 'detractors').length,
    averages,
    answered,
    complaints: calls.filter((c) => c.complaint).length,
    low: calls.filter(isLowCall).length,
    remarks: calls.filter((c) => c.comment || c.texts.length).length,
  };
}
