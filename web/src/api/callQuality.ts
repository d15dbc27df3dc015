import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CallQualityView, QualityInputT, QualityPage, QualityResultsT, QualityScore } from '../../../src/contracts/call-quality.js';
import { api } from './client';

export type CallQualityViewT = z.infer<typeof CallQualityView>;
export type QualityScoreT = z.infer<typeof QualityScore>;
export type QualityPageT = z.infer<typeof QualityPage>;
export type { QualityInputT, QualityResultsT };

/** CALL-8: the checklist and the call's score, if it has one. */
export function useCallQuality(callId: string | null) {
  return useQuery({ queryKey: ['call-quality', 'call', callId], queryFn: () => api<CallQualityViewT>('GET', `/calls/${callId}/quality`), enabled: !!callId });
}

export function useScoreCall(callId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: QualityInputT) => api<QualityScoreT>('PUT', `/calls/${callId}/quality`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['call-quality'] }),
  });
}

export function useQualityResults(from: string, to: string) {
  return useQuery({ queryKey: ['call-quality', 'results', from, to], queryFn: () => api<QualityResultsT>('GET', '/call-quality/results', undefined, { from, to }), placeholderData: keepPreviousData });
}

export function useQualityScores(from: string, to: string, userId: string | null) {
  return useQuery({
    queryKey: ['call-quality', 'list', from, to, userId],
    queryFn: () => api<QualityPageT>('GET', '/call-quality', undefined, { from, to, userId: userId ?? undefined, limit: 30 }),
    placeholderData: keepPreviousData,
  });
}
