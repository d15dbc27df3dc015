/**
 * DOC-2: a signed health questionnaire is valid for a configurable number of months (the clinic's
 * settings JSON, `documents.questionnaireRenewalMonths`, 12 by default, 1..60); after that the
 * register shows it as expired and the next visit needs a new one.
 */
export interface DocumentSettings {
  questionnaireRenewalMonths: number;
}
export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = { questionnaireRenewalMonths: 12 };
export const RENEWAL_MONTHS_MIN = 1;
export const RENEWAL_MONTHS_MAX = 60;

/** Reads `documents` of the clinic's settings (a JSON string or the parsed object), falling back to the defaults. */
export function documentSettings(settings: string | Record<string, unknown> | null | undefined): DocumentSettings {
  try {
    const all = typeof settings === 'string' || settings == null ? (JSON.parse(settings ?? '{}') as Record<string, unknown>) : settings;
    const d = (all.documents ?? {}) as Partial<DocumentSettings>;
    const m = d.questionnaireRenewalMonths;
    const ok = Number.isInteger(m) && (m as number) >= RENEWAL_MONTHS_MIN && (m as number) <= RENEWAL_MONTHS_MAX;
    return { questionnaireRenewalMonths: ok ? (m as number) : DEFAULT_DOCUMENT_SETTINGS.questionnaireRenewalMonths };
  } catch {
    return DEFAULT_DOCUMENT_SETTINGS;
  }
}

/** The same day `months` later (a day the month lacks becomes its last day: 31.01 + 1 → 28/29.02). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const n = y * 12 + (m - 1) + months;
  const ny = Math.floor(n / 12);
  const nm = (n % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whether a questionnaire signed on `signedDate` has expired on `today` (it is valid up to the day before the renewal date). */
export function questionnaireExpired(signedDate: string, today: string, months: number): boolean {
  return today >= addMonths(signedDate, months);
}
