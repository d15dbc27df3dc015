import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BookingContextT, PatientInput, PatientPage, PatientPatch, PatientT } from '../../../src/contracts/patients.js';
import { api } from './client';

export type Patient = PatientT;
export type PatientPageT = z.infer<typeof PatientPage>;
export type PatientInputT = z.infer<typeof PatientInput>;
export type PatientPatchT = z.infer<typeof PatientPatch>;

export const PAGE_SIZE = 50;

/** Search as you type: the previous result stays on screen while the next one loads. */
export function usePatientSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: ['patients', q],
    queryFn: () => api<PatientPageT>('GET', '/patients', undefined, { q: q || undefined, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 10_000,
  });
}

export function usePatient(id: string | undefined) {
  return useQuery({
    queryKey: ['patient', id],
    queryFn: () => api<Patient>('GET', `/patients/${id}`),
    enabled: !!id,
  });
}

export function useCreatePatient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PatientInputT) => api<Patient>('POST', '/patients', body),
    onSuccess: (p) => {
      qc.setQueryData(['patient', p.id], p);
      void qc.invalidateQueries({ queryKey: ['patients'] });
    },
    meta: { handlesFieldErrors: true },
  });
}

export function useUpdatePatient(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PatientPatchT) => api<Patient>('PATCH', `/patients/${id}`, body),
    onSuccess: (p) => {
      qc.setQueryData(['patient', p.id], p);
      void qc.invalidateQueries({ queryKey: ['patients'] });
    },
    meta: { handlesFieldErrors: true },
  });
}

/** For booking a known patient: the visit type and doctor her history suggests, and her visits ahead. */
export function useBookingContext(patientId: string | undefined) {
  return useQuery({
    queryKey: ['booking-context', patientId],
    queryFn: () => api<BookingContextT>('GET', `/patients/${patientId}/booking-context`),
    enabled: !!patientId,
  });
}
