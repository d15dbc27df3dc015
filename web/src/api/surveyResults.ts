import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SurveyCallsQuery, SurveyReviewInput } from '../../../src/contracts/survey-results.js';
import { api } from './client';

/** SURV-3/4: the survey results, the calls behind a figure, a doctor's feedback and review notes (surveys.read / surveys.manage). */
export interface SurveyFilterT { from: string; to: string; branchId?: string; doctorId?: string }
export interface SurveyQuestionT { key: string; kind: 'score5' | 'nps' | 'text'; ru: string; en: string }
export interface FiguresT {
  count: number; nps: number | null; npsCount: number; promoters: number; passives: number; detractors: number;
  averages: Record<string, number | null>; answered: Record<string, number>; complaints: number; low: number; remarks: number;
}
export interface SurveyResultsT {
  questions: SurveyQuestionT[];
  total: FiguresT;
  byDoctor: (FiguresT & { doctorId: string | null; doctorName: string | null })[];
  byService: (FiguresT & { code: string; name: string })[];
  byBranch: (FiguresT & { branchId: string | null; branchName: string | null })[];
  byMonth: (FiguresT & { month: string })[];
}
export interface SurveyCallItemT {
  id: string; patientId: string; patientName: string; appointmentId: string | null; visitDate: string | null; calledAt: string;
  doctorId: string | null; doctorName: string | null; branchName: string | null; scores: Record<string, number>; nps: number | null;
  complaint: boolean; low: boolean; comment: string | null; services: string[]; taskId: string | null;
}
export interface SurveyCallListT { questions: SurveyQuestionT[]; total: number; offset: number; items: SurveyCallItemT[] }
export interface LeavingStatsT { recorded: number; nextBooked: number; nextAgreed: number; reviewAsked: number; bySite: { site: string; count: number }[]; flyers: number; gifts: number }
export interface ReviewT { id: string; meetingDate: string; participants: string; text: string; createdAt: string; createdBy: string | null }
export interface FollowUpT {
  id: string; title: string; details: string | null; dueDate: string | null; status: 'open' | 'done' | 'cancelled'; outcome: string | null; closedAt: string | null;
  closedBy: string | null; createdAt: string; overdue: boolean; patientId: string; patientName: string; visitDate: string | null;
}
export interface DoctorFeedbackT {
  doctor: { id: string; name: string }; questions: SurveyQuestionT[]; figures: FiguresT; clinic: FiguresT; byMonth: (FiguresT & { month: string })[];
  remarks: SurveyCallItemT[]; followUps: FollowUpT[]; reviews: ReviewT[];
}
/** What a click on a figure asks for, besides the screen's filter. */
export type CallsDrill = { title: string; filter: Omit<z.input<typeof SurveyCallsQuery>, 'from' | 'to' | 'limit' | 'offset'> };

export const SURVEY_RESULTS_KEY = ['survey-results'] as const;
const clean = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));

export function useSurveyResults(f: SurveyFilterT) {
  return useQuery({ queryKey: [...SURVEY_RESULTS_KEY, 'figures', f], queryFn: () => api<SurveyResultsT>('GET', '/surveys/results', undefined, clean(f)) });
}

export function useSurveyLeaving(f: SurveyFilterT) {
  return useQuery({ queryKey: [...SURVEY_RESULTS_KEY, 'leaving', f], queryFn: () => api<LeavingStatsT>('GET', '/surveys/leaving', undefined, clean(f)) });
}

export function useSurveyCalls(f: SurveyFilterT, drill: CallsDrill | null, offset: number, limit = 50) {
  return useQuery({
    queryKey: [...SURVEY_RESULTS_KEY, 'calls', f, drill?.filter, offset],
    enabled: !!drill,
    queryFn: () => api<SurveyCallListT>('GET', '/surveys/results/calls', undefined, clean({ ...f, ...drill!.filter, offset, limit })),
  });
}

export function useDoctorFeedback(doctorId: string | null, f: Omit<SurveyFilterT, 'doctorId'>) {
  return useQuery({
    queryKey: [...SURVEY_RESULTS_KEY, 'feedback', doctorId, f],
    enabled: !!doctorId,
    queryFn: () => api<DoctorFeedbackT>('GET', `/doctors/${doctorId}/survey-feedback`, undefined, clean({ from: f.from, to: f.to, branchId: f.branchId })),
  });
}

export function useAddReview(doctorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof SurveyReviewInput>) => api<ReviewT>('POST', `/doctors/${doctorId}/survey-reviews`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: SURVEY_RESULTS_KEY }),
  });
}

/** Closes a survey follow-up; the server writes the outcome to the patient's service card. */
export function useCloseFollowUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status, outcome }: { id: string; status: 'done' | 'cancelled'; outcome: string }) => api('POST', `/tasks/${id}/close`, { status, outcome }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: SURVEY_RESULTS_KEY });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
