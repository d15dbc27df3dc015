import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DocumentTemplateList, PatientDocument, PatientDocumentRegister, RepresentativeInput, VisitDocuments } from '../../../src/contracts/documents.js';
import { api, ApiError, toQueryString, type Query } from './client';

/** Documents issued to patients (DOC-1..7, issue #11): the register, issuing, signing, a visit's missing documents. */
export type PatientDocumentT = z.infer<typeof PatientDocument>;
export type DocumentRegisterT = z.infer<typeof PatientDocumentRegister>;
export type VisitDocumentsT = z.infer<typeof VisitDocuments>;
export type MissingDocumentT = VisitDocumentsT['missing'][number];
export type DocumentTemplateT = z.infer<typeof DocumentTemplateList>['items'][number];
export type RepresentativeT = z.infer<typeof RepresentativeInput>;

const KEY = ['documents'] as const;

export const usePatientDocuments = (patientId: string, enabled = true) =>
  useQuery({ queryKey: [...KEY, 'patient', patientId], queryFn: () => api<DocumentRegisterT>('GET', `/patients/${patientId}/documents`), enabled });
export const useDocumentTemplates = (enabled = true) =>
  useQuery({ queryKey: [...KEY, 'templates'], queryFn: () => api<z.infer<typeof DocumentTemplateList>>('GET', '/documents/templates'), enabled, staleTime: 60_000 });
export const useVisitDocuments = (appointmentId: string, enabled = true) =>
  useQuery({ queryKey: [...KEY, 'visit', appointmentId], queryFn: () => api<VisitDocumentsT>('GET', `/appointments/${appointmentId}/documents`), enabled });

function useDocumentsMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: KEY });
      // A refusal writes to the service card (SVC-5); the visit panel shows its alerts.
      void qc.invalidateQueries({ queryKey: ['service-card'] });
    },
  });
}

export const useIssueDocument = (patientId: string) =>
  useDocumentsMutation((body: { templateCode: string; appointmentId?: string | null }) => api<PatientDocumentT>('POST', `/patients/${patientId}/documents`, body));
export const useSignDocument = () => useDocumentsMutation(({ id, signaturePng }: { id: string; signaturePng: string }) => api<PatientDocumentT>('POST', `/documents/${id}/sign`, { signaturePng }));
export const usePaperDocument = () => useDocumentsMutation(({ id, date }: { id: string; date: string }) => api<PatientDocumentT>('POST', `/documents/${id}/paper`, { date }));
export const useRefuseDocument = () => useDocumentsMutation(({ id, reason }: { id: string; reason: string }) => api<PatientDocumentT>('POST', `/documents/${id}/refuse`, { reason }));
export const useSetRepresentative = (patientId: string) =>
  useDocumentsMutation((body: RepresentativeT) => api<DocumentRegisterT>('PUT', `/patients/${patientId}/representative`, body));
export const useSetPlannedServices = (appointmentId: string) =>
  useDocumentsMutation((codes: string[]) => api<VisitDocumentsT>('PUT', `/appointments/${appointmentId}/planned-services`, { codes }));

/** The URL of a document's PDF (opened in a new tab; the session cookie goes with it). */
export const documentPdfUrl = (id: string) => `/api/documents/${id}/pdf`;

/** Tomorrow's pack: fetched first so a problem answer shows as an error, then opened as one PDF in a new tab. */
export async function openTomorrowPack(query: Query, lang: string, waitText: string): Promise<{ documents: number }> {
  // The tab is opened at the click (a pop-up blocker allows that) and pointed at the PDF when it is ready.
  const tab = window.open('', '_blank');
  if (tab) {
    const p = tab.document.createElement('p');
    p.textContent = waitText;
    p.style.font = '18px system-ui, sans-serif';
    p.style.margin = '40px';
    tab.document.body.append(p);
  }
  let res: Response;
  try {
    res = await fetch(`/api/documents/tomorrow-pack${toQueryString(query)}`, { credentials: 'same-origin', headers: { 'Accept-Language': lang } });
  } catch {
    tab?.close();
    throw new ApiError({ status: 0, code: 'network', detail_ru: 'Нет связи с сервером. Проверьте сеть и повторите.', detail_en: 'No connection to the server. Check the network and try again.' });
  }
  if (!res.ok) {
    tab?.close();
    const p = (await res.json().catch(() => ({}))) as { code?: string; detail_ru?: string; detail_en?: string };
    throw new ApiError({ status: res.status, code: p.code ?? `http_${res.status}`, detail_ru: p.detail_ru ?? `Ошибка сервера (${res.status})`, detail_en: p.detail_en ?? `Server error (${res.status})` });
  }
  const url = URL.createObjectURL(await res.blob());
  if (tab) tab.location.href = url;
  else window.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { documents: Number(res.headers.get('x-documents') ?? 0) };
}
