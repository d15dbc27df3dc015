import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChecklistDayT, ChecklistItems, ChecklistItemsInput, ChecklistReportT } from '../../../src/contracts/opening-checklist.js';
import { api } from './client';

/** The daily opening checklist (DESK-1): today's list of a branch, its items and the owner's report. */
export type ChecklistDay = ChecklistDayT;
export type ChecklistEntry = ChecklistDayT['items'][number];
export type ChecklistItemsT = z.infer<typeof ChecklistItems>;
export type ChecklistReport = ChecklistReportT;

export function useChecklistDay(branchId: string | null, date?: string) {
  return useQuery({
    queryKey: ['opening-checklist', 'day', branchId, date ?? 'today'],
    queryFn: () => api<ChecklistDay>('GET', '/opening-checklist', undefined, { branchId, date }),
    // Another desk of the branch may tick too; a minute is fresh enough for the morning routine.
    refetchInterval: 60_000,
  });
}

export function useMarkItem(branchId: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, done, note }: { itemId: string; done: boolean; note?: string | null }) =>
      api<ChecklistDay>('PUT', `/opening-checklist/items/${itemId}/today`, { done, ...(note !== undefined && { note }) }),
    onSuccess: (day) => {
      qc.setQueryData(['opening-checklist', 'day', branchId, 'today'], day);
      void qc.invalidateQueries({ queryKey: ['opening-checklist', 'report'] });
    },
  });
}

export function useChecklistItems(branchId: string | null) {
  return useQuery({
    queryKey: ['opening-checklist', 'items', branchId],
    queryFn: () => api<ChecklistItemsT>('GET', '/opening-checklist/items', undefined, { branchId }),
    enabled: !!branchId,
  });
}

export function useSaveChecklistItems() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof ChecklistItemsInput>) => api<ChecklistItemsT>('PUT', '/opening-checklist/items', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['opening-checklist'] }),
    meta: { handlesFieldErrors: true },
  });
}

export function useChecklistReport(from: string, to: string, branchId: string | null) {
  return useQuery({
    queryKey: ['opening-checklist', 'report', from, to, branchId],
    queryFn: () => api<ChecklistReport>('GET', '/opening-checklist/report', undefined, { from, to, branchId }),
  });
}
