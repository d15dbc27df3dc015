import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Problem } from '../../../src/contracts/common.js';
import type {
  BillInsurance, BillToInsurerInput, Insurer, InsurerInput, InsurerList, JournalPage, JournalStatus, LetterInput, PatientInsurance, PolicyInput, ProgrammeInput, RegisterDetail, RegisterDraft,
  RegisterList, RegisterPayInput,
} from '../../../src/contracts/insurance.js';
import type { TaxCertificate, TaxCertificateInput, TaxCertificateList, TaxPreview } from '../../../src/contracts/tax-certificates.js';
import { api, ApiError, toQueryString, type Query } from './client';

/** ДМС (PAT-4) and the tax-deduction certificates. */
export type InsurerT = z.infer<typeof Insurer>;
export type PatientInsuranceT = z.infer<typeof PatientInsurance>;
export type JournalPageT = z.infer<typeof JournalPage>;
export type JournalStatusT = z.infer<typeof JournalStatus>;
export type RegisterDetailT = z.infer<typeof RegisterDetail>;
export type TaxCertificateT = z.infer<typeof TaxCertificate>;
const KEY = ['insurance'] as const;

export const useInsurers = () => useQuery({ queryKey: [...KEY, 'insurers'], queryFn: () => api<z.infer<typeof InsurerList>>('GET', '/insurers') });
export const usePatientInsurance = (patientId: string, enabled = true) =>
  useQuery({ queryKey: [...KEY, 'patient', patientId], queryFn: () => api<PatientInsuranceT>('GET', `/patients/${patientId}/insurance`), enabled });
export type JournalFilter = { from?: string; to?: string; insurerId?: string; status?: JournalStatusT; q?: string; limit?: number; offset?: number };
export const useJournal = (f: JournalFilter) => useQuery({ queryKey: [...KEY, 'journal', f], queryFn: () => api<JournalPageT>('GET', '/insurance-journal', undefined, f) });
export const useRegisters = () => useQuery({ queryKey: [...KEY, 'registers'], queryFn: () => api<z.infer<typeof RegisterList>>('GET', '/insurance-registers') });
export const useRegister = (id: string) => useQuery({ queryKey: [...KEY, 'register', id], queryFn: () => api<RegisterDetailT>('GET', `/insurance-registers/${id}`) });
export const useRegisterDraft = (insurerId: string | null, month: string | null) =>
  useQuery({ queryKey: [...KEY, 'draft', insurerId, month], queryFn: () => api<z.infer<typeof RegisterDraft>>('GET', '/insurance-registers/draft', undefined, { insurerId, month }), enabled: !!insurerId && !!month });

function useInsuranceMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => { void qc.invalidateQueries({ queryKey: KEY }); void qc.invalidateQueries({ queryKey: ['tax'] }); } });
}
export const useCreateInsurer = () => useInsuranceMutation((body: z.infer<typeof InsurerInput>) => api<InsurerT>('POST', '/insurers', body));
export const useUpdateInsurer = () => useInsuranceMutation(({ id, ...body }: Partial<z.infer<typeof InsurerInput>> & { id: string }) => api<InsurerT>('PATCH', `/insurers/${id}`, body));
export const useAddProgramme = () => useInsuranceMutation(({ insurerId, ...body }: z.infer<typeof ProgrammeInput> & { insurerId: string }) => api<InsurerT>('POST', `/insurers/${insurerId}/programmes`, body));
export const useAddPolicy = (patientId: string) => useInsuranceMutation((body: z.infer<typeof PolicyInput>) => api<PatientInsuranceT>('POST', `/patients/${patientId}/insurance/policies`, body));
export const useAddLetter = () => useInsuranceMutation(({ policyId, ...body }: z.infer<typeof LetterInput> & { policyId: string }) => api<PatientInsuranceT>('POST', `/insurance-policies/${policyId}/letters`, body));
export const useBillToInsurer = () =>
  useInsuranceMutation(({ billId, ...body }: z.infer<typeof BillToInsurerInput> & { billId: string }) => api<z.infer<typeof BillInsurance>>('POST', `/insurance-bills/${billId}`, body));
export const useSendRegister = () => useInsuranceMutation((body: { insurerId: string; month: string }) => api<RegisterDetailT>('POST', '/insurance-registers', body));
export const usePayRegister = () => useInsuranceMutation(({ id, ...body }: z.infer<typeof RegisterPayInput> & { id: string }) => api<RegisterDetailT>('POST', `/insurance-registers/${id}/payment`, body));

export const useTaxPreview = (patientId: string, year: number, enabled: boolean) =>
  useQuery({ queryKey: ['tax', 'preview', patientId, year], queryFn: () => api<z.infer<typeof TaxPreview>>('GET', `/patients/${patientId}/tax-certificates/preview`, undefined, { year }), enabled });
export const usePatientCertificates = (patientId: string) =>
  useQuery({ queryKey: ['tax', 'patient', patientId], queryFn: () => api<z.infer<typeof TaxCertificateList>>('GET', `/patients/${patientId}/tax-certificates`) });
export const useCertificates = (year?: number) => useQuery({ queryKey: ['tax', 'all', year], queryFn: () => api<z.infer<typeof TaxCertificateList>>('GET', '/tax-certificates', undefined, { year }) });
export const useIssueCertificate = (patientId: string) =>
  useInsuranceMutation((body: z.infer<typeof TaxCertificateInput>) => api<TaxCertificateT>('POST', `/patients/${patientId}/tax-certificates`, body));
type ClinicTax = { inn: string | null; kpp: string | null; licence: string | null; legalName: string | null };
export const useClinicTax = () => useQuery({ queryKey: ['tax', 'clinic'], queryFn: () => api<ClinicTax>('GET', '/clinic/tax-details') });
export const useSetClinicTax = () => useInsuranceMutation((body: { inn: string; kpp: string | null }) => api<ClinicTax>('PUT', '/clinic/tax-details', body));

/** Saves a file the API answers with (CSV, PDF) under the server's name; a problem answer becomes an ApiError. */
export async function downloadFile(path: string, query: Query, lang: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api${path}${toQueryString(query)}`, { credentials: 'same-origin', headers: { 'Accept-Language': lang } });
  } catch {
    throw new ApiError({ status: 0, code: 'network', detail_ru: 'Нет связи с сервером. Проверьте сеть и повторите.', detail_en: 'No connection to the server. Check the network and try again.' });
  }
  if (!res.ok) {
    const p = (await res.json().catch(() => ({}))) as Partial<Problem>;
    throw new ApiError({ status: res.status, code: p.code ?? `http_${res.status}`, detail_ru: p.detail_ru ?? `Ошибка сервера (${res.status})`, detail_en: p.detail_en ?? `Server error (${res.status})` });
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
