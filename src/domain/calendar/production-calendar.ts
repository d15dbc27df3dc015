/**
 * Russian production calendar: is a given date a working day for the clinic's staff?
 *
 * Pure functions on 'YYYY-MM-DD' strings; the date arithmetic itself is in `../dates.ts`.
 * Invalid date strings throw a RangeError; validate user input with `isIsoDate` first.
 */
import { dateOfDayNumber, dayNumber, weekdayOf } from '../dates.js';
import {
  PRODUCTION_CALENDAR_DATA,
  type ProductionCalendarDecree,
  type ProductionCalendarYear,
} from './production-calendar.data.js';

/**
 * What a day is:
 * - 'workday': an ordinary Monday–Friday;
 * - 'weekend': an ordinary Saturday/Sunday;
 * - 'holiday': a non-working public holiday (ст. 112 ТК РФ), whatever the weekday;
 * - 'day_off': a weekday made non-working by a transfer;
 * - 'working': a weekend day made working by a transfer;
 * - 'short': a working day shortened by one hour before a holiday (ст. 95 ТК РФ).
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'day_off' | 'working' | 'short';

/** A day that differs from the plain Mon–Fri/Sat–Sun pattern (or is a holiday). */
export type CalendarOverride = {
  date: string;
  kind: 'holiday' | 'day_off' | 'working' | 'short';
  note: string;
};

/** Overrides as accepted by the lookup functions: a list, or a map keyed by date. */
export type CalendarOverrides = ReadonlyMap<string, CalendarOverride> | readonly CalendarOverride[];

/** Years for which calendar data is shipped with the application, ascending. */
export const SHIPPED_YEARS: readonly number[] = Object.freeze(
  Object.keys(PRODUCTION_CALENDAR_DATA)
    .map(Number)
    .sort((a, b) => a - b),
);

/**
 * Shipped overrides for a year, as fresh mutable copies (callers may merge clinic-specific
 * changes into them without touching the shared data). Empty array for a year we do not ship:
 * the caller then falls back to plain weekends, which is why the UI should warn about it.
 */
export function shippedCalendar(year: number): CalendarOverride[] {
  const data: ProductionCalendarYear | undefined = PRODUCTION_CALENDAR_DATA[year];
  if (!data) return [];
  return data.entries.map((e) => ({ date: e.date, kind: e.kind, note: e.note }));
}

/**
 * Where a shipped year's data comes from: the decree (or null) and whether the decree has been
 * applied at all ('statutory_only' means only the Labour Code rules are in, and the year must
 * be re-checked once the Government publishes its decree). Null for a year we do not ship.
 */
export function shippedCalendarSource(
  year: number,
): { status: ProductionCalendarYear['status']; decree: ProductionCalendarDecree | null; note: string } | null {
  const data: ProductionCalendarYear | undefined = PRODUCTION_CALENDAR_DATA[year];
  if (!data) return null;
  return { status: data.status, decree: data.decree, note: data.note };
}

/**
 * Index overrides by date. Later entries win over earlier ones for the same date, so a clinic's
 * own overrides can be appended after the shipped ones. Pass the result to the lookup functions
 * when calling them in a loop, to avoid re-indexing a list on every call.
 */
export function toOverrideMap(overrides: CalendarOverrides): ReadonlyMap<string, CalendarOverride> {
  if (isMap(overrides)) return overrides;
  const map = new Map<string, CalendarOverride>();
  for (const o of overrides) map.set(o.date, o);
  return map;
}

/**
 * What kind of day `date` is. An override for the date wins (so a holiday on a Saturday is
 * 'holiday', a working Saturday is 'working'); otherwise Saturday/Sunday is 'weekend' and any
 * other day 'workday'. Years without overrides therefore degrade to a plain five-day week.
 */
export function dayKind(date: string, overrides: CalendarOverrides): DayKind {
  const wd = weekdayOf(date); // validates `date`
  const o = lookup(date, overrides);
  if (o) return o.kind;
  return wd >= 6 ? 'weekend' : 'workday';
}

