/**
 * Russian production calendar: is a given date a working day for the clinic's staff?
 *
 * Pure functions on 'YYYY-MM-DD' strings. No clock, no time zone, no I/O: a calendar date is
 * a date wherever the server runs, so every computation here is integer arithmetic on the
 * proleptic Gregorian calendar (no `Date`, hence no local-zone surprises around midnight or
 * DST). Invalid date strings throw a RangeError; validate user input with `isIsoDate` first.
 */
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

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

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

/** True for a Gregorian leap year (divisible by 4, except centuries not divisible by 400). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid month: ${month}`);
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `s` is exactly 'YYYY-MM-DD' and names a real calendar day ('2026-02-30',
 * '2025-02-29', '2026-13-01' and '2026-1-5' are all false). Unlike `Date.parse`, which rolls
 * invalid days over into the next month, this rejects them.
 */
export function isIsoDate(s: string): boolean {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

function parse(date: string): { y: number; m: number; d: number } {
  if (!isIsoDate(date)) throw new RangeError(`Invalid ISO date (expected a real YYYY-MM-DD): ${String(date)}`);
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

/**
 * Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
 * Integer arithmetic only, so the result never depends on the host's time zone.
 */
function toDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400; // [0, 399]
  const mp = (m + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber (H. Hinnant's civil_from_days). */
function fromDayNumber(n: number): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

function format(y: number, m: number, d: number): string {
  if (y < 0 || y > 9999) throw new RangeError(`Date out of the YYYY range: year ${y}`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * ISO weekday of a date, Monday = 1 … Sunday = 7. Computed from the string alone, so
 * '2026-01-01' is a Thursday on every server, whatever its TZ.
 */
export function weekdayOf(date: string): IsoWeekday {
  const { y, m, d } = parse(date);
  // 1970-01-01 was a Thursday (ISO 4).
  const n = toDayNumber(y, m, d);
  return ((((((n + 3) % 7) + 7) % 7) + 1) as IsoWeekday);
}

/** 'YYYY-MM-DD' → 'DD.MM.YYYY', the form Russian texts print dates in. */
export function ruDate(date: string): string {
  return date.split('-').reverse().join('.');
}

/**
 * The date `n` days after `date` (negative `n` goes back). Crosses month, year and
 * 29 February correctly; throws a RangeError if the result leaves years 0000–9999.
 */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs an integer number of days, got ${n}`);
  const { y, m, d } = parse(date);
  const r = fromDayNumber(toDayNumber(y, m, d) + n);
  return format(r.y, r.m, r.d);
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
  const start = dayNumberOf(from);
  const end = dayNumberOf(to);
  let count = 0;
  for (let n = start; n <= end; n++) {
    const { y, m, d } = fromDayNumber(n);
    if (isWorkingKind(dayKind(format(y, m, d), map))) count++;
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
  const start = dayNumberOf(from);
  const end = dayNumberOf(to);
  let tenths = 0;
  const dayTenths = Math.round((weeklyHours / 5) * 10);
  for (let n = start; n <= end; n++) {
    const { y, m, d } = fromDayNumber(n);
    const kind = dayKind(format(y, m, d), map);
    if (!isWorkingKind(kind)) continue;
    tenths += dayTenths - (kind === 'short' ? 10 : 0);
  }
  return tenths / 10;
}

function isWorkingKind(kind: DayKind): boolean {
  return kind === 'workday' || kind === 'working' || kind === 'short';
}

function dayNumberOf(date: string): number {
  const { y, m, d } = parse(date);
  return toDayNumber(y, m, d);
}

function searchWorkingDay(date: string, overrides: CalendarOverrides, step: 1 | -1): string {
  const map = toOverrideMap(overrides);
  let n = dayNumberOf(date);
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    n += step;
    const { y, m, d } = fromDayNumber(n);
    const candidate = format(y, m, d);
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
