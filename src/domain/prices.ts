/**
 * The clinic's approved price list (CALL-6, DESK-4): a service has a code, a name, a section and a
 * price or a range ("from … to …", agreed with the senior doctors) valid from a date. A change of
 * price is a new version from a date; versions that have started are never edited, so what a
 * patient was told or billed yesterday stays true. Money is integer kopecks.
 */
import { searchKey } from './names.js';

/** What the search compares with: name, code and Ministry code, lower case, «ё» as «е». */
export function priceSearchKey(i: { code: string; mohCode: string | null; name: string }): string {
  return searchKey([i.code, i.mohCode ?? '', i.name].join(' '));
}

export interface PriceVersion {
  validFrom: string;
  /** Kopecks. */
  priceMin: number;
  /** Kopecks; null or equal to min: a fixed price. */
  priceMax: number | null;
}

/** The version in force on `date` (clinic-local YYYY-MM-DD), or null before the first one. */
export function versionAt<T extends PriceVersion>(versions: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const v of versions) if (v.validFrom <= date && (!best || v.validFrom > best.validFrom)) best = v;
  return best;
}

/** Why a new version cannot be accepted, or null. `today` is clinic-local. */
export function newVersionProblem(v: PriceVersion, today: string): { field: 'validFrom' | 'priceMin' | 'priceMax'; ru: string; en: string } | null {
  if (v.validFrom < today) {
    return { field: 'validFrom', ru: 'Новая цена действует с сегодняшнего дня или позже: прошлые цены не меняются', en: 'A new price starts today or later: past prices are never changed' };
  }
  if (!Number.isSafeInteger(v.priceMin) || v.priceMin < 0) return { field: 'priceMin', ru: 'Цена — неотрицательная сумма', en: 'The price must be a non-negative amount' };
  if (v.priceMax !== null && (!Number.isSafeInteger(v.priceMax) || v.priceMax < v.priceMin)) {
    return { field: 'priceMax', ru: 'Верхняя граница диапазона не может быть меньше нижней', en: 'The upper bound cannot be below the lower one' };
  }
  return null;
}

/** A fixed price or a range as the desk says it: «2 500 ₽», «от 25 000 до 45 000 ₽». */
export function priceText(v: Pick<PriceVersion, 'priceMin' | 'priceMax'>, lang: 'ru' | 'en' = 'ru'): string {
  const fixed = v.priceMax === null || v.priceMax === v.priceMin;
  if (fixed) return `${rubles(v.priceMin)} ₽`;
  return lang === 'ru' ? `от ${rubles(v.priceMin)} до ${rubles(v.priceMax!)} ₽` : `${rubles(v.priceMin)}–${rubles(v.priceMax!)} ₽`;
}

/** Kopecks as rubles in Russian form: 250000 → «2 500», 250050 → «2 500,50» (narrow no-break spaces). */
export function rubles(kopecks: number): string {
  const neg = kopecks < 0;
  const abs = Math.abs(kopecks);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${neg ? '−' : ''}${grouped}${frac ? `,${String(frac).padStart(2, '0')}` : ''}`;
}

/**
 * A typed or imported amount in rubles to kopecks: «2500», «2 500», «2 500,50», «2500.5», «2 500 ₽».
 * Null when it is not an amount (more than two decimals, letters, empty).
 */
export function parseRubles(input: string): number | null {
  const s = input.replace(/[\s\u00a0\u202f]/g, '').replace(/(руб\.?|р\.|₽)$/i, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) return null;
  const [w, f = ''] = s.split('.');
  return Number(w) * 100 + Number(f.padEnd(2, '0'));
}
