import { describe, expect, it } from 'vitest';
import { classifyCall, conversion, CONVERSION_GROUPS, conversionLevel, inFigure, type ConversionCall } from './conversion.js';

const NOW = Date.parse('2026-03-20T12:00:00Z');
const call = (o: Partial<ConversionCall> = {}): ConversionCall => ({
  direction: 'in', callerType: 'primary', startedAt: '2026-03-02T07:00:00Z', userId: 'u1', sourceId: 's1', branchId: 'b1',
  outcome: 'not_booked', appointmentId: null, hadVisitBefore: false, visitStatus: null, visitStartsAt: null, ...o,
});
const booked = (o: Partial<ConversionCall> = {}) => call({ outcome: 'booked', appointmentId: 'a', visitStatus: 'done', visitStartsAt: '2026-03-05T07:00:00Z', ...o });

describe('conversion (CALL-5)', () => {
  it('levels: 60 % good, 80 % excellent', () => {
    expect(conversionLevel(0.5999)).toBe('low');
    expect(conversionLevel(0.6)).toBe('good');
    expect(conversionLevel(0.8)).toBe('excellent');
  });

  it('counts only incoming calls of first-time callers, hand-computed', () => {
    const calls = [
      booked(), booked(), booked({ userId: 'u2' }), call(), call({ userId: 'u2', outcome: 'info_given' }),
      booked({ visitStatus: 'no_show' }), // came? no: booked but never came
      // Not primary calls:
      call({ direction: 'out' }), call({ callerType: 'repeat', outcome: 'info_given' }), call({ callerType: 'non_patient', outcome: 'routed' }),
      call({ outcome: 'info_given', hadVisitBefore: true }), // a repeat patient's information call ticked «первичный»
    ];
    const r = conversion(calls, 'Europe/Moscow', NOW);
    expect(r.total).toEqual({ key: 'total', calls: 6, booked: 4, neverCame: 1, rate: 4 / 6, level: 'good' });
    expect(r.byAdmin.map((x) => [x.key, x.calls, x.booked])).toEqual([['u1', 4, 3], ['u2', 2, 1]]);
  });

  it('groups by clinic-local week and month: 23:30 UTC on Sunday is Monday in Moscow', () => {
    const r = conversion([booked({ startedAt: '2026-03-01T23:30:00Z' }), call({ startedAt: '2026-03-01T20:00:00Z' }), call({ startedAt: '2026-02-28T10:00:00Z' })], 'Europe/Moscow', NOW);
    expect(r.byWeek.map((x) => [x.key, x.calls, x.booked])).toEqual([['2026-02-23', 2, 0], ['2026-03-02', 1, 1]]);
    expect(r.byMonth.map((x) => [x.key, x.calls])).toEqual([['2026-02', 1], ['2026-03', 2]]);
  });

  it('a booked visit whose day passed unmarked, or cancelled, counts as never came; a future one does not', () => {
    const r = conversion(
      [booked({ visitStatus: 'booked', visitStartsAt: '2026-03-10T07:00:00Z' }), booked({ visitStatus: 'cancelled' }), booked({ visitStatus: 'booked', visitStartsAt: '2026-03-25T07:00:00Z' })],
      'Europe/Moscow', NOW,
    );
    expect(r.total.neverCame).toBe(2);
    expect(r.total.level).toBe('excellent');
  });

  it('no calls: no rate', () => {
    expect(conversion([], 'Europe/Moscow', NOW).total).toEqual({ key: 'total', calls: 0, booked: 0, neverCame: 0, rate: null, level: null });
  });

  it('issue #14: each figure of the report is the count of calls its list selects (classifyCall + inFigure)', () => {
    const calls: ConversionCall[] = [];
    for (let i = 0; i < 120; i++) {
      const o: Partial<ConversionCall> = {
        startedAt: new Date(Date.parse('2026-01-05T20:30:00Z') + i * 17 * 3_600_000).toISOString(),
        userId: i % 7 === 0 ? null : `u${i % 3}`, sourceId: i % 5 === 0 ? null : `s${i % 4}`, branchId: i % 11 === 0 ? null : `b${i % 2}`,
        direction: i % 13 === 0 ? 'out' : 'in', hadVisitBefore: i % 17 === 0,
      };
      calls.push(i % 3 === 0 ? call(o) : booked({ ...o, visitStatus: ['done', 'no_show', 'cancelled', 'booked'][i % 4], visitStartsAt: '2026-03-01T07:00:00Z' }));
    }
    const r = conversion(calls, 'Europe/Moscow', NOW);
    const k = calls.map((c) => classifyCall(c, 'Europe/Moscow', NOW)).filter((x) => x !== null);
    expect(k.length).toBe(r.total.calls);
    const field = { admin: r.byAdmin, source: r.bySource, branch: r.byBranch, week: r.byWeek, month: r.byMonth };
    let rows = 0;
    for (const m of ['calls', 'booked', 'neverCame'] as const) {
      expect(k.filter((x) => inFigure(x, m)).length, m).toBe(r.total[m]);
      for (const g of CONVERSION_GROUPS) {
        for (const row of field[g]) {
          expect(k.filter((x) => inFigure(x, m, g, row.key)).length, `${g} ${row.key} ${m}`).toBe(row[m]);
          rows++;
        }
      }
    }
    expect(rows).toBeGreaterThan(40);
    expect(r.total.neverCame).toBeGreaterThan(0);
  });
});
