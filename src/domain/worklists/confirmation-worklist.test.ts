import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from '../dates.js';
import { shippedCalendar, toOverrideMap } from '../calendar/production-calendar.js';
import { branchOpenOn, callDayOf, confirmationPlan, halfBoundaryOf, inHalf, type OpeningHours } from './confirmation-worklist.js';

// The real production calendars the clinic ships (decrees № 1335 and № 1466, ст. 112 ТК РФ).
const calendar = toOverrideMap([...shippedCalendar(2025), ...shippedCalendar(2026)]);
const week = (days: number[]): OpeningHours[] => days.map((weekday) => ({ weekday, opens: '09:00', closes: '21:00' }));
const MON_FRI = week([1, 2, 3, 4, 5]);
const MON_SAT = week([1, 2, 3, 4, 5, 6]);
const open = (hours: OpeningHours[]) => (d: string) => branchOpenOn(d, calendar, hours);
const plan = (date: string, hours = MON_FRI) => confirmationPlan(date, open(hours));

describe('CONF-1/2: whom the desk calls on a day (real 2025–2026 calendars)', () => {
  it('an ordinary Tuesday: the evening list is all of Wednesday, no morning list', () => {
    expect(weekdayOf('2025-12-02')).toBe(2);
    expect(plan('2025-12-02')).toEqual([{ session: 'evening', visitDate: '2025-12-03', half: 'all' }]);
  });

  it('a Friday before the weekend: Monday morning’s visits on Friday evening, Monday afternoon on Monday morning', () => {
    expect(plan('2025-12-05')).toEqual([{ session: 'evening', visitDate: '2025-12-08', half: 'first' }]);
    expect(plan('2025-12-08')).toEqual([
      { session: 'morning', visitDate: '2025-12-08', half: 'second' },
      { session: 'evening', visitDate: '2025-12-09', half: 'all' },
    ]);
    expect(plan('2025-12-06')).toEqual([]);
    expect(plan('2025-12-07')).toEqual([]);
  });

  it('a branch that works Saturdays calls all of Saturday on Friday and splits Monday on Saturday', () => {
    expect(plan('2025-12-05', MON_SAT)).toEqual([{ session: 'evening', visitDate: '2025-12-06', half: 'all' }]);
    expect(plan('2025-12-06', MON_SAT)).toEqual([{ session: 'evening', visitDate: '2025-12-08', half: 'first' }]);
  });

  it('the New Year break: 30 December calls the first half of 12 January; 31 December (transferred day off) calls no one', () => {
    expect(plan('2025-12-30')).toEqual([{ session: 'evening', visitDate: '2026-01-12', half: 'first' }]);
    expect(plan('2025-12-31')).toEqual([]);
    expect(plan('2026-01-09')).toEqual([]);
    expect(plan('2026-01-12')).toEqual([
      { session: 'morning', visitDate: '2026-01-12', half: 'second' },
      { session: 'evening', visitDate: '2026-01-13', half: 'all' },
    ]);
  });

  it('a mid-week holiday (Wednesday 4 November 2026): Tuesday evening takes Thursday morning, Thursday morning its afternoon', () => {
    expect(weekdayOf('2026-11-04')).toBe(3);
    expect(plan('2026-11-03')).toEqual([{ session: 'evening', visitDate: '2026-11-05', half: 'first' }]);
    expect(plan('2026-11-04')).toEqual([]);
    expect(plan('2026-11-05')[0]).toEqual({ session: 'morning', visitDate: '2026-11-05', half: 'second' });
  });

  it('a transferred working Saturday (1 November 2025) is a working day even for a Monday–Friday branch', () => {
    expect(weekdayOf('2025-11-01')).toBe(6);
    expect(branchOpenOn('2025-11-01', calendar, MON_FRI)).toBe(true);
    expect(branchOpenOn('2025-11-08', calendar, MON_FRI)).toBe(false);
    expect(plan('2025-10-31')).toEqual([{ session: 'evening', visitDate: '2025-11-01', half: 'all' }]);
    // 2 November Sunday, 3 November transferred day off, 4 November holiday.
    expect(plan('2025-11-01')).toEqual([{ session: 'evening', visitDate: '2025-11-05', half: 'first' }]);
  });

  it('ст. 112 ТК РФ automatic transfers: 8 March 2026 (Sunday) closes Monday 9 March; 9 May (Saturday) closes Monday 11 May', () => {
    expect(branchOpenOn('2026-03-09', calendar, MON_FRI)).toBe(false);
    expect(plan('2026-03-06')).toEqual([{ session: 'evening', visitDate: '2026-03-10', half: 'first' }]);
    expect(plan('2026-03-10')[0]).toEqual({ session: 'morning', visitDate: '2026-03-10', half: 'second' });
    expect(branchOpenOn('2026-05-11', calendar, MON_SAT)).toBe(false);
    expect(plan('2026-05-08', MON_SAT)).toEqual([{ session: 'evening', visitDate: '2026-05-12', half: 'first' }]);
  });

  it('the half boundary: a 14:00 visit is the second half; the clinic may set another', () => {
    expect(inHalf('13:59', 'first')).toBe(true);
    expect(inHalf('14:00', 'first')).toBe(false);
    expect(inHalf('14:00', 'second')).toBe(true);
    expect(inHalf('12:30', 'second', '12:00')).toBe(true);
    expect(halfBoundaryOf('{"confirmHalfBoundary":"12:30"}')).toBe('12:30');
    expect(halfBoundaryOf('{"confirmHalfBoundary":"25:00"}')).toBe('14:00');
    expect(halfBoundaryOf('not json')).toBe('14:00');
  });
});

describe('CONF-2 properties over every day of 2025–2026', () => {
  const day = fc.integer({ min: 0, max: 729 }).map((n) => addDays('2025-01-01', n));
  const time = fc.integer({ min: 8 * 4, max: 21 * 4 - 1 }).map((q) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`);
  const hours = fc.constantFrom(MON_FRI, MON_SAT);
  const boundary = fc.constantFrom('12:00', '14:00', '15:30');

  it('every visit of an open day is on exactly one call list, on the visit day or before it, and never on a closed day', () => {
    fc.assert(
      fc.property(day, time, hours, boundary, (visitDate, start, h, b) => {
        const isOpen = open(h);
        const lists: string[] = [];
        for (let back = 0; back <= 20; back++) {
          const callDate = addDays(visitDate, -back);
          for (const t of confirmationPlan(callDate, isOpen)) if (t.visitDate === visitDate && inHalf(start, t.half, b)) lists.push(callDate);
        }
        if (!isOpen(visitDate)) return lists.length === 0;
        return lists.length === 1 && lists[0] === callDayOf(visitDate, start, isOpen, b) && isOpen(lists[0]) && lists[0] <= visitDate;
      }),
      { numRuns: 2000 },
    );
  });

  it('the evening list is always the next open day, and a morning list appears only after a closed day', () => {
    fc.assert(
      fc.property(day, hours, (callDate, h) => {
        const isOpen = open(h);
        for (const t of confirmationPlan(callDate, isOpen)) {
          if (t.session === 'morning' && (t.visitDate !== callDate || isOpen(addDays(callDate, -1)))) return false;
          if (t.session === 'evening') {
            for (let d = addDays(callDate, 1); d < t.visitDate; d = addDays(d, 1)) if (isOpen(d)) return false;
            if ((t.half === 'all') !== (t.visitDate === addDays(callDate, 1))) return false;
          }
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});
