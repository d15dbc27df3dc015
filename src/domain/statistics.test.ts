import { describe, expect, it } from 'vitest';
import { noShowRate, percent, periodRefusal, utilisation } from './statistics.js';
import { todayBoard } from './today-board.js';

describe('statistics rules', () => {
  it('load: booked against working minutes; idle never negative; no working time is 0 %', () => {
    expect(utilisation(315, 1200)).toEqual({ bookedMinutes: 315, workMinutes: 1200, idleMinutes: 885, percent: 26.3 });
    expect(utilisation(90, 60)).toEqual({ bookedMinutes: 90, workMinutes: 60, idleMinutes: 0, percent: 150 });
    expect(utilisation(30, 0).percent).toBe(0);
    expect(percent(1, 3)).toBe(33.3);
  });

  it('no-show rate counts only the visits that were due, not cancelled or future ones', () => {
    expect(noShowRate({ done: 6, no_show: 3, cancelled: 10, booked: 5 })).toBe(33.3);
    expect(noShowRate({ cancelled: 2 })).toBe(0);
  });

  it('a period runs forwards and for a year at most', () => {
    expect(periodRefusal('2026-01-01', '2026-12-31')).toBeNull();
    expect(periodRefusal('2024-01-01', '2024-12-31')).toBeNull();
    expect(periodRefusal('2026-01-01', '2027-01-02')?.message.ru).toBe('Период не длиннее года (366 дней)');
    expect(periodRefusal('2026-02-02', '2026-02-01')?.field).toBe('to');
  });
});

describe('the desk board', () => {
  const M = 60_000;
  const now = Date.parse('2026-11-23T09:00:00Z');
  const v = (id: string, status: string, startMin: number, endMin: number, chairId: string | null = 'c1', arrivedMin: number | null = null) => ({
    id, branchId: 'b', chairId, status, start: now + startMin * M, end: now + endMin * M, arrivedAt: arrivedMin === null ? null : now + arrivedMin * M,
  });
  const chairs = [{ id: 'c1', branchId: 'b' }, { id: 'c2', branchId: 'b' }, { id: 'c3', branchId: 'b' }];

  it('waiting since arrival, late since the start, by whole minutes, longest first', () => {
    const b = todayBoard([v('w1', 'arrived', 10, 40, 'c2', -5), v('w2', 'arrived', 0, 30, 'c3', -25.5), v('l1', 'booked', -1, 29, null), v('l2', 'confirmed', -16, 14, null), v('f', 'booked', 1, 30, null)], chairs, now);
    expect(b.waiting.map((w) => [w.visit.id, w.minutes])).toEqual([['w2', 25], ['w1', 5]]);
    expect(b.late.map((l) => [l.visit.id, l.minutes])).toEqual([['l2', 16], ['l1', 1]]);
  });

  it('a chair is busy with a patient in it or a visit covering now; otherwise free until the next visit', () => {
    const b = todayBoard([v('in', 'in_chair', -60, -10, 'c1'), v('next1', 'booked', 20, 50, 'c1'), v('now2', 'confirmed', -5, 25, 'c2'), v('next3', 'booked', 45, 60, 'c3'), v('later3', 'booked', 90, 120, 'c3')], chairs, now);
    const state = Object.fromEntries(b.chairs.map((c) => [c.chair.id, { busy: c.occupant?.id ?? null, freeUntil: c.freeUntil }]));
    expect(state).toEqual({
      c1: { busy: 'in', freeUntil: null },
      c2: { busy: 'now2', freeUntil: null },
      c3: { busy: null, freeUntil: now + 45 * M },
    });
    expect(todayBoard([], chairs, now).chairs.every((c) => c.occupant === null && c.freeUntil === null)).toBe(true);
  });
});
