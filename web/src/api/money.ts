import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FiscalOutboxDetail, FiscalOutboxPage } from '../../../src/contracts/fiscal.js';
import type { BilledLineList, DebtList, MoneyReport, PaymentList, ShiftList } from '../../../src/contracts/money-report.js';
import { api, toQueryString, type Query } from './client';

/** The owner's view of money (money.report) and the fiscal outbox (fiscal.outbox). */
export type MoneyReportT = z.infer<typeof MoneyReport>;
export type DebtListT = z.infer<typeof DebtList>;
export type ShiftListT = z.infer<typeof ShiftList>;
export type PaymentListT = z.infer<typeof PaymentList>;
export type BilledLineListT = z.infer<typeof BilledLineList>;
export type FiscalPageT = z.infer<typeof FiscalOutboxPage>;
export type FiscalDetailT = z.infer<typeof FiscalOutboxDetail>;
export type Period = { from: string; to: string; branchId?: string };

const opts = { placeholderData: keepPreviousData };
export const useMoneyReport = (p: Period) => useQuery({ queryKey: ['money', 'report', p], queryFn: () => api<MoneyReportT>('GET', '/money/report', undefined, p), ...opts });
export const useDebts = () => useQuery({ queryKey: ['money', 'debts'], queryFn: () => api<DebtListT>('GET', '/money/debts') });
export const useShiftReports = (p: Period) => useQuery({ queryKey: ['money', 'shifts', p], queryFn: () => api<ShiftListT>('GET', '/money/shifts', undefined, p), ...opts });

/** The list behind a figure: payments (by period, method, kind or shift) or bill lines (by doctor or service). */
export type Drill =
  | { list: 'payments'; title: string; filter: Query }
  | { list: 'lines'; title: string; filter: Query };
export function useDrill(d: Drill | null, offset: number) {
  return useQuery({
    queryKey: ['money', 'drill', d, offset],
    enabled: d !== null,
    queryFn: (): Promise<PaymentListT | BilledLineListT> =>
      d!.list === 'payments'
        ? api<PaymentListT>('GET', '/money/payments', undefined, { ...d!.filter, limit: 50, offset })
        : api<BilledLineListT>('GET', '/money/billed-lines', undefined, { ...d!.filter, limit: 50, offset }),
  });
}

/** A table of the view as the server's CSV (a plain link: the session cookie goes with it). */
export const moneyCsvUrl = (table: string, p: Period) => `/api/money/export${toQueryString({ table, ...p })}`;

export const FISCAL_KEY = ['fiscal-outbox'] as const;
export const useFiscalOutbox = (status?: string) =>
  useQuery({ queryKey: [...FISCAL_KEY, status], queryFn: () => api<FiscalPageT>('GET', '/fiscal-outbox', undefined, { status, limit: 100 }), refetchInterval: 30_000 });
export const useFiscalItem = (id: string | null) =>
  useQuery({ queryKey: [...FISCAL_KEY, 'item', id], enabled: id !== null, queryFn: () => api<FiscalDetailT>('GET', `/fiscal-outbox/${id}`) });
function useFiscalMutation<V>(fn: (v: V) => Promise<FiscalDetailT>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: FISCAL_KEY }) });
}
export const useRetryFiscal = () => useFiscalMutation((id: string) => api<FiscalDetailT>('POST', `/fiscal-outbox/${id}/retry`));
export const useManualFiscal = () =>
  useFiscalMutation(({ id, reason, fiscalSign }: { id: string; reason: string; fiscalSign?: string }) => api<FiscalDetailT>('POST', `/fiscal-outbox/${id}/manual`, { reason, fiscalSign: fiscalSign || undefined }));
