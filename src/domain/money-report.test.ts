import { describe, expect, it } from 'vitest';
import { allocatePaid, billedBreakdown, daysOf, periodInstants, revenueByDayAndMethod } from './money-report.js';

describe('owner’s money report rules', () => {
  it('a period of clinic-local days as UTC instants (Moscow +3, Vladivostok +10)', () => {
    expect(periodInstants('2026-11-01', '2026-11-30', 'Europe/Moscow')).toEqual({ fromAt: '2026-10-31T21:00:00.000Z', toAt: '2026-11-30T21:00:00.000Z' });
    expect(periodInstants('2026-11-30', '2026-11-30', 'Asia/Vladivostok')).toEqual({ fromAt: '2026-11-29T14:00:00.000Z', toAt: '2026-11-30T14:00:00.000Z' });
    expect(daysOf('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
  it('UTC hours fall on the clinic’s day; advances from the balance are not revenue; refunds subtract', () => {
    const r = revenueByDayAndMethod([
      { hour: '2026-11-01T20', method: 'cash', kind: 'payment', amount: 100000, count: 2 }, // 23:xx Moscow: 1 Nov
      { hour: '2026-11-01T21', method: 'card', kind: 'payment', amount: 50050, count: 1 }, // 00:xx Moscow: 2 Nov
      { hour: '2026-11-02T08', method: 'cash', kind: 'refund', amount: 20000, count: 1 },
      { hour: '2026-11-02T09', method: 'advance', kind: 'payment', amount: 999999, count: 1 },
      { hour: '2026-11-02T10', method: 'transfer', kind: 'payment', amount: 1, count: 1 },
    ], '2026-11-01', '2026-11-03', 'Europe/Moscow');
    expect(r.byDay).toEqual([
      { date: '2026-11-01', income: 100000, refunds: 0, revenue: 100000, count: 2 },
      { date: '2026-11-02', income: 50051, refunds: 20000, revenue: 30051, count: 3 },
      { date: '2026-11-03', income: 0, refunds: 0, revenue: 0, count: 0 },
    ]);
    expect(r.byMethod.map((m) => [m.method, m.revenue])).toEqual([['cash', 80000], ['card', 50050], ['transfer', 1]]);
    expect(r.total.revenue).toBe(130051);
  });
  it('shares a payment among lines to the kopeck, remainders to the largest', () => {
    expect(allocatePaid([100, 100, 100], 100)).toEqual([34, 33, 33]);
    expect(allocatePaid([300000, 100000], 100001)).toEqual([75001, 25000]);
    expect(allocatePaid([5, 0], 999)).toEqual([5, 0]);
    expect(allocatePaid([0, 0], 10)).toEqual([0, 0]);
    for (const [a, p] of [[[7, 13, 29], 31], [[1, 1, 1, 1, 1, 1, 1], 3], [[999999, 1], 500000]] as const) {
      expect(allocatePaid(a, p).reduce((s, x) => s + x, 0)).toBe(Math.min(p, a.reduce((s, x) => s + x, 0)));
    }
  });
  it('billed and paid by doctor and by service', () => {
    const L = (billId: string, billTotal: number, billPaid: number, doctorId: string, code: string, amount: number) =>
      ({ billId, billTotal, billPaid, doctorId, code, name: code, quantity: 1, amount });
    const r = billedBreakdown([L('b1', 3000, 3000, 'd1', 'A', 1000), L('b1', 3000, 3000, 'd2', 'B', 2000), L('b2', 1000, 400, 'd1', 'A', 1000)]);
    expect(r.total).toEqual({ billed: 4000, paid: 3400, debt: 600 });
    expect(r.byDoctor.map((d) => [d.doctorId, d.billed, d.paid])).toEqual([['d1', 2000, 1400], ['d2', 2000, 2000]]);
    expect(r.byService.find((s) => s.code === 'A')).toMatchObject({ quantity: 2, billed: 2000, paid: 1400, debt: 600 });
  });
});
