import type { Bilingual } from './errors.js';
import { dayNumber } from './dates.js';
import type { WorkInterval } from './schedule/availability.js';
import { MINUTE } from './schedule/time.js';

/** The longest period the dashboard answers for at once: a year (a leap one included). */
export const STATS_MAX_DAYS = 366;

/** Why a period is refused, or null: the end before the start, or longer than a year. */
export function periodRefusal(from: string, to: string): { field: 'to'; message: Bilingual } | null {
  if (to < from) return { field: 'to', message: { ru: 'Дата окончания раньше даты начала', en: 'The end date is before the start date' } };
  if (dayNumber(to) - dayNumber(from) + 1 > STATS_MAX_DAYS) {
    return { field: 'to', message: { ru: 'Период не длиннее года (366 дней)', en: 'The period is at most a year (366 days)' } };
  }
  return null;
}

/** Working minutes of a day's intervals (breaks are already cut out by workIntervals). */
export function workMinutes(intervals: readonly WorkInterval[]): number {
  return intervals.reduce((s, w) => s + Math.round((w.end - w.start) / MINUTE), 0);
}

/** Percent with one decimal; 0 when the whole is 0 (no working time is not 100 % idle). */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

/**
 * Chair load: booked minutes (visits that took place or still hold the time) against the
 * working minutes from the weekly hours, absences and the production calendar. Idle is the
 * working time left unbooked; time booked beyond the hours (a squeeze-in, overtime) raises the
 * load above 100 % rather than hiding.
 */
export function utilisation(bookedMinutes: number, workingMinutes: number) {
  return {
    bookedMinutes,
    workMinutes: workingMinutes,
    idleMinutes: Math.max(0, workingMinutes - bookedMinutes),
    percent: percent(bookedMinutes, workingMinutes),
  };
}

/** Statuses of visits that were due to happen: the no-show rate is no-shows among them (cancelled ones never were). */
export const ATTENDANCE_STATUSES = ['arrived', 'in_chair', 'done', 'no_show'] as const;

/** No-shows among the visits that were due: arrived, in the chair, done or not come. */
export function noShowRate(byStatus: Readonly<Record<string, number>>): number {
  const due = ATTENDANCE_STATUSES.reduce((s, k) => s + (byStatus[k] ?? 0), 0);
  return percent(byStatus.no_show ?? 0, due);
}
