import { describe, it, expect } from 'vitest';
import { addDays, daysInMonth, isIsoDate, isLeapYear, weekdayOf } from '../dates.js';
import {
  SHIPPED_YEARS,
  countWorkingDays,
  dayKind,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  shippedCalendar,
  shippedCalendarSource,
  toOverrideMap,
  workingHoursNorm,
  type CalendarOverride,
} from './production-calendar.js';
import { PRODUCTION_CALENDAR_DATA, STATUTORY_ONLY_NOTE } from './production-calendar.data.js';

const pad = (n: number): string => String(n).padStart(2, '0');
const monthStart = (y: number, m: number): string => `${y}-${pad(m)}-01`;
const monthEnd = (y: number, m: number): string => `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;

/**
 * Official five-day-week figures (working days, hours at a 40-hour week) per month.
 *
 * 2025 — Постановление № 1335 от 04.10.2024; monthly table as published by findh.org
 * («Производственный календарь на 2025 год в России»): quarters 58/463, 59/470, 66/528, 64/511,
 * year 247 days / 1972 h; the year totals also appear in the press (fpur.ru, saransk-news.net
 * citing РБК: 247 working days, shortened 7 марта, 30 апреля, 11 июня, 1 ноября; Коммерсантъ:
 * 19 working days in November 2025).
 *
 * 2026 — Постановление № 1466 от 24.09.2025; monthly table as published by glavaudit.org
 * («Производственный календарь 2026», year 247 days / 1972 h); quarters cross-checked with
 * 4dk.ru: 55/440, 62/493, 66/528, 64/511, and 36-hour week 1774.4 h, 24-hour week 1181.6 h.
 */
const OFFICIAL: Record<number, { days: number[]; hours: number[]; totalDays: number; totalHours: number }> = {
  2025: {
    days: [17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22],
    hours: [136, 160, 167, 175, 144, 151, 184, 168, 176, 184, 151, 176],
    totalDays: 247,
    totalHours: 1972,
  },
  2026: {
    days: [15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22],
    hours: [120, 152, 168, 175, 151, 167, 184, 168, 176, 176, 159, 176],
    totalDays: 247,
    totalHours: 1972,
  },
};

describe('shipped data', () => {
  it('ships 2025, 2026 and 2027, and nothing for other years', () => {
    expect(SHIPPED_YEARS).toEqual([2025, 2026, 2027]);
    expect(shippedCalendar(2024)).toEqual([]);
    expect(shippedCalendar(2028)).toEqual([]);
    expect(shippedCalendarSource(2024)).toBeNull();
  });

  it.each(SHIPPED_YEARS)('%i: entries are valid, sorted, unique and inside the year', (year) => {
    const entries = shippedCalendar(year);
    const dates = entries.map((e) => e.date);
    expect(dates.every(isIsoDate)).toBe(true);
    expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const e of entries) expect(e.note.trim()).not.toBe('');
  });

  it.each(SHIPPED_YEARS)('%i: lists every holiday of ст. 112 ТК РФ, weekend or not', (year) => {
    const holidays = shippedCalendar(year)
      .filter((e) => e.kind === 'holiday')
      .map((e) => e.date.slice(5));
    expect(holidays).toEqual([
      '01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08',
      '02-23', '03-08', '05-01', '05-09', '06-12', '11-04',
    ]);
  });

  it.each(SHIPPED_YEARS)('%i: kinds are consistent with weekdays', (year) => {
    for (const e of shippedCalendar(year)) {
      const wd = weekdayOf(e.date);
      if (e.kind === 'day_off') expect(wd, e.date).toBeLessThanOrEqual(5);
      if (e.kind === 'working') expect(wd, e.date).toBeGreaterThanOrEqual(6);
    }
  });

  it('returns copies: mutating the result does not change the shipped data', () => {
    const a = shippedCalendar(2026);
    a[0].kind = 'working';
    a.pop();
    expect(shippedCalendar(2026)[0].kind).toBe('holiday');
    expect(shippedCalendar(2026)).toHaveLength(PRODUCTION_CALENDAR_DATA[2026].entries.length);
  });

  it('records the decrees', () => {
    expect(shippedCalendarSource(2025)).toMatchObject({
      status: 'decree',
      decree: { number: '1335', date: '04.10.2024' },
    });
    expect(shippedCalendarSource(2026)).toMatchObject({
      status: 'decree',
      decree: { number: '1466', date: '24.09.2025' },
    });
    expect(shippedCalendarSource(2027)).toEqual({ status: 'statutory_only', decree: null, note: STATUTORY_ONLY_NOTE });
    expect(STATUTORY_ONLY_NOTE).toBe('по ст. 112 ТК РФ; проверьте постановление о переносе');
  });
});

describe('working-day counts agree with the official production calendar', () => {
  for (const [yearKey, official] of Object.entries(OFFICIAL)) {
    const year = Number(yearKey);
    const cal = toOverrideMap(shippedCalendar(year));

    it(`${year}: ${official.totalDays} working days, ${official.totalHours} hours at 40 h/week`, () => {
      expect(countWorkingDays(`${year}-01-01`, `${year}-12-31`, cal)).toBe(official.totalDays);
      expect(workingHoursNorm(`${year}-01-01`, `${year}-12-31`, cal)).toBe(official.totalHours);
      expect(official.days.reduce((a, b) => a + b, 0)).toBe(official.totalDays);
      expect(official.hours.reduce((a, b) => a + b, 0)).toBe(official.totalHours);
    });

    it(`${year}: month by month`, () => {
      const days = [];
      const hours = [];
      for (let m = 1; m <= 12; m++) {
        days.push(countWorkingDays(monthStart(year, m), monthEnd(year, m), cal));
        hours.push(workingHoursNorm(monthStart(year, m), monthEnd(year, m), cal));
      }
      expect(days).toEqual(official.days);
      expect(hours).toEqual(official.hours);
    });

    it(`${year}: 118 days off in the year`, () => {
      let off = 0;
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) if (!isWorkingDay(d, cal)) off++;
      expect(off).toBe(365 - official.totalDays);
      expect(off).toBe(118);
    });
  }

  it('2026: 36- and 24-hour weeks (4dk.ru: 1774.4 h and 1181.6 h)', () => {
    const cal = shippedCalendar(2026);
    expect(workingHoursNorm('2026-01-01', '2026-12-31', cal, 36)).toBe(1774.4);
    expect(workingHoursNorm('2026-01-01', '2026-12-31', cal, 24)).toBe(1181.6);
  });

  it('2026: quarters (4dk.ru: 55/440, 62/493, 66/528, 64/511)', () => {
    const cal = shippedCalendar(2026);
    const q = (from: string, to: string) => [countWorkingDays(from, to, cal), workingHoursNorm(from, to, cal)];
    expect(q('2026-01-01', '2026-03-31')).toEqual([55, 440]);
    expect(q('2026-04-01', '2026-06-30')).toEqual([62, 493]);
    expect(q('2026-07-01', '2026-09-30')).toEqual([66, 528]);
    expect(q('2026-10-01', '2026-12-31')).toEqual([64, 511]);
  });
});

describe('transfers', () => {
  const c25 = toOverrideMap(shippedCalendar(2025));
  const c26 = toOverrideMap(shippedCalendar(2026));
  const c27 = toOverrideMap(shippedCalendar(2027));

  it('2025 (Постановление № 1335): 4 янв → 2 мая, 5 янв → 31 дек, 23 фев → 8 мая, 8 мар → 13 июн, 1 ноя → 3 ноя', () => {
    expect(dayKind('2025-01-04', c25)).toBe('holiday'); // Saturday, still a holiday
    expect(dayKind('2025-01-05', c25)).toBe('holiday'); // Sunday
    expect(dayKind('2025-02-23', c25)).toBe('holiday'); // Sunday
    expect(dayKind('2025-03-08', c25)).toBe('holiday'); // Saturday
    expect(dayKind('2025-05-02', c25)).toBe('day_off');
    expect(dayKind('2025-05-08', c25)).toBe('day_off');
    expect(dayKind('2025-06-13', c25)).toBe('day_off');
    expect(dayKind('2025-11-03', c25)).toBe('day_off');
    expect(dayKind('2025-12-31', c25)).toBe('day_off');
    // 23 Feb and 8 Mar were moved by the decree, so 24 Feb and 10 Mar stay ordinary workdays.
    expect(dayKind('2025-02-24', c25)).toBe('workday');
    expect(dayKind('2025-03-10', c25)).toBe('workday');
  });

  it('2025: Saturday 1 November is a working, shortened day', () => {
    expect(weekdayOf('2025-11-01')).toBe(6);
    expect(dayKind('2025-11-01', c25)).toBe('short');
    expect(isWorkingDay('2025-11-01', c25)).toBe(true);
    expect(c25.get('2025-11-01')?.note).toContain('Рабочая суббота');
    expect(isWorkingDay('2025-11-02', c25)).toBe(false);
  });

  it('2025: shortened days are 7 марта, 30 апреля, 11 июня, 1 ноября', () => {
    expect(shippedCalendar(2025).filter((e) => e.kind === 'short').map((e) => e.date)).toEqual([
      '2025-03-07',
      '2025-04-30',
      '2025-06-11',
      '2025-11-01',
    ]);
  });

  it('2026 (Постановление № 1466): 3 янв → 9 янв, 4 янв → 31 дек', () => {
    expect(dayKind('2026-01-03', c26)).toBe('holiday');
    expect(dayKind('2026-01-04', c26)).toBe('holiday');
    expect(dayKind('2026-01-09', c26)).toBe('day_off');
    expect(dayKind('2026-12-31', c26)).toBe('day_off');
    expect(c26.get('2026-01-09')?.note).toContain('1466');
  });

  it('2026 (ч. 2 ст. 112 ТК РФ): 8 мар (вс) → 9 мар, 9 мая (сб) → 11 мая', () => {
    expect(weekdayOf('2026-03-08')).toBe(7);
    expect(dayKind('2026-03-09', c26)).toBe('day_off');
    expect(weekdayOf('2026-05-09')).toBe(6);
    expect(dayKind('2026-05-11', c26)).toBe('day_off');
    expect(dayKind('2026-02-23', c26)).toBe('holiday'); // Monday
    expect(dayKind('2026-06-12', c26)).toBe('holiday'); // Friday
  });

  it('2026: shortened days are 30 апреля, 8 мая, 11 июня, 3 ноября; no working Saturdays', () => {
    const cal = shippedCalendar(2026);
    expect(cal.filter((e) => e.kind === 'short').map((e) => e.date)).toEqual([
      '2026-04-30',
      '2026-05-08',
      '2026-06-11',
      '2026-11-03',
    ]);
    expect(cal.filter((e) => e.kind === 'working')).toEqual([]);
  });

  it('2027 (statutory only): 1 мая → 3 мая, 9 мая → 10 мая, 12 июн → 14 июн; January weekend holidays not moved', () => {
    expect(dayKind('2027-05-01', c27)).toBe('holiday');
    expect(dayKind('2027-05-03', c27)).toBe('day_off');
    expect(dayKind('2027-05-10', c27)).toBe('day_off');
    expect(dayKind('2027-06-14', c27)).toBe('day_off');
    expect(dayKind('2027-01-02', c27)).toBe('holiday'); // Saturday
    expect(dayKind('2027-01-03', c27)).toBe('holiday'); // Sunday
    expect(dayKind('2027-01-11', c27)).toBe('workday'); // no decree: no automatic January transfer
    for (const e of shippedCalendar(2027)) {
      if (e.kind !== 'holiday') expect(e.note).toContain(STATUTORY_ONLY_NOTE);
    }
  });
});

describe('next / previous working day', () => {
  const cal = [...shippedCalendar(2025), ...shippedCalendar(2026), ...shippedCalendar(2027)];

  it('jumps over the New Year holidays', () => {
    // 2025/26: last working day 30 Dec 2025, holidays 31 Dec – 11 Jan, back on Monday 12 Jan.
    expect(nextWorkingDay('2025-12-30', cal)).toBe('2026-01-12');
    expect(nextWorkingDay('2025-12-31', cal)).toBe('2026-01-12');
    expect(previousWorkingDay('2026-01-12', cal)).toBe('2025-12-30');
    expect(previousWorkingDay('2026-01-01', cal)).toBe('2025-12-30');
    // 2024/25: holidays up to Wednesday 8 Jan 2025 (2024 not shipped, so only 2025's days count).
    expect(nextWorkingDay('2025-01-01', cal)).toBe('2025-01-09');
    // 2026/27: 31 Dec 2026 is a day off; without a 2027 decree work resumes on Monday 11 Jan 2027.
    expect(nextWorkingDay('2026-12-30', cal)).toBe('2027-01-11');
    expect(previousWorkingDay('2027-01-11', cal)).toBe('2026-12-30');
  });

  it('is strict: the given day itself is never returned', () => {
    expect(nextWorkingDay('2026-01-12', cal)).toBe('2026-01-13');
    expect(previousWorkingDay('2026-01-13', cal)).toBe('2026-01-12');
  });

  it('counts a working Saturday and skips transferred days off', () => {
    expect(nextWorkingDay('2025-10-31', cal)).toBe('2025-11-01');
    expect(nextWorkingDay('2025-11-01', cal)).toBe('2025-11-05');
    expect(previousWorkingDay('2025-05-12', cal)).toBe('2025-05-07');
    expect(nextWorkingDay('2026-05-08', cal)).toBe('2026-05-12');
  });

  it('without overrides is a plain five-day week', () => {
    expect(nextWorkingDay('2030-01-04', [])).toBe('2030-01-07');
    expect(previousWorkingDay('2030-01-07', new Map())).toBe('2030-01-04');
    expect(dayKind('2030-01-01', [])).toBe('workday');
  });

  it('gives up on overrides that leave no working day', () => {
    const allOff: CalendarOverride[] = [];
    for (let d = '2040-01-01'; d < '2051-01-01'; d = addDays(d, 1)) allOff.push({ date: d, kind: 'day_off', note: 'x' });
    expect(() => nextWorkingDay('2040-01-01', allOff)).toThrow(RangeError);
  });
});

describe('overrides', () => {
  it('an override wins over the weekday, and a later override wins over an earlier one', () => {
    const own: CalendarOverride[] = [
      ...shippedCalendar(2026),
      { date: '2026-01-10', kind: 'working', note: 'Дежурная суббота' },
      { date: '2026-01-09', kind: 'working', note: 'Клиника работает' },
    ];
    expect(dayKind('2026-01-10', own)).toBe('working');
    expect(dayKind('2026-01-09', own)).toBe('working');
    expect(dayKind('2026-01-09', toOverrideMap(own))).toBe('working');
    expect(isWorkingDay('2026-01-10', own)).toBe(true);
  });

  it('accepts a map as well as a list', () => {
    const map = toOverrideMap(shippedCalendar(2025));
    expect(dayKind('2025-05-02', map)).toBe('day_off');
    expect(dayKind('2025-05-02', shippedCalendar(2025))).toBe('day_off');
    expect(dayKind('2025-05-03', map)).toBe('weekend');
    expect(dayKind('2025-05-05', map)).toBe('workday');
  });
});

describe('dates', () => {
  it('weekdayOf is ISO (Monday = 1) and zone-independent', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2000-01-01')).toBe(6);
    expect(weekdayOf('2025-01-01')).toBe(3);
    expect(weekdayOf('2026-01-01')).toBe(4);
    expect(weekdayOf('2027-01-01')).toBe(5);
    expect(weekdayOf('2026-03-09')).toBe(1);
    expect(weekdayOf('2026-03-08')).toBe(7);
    expect(weekdayOf('2024-02-29')).toBe(4);
    expect(weekdayOf('1900-03-01')).toBe(4);
  });

  it('weekdayOf agrees with UTC Date for every day of 1999–2031', () => {
    const mismatches: string[] = [];
    for (let d = '1999-01-01'; d <= '2031-12-31'; d = addDays(d, 1)) {
      const utc = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (weekdayOf(d) !== (utc === 0 ? 7 : utc)) mismatches.push(d);
    }
    expect(mismatches).toEqual([]);
  });

  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2026-05-15', 0)).toBe('2026-05-15');
    expect(addDays('2025-01-01', 365)).toBe('2026-01-01');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2026-06-01', -3652)).toBe('2016-06-01');
  });

  it('addDays rejects bad input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('leap years', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2028)).toBe(true);
    expect(isLeapYear(2025)).toBe(false);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(2027)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('isIsoDate accepts only real YYYY-MM-DD dates', () => {
    for (const ok of ['2026-01-01', '2026-12-31', '2026-04-30', '2025-11-01', '0001-01-01']) {
      expect(isIsoDate(ok), ok).toBe(true);
    }
    for (const bad of [
      '2026-02-30',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-01-32',
      '2026-1-5',
      '26-01-05',
      '2026/01/05',
      '2026-01-05T00:00:00Z',
      ' 2026-01-05',
      '2026-01-05 ',
      '',
      '05.01.2026',
      '２０２６-01-05',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });

  it('lookups throw on invalid dates instead of guessing', () => {
    expect(() => weekdayOf('2026-02-30')).toThrow(RangeError);
    expect(() => dayKind('2026-02-30', [])).toThrow(RangeError);
    expect(() => isWorkingDay('not a date', [])).toThrow(RangeError);
    expect(() => nextWorkingDay('2026-13-01', [])).toThrow(RangeError);
    expect(() => previousWorkingDay('', [])).toThrow(RangeError);
  });
});
