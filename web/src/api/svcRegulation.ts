import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MySvcRegulationStatus, SvcRegulation, SvcRegulationConfirmations, VisitLeaving, VisitLeavingInput } from '../../../src/contracts/svc-regulation.js';
import { api } from './client';

/** SVC-11: the service card regulation (versions, confirmations); DESK-2/3: the leaving record and review sites. */
export type SvcRegulationT = z.infer<typeof SvcRegulation>;
export type VisitLeavingT = z.infer<typeof VisitLeaving>;
export type VisitLeavingInputT = z.infer<typeof VisitLeavingInput>;

const REG_KEY = ['svc-regulation'] as const;

export const useSvcRegulation = (version?: number) =>
  useQuery({
    queryKey: [...REG_KEY, version ?? 'current'],
    queryFn: () => api<SvcRegulationT>('GET', version ? `/service-card-regulation/versions/${version}` : '/service-card-regulation'),
  });
export const useMySvcRegulation = () =>
  useQuery({ queryKey: [...REG_KEY, 'mine'], queryFn: () => api<z.infer<typeof MySvcRegulationStatus>>('GET', '/service-card-regulation/mine'), staleTime: 60_000 });
export const useSvcRegulationConfirmations = (enabled: boolean) =>
  useQuery({ queryKey: [...REG_KEY, 'confirmations'], enabled, queryFn: () => api<z.infer<typeof SvcRegulationConfirmations>>('GET', '/service-card-regulation/confirmations') });

export function useConfirmSvcRegulation() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (version: number) => api('POST', '/service-card-regulation/mine/confirm', { version }), onSuccess: () => qc.invalidateQueries({ queryKey: REG_KEY }) });
}
export function useSaveSvcRegulation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; note: string | null }) => api<SvcRegulationT>('POST', '/service-card-regulation', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: REG_KEY }),
  });
}

export const useReviewSites = () => useQuery({ queryKey: ['review-sites'], queryFn: () => api<{ sites: string[] }>('GET', '/clinic/review-sites'), staleTime: 300_000 });

export const useLeaving = (appointmentId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: ['leaving', appointmentId],
    enabled: !!appointmentId && enabled,
    queryFn: () => api<{ leaving: VisitLeavingT | null }>('GET', `/appointments/${appointmentId}/leaving`),
  });
export function useSaveLeaving(appointmentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VisitLeavingInputT) => api<VisitLeavingT>('PUT', `/appointments/${appointmentId}/leaving`, body),
    onSuccess: (leaving) => {
      qc.setQueryData(['leaving', appointmentId], { leaving });
      void qc.invalidateQueries({ queryKey: ['schedule'] });
    },
  });
}
