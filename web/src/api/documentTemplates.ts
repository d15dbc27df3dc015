import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DocumentSettings, DocumentTemplate, DocumentTemplateVersions, LegalReferenceList } from '../../../src/contracts/documents.js';
import type { Problem } from '../../../src/contracts/common.js';
import { api, ApiError, csrfHeaders } from './client';

/** The template editor (issue #11): templates and their versions, the live PDF preview, legal references, the renewal setting. */
export type TemplateT = z.infer<typeof DocumentTemplate>;
export type TemplateVersionsT = z.infer<typeof DocumentTemplateVersions>;
export type LegalReferenceT = z.infer<typeof LegalReferenceList>['items'][number];
export type DocumentSettingsT = z.infer<typeof DocumentSettings>;

const KEY = ['document-templates'] as const;

export const useTemplates = () => useQuery({ queryKey: [...KEY, 'list'], queryFn: () => api<{ items: TemplateT[] }>('GET', '/documents/templates') });
export const useTemplate = (code: string) => useQuery({ queryKey: [...KEY, 'one', code], queryFn: () => api<TemplateVersionsT>('GET', `/documents/templates/${code}`) });

export function useSaveTemplate(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; body: string }) => api<TemplateT>('PUT', `/documents/templates/${code}`, body),
    meta: { handlesFieldErrors: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export const useLegalReferences = () => useQuery({ queryKey: [...KEY, 'legal'], queryFn: () => api<{ items: LegalReferenceT[] }>('GET', '/documents/legal-references') });
export function useSaveLegalReference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { key: string; text: string | null }) => api<{ items: LegalReferenceT[] }>('PUT', `/documents/legal-references/${v.key}`, { text: v.text }),
    onSuccess: (data) => qc.setQueryData([...KEY, 'legal'], data),
  });
}

export const useDocumentSettings = () => useQuery({ queryKey: [...KEY, 'settings'], queryFn: () => api<DocumentSettingsT>('GET', '/documents/settings') });
export function useSaveDocumentSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DocumentSettingsT) => api<DocumentSettingsT>('PUT', '/documents/settings', body),
    meta: { handlesFieldErrors: true },
    onSuccess: (data) => qc.setQueryData([...KEY, 'settings'], data),
  });
}

/** The PDF of an unsaved body with a sample adult or child; a refused body rejects with the server's ApiError (e.g. an unknown placeholder). */
export async function previewPdf(input: { title: string; body: string; child: boolean; code: string }, lang: string, signal?: AbortSignal): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch('/api/documents/templates/preview', {
      method: 'POST',
      credentials: 'same-origin',
      signal,
      headers: { 'Content-Type': 'application/json', Accept: 'application/pdf, application/problem+json', 'Accept-Language': lang, ...csrfHeaders() },
      body: JSON.stringify(input),
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError({ status: 0, code: 'network', detail_ru: 'Нет связи с сервером. Проверьте сеть и повторите.', detail_en: 'No connection to the server. Check the network and try again.' });
  }
  if (!res.ok) {
    const p = (await res.json().catch(() => ({}))) as Partial<Problem>;
    throw new ApiError({
      status: res.status, code: p.code ?? `http_${res.status}`, detail_ru: p.detail_ru ?? `Ошибка сервера (${res.status})`, detail_en: p.detail_en ?? `Server error (${res.status})`,
      errors: (p.errors ?? []).map((e) => ({ ...e, field: String(e.field ?? '').replace(/^body\./, '') })),
    });
  }
  return res.blob();
}
