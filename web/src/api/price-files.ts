import type { z } from 'zod';
import type { Problem } from '../../../src/contracts/common.js';
import type { PriceImportBody, PriceImportResultT } from '../../../src/contracts/price-files.js';
import { api, ApiError, toQueryString } from './client';

export type PriceFileFormat = 'csv' | 'xlsx';

/** Checks (dryRun) or applies a price list file; row problems come back as ApiError.errors. */
export function importPriceFile(body: z.infer<typeof PriceImportBody>): Promise<PriceImportResultT> {
  return api<PriceImportResultT>('POST', '/price-list/import', body);
}

/**
 * Downloads the price list file: a plain fetch with the session cookie (api() parses JSON), the
 * answer saved as a Blob under the server's file name.
 */
export async function downloadPriceFile(format: PriceFileFormat, lang: string, date?: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/price-list/export${toQueryString({ format, date })}`, { credentials: 'same-origin', headers: { 'Accept-Language': lang } });
  } catch {
    throw new ApiError({ status: 0, code: 'network', detail_ru: 'Нет связи с сервером. Проверьте сеть и повторите.', detail_en: 'No connection to the server. Check the network and try again.' });
  }
  if (!res.ok) {
    const p = (await res.json().catch(() => ({}))) as Partial<Problem>;
    throw new ApiError({ status: res.status, code: p.code ?? `http_${res.status}`, detail_ru: p.detail_ru ?? `Ошибка сервера (${res.status})`, detail_en: p.detail_en ?? `Server error (${res.status})` });
  }
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `prajskurant.${format}`;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chosen file as base64, for the JSON body of the import. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const s = String(r.result);
      resolve(s.slice(s.indexOf(',') + 1));
    };
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}
