import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Incident, IncidentInput, IncidentList } from '../../../src/contracts/incidents.js';
import { api } from './client';

/** DESK-5: failures at a branch. The open ones are on every screen (the banner); the log is management's. */
export type IncidentT = Incident;
export type IncidentListT = z.infer<typeof IncidentList>;
export const INCIDENTS_KEY = ['incidents'] as const;

export type IncidentFilter = { status?: 'open' | 'all'; branchId?: string; kind?: string; from?: string; to?: string };

export function useIncidents(f: IncidentFilter = {}) {
  return useQuery({
    queryKey: [...INCIDENTS_KEY, f],
    queryFn: () => api<IncidentListT>('GET', '/incidents', undefined, f),
    // The banner stays right even if a live event was missed while the line was down.
    refetchInterval: 60_000,
  });
}

function useIncidentMutation<V>(fn: (v: V) => Promise<IncidentT>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: INCIDENTS_KEY }) });
}

export const useReportIncident = () => useIncidentMutation((body: IncidentInput) => api<IncidentT>('POST', '/incidents', body));
export const useIncidentNote = () => useIncidentMutation(({ id, text }: { id: string; text: string }) => api<IncidentT>('POST', `/incidents/${id}/notes`, { text }));
export const useResolveIncident = () =>
  useIncidentMutation(({ id, resolution }: { id: string; resolution: string }) => api<IncidentT>('POST', `/incidents/${id}/resolve`, { resolution }));
