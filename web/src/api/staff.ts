import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { StaffCreate, StaffCreated, StaffPatch, StaffUserT } from '../../../src/contracts/staff.js';
import { api } from './client';

export type StaffUser = StaffUserT;
export type StaffCreatedT = z.infer<typeof StaffCreated>;

export function useStaff(enabled = true) {
  return useQuery({ queryKey: ['staff'], queryFn: () => api<{ items: StaffUser[] }>('GET', '/staff'), enabled });
}

export function useCreateStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof StaffCreate>) => api<StaffCreatedT>('POST', '/staff', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['staff'] }),
    meta: { handlesFieldErrors: true },
  });
}

export function useUpdateStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.infer<typeof StaffPatch> }) =>
      api<StaffUser>('PATCH', `/staff/${id}`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['staff'] }),
    meta: { handlesFieldErrors: true },
  });
}

export function useResetStaffPassword() {
  return useMutation({
    mutationFn: (id: string) => api<{ temporaryPassword: string }>('POST', `/staff/${id}/reset-password`),
  });
}
