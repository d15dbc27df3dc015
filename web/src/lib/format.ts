import { TZDate } from '@date-fns/tz';
import { differenceInYears, format, parseISO } from 'date-fns';
import type { TFunction } from 'i18next';
import { isIsoDate, weekdayOf } from '../../../src/domain/dates.js';
import { formatPhone } from '../../../src/domain/phone.js';
import { hhmm, localDateOf, localInstant, localTimeOf } from '../../../src/domain/schedule/time.js';

/*
 * The web app's one home for showing dates and times. The arithmetic lives in the domain
 * (src/domain/dates.ts for calendar dates, src/domain/schedule/time.ts for instants in the
 * clinic's zone); these helpers take the ISO strings the API sends and make display text.
 */

/** '1985-03-12' → '12.03.1985' (calendar dates carry no time zone). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** An instant shown as 'DD.MM.YYYY HH:MM' (or with seconds) in the clinic's time zone. */
export function formatInstant(iso: string | null | undefined, timeZone: string, withSeconds = false): string {
  if (!iso) return '';
  const d = new TZDate(parseISO(iso).getTime(), timeZone);
  return format(d, withSeconds ? 'dd.MM.yyyy HH:mm:ss' : 'dd.MM.yyyy HH:mm');
}

/** Today's date 'YYYY-MM-DD' in the clinic's time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDateOf(now.getTime(), timeZone);
}

/** Clinic-local 'HH:MM' of an ISO instant. */
export function timeOf(iso: string, tz: string): string {
  return localTimeOf(Date.parse(iso), tz);
}

/** Clinic-local 'YYYY-MM-DD' of an ISO instant. */
export function dateOf(iso: string, tz: string): string {
  return localDateOf(Date.parse(iso), tz);
}

/** Minutes since the clinic-local midnight of an instant (09:30 → 570). */
export function minuteOfDay(iso: string | number, tz: string): number {
  const t = new TZDate(typeof iso === 'number' ? iso : Date.parse(iso), tz);
  return t.getHours() * 60 + t.getMinutes();
}

/** The UTC ISO instant of a clinic-local date and minute of the day. */
export function instantAt(date: string, minutes: number, tz: string): string {
  return new Date(localInstant(date, hhmm(minutes), tz)).toISOString();
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

/** Minutes the patient is late (negative: came early) if they arrive at `now`. */
export function latenessAt(startsAt: string, now: number): number {
  return Math.round((now - Date.parse(startsAt)) / 60_000);
}

/** 12 → '12', 75 → '1 ч 15' (for «опоздание 1 ч 15 мин.»). */
export function minutesText(n: number, t: TFunction): string {
  return n < 60 ? String(n) : t('schedule.appt.hoursMinutes', { h: Math.floor(n / 60), m: String(n % 60).padStart(2, '0') });
}

/** Full years between a birth date and today (both calendar dates). */
export function ageOn(birthDate: string, today: string): number {
  return differenceInYears(parseISO(today), parseISO(birthDate));
}

/** A stored E.164 phone for display: +7 (921) 322-00-31. */
export function displayPhone(e164: string | null | undefined): string {
  return e164 ? formatPhone(e164) : '';
}

/**
 * The start or the end of a clinic-local calendar date as a UTC instant with offset,
 * for API filters that take instants (the audit period).
 */
export function clinicDayBoundary(date: string, timeZone: string, edge: 'start' | 'end'): string {
  const [y, m, d] = date.split('-').map(Number);
  const local =
    edge === 'start' ? new TZDate(y, m - 1, d, 0, 0, 0, 0, timeZone) : new TZDate(y, m - 1, d, 23, 59, 59, 999, timeZone);
  return new Date(local.getTime()).toISOString();
}

/**
 * Parses what staff type into a date field: '12.03.1985', '12031985', '12.3.1985', '1985-03-12'.
 * Returns 'YYYY-MM-DD' or null when it is not a real date.
 */
export function parseTypedDate(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$/.exec(s);
  if (match) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{2})(\d{2})(\d{4})$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return null;
  }
  if (m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
