import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ConsentInput, ConsentList, DispatchOut, MailingInput, MailingList, MailingOut, MessageAction, MessagingSettings, MessagingSettingsInput, OutboxList, Preview,
  PreviewInput, PromotionInput, PromotionOut, Segment, TestEmailOut,
} from '../../../src/contracts/mailings.js';
import { api } from './client';

/** REC-4 (issue #10): mailings, the outbox, the messaging settings and the patient's consents to mailings. */
export type SegmentT = z.input<typeof Segment>;
export type ChannelT = 'email' | 'sms';
export type PreviewT = z.infer<typeof Preview>;
export type MailingT = z.infer<typeof MailingOut>;
export type OutboxT = z.infer<typeof OutboxList>;
export type MessageT = OutboxT['messages'][number];
export type SettingsT = z.infer<typeof MessagingSettings>;
export type SettingsInputT = z.input<typeof MessagingSettingsInput>;
export type ConsentT = z.infer<typeof ConsentList>['consents'][number];

const KEY = ['mailings'] as const;

export function useMailingConsents(patientId: string) {
  return useQuery({ queryKey: [...KEY, 'consents', patientId], queryFn: () => api<z.infer<typeof ConsentList>>('GET', `/patients/${patientId}/mailing-consents`) });
}

export function useSetMailingConsent(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ConsentInput>) => api<z.infer<typeof ConsentList>>('PUT', `/patients/${patientId}/mailing-consents`, body),
    onSuccess: (data) => qc.setQueryData([...KEY, 'consents', patientId], data),
  });
}

export function useMessagingSettings() {
  return useQuery({ queryKey: [...KEY, 'settings'], queryFn: () => api<SettingsT>('GET', '/messaging/settings') });
}

export function useSaveMessagingSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsInputT) => api<SettingsT>('PUT', '/messaging/settings', body),
    onSuccess: (data) => qc.setQueryData([...KEY, 'settings'], data),
    // The form shows each wrong field under its input; other errors are announced globally (queryClient.ts).
    meta: { handlesFieldErrors: true },
  });
}

export function useTestEmail() {
  return useMutation({ mutationFn: (to: string) => api<z.infer<typeof TestEmailOut>>('POST', '/messaging/test-email', { to }) });
}

export function usePreview(body: z.input<typeof PreviewInput> | null) {
  return useQuery({ queryKey: [...KEY, 'preview', body], queryFn: () => api<PreviewT>('POST', '/mailings/preview', body), enabled: !!body });
}

export function useMailings() {
  return useQuery({ queryKey: [...KEY, 'list'], queryFn: () => api<z.infer<typeof MailingList>>('GET', '/mailings') });
}

export function useSendMailing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof MailingInput>) => api<MailingT>('POST', '/mailings', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function usePromotionCalls() {
  return useMutation({ mutationFn: (body: z.input<typeof PromotionInput>) => api<z.infer<typeof PromotionOut>>('POST', '/mailings/promotion-calls', body) });
}

export function useOutbox(status?: string) {
  return useQuery({ queryKey: [...KEY, 'outbox', status ?? ''], queryFn: () => api<OutboxT>('GET', '/messages', undefined, { status: status || undefined }) });
}

export function useMessageAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string } & z.input<typeof MessageAction>) => api<OutboxT>('POST', `/messages/${id}/status`, { status }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDispatchNow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<z.infer<typeof DispatchOut>>('POST', '/messages/dispatch'),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
