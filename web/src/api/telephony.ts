import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TelephonyLinesBody, TelephonySecret, TelephonySettings } from '../../../src/contracts/telephony.js';
import { api } from './client';

export type TelephonySettingsT = z.infer<typeof TelephonySettings>;
export type TelephonySecretT = z.infer<typeof TelephonySecret>;
export type TelephonyLinesT = z.infer<typeof TelephonyLinesBody>;

/** The clinic's telephony: whether a secret is set (never the secret), lines → branches. */
export function useTelephonySettings() {
  return useQuery({ queryKey: ['telephony', 'settings'], queryFn: () => api<TelephonySettingsT>('GET', '/telephony/settings') });
}

/** Generates or rotates the shared secret: the answer is the only time it is shown. */
export function useRotateSecret() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<TelephonySecretT>('POST', '/telephony/secret'),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['telephony'] }),
  });
}

export function useSaveLines() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TelephonyLinesT) => api<TelephonySettingsT>('PUT', '/telephony/lines', body),
    onSuccess: (data) => qc.setQueryData(['telephony', 'settings'], data),
    meta: { handlesFieldErrors: true },
  });
}
