import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from '../dates.js';
import type { CalendarOverride } from '../calendar/production-calendar.js';
import { withinWork, workIntervals, type ScheduleException, type WeeklyShift } from './availability.js';
import { freeSlots, gaps, type Busy } from './slots.js';
import { hhmm, localDateOf, localTimeOf, MINUTE, overlaps } from './time.js';
import { partOfDay, pickTwo } from './two-options.js';

const ZONES = ['Europe/Moscow', 'Europe/Berlin'] as const;

/** Random weekly shifts: per weekday 0–2 non-overlapping shifts on a 15-minute grid, some with a break. */
const shiftsArb = fc.array(
  fc.record({
    weekday: fc.integer({ min: 1, max: 7 }),
    start: fc.integer({ min: 6 * 4, max: 14 * 4 }),
    length: fc.integer({ min: 4, max: 10 * 4 }),
    withBreak: fc.boolean(),
  }),
  { maxLength: 9 },
).map((raw) => {
  const out: WeeklyShift[] = [];
  for (const r of raw) {
    const s = r.start * 15;
    const e = Math.min(s + r.length * 15, 23 * 60);
    if (out.some((o) => o.weekday === r.weekday)) continue;
    const brk = r.withBreak && e - s >= 180 ? { breakStarts: hhmm(s + 90), breakEnds: hhmm(s + 120) } : { breakStarts: null, breakEnds: null };
    out.push({ weekday: r.weekday, branchId: 'b1', chairId: 'c1', starts: hhmm(s), ends: hhmm(e), ...brk });
  }
  return out;
});

/** A fortnight around a DST switch in Berlin (29 March 2026) or a plain one. */
const dateArb = fc.constantFrom('2026-03-23', '2026-10-19', '2026-11-23', '2026-12-28').chain((start) =>
  fc.integer({ min: 0, max: 13 }).map((i) => addDays(start, i)),
);

const overridesArb = fc.array(
  fc.record({ day: fc.integer({ min: 0, max: 13 }), kind: fc.constantFrom('holiday', 'day_off', 'working', 'short') as fc.Arbitrary<CalendarOverride['kind']> }),
  { maxLength: 4 },
);

const exceptionsArb = fc.array(
  fc.record({ from: fc.integer({ min: 0, max: 13 }), len: fc.integer({ min: 0, max: 4 }), kind: fc.constantFrom('vacation', 'sick_leave', 'extra_shift', 'training') }),
  { maxLength: 3 },
);

