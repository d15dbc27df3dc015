import { TZDate } from '@date-fns/tz';
import { addDays, format, getISODay, parseISO } from 'date-fns';
import type { ScheduleSettings } from '../../../../src/domain/schedule/settings.js';
import type { Kind } from '../../../../src/domain/schedule/status.js';

/** An instant's clock time 'HH:MM' (24 h) in the clinic's time zone. */
export function timeIn(iso: string, timeZone: string): string {
  return format(new TZDate(parseISO(iso).getTime(), timeZone), 'HH:mm');
}

/** An instant's calendar date 'YYYY-MM-DD' in the clinic's time zone. */
export function dateIn(iso: string, timeZone: string): string {
  return format(new TZDate(parseISO(iso).getTime(), timeZone), 'yyyy-MM-dd');
}

/** '2026-11-23' shifted by n calendar days (no time zone involved). */
export function shiftDate(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return getISODay(parseISO(date));
}

/** True for a well-formed 'YYYY-MM-DD' (a URL parameter may be anything). */
export function isIsoDate(s: string | null | undefined): s is string {
  return !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(parseISO(s).getTime());
}

/** «Миронова Екатерина Андреевна» → «Миронова Е. А.» (an entry's signature). */
export function shortFromFull(full: string): string {
  const [surname, ...rest] = full.trim().split(/\s+/);
  if (!rest.length) return surname ?? '';
  return `${surname} ${rest.map((p) => `${p[0].toUpperCase()}.`).join(' ')}`;
}

/**
 * The length of a booking into a gap: the clinic's usual length for the type, cut to the gap.
 */
export function durationForGap(kind: Kind, gapMinutes: number, settings: ScheduleSettings): number {
  return Math.max(5, Math.min(gapMinutes, settings.durationByKind[kind]));
}
