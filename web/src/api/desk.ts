import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AppointmentT,
  BookBody,
  CallBack,
  CardPull,
  FeedToken,
  GapCandidate,
  GapsView,
  WaitingEntry,
  WaitingInput,
  WaitingPatch,
} from '../../../src/contracts/schedule.js';
import type { ServiceCardEntry, ServiceCardInput } from '../../../src/contracts/service-card.js';
import { api } from './client';

/** The front desk's API: gaps to fill, the waiting list, tomorrow's cards, visits, service card, calendar feed. */

export type GapsViewT = z.infer<typeof GapsView>;
export type GapDoctor = GapsViewT['doctors'][number];
export type Gap = GapDoctor['gaps'][number];
export type GapCandidateT = z.infer<typeof GapCandidate>;
export type CallBackT = z.infer<typeof CallBack>;
export type WaitingEntryT = z.infer<typeof WaitingEntry>;
export type WaitingInputT = z.infer<typeof WaitingInput>;
export type CardPullT = z.infer<typeof CardPull>;
export type CardPullDoctor = CardPullT['doctors'][number];
export type Appointment = AppointmentT;
export type BookBodyT = z.infer<typeof BookBody>;
export type ServiceCardEntryT = z.infer<typeof ServiceCardEntry>;
export type ServiceCardInputT = z.infer<typeof ServiceCardInput>;
export type FeedTokenT = z.infer<typeof FeedToken>;

/** SCH-7: each doctor's idle gaps of the day and whom to call to fill them. */
export function useGaps(date: string, minMinutes?: number) {
  return useQuery({
    queryKey: ['desk', 'gaps', date, minMinutes ?? null],
    queryFn: () => api<GapsViewT>('GET', '/schedule/gaps', undefined, { date, minMinutes }),
    refetchInterval: 60_000,
  });
}

/** Books a patient; a 409 (someone was faster) is shown next to the button, not as a toast. */
export function useBook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BookBodyT) => api<Appointment>('POST', '/appointments', body),
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: ['desk'] });
      void qc.invalidateQueries({ queryKey: ['patient-appointments', a.patientId] });
    },
    meta: { silent: true },
  });
}

export function useWaitingList() {
  return useQuery({
    queryKey: ['desk', 'waiting-list'],
    queryFn: () => api<{ items: WaitingEntryT[] }>('GET', '/waiting-list'),
  });
}

export function useAddWaiting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WaitingInputT) => api<WaitingEntryT>('POST', '/waiting-list', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['desk'] }),
    meta: { handlesFieldErrors: true },
  });
}

export function usePatchWaiting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.infer<typeof WaitingPatch> }) =>
      api<{ ok: true }>('PATCH', `/waiting-list/${id}`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['desk'] }),
  });
}

/** SCH-10: patients of a day per doctor (the server's default is tomorrow). */
export function useCardPull(date: string | undefined) {
  return useQuery({
    queryKey: ['desk', 'card-pull', date ?? null],
    queryFn: () => api<CardPullT>('GET', '/schedule/card-pull', undefined, { date }),
  });
}

/** A patient's visits, newest first. */
export function usePatientAppointments(patientId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['patient-appointments', patientId],
    queryFn: () => api<{ items: Appointment[] }>('GET', `/patients/${patientId}/appointments`),
    enabled: !!patientId && enabled,
  });
}

/** A patient's visits of one clinic-local day, any doctor and branch (the walk-in dialog asks for today). */
export function usePatientDay(patientId: string | undefined, date: string) {
  return useQuery({
    queryKey: ['patient-appointments', patientId, date],
    queryFn: () => api<{ items: Appointment[] }>('GET', `/patients/${patientId}/appointments`, undefined, { date }),
    enabled: !!patientId,
  });
}

export function useServiceCard(patientId: string | undefined) {
  return useQuery({
    queryKey: ['service-card', patientId],
    queryFn: () => api<{ items: ServiceCardEntryT[] }>('GET', `/patients/${patientId}/service-card`),
    enabled: !!patientId,
  });
}

export function useAddServiceCardEntry(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceCardInputT) =>
      api<{ items: ServiceCardEntryT[] }>('POST', `/patients/${patientId}/service-card`, body),
    onSuccess: (data) => qc.setQueryData(['service-card', patientId], data),
    meta: { handlesFieldErrors: true },
  });
}

/** A new secret iCalendar address for the doctor's phone; the previous one stops working. */
export function useNewFeedToken(doctorId: string) {
  return useMutation({
    mutationFn: () => api<FeedTokenT>('POST', `/doctors/${doctorId}/feed-token`),
  });
}