describe('scheduling invariants (property tests)', () => {
  for (const tz of ZONES) {
    it(`free slots never overlap bookings and always lie in working time (${tz})`, () => {
      fc.assert(
        fc.property(
          shiftsArb, dateArb, overridesArb, exceptionsArb,
          fc.array(fc.record({ at: fc.integer({ min: 0, max: 24 * 4 - 1 }), len: fc.integer({ min: 1, max: 12 }), cancelled: fc.boolean() }), { maxLength: 12 }),
          fc.constantFrom(15, 30, 45, 60, 90),
          (shifts, date, ovr, exc, bookings, durMin) => {
            const calendar: CalendarOverride[] = ovr.map((o) => ({ date: addDays(date, o.day - 7), kind: o.kind, note: '' }));
            const exceptions: ScheduleException[] = exc.map((e) => ({ kind: e.kind, dateFrom: addDays(date, e.from - 7), dateTo: addDays(date, e.from - 7 + e.len) }));
            const work = workIntervals(date, shifts, exceptions, calendar, tz);
            const dayStart = Date.parse(`${date}T00:00:00Z`) - 3 * 3600_000;
            // Cancelled visits are not busy: the caller filters them, as the database query does.
            const busy: Busy[] = bookings.filter((b) => !b.cancelled).map((b) => ({ start: dayStart + b.at * 15 * MINUTE, end: dayStart + (b.at + b.len) * 15 * MINUTE }));
            const slots = freeSlots({ doctorId: 'd', work, doctorBusy: busy, chairBusy: new Map(), duration: durMin * MINUTE });
            for (const s of slots) {
              expect(s.end - s.start).toBe(durMin * MINUTE);
              expect(busy.some((b) => overlaps(b, s))).toBe(false);
              expect(withinWork(work, s.start, s.end)).toBeTruthy();
              expect(localDateOf(s.start, tz)).toBe(date);
            }
            // Greedily booking the free slots one by one never produces an overlap either.
            const taken: Busy[] = [...busy];
            for (;;) {
              const next = freeSlots({ doctorId: 'd', work, doctorBusy: taken, chairBusy: new Map(), duration: durMin * MINUTE, limit: 1 });
              if (!next.length) break;
              expect(taken.some((b) => overlaps(b, next[0]))).toBe(false);
              taken.push(next[0]);
            }
          },
        ),
        { numRuns: 300 },
      );
    });

    it(`no work on holidays and transferred days off unless an extra shift, never during a break or absence (${tz})`, () => {
      fc.assert(
        fc.property(shiftsArb, dateArb, fc.constantFrom('holiday', 'day_off') as fc.Arbitrary<CalendarOverride['kind']>, fc.boolean(), (shifts, date, kind, extra) => {
          const calendar = [{ date, kind, note: '' }];
          const exceptions = extra ? [{ kind: 'extra_shift', dateFrom: date, dateTo: date }] : [];
          const work = workIntervals(date, shifts, exceptions, calendar, tz);
          if (!extra) expect(work).toEqual([]);
          expect(workIntervals(date, shifts, [{ kind: 'vacation', dateFrom: addDays(date, -1), dateTo: date }], [], tz)).toEqual([]);
          for (const w of workIntervals(date, shifts, [], [], tz)) {
            const shift = shifts.find((s) => s.weekday === weekdayOf(date) && s.breakStarts && localTimeOf(w.start, tz) >= s.starts && localTimeOf(w.end - 1, tz) < s.ends);
            if (shift?.breakStarts) {
              expect(localTimeOf(w.start, tz) >= shift.breakEnds! || localTimeOf(w.end - 1, tz) < shift.breakStarts).toBe(true);
            }
          }
        }),
        { numRuns: 300 },
      );
    });

    it(`gaps never overlap bookings and lie in working time (${tz})`, () => {
      fc.assert(
        fc.property(shiftsArb, dateArb, fc.array(fc.record({ at: fc.integer({ min: 0, max: 95 }), len: fc.integer({ min: 1, max: 8 }) }), { maxLength: 10 }), (shifts, date, bookings) => {
          const work = workIntervals(date, shifts, [], [], tz);
          const dayStart = Date.parse(`${date}T00:00:00Z`) - 3 * 3600_000;
          const busy = bookings.map((b) => ({ start: dayStart + b.at * 15 * MINUTE, end: dayStart + (b.at + b.len) * 15 * MINUTE }));
          for (const g of gaps(work, busy, 30 * MINUTE)) {
            expect(g.end - g.start).toBeGreaterThanOrEqual(30 * MINUTE);
            expect(busy.some((b) => overlaps(b, g))).toBe(false);
            expect(withinWork(work, g.start, g.end)).toBeTruthy();
          }
        }),
        { numRuns: 300 },
      );
    });

    it(`two options: from the free slots, the first is the earliest, the second in the other half of the day when one exists (${tz})`, () => {
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 7 * 24 * 4 }), { maxLength: 40 }), fc.constantFrom('any', 'morning', 'evening') as fc.Arbitrary<'any' | 'morning' | 'evening'>, (starts, part) => {
          const t0 = Date.parse('2026-11-23T00:00:00Z');
          const slots = starts.map((q) => ({ doctorId: 'd', branchId: 'b', chairId: null, start: t0 + q * 15 * MINUTE, end: t0 + (q + 2) * 15 * MINUTE }));
          const two = pickTwo(slots, part, tz);
          const pool = part === 'any' ? slots : slots.filter((s) => partOfDay(s.start, tz) === part);
          if (!pool.length) {
            expect(two).toEqual([]);
            return;
          }
          expect(two[0].start).toBe(Math.min(...pool.map((s) => s.start)));
          for (const s of two) expect(pool).toContain(s);
          if (part === 'any' && new Set(pool.map((s) => partOfDay(s.start, tz))).size === 2) {
            expect(partOfDay(two[0].start, tz)).not.toBe(partOfDay(two[1].start, tz));
          }
          if (two.length === 2) expect(two[1].start).not.toBe(two[0].start);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('a DST day in Berlin keeps wall-clock shift times (the spring day is an hour shorter)', () => {
    const shift: WeeklyShift = { weekday: 7, branchId: 'b', chairId: null, starts: '00:00', ends: '12:00', breakStarts: null, breakEnds: null };
    const [w] = workIntervals('2026-03-29', [shift], [], [], 'Europe/Berlin');
    expect((w.end - w.start) / 3600_000).toBe(11);
    const [m] = workIntervals('2026-03-29', [shift], [], [], 'Europe/Moscow');
    expect((m.end - m.start) / 3600_000).toBe(12);
  });
});
