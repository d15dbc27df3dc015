import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AttemptBody, CallbackList, ConfirmationList, RecallList, RecallRule, RecallRuleInput, RecallRulePatch, RecallRules, WorklistCounts } from '../../../src/contracts/worklists.js';
import { api } from './client';

/** «Обзвон»: the desk's outgoing worklists (CONF-1..6, REC-1..3). */
export type ConfirmationListT = z.infer<typeof ConfirmationList>;
export type ConfirmationItemT = ConfirmationListT['sessions'][number]['items'][number];
export type CallbackListT = z.infer<typeof CallbackList>;
export type CallbackItemT = CallbackListT['items'][number];
export type RecallListT = z.infer<typeof RecallList>;
export type RecallItemT = RecallListT['items'][number];
export type AttemptT = ConfirmationItemT['attempts'][number];
export type AttemptBodyT = z.infer<typeof AttemptBody>;
export type RecallRuleT = z.infer<typeof RecallRule>;
export type RecallRulesT = z.infer<typeof RecallRules>;

export function useConfirmations(date: string) {
  return useQuery({ queryKey: ['worklists', 'confirmations', date], queryFn: () => api<ConfirmationListT>('GET', '/worklists/confirmations', undefined, { date }), refetchInterval: 60_000 });
}

export function useCallbacks(date: string) {
  return useQuery({ queryKey: ['worklists', 'callbacks', date], queryFn: () => api<CallbackListT>('GET', '/worklists/callbacks', undefined, { date }), refetchInterval: 60_000 });
}

export function useRecall(date: string) {
  return useQuery({ queryKey: ['worklists', 'recall', date], queryFn: () => api<RecallListT>('GET', '/worklists/recall', undefined, { date }) });
}

export function useWorklistCounts(date: string) {
  return useQuery({ queryKey: ['worklists', 'counts', date], queryFn: () => api<z.infer<typeof WorklistCounts>>('GET', '/worklists/counts', undefined, { date }), refetchInterval: 60_000 });
}

/** Records one call and its outcome; the lists, the schedule and the desk's boards refresh. */
export function useRecordAttempt() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AttemptBodyT) => api<{ id: string; outcome: string }>('POST', '/worklists/attempts', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['worklists'] });
      void qc.invalidateQueries({ queryKey: ['schedule'] });
      void qc.invalidateQueries({ queryKey: ['desk'] });
    },
  });
}

export function useRecallRules() {
  return useQuery({ queryKey: ['worklists', 'rules'], queryFn: () => api<RecallRulesT>('GET', '/recall-rules') });
}

export function useSaveRecallRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: { id?: string; body: z.infer<typeof RecallRuleInput> | z.infer<typeof RecallRulePatch> }) =>
      r.id ? api<RecallRuleT>('PATCH', `/recall-rules/${r.id}`, r.body) : api<RecallRuleT>('POST', '/recall-rules', r.body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['worklists'] }),
  });
}

export function useSetHalfBoundary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (halfBoundary: string) => api<RecallRulesT>('PUT', '/worklists/settings', { halfBoundary }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['worklists'] }),
  });
}
