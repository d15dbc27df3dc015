import { weekdayOf } from '../dates.js';
import { dayKind, type CalendarOverrides } from '../calendar/production-calendar.js';
import { localInstant } from './time.js';

/** One weekly shift of a doctor (doctor_hours). */
export interface WeeklyShift {
  weekday: number;
  branchId: string;
  chairId: string | null;
  starts: string;
  ends: string;
  breakStarts: string | null;
  breakEnds: string | null;
}

/** A vacation, sick leave, training, day off, or an extra shift on a non-working day. */
export interface ScheduleException {
  kind: string;
  dateFrom: string;
  dateTo: string;
}

/** A stretch of time a doctor receives patients, in one branch and (maybe) one chair. */
export interface WorkInterval {
  branchId: string;
  chairId: string | null;
  start: number;
  end: number;
}

const ABSENCE = new Set(['vacation', 'sick_leave', 'training', 'day_off']);

/**
 * When a doctor works on a clinic-local date (SCH-1): the weekly shifts of that weekday,
 * minus breaks; nothing during an absence, and nothing on a public holiday or a transferred
 * day off unless an extra shift is entered for that date. Plain weekends follow the weekly
 * shifts: a clinic that works Saturdays gives its doctors Saturday shifts.
 */
export function workIntervals(
  date: string,
  shifts: readonly WeeklyShift[],
  exceptions: readonly ScheduleException[],
  calendar: CalendarOverrides,
  tz: string,
): WorkInterval[] {
  const covering = exceptions.filter((e) => e.dateFrom <= date && date <= e.dateTo);
  if (covering.some((e) => ABSENCE.has(e.kind))) return [];
  const kind = dayKind(date, calendar);
  if ((kind === 'holiday' || kind === 'day_off') && !covering.some((e) => e.kind === 'extra_shift')) return [];
  const weekday = weekdayOf(date);
  const out: WorkInterval[] = [];
  for (const s of shifts) {
    if (s.weekday !== weekday) continue;
    const base = { branchId: s.branchId, chairId: s.chairId };
    const start = localInstant(date, s.starts, tz);
    const end = localInstant(date, s.ends, tz);
    if (s.breakStarts && s.breakEnds) {
      const bs = localInstant(date, s.breakStarts, tz);
      const be = localInstant(date, s.breakEnds, tz);
      if (bs > start) out.push({ ...base, start, end: bs });
      if (end > be) out.push({ ...base, start: be, end });
    } else if (end > start) {
      out.push({ ...base, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** True when [start, end) lies entirely inside one working interval. */
export function withinWork(intervals: readonly WorkInterval[], start: number, end: number): WorkInterval | undefined {
  return intervals.find((w) => w.start <= start && end <= w.end);
}
