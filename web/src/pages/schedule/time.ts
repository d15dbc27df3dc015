import { TZDate } from '@date-fns/tz';
import type { TFunction } from 'i18next';
import { addDays, isIsoDate, weekdayOf } from '../../../../src/domain/calendar/production-calendar.js';
import { localDateOf, localInstant, localTimeOf, minutesOf } from '../../../../src/domain/schedule/time.js';

export { addDays, minutesOf, weekdayOf };

/** Minutes since the clinic-local midnight of an instant (09:30 → 570). */
export function minuteOfDay(iso: string | number, tz: string): number {
  const t = new TZDate(typeof iso === 'number' ? iso : Date.parse(iso), tz);
  return t.getHours() * 60 + t.getMinutes();
}

/** 570 → '09:30'. */
export function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The UTC ISO instant of a clinic-local date and minute of the day. */
export function instantAt(date: string, minutes: number, tz: string): string {
  return new Date(localInstant(date, hhmm(minutes), tz)).toISOString();
}

/** Clinic-local 'HH:MM' of an ISO instant. */
export function timeOf(iso: string, tz: string): string {
  return localTimeOf(Date.parse(iso), tz);
}

/** Clinic-local 'YYYY-MM-DD' of an ISO instant. */
export function dateOf(iso: string, tz: string): string {
  return localDateOf(Date.parse(iso), tz);
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** A date from the URL, or the fallback when it is missing or not a real date. */
export function validDate(s: string | null, fallback: string): string {
  return s && isIsoDate(s) ? s : fallback;
}

/**
 * «пн, 23 ноября» (or «Пн, 23 ноября» at the start of a sentence), «Mon, 23 November» in English;
 * the year is added when it is not the current one.
 */
export function dayLabel(date: string, t: TFunction, opts: { capital?: boolean; today?: string } = {}): string {
  const [y, m, d] = date.split('-').map(Number);
  const short = t(`schedule.wd.${weekdayOf(date)}`);
  const wd = opts.capital ? short.charAt(0).toLocaleUpperCase() + short.slice(1) : short;
  const month = t(`monthGenitive.${m}`);
  const year = opts.today && opts.today.slice(0, 4) !== date.slice(0, 4) ? ` ${y}` : '';
  return `${wd}, ${d} ${month}${year}`;
}

/** '2026-11-23' → '23.11.2026'. */
export function numericDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/** Minutes the patient is late (negative: came early) if they arrive at `now`. */
export function latenessAt(startsAt: string, now: number): number {
  return Math.round((now - Date.parse(startsAt)) / 60_000);
}

/** 12 → '12', 75 → '1 ч 15' (for «опоздание 1 ч 15 мин.»). */
export function minutesText(n: number, t: TFunction): string {
  return n < 60 ? String(n) : t('schedule.appt.hoursMinutes', { h: Math.floor(n / 60), m: String(n % 60).padStart(2, '0') });
}
