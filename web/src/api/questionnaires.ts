import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Anamnesis, AnamnesisDay, AnswersInput, QuestionnaireForm } from '../../../src/contracts/questionnaire-answers.js';
import { api } from './client';

/** DOC-2/DOC-3 answers as data: the questionnaire form, saving answers, the appointment's «Анамнез» (issue #11). */
export type QuestionnaireFormT = z.infer<typeof QuestionnaireForm>;
export type AnamnesisT = z.infer<typeof Anamnesis>;
export type AnswersInputT = z.infer<typeof AnswersInput>;

const KEY = ['questionnaires'] as const;

export const useQuestionnaireForm = (documentId: string) =>
  useQuery({ queryKey: [...KEY, 'form', documentId], queryFn: () => api<QuestionnaireFormT>('GET', `/documents/${documentId}/answers`) });
export const useVisitAnamnesis = (appointmentId: string, enabled = true) =>
  useQuery({ queryKey: [...KEY, 'visit', appointmentId], queryFn: () => api<AnamnesisT>('GET', `/appointments/${appointmentId}/anamnesis`), enabled });
export const useDayAnamnesis = (date: string, doctorId: string | null, enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'day', date, doctorId],
    queryFn: () => api<z.infer<typeof AnamnesisDay>>('GET', '/anamnesis/day', undefined, { date, doctorId }),
    enabled,
    staleTime: 30_000,
  });

export function useSaveAnswers(documentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswersInputT) => api<QuestionnaireFormT>('PUT', `/documents/${documentId}/answers`, body),
    onSuccess: (form) => {
      qc.setQueryData([...KEY, 'form', documentId], form);
      void qc.invalidateQueries({ queryKey: KEY });
      // The answers change the document's content and hash; DOC-3's go into the service card.
      void qc.invalidateQueries({ queryKey: ['documents'] });
      void qc.invalidateQueries({ queryKey: ['service-card'] });
      void qc.invalidateQueries({ queryKey: ['appointment'] });
    },
  });
}
