/**
 * CONF-1/2: which visits the desk calls to confirm on a given day. Pure: the caller says which
 * days the branch is open (the production calendar and its hours), and the half boundary.
 */
import { addDays, weekdayOf } from '../dates.js';
import { dayKind, type CalendarOverrides } from '../calendar/production-calendar.js';

/** A branch's opening hours on one ISO weekday (branches.hours_json); a weekday absent means closed. */
export interface OpeningHours {
  weekday: number;
  opens: string;
  closes: string;
}

/** Which visits of the day a call session covers, split by the visit's start at the half boundary. */
export type DayHalf = 'all' | 'first' | 'second';

/** One call session of the calling day: the evening before, or the morning of the visit day itself. */
export interface ConfirmationTask {
  session: 'evening' | 'morning';
  visitDate: string;
  half: DayHalf;
}

/** The seed's split: «на первую половину … дня» — by the visit's start, 14:00 unless the clinic sets another. */
export const DEFAULT_HALF_BOUNDARY = '14:00';

/** A long closure (a branch shut for a month) still finds its next open day; beyond this there is none. */
const SEARCH_LIMIT_DAYS = 400;

/**
 * Is the branch open (and so the desk calling) on `date`? A public holiday or a transferred day
 * off closes it whatever its hours; a Saturday or Sunday made working by a decree is a working day
 * for the staff (ст. 95, 112 ТК РФ), so the desk works it even if the branch's usual week has no
 * such weekday; any other day follows the branch's weekly hours.
 */
export function branchOpenOn(date: string, calendar: CalendarOverrides, hours: readonly OpeningHours[]): boolean {
  const kind = dayKind(date, calendar);
  if (kind === 'holiday' || kind === 'day_off') return false;
  const wd = weekdayOf(date);
  if (kind === 'working' || (kind === 'short' && wd >= 6)) return true;
  return hours.some((h) => h.weekday === wd && h.closes > h.opens);
}

function search(date: string, isOpen: (d: string) => boolean, step: 1 | -1): string | null {
  for (let i = 1; i <= SEARCH_LIMIT_DAYS; i++) {
    const d = addDays(date, i * step);
    if (isOpen(d)) return d;
  }
  return null;
}

/**
 * The confirmation calls of `callDate` (CONF-1/2, seed 002 «Обзвон пациентов, записанных на приём»):
 * - in the evening, the next open day's visits — all of them when it is the very next day;
 *   only its FIRST half when closed days lie between (the last working day before days off);
 * - in the morning, after closed days, that same day's SECOND half.
 * A closed day has no calls. Every visit of an open day is thus called exactly once.
 */
export function confirmationPlan(callDate: string, isOpen: (date: string) => boolean): ConfirmationTask[] {
  if (!isOpen(callDate)) return [];
  const out: ConfirmationTask[] = [];
  const prev = search(callDate, isOpen, -1);
  if (prev !== addDays(callDate, -1)) out.push({ session: 'morning', visitDate: callDate, half: 'second' });
  const next = search(callDate, isOpen, 1);
  if (next) out.push({ session: 'evening', visitDate: next, half: next === addDays(callDate, 1) ? 'all' : 'first' });
  return out;
}

/** Does a visit starting at clinic-local `startTime` ('HH:MM') belong to the half? The boundary itself is the second half. */
export function inHalf(startTime: string, half: DayHalf, boundary: string = DEFAULT_HALF_BOUNDARY): boolean {
  if (half === 'all') return true;
  return half === 'first' ? startTime < boundary : startTime >= boundary;
}

/** The day on which a visit is called to confirm it: the inverse of `confirmationPlan`, for tests and hints. */
export function callDayOf(visitDate: string, startTime: string, isOpen: (date: string) => boolean, boundary: string = DEFAULT_HALF_BOUNDARY): string | null {
  if (!isOpen(visitDate)) return null;
  const prev = search(visitDate, isOpen, -1);
  if (!prev) return null;
  if (prev === addDays(visitDate, -1)) return prev;
  return startTime < boundary ? prev : visitDate;
}

/** The half boundary from the clinic's settings JSON (`confirmHalfBoundary`), the default when absent or malformed. */
export function halfBoundaryOf(settingsJson: string | null | undefined): string {
  try {
    const v = (JSON.parse(settingsJson || '{}') as { confirmHalfBoundary?: unknown }).confirmHalfBoundary;
    return typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? v : DEFAULT_HALF_BOUNDARY;
  } catch {
    return DEFAULT_HALF_BOUNDARY;
  }
}
