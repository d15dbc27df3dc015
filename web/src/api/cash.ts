import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BillLinesInput, CurrentShift, DayBalances, PatientMoney, Payment, PaymentInput, Shift, VisitBill, BillT } from '../../../src/contracts/money.js';
import { api, ApiError } from './client';

/** The cash desk (DESK-4): bills of visits, payments, the patient's balance, the cash shift. */
export type Bill = BillT;
export type PatientMoneyT = z.infer<typeof PatientMoney>;
export type PaymentT = z.infer<typeof Payment>;
export type ShiftT = z.infer<typeof Shift>;
export type LineInput = z.infer<typeof BillLinesInput>['lines'][number];
export type PaymentInputT = z.infer<typeof PaymentInput>;

/** Everything money-related is refetched after any write: balances show on the card, the panel and the schedule. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['cash'] });
}

export const useVisitBill = (appointmentId: string, enabled = true) =>
  useQuery({ queryKey: ['cash', 'visit-bill', appointmentId], enabled, queryFn: async () => (await api<z.infer<typeof VisitBill>>('GET', `/appointments/${appointmentId}/bill`)).bill });
export const usePatientMoney = (patientId: string, enabled = true) =>
  useQuery({ queryKey: ['cash', 'patient', patientId], enabled, queryFn: () => api<PatientMoneyT>('GET', `/patients/${patientId}/money`) });
export const useCurrentShift = (branchId: string | null) =>
  useQuery({ queryKey: ['cash', 'shift', branchId], enabled: !!branchId, queryFn: async () => (await api<z.infer<typeof CurrentShift>>('GET', '/cash/shifts/current', undefined, { branchId })).shift });
export const useDayBalances = (date: string, enabled: boolean) =>
  useQuery({ queryKey: ['cash', 'day-balances', date], enabled, queryFn: async () => new Map((await api<z.infer<typeof DayBalances>>('GET', '/cash/day-balances', undefined, { date })).items.map((i) => [i.patientId, i.balance])) });

function useCashMutation<V, R>(fn: (v: V) => Promise<R>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate() });
}
export const useCreateBill = () => useCashMutation((appointmentId: string) => api<Bill>('POST', '/bills', { appointmentId }));
export const useSetLines = (billId: string) => useCashMutation((lines: LineInput[]) => api<Bill>('PUT', `/bills/${billId}/lines`, { lines }));
export const useIssueBill = () => useCashMutation((billId: string) => api<Bill>('POST', `/bills/${billId}/issue`));
export const useCancelBill = () => useCashMutation((v: { billId: string; reason: string }) => api<Bill>('POST', `/bills/${v.billId}/cancel`, { reason: v.reason }));
export const useTakePayment = () => useCashMutation((v: PaymentInputT) => api<PaymentT>('POST', '/payments', v));
export const useRefund = () => useCashMutation((v: { paymentId: string; amount: number; reason: string }) => api<PaymentT>('POST', `/payments/${v.paymentId}/refund`, { amount: v.amount, reason: v.reason }));
export const useOpenShift = () => useCashMutation((v: { branchId: string; openingFloat: number }) => api<ShiftT>('POST', '/cash/shifts', v));
export const useCloseShift = () => useCashMutation((v: { id: string; countedCash: number; note: string | null }) => api<ShiftT>('POST', `/cash/shifts/${v.id}/close`, { countedCash: v.countedCash, note: v.note }));

export const receiptUrl = (paymentId: string) => `/api/payments/${paymentId}/receipt.pdf`;
export const shiftReportUrl = (shiftId: string) => `/api/cash/shifts/${shiftId}/report.pdf`;

/** An API error in one line: the detail and what each field says. */
export function errorText(e: unknown, lang: string): string | null {
  if (!e) return null;
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  const fields = e.errors.map((f) => (lang.startsWith('en') ? f.message_en : f.message_ru)).filter(Boolean);
  return [e.detailIn(lang), ...fields].join(': ');
}
