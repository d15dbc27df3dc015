import { TZDate } from '@date-fns/tz';
import { differenceInYears, format, parseISO } from 'date-fns';
import { formatPhone } from '../../../src/domain/phone.js';

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
  return format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd');
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
