/**
 * Calendar dates: pure functions on 'YYYY-MM-DD' strings, the one home of date arithmetic for the
 * server, the web app, the demo generator and the benchmarks.
 *
 * No clock, no time zone, no I/O: a calendar date is a date wherever the code runs, so every
 * computation here is integer arithmetic on the proleptic Gregorian calendar (no `Date`, hence no
 * local-zone surprises around midnight or DST). Invalid date strings throw a RangeError; validate
 * user input with `isIsoDate` first. Instants in the clinic's zone are in `schedule/time.ts`.
 */

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

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

/** Days since 1970-01-01 of a date: lets a loop over a long range count instead of parsing each day. */
export function dayNumber(date: string): number {
  const { y, m, d } = parse(date);
  return toDayNumber(y, m, d);
}

/** The date of a day number (inverse of `dayNumber`); throws a RangeError outside years 0000–9999. */
export function dateOfDayNumber(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return format(y, m, d);
}

/**
 * ISO weekday of a date, Monday = 1 … Sunday = 7. Computed from the string alone, so
 * '2026-01-01' is a Thursday on every server, whatever its TZ.
 */
export function weekdayOf(date: string): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  const n = dayNumber(date);
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
  return dateOfDayNumber(dayNumber(date) + n);
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}
