import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CallDesk, CallerCard, CallInputT, CallPage, CallQueryT, CallScriptBody, CallScriptView, CallT, ConversionListQueryT, ConversionListT, ConversionReportT } from '../../../src/contracts/calls.js';
import { api, toQueryString, type Query } from './client';

export type CallDeskT = z.infer<typeof CallDesk>;
export type CallerCardT = z.infer<typeof CallerCard>;
export type CallPageT = z.infer<typeof CallPage>;
export type CallScriptViewT = z.infer<typeof CallScriptView>;
export type CallScriptT = z.infer<typeof CallScriptBody>;
export type { CallT, ConversionListT, ConversionReportT };
/** Which figure's calls to list (issue #14): the total's (no group) or a breakdown row's. */
export type ConversionDrill = Pick<ConversionListQueryT, 'group' | 'key' | 'measure'> & { title: string };

/** What the call card opens with; asked afresh for each call (the greeting follows the clock). */
export function useCallDesk(branchId: string | null) {
  return useQuery({ queryKey: ['calls', 'desk', branchId], queryFn: () => api<CallDeskT>('GET', '/calls/desk', undefined, { branchId: branchId ?? undefined }), staleTime: 0 });
}

export function useCallerCard(patientId: string | null) {
  return useQuery({ queryKey: ['calls', 'caller', patientId], queryFn: () => api<CallerCardT>('GET', `/patients/${patientId}/caller-card`), enabled: !!patientId });
}

export function useRecordCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CallInputT) => api<CallT>('POST', '/calls', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['calls'] }),
  });
}

export function useCalls(q: CallQueryT) {
  return useQuery({ queryKey: ['calls', 'list', q], queryFn: () => api<CallPageT>('GET', '/calls', undefined, q as Query), placeholderData: keepPreviousData });
}

/** The CSV of the same filter, for a plain link (the session cookie goes with it). */
export function callsExportUrl(q: CallQueryT): string {
  const { limit: _l, offset: _o, ...rest } = q;
  return `/api/calls/export${toQueryString(rest as Query)}`;
}

export function useConversion(from: string | null, to: string | null, enabled = true) {
  return useQuery({
    queryKey: ['calls', 'conversion', from, to],
    queryFn: () => api<ConversionReportT>('GET', '/calls/conversion', undefined, { from: from ?? undefined, to: to ?? undefined }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The calls behind one conversion figure; asked only while its list is open. */
export function useConversionList(from: string, to: string, drill: ConversionDrill | null) {
  return useQuery({
    queryKey: ['calls', 'conversion', 'list', from, to, drill?.group ?? null, drill?.key ?? null, drill?.measure ?? null],
    enabled: !!drill,
    // By hand: a «не указан» row's key is the empty string, which the query helper would drop.
    queryFn: () => {
      const q = new URLSearchParams({ from, to, measure: drill!.measure });
      if (drill!.group) {
        q.set('group', drill!.group);
        q.set('key', drill!.key ?? '');
      }
      return api<ConversionListT>('GET', `/calls/conversion/list?${q}`);
    },
  });
}

export function useCallScript() {
  return useQuery({ queryKey: ['calls', 'script'], queryFn: () => api<CallScriptViewT>('GET', '/call-script') });
}

export function useSaveCallScript() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { baseVersion: number; script: CallScriptT }) => api<CallScriptViewT>('PUT', '/call-script', b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['calls'] }),
  });
}
