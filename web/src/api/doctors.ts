import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DoctorException,
  DoctorExceptionInput,
  DoctorHoursBody,
  DoctorInput,
  DoctorPatch,
  DoctorT,
} from '../../../src/contracts/staff.js';
import { api } from './client';

export type Doctor = DoctorT;
export type DoctorExceptionT = z.infer<typeof DoctorException>;
export type DoctorInputT = z.infer<typeof DoctorInput>;

export function useDoctors() {
  return useQuery({ queryKey: ['doctors'], queryFn: () => api<{ items: Doctor[] }>('GET', '/doctors') });
}

export function useDoctor(id: string | undefined) {
  return useQuery({ queryKey: ['doctor', id], queryFn: () => api<Doctor>('GET', `/doctors/${id}`), enabled: !!id });
}

export function useSaveDoctor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: DoctorInputT | z.infer<typeof DoctorPatch> }) =>
      id ? api<Doctor>('PATCH', `/doctors/${id}`, body) : api<Doctor>('POST', '/doctors', body),
    onSuccess: (d) => {
      qc.setQueryData(['doctor', d.id], d);
      void qc.invalidateQueries({ queryKey: ['doctors'] });
    },
    meta: { handlesFieldErrors: true },
  });
}

export function useSaveDoctorHours(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof DoctorHoursBody>) => api<Doctor>('PUT', `/doctors/${id}/hours`, body),
    onSuccess: (d) => {
      qc.setQueryData(['doctor', d.id], d);
      void qc.invalidateQueries({ queryKey: ['doctors'] });
    },
    meta: { handlesFieldErrors: true },
  });
}

export function useDoctorExceptions(id: string | undefined) {
  return useQuery({
    queryKey: ['doctor-exceptions', id],
    queryFn: () => api<{ items: DoctorExceptionT[] }>('GET', `/doctors/${id}/exceptions`),
    enabled: !!id,
  });
}

export function useAddDoctorException(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof DoctorExceptionInput>) =>
      api<DoctorExceptionT>('POST', `/doctors/${id}/exceptions`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['doctor-exceptions', id] }),
    meta: { handlesFieldErrors: true },
  });
}

export function useDeleteDoctorException(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (exceptionId: string) => api('DELETE', `/doctors/${id}/exceptions/${exceptionId}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['doctor-exceptions', id] }),
  });
}
