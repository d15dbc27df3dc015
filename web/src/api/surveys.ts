import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SurveyConsentInput, SurveyConsentView } from '../../../src/contracts/survey-consent.js';
import { api } from './client';

/** SVC-1 / SURV-1: the patient's consent to the post-treatment survey (the latest answer wins). */
export type SurveyConsentViewT = z.infer<typeof SurveyConsentView>;
export type SurveyConsentT = NonNullable<SurveyConsentViewT['consent']>;
export type SurveyConsentInputT = z.input<typeof SurveyConsentInput>;
export const SURVEY_CONSENT_KEY = ['survey-consent'] as const;

export function getSurveyConsent(patientId: string) {
  return api<SurveyConsentViewT>('GET', `/patients/${patientId}/survey-consent`);
}

export function putSurveyConsent(patientId: string, body: SurveyConsentInputT) {
  return api<SurveyConsentViewT>('PUT', `/patients/${patientId}/survey-consent`, body);
}

export function useSurveyConsent(patientId: string | null | undefined) {
  return useQuery({ queryKey: [...SURVEY_CONSENT_KEY, patientId], queryFn: () => getSurveyConsent(patientId!), enabled: !!patientId });
}

export function useRecordSurveyConsent(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyConsentInputT) => putSurveyConsent(patientId, body),
    onSuccess: (data) => qc.setQueryData([...SURVEY_CONSENT_KEY, patientId], data),
  });
}

/** SURV-1: one row of the survey list (GET /surveys/worklist). */
export type SurveyOutcomeT = 'completed' | 'refused' | 'not_reached' | 'callback';
export interface SurveyAttemptT { id: string; outcome: SurveyOutcomeT; at: string; callbackAt: string | null; by: string | null; comment: string | null }
export interface SurveyItemT {
  patientId: string; patientName: string; phone: string | null; preferredTime: string | null; channel: 'phone' | 'messenger' | 'email';
  appointmentId: string; visitDate: string; doctorId: string; doctorName: string | null;
  attempts: number; lastOutcome: SurveyOutcomeT | null; callbackAt: string | null; history: SurveyAttemptT[];
  /** What to say, in Russian (the patient's language); `scriptEn` is its English for the English UI. */
  script: { introduction: string; permission: string; thanks: string };
  scriptEn: { introduction: string; permission: string; thanks: string };
}
export interface SurveyWorklistT { today: string; settings: { afterDays: number; repeatDays: number }; items: SurveyItemT[]; later: SurveyItemT[] }
export type QuestionKindT = 'score5' | 'nps' | 'text';
export interface SurveyQuestionT { key: string; kind: QuestionKindT; ru: string; en: string }
export interface QuestionnaireT { version: number; questions: SurveyQuestionT[] }
export interface SurveyCallInputT {
  appointmentId?: string | null; outcome: SurveyOutcomeT; callbackAt?: string | null; complaint?: boolean; comment?: string | null;
  answers?: { key: string; score?: number | null; text?: string | null }[];
}
export const SURVEY_WORKLIST_KEY = ['survey-worklist'] as const;
export const QUESTIONNAIRE_KEY = ['survey-questionnaire'] as const;

export function useSurveyWorklist(enabled = true) {
  return useQuery({ queryKey: SURVEY_WORKLIST_KEY, queryFn: () => api<SurveyWorklistT>('GET', '/surveys/worklist'), enabled });
}

export function useQuestionnaire() {
  return useQuery({ queryKey: QUESTIONNAIRE_KEY, queryFn: () => api<QuestionnaireT>('GET', '/surveys/questionnaire') });
}

export function useSaveQuestionnaire() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (questions: SurveyQuestionT[]) => api<QuestionnaireT>('PUT', '/surveys/questionnaire', { questions }),
    onSuccess: (data) => qc.setQueryData(QUESTIONNAIRE_KEY, data),
  });
}

export function useRecordSurveyCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ patientId, body }: { patientId: string; body: SurveyCallInputT }) =>
      api<{ id: string; outcome: SurveyOutcomeT; low: boolean; taskId: string | null }>('POST', `/patients/${patientId}/survey-calls`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: SURVEY_WORKLIST_KEY });
      void qc.invalidateQueries({ queryKey: ['service-card'] });
    },
  });
}
