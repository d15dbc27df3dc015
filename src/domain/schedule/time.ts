import { TZDate } from '@date-fns/tz';

export const MINUTE = 60_000;

/** "09:30" → 570. */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** 570 → "09:30" (the inverse of `minutesOf`). */
export function hhmm(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * The instant (epoch ms) of a wall-clock time on a clinic-local date. A time that does not
 * exist (the spring DST gap) moves forward, as clocks do; Moscow has no DST, Berlin does.
 */
export function localInstant(date: string, hhmm: string, tz: string): number {
  const key = `${tz} ${date} ${hhmm}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const [y, m, d] = date.split('-').map(Number);
  const at = new TZDate(y, m - 1, d, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)), tz).getTime();
  if (instants.size >= INSTANTS_KEPT) instants.clear();
  instants.set(key, at);
  return at;
}

/**
 * Answers of localInstant, which is pure: a TZDate costs tens of microseconds (the zone through
 * Intl), and the same few shift times of the same dates are asked again and again — a year's
 * working time of 30 doctors on the dashboard is ~20,000 calls for ~1,000 distinct answers
 * (issue 14: most of the dashboard's time outside its SQL). Bounded: cleared when full.
 */
const instants = new Map<string, number>();
const INSTANTS_KEPT = 20_000;

/** Clinic-local 'YYYY-MM-DD' of an instant. */
export function localDateOf(ms: number, tz: string): string {
  const t = new TZDate(ms, tz);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** Clinic-local 'HH:MM' of an instant. */
export function localTimeOf(ms: number, tz: string): string {
  const t = new TZDate(ms, tz);
  return `${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Half-open intervals [start, end) overlap. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
