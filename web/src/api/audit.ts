import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEntryT, AuditPage, AuditVerify } from '../../../src/contracts/audit.js';
import { api } from './client';

export type AuditEntry = AuditEntryT;
export type AuditPageT = z.infer<typeof AuditPage>;
export type AuditVerifyT = z.infer<typeof AuditVerify>;

export type AuditFilters = {
  from?: string;
  to?: string;
  userId?: string;
  action?: string;
  objectType?: string;
  patientId?: string;
};

const LIMIT = 50;

/** Newest first; the next page is asked for with `before` = the previous page's nextBefore. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      api<AuditPageT>('GET', '/audit', undefined, { ...filters, before: pageParam ?? undefined, limit: LIMIT }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api<AuditVerifyT>('GET', '/audit/verify') });
}
