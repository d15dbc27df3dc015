import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AppointmentT,
  BookBody,
  DayView,
  DoctorLateBody,
  HistoryEntry,
  MoveBody,
  Notification,
  Proposal,
  ProposalBody,
  StatusBody,
  UrgentBody,
  UrgentProposal,
  WeekView,
} from '../../../src/contracts/schedule.js';
import { api } from './client';

export type Appointment = AppointmentT;
export type DayViewT = z.infer<typeof DayView>;
export type WeekViewT = z.infer<typeof WeekView>;
export type DoctorDayT = DayViewT['columns'][number];
export type ProposalT = z.infer<typeof Proposal>;
export type SlotT = ProposalT['options'][number];
export type ProposalBodyT = z.infer<typeof ProposalBody>;
export type UrgentBodyT = z.infer<typeof UrgentBody>;
export type UrgentProposalT = z.infer<typeof UrgentProposal>;
export type BookBodyT = z.infer<typeof BookBody>;
export type MoveBodyT = z.infer<typeof MoveBody>;
export type StatusBodyT = z.infer<typeof StatusBody>;
export type HistoryEntryT = z.infer<typeof HistoryEntry>;
export type NotificationT = z.infer<typeof Notification>;
export type DeskEventKind = 'review_requested' | 'follow_up_booked' | 'wrong_day';

/** Every cached schedule view starts with this key: one invalidation refreshes them all. */
export const SCHEDULE_KEY = ['schedule'] as const;
export const NOTIFICATIONS_KEY = ['notifications'] as const;

export const dayKey = (date: string, branchId: string | null) => ['schedule', 'day', date, branchId ?? ''] as const;
export const weekKey = (doctorId: string, from: string) => ['schedule', 'week', doctorId, from] as const;

/** DAY mode: all doctors of the date (in the branch) side by side. Refreshed live (see live/). */
export function useDayView(date: string, branchId: string | null, enabled = true) {
  return useQuery({
    queryKey: dayKey(date, branchId),
    queryFn: () => api<DayViewT>('GET', '/schedule/day', undefined, { date, branchId: branchId ?? undefined }),
    enabled,
    // Safety net for a dropped live connection: the board is never older than a minute.
    refetchInterval: 60_000,
  });
}

/** WEEK mode: one doctor's seven days from `from`. */
export function useWeekView(doctorId: string | null, from: string) {
  return useQuery({
    queryKey: weekKey(doctorId ?? '', from),
    queryFn: () => api<WeekViewT>('GET', '/schedule/week', undefined, { doctorId: doctorId!, from }),
    enabled: !!doctorId,
    refetchInterval: 60_000,
  });
}

/** One appointment for its panel: shown at once from the board's cache, then refreshed. */
export function useAppointment(id: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['appointment', id],
    queryFn: () => api<Appointment>('GET', `/appointments/${id}`),
    enabled: !!id,
    initialData: () => (id ? findCachedAppointment(qc, id) : undefined),
    initialDataUpdatedAt: 0,
  });
}

export function useAppointmentHistory(id: string | null) {
  return useQuery({
    queryKey: ['appointment-history', id],
    queryFn: () => api<{ items: HistoryEntryT[] }>('GET', `/appointments/${id}/history`),
    enabled: !!id,
  });
}

/** Puts a changed appointment into every cached view that shows it and refetches the views. */
function refresh(qc: QueryClient, a?: Appointment) {
  if (a) qc.setQueryData(['appointment', a.id], a);
  void qc.invalidateQueries({ queryKey: SCHEDULE_KEY });
  if (a) void qc.invalidateQueries({ queryKey: ['appointment-history', a.id] });
  else void qc.invalidateQueries({ queryKey: ['appointment'] });
}

/** The freshest copy of an appointment from any cached day or week view. */
export function findCachedAppointment(qc: QueryClient, id: string): Appointment | undefined {
  for (const [, data] of qc.getQueriesData<DayViewT | WeekViewT>({ queryKey: SCHEDULE_KEY })) {
    const cols = !data ? [] : 'columns' in data ? data.columns : data.days;
    for (const c of cols) for (const a of c.appointments) if (a.id === id) return a;
  }
  return undefined;
}

/** `silent`: the caller shows a refusal itself (the walk-in offers a squeeze-in instead). */
export function useBook(opts: { silent?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BookBodyT) => api<Appointment>('POST', '/appointments', body),
    onSuccess: (a) => refresh(qc, a),
    meta: { handlesFieldErrors: true, silent: opts.silent },
  });
}

/** Drag and drop or «Перенести»; a refused move (409) is announced by the global handler and the views refetch. */
export function useMove() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MoveBodyT }) => api<Appointment>('PATCH', `/appointments/${id}`, body),
    onSuccess: (a) => refresh(qc, a),
    onError: () => refresh(qc),
  });
}

export function useChangeStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: StatusBodyT }) => api<Appointment>('POST', `/appointments/${id}/status`, body),
    onSuccess: (a) => refresh(qc, a),
    onError: () => refresh(qc),
    meta: { handlesFieldErrors: true },
  });
}

export function useDeskEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, kind, note }: { id: string; kind: DeskEventKind; note?: string }) =>
      api<Appointment>('POST', `/appointments/${id}/events`, { kind, note: note || undefined }),
    onSuccess: (a) => refresh(qc, a),
  });
}

/** SCH-3: the two nearest options, held for the patient while they choose. */
export function useProposals() {
  return useMutation({
    mutationFn: (body: ProposalBodyT) => api<ProposalT>('POST', '/schedule/proposals', body),
    meta: { handlesFieldErrors: true },
  });
}

/** SCH-4: the nearest time today or a squeeze-in. */
export function useUrgent() {
  return useMutation({
    mutationFn: (body: UrgentBodyT) => api<UrgentProposalT>('POST', '/schedule/urgent', body),
    meta: { handlesFieldErrors: true },
  });
}

/** Frees held options; best effort (holds expire by themselves within minutes). */
export function releaseHold(group: string | null | undefined): void {
  if (!group) return;
  api('DELETE', `/schedule/holds/${group}`).catch(() => undefined);
}

export function useDoctorLate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof DoctorLateBody>) => api<{ affected: number }>('POST', '/schedule/doctor-late', body),
    onSuccess: () => refresh(qc),
    meta: { handlesFieldErrors: true },
  });
}

/** The signed-in doctor's notes ("patient arrived"), newest first; refreshed live. */
export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: () => api<{ items: NotificationT[] }>('GET', '/notifications'),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('POST', `/notifications/${id}/read`),
    onMutate: (id) => {
      qc.setQueryData<{ items: NotificationT[] }>(NOTIFICATIONS_KEY, (old) =>
        old ? { items: old.items.map((n) => (n.id === id ? { ...n, read: true } : n)) } : old,
      );
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
