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