/** True when staff on a five-day week work on `date`: 'workday', 'working' or 'short'. */
export function isWorkingDay(date: string, overrides: CalendarOverrides): boolean {
  return isWorkingKind(dayKind(date, overrides));
}

/**
 * Hard stop for the working-day searches: overrides that mark every day non-working would
 * otherwise loop forever. Ten years is far beyond any real run of days off.
 */
const MAX_SEARCH_DAYS = 3660;

/**
 * The first working day strictly after `date` (e.g. the day after the New Year holidays).
 * Throws a RangeError if none is found within ten years, which means broken overrides.
 */
export function nextWorkingDay(date: string, overrides: CalendarOverrides): string {
  return searchWorkingDay(date, overrides, 1);
}

/**
 * The last working day strictly before `date` (e.g. 30 December before a non-working 31 December).
 * Throws a RangeError if none is found within ten years, which means broken overrides.
 */
export function previousWorkingDay(date: string, overrides: CalendarOverrides): string {
  return searchWorkingDay(date, overrides, -1);
}

/** Number of working days from `from` to `to`, both inclusive (0 when `to` is before `from`). */
export function countWorkingDays(from: string, to: string, overrides: CalendarOverrides): number {
  const map = toOverrideMap(overrides);
  const start = dayNumber(from);
  const end = dayNumber(to);
  let count = 0;
  for (let n = start; n <= end; n++) {
    if (isWorkingKind(dayKind(dateOfDayNumber(n), map))) count++;
  }
  return count;
}

/**
 * Norm of working hours for `from`..`to` inclusive at a given weekly load, computed the way the
 * official production calendar does (Порядок, утв. приказом Минздравсоцразвития России от
 * 13.08.2009 № 588н): weeklyHours / 5 per working day, minus one hour per pre-holiday 'short'
 * day. Rounded to 0.1 h because 36- and 24-hour weeks give fractional norms (7.2 h, 4.8 h a day).
 */
export function workingHoursNorm(from: string, to: string, overrides: CalendarOverrides, weeklyHours = 40): number {
  if (!(weeklyHours > 0)) throw new RangeError(`weeklyHours must be positive, got ${weeklyHours}`);
  const map = toOverrideMap(overrides);
  const start = dayNumber(from);
  const end = dayNumber(to);
  let tenths = 0;
  const dayTenths = Math.round((weeklyHours / 5) * 10);
  for (let n = start; n <= end; n++) {
    const kind = dayKind(dateOfDayNumber(n), map);
    if (!isWorkingKind(kind)) continue;
    tenths += dayTenths - (kind === 'short' ? 10 : 0);
  }
  return tenths / 10;
}

function isWorkingKind(kind: DayKind): boolean {
  return kind === 'workday' || kind === 'working' || kind === 'short';
}

function searchWorkingDay(date: string, overrides: CalendarOverrides, step: 1 | -1): string {
  const map = toOverrideMap(overrides);
  let n = dayNumber(date);
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    n += step;
    const candidate = dateOfDayNumber(n);
    if (isWorkingKind(dayKind(candidate, map))) return candidate;
  }
  throw new RangeError(`No working day within ${MAX_SEARCH_DAYS} days ${step > 0 ? 'after' : 'before'} ${date}`);
}

function isMap(o: CalendarOverrides): o is ReadonlyMap<string, CalendarOverride> {
  // Anything that is not an array is a map (covers ReadonlyMap implementations other than Map).
  return !Array.isArray(o);
}

function lookup(date: string, overrides: CalendarOverrides): CalendarOverride | undefined {
  if (isMap(overrides)) return overrides.get(date);
  // Last match wins, consistent with toOverrideMap.
  for (let i = overrides.length - 1; i >= 0; i--) {
    if (overrides[i].date === date) return overrides[i];
  }
  return undefined;
}
