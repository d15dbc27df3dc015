import { DEFAULT_SCHEDULE_SETTINGS, type ScheduleSettings } from '../../../src/domain/schedule/settings.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BranchInput,
  BranchPatch,
  BranchT,
  Chair,
  ChairInput,
  ChairPatch,
  ClinicPatch,
  ClinicT,
  InfoSource,
  InfoSourceInput,
} from '../../../src/contracts/clinic.js';
import { api } from './client';

export type Clinic = ClinicT;
export type Branch = BranchT;
export type ChairT = z.infer<typeof Chair>;
export type InfoSourceT = z.infer<typeof InfoSource>;
type Items<T> = { items: T[] };

export function useClinic() {
  return useQuery({ queryKey: ['clinic'], queryFn: () => api<Clinic>('GET', '/clinic') });
}

/** The clinic's schedule settings (defaults until the clinic has loaded). */
export function useScheduleSettings(): ScheduleSettings {
  return useClinic().data?.schedule ?? DEFAULT_SCHEDULE_SETTINGS;
}

export function useUpdateClinic() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof ClinicPatch>) => api<Clinic>('PATCH', '/clinic', body),
    onSuccess: (c) => {
      qc.setQueryData(['clinic'], c);
      // The header shows the clinic name and dates use its time zone.
      void qc.invalidateQueries({ queryKey: ['me'] });
    },
    meta: { handlesFieldErrors: true },
  });
}

export function useBranches() {
  return useQuery({ queryKey: ['branches'], queryFn: () => api<Items<Branch>>('GET', '/branches') });
}

export function useSaveBranch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: z.infer<typeof BranchInput> | z.infer<typeof BranchPatch> }) =>
      id ? api<Branch>('PATCH', `/branches/${id}`, body) : api<Branch>('POST', '/branches', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['branches'] }),
    meta: { handlesFieldErrors: true },
  });
}

export function useChairs() {
  return useQuery({ queryKey: ['chairs'], queryFn: () => api<Items<ChairT>>('GET', '/chairs') });
}

export function useSaveChair() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: z.infer<typeof ChairInput> | z.infer<typeof ChairPatch> }) =>
      id ? api<ChairT>('PATCH', `/chairs/${id}`, body) : api<ChairT>('POST', '/chairs', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['chairs'] }),
    meta: { handlesFieldErrors: true },
  });
}

export function useInfoSources() {
  return useQuery({ queryKey: ['info-sources'], queryFn: () => api<Items<InfoSourceT>>('GET', '/info-sources') });
}

export function useSaveInfoSource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<z.infer<typeof InfoSourceInput>> }) =>
      id ? api<InfoSourceT>('PATCH', `/info-sources/${id}`, body) : api<InfoSourceT>('POST', '/info-sources', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['info-sources'] }),
    meta: { handlesFieldErrors: true },
  });
}
