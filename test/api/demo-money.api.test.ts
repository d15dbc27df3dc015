import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoClinic } from '../../src/demo/seed-demo.js';
import { billOutstanding, billPaid, lineAmount, shiftReport, type PaymentMethod } from '../../src/domain/money.js';
import { DIALECTS, freshDb } from '../support/test-db.js';

const NOW = new Date('2026-11-23T09:00:00Z'); // Monday, 12:00 in Moscow

describe.each(DIALECTS)('demo money on %s', (dialect) => {
  let h: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    h = await freshDb(dialect);
    await seedDemoClinic(h, { now: NOW, hashPassword: async (p) => `test-hash:${p}`, patients: 300 });
  }, 120_000);
  afterAll(() => h?.cleanup());

  it('bills follow the money rules: lines, totals, never paid above the total; discounts and refunds have reasons', async () => {
    const bills = await h.db.selectFrom('bills').selectAll().where('payer', '=', 'patient').execute();
    const lines = await h.db.selectFrom('bill_lines').selectAll().execute();
    const pays = await h.db.selectFrom('payments').selectAll().execute();
    expect(bills.length).toBeGreaterThan(100);
    let debts = 0;
    for (const b of bills) {
      const mine = lines.filter((l) => l.bill_id === b.id);
      for (const l of mine) expect(Number(l.amount)).toBe(lineAmount({ unitPrice: Number(l.unit_price), quantity: l.quantity, discount: Number(l.discount) }));
      expect(mine.reduce((s, l) => s + Number(l.amount), 0)).toBe(Number(b.total));
      const paid = billPaid(pays.filter((p) => p.bill_id === b.id).map((p) => ({ kind: p.kind, method: p.method, amount: Number(p.amount) })));
      expect(paid).toBeLessThanOrEqual(Number(b.total));
      expect(paid).toBeGreaterThanOrEqual(0);
      if (billOutstanding({ status: b.status, total: Number(b.total) }, paid) > 0) debts++;
    }
    expect(debts).toBeGreaterThan(3);
    const discounted = lines.filter((l) => Number(l.discount) > 0);
    expect(discounted.length).toBeGreaterThan(0);
    expect(discounted.every((l) => l.discount_reason)).toBe(true);
    const refunds = pays.filter((p) => p.kind === 'refund');
    expect(refunds.length).toBeGreaterThanOrEqual(1);
    expect(refunds.every((r) => r.reason && r.refund_of)).toBe(true);
    expect(pays.some((p) => p.bill_id === null)).toBe(true);
    expect(pays.filter((p) => p.method === 'transfer').length).toBeGreaterThan(0);
    expect(pays.every((p) => Date.parse(p.created_at) <= NOW.getTime())).toBe(true);
  });

  it('cash shifts: expected = float + cash in − cash out, discrepancies recorded with notes, one open shift per branch today', async () => {
    const shifts = await h.db.selectFrom('cash_shifts').selectAll().execute();
    const pays = await h.db.selectFrom('payments').selectAll().where('shift_id', 'is not', null).execute();
    for (const s of shifts) {
      const rep = shiftReport(Number(s.opening_float), pays.filter((p) => p.shift_id === s.id).map((p) => ({ kind: p.kind, method: p.method as PaymentMethod, amount: Number(p.amount), createdBy: p.created_by })));
      if (s.closed_at) {
        expect(Number(s.expected_cash)).toBe(rep.expectedCash);
        expect(Number(s.discrepancy)).toBe(Number(s.counted_cash) - Number(s.expected_cash));
        if (Number(s.discrepancy) !== 0) expect(s.close_note).toBeTruthy();
      }
      for (const p of pays.filter((x) => x.shift_id === s.id)) {
        expect(p.created_at >= s.opened_at && (!s.closed_at || p.created_at <= s.closed_at)).toBe(true);
        expect(p.branch_id).toBe(s.branch_id);
      }
    }
    expect(shifts.filter((s) => Number(s.discrepancy ?? 0) !== 0).length).toBeGreaterThanOrEqual(1);
    expect(shifts.filter((s) => s.closed_at === null).length).toBeLessThanOrEqual(2);
    const cashCard = await h.db.selectFrom('payments').select('id').where('method', 'in', ['cash', 'card']).execute();
    expect(pays.length).toBe(cashCard.length);
  });

  it('one fiscal receipt per cash or card move, mostly punched with a sign, today’s last waiting; counters continue the numbers', async () => {
    const fiscal = await h.db.selectFrom('fiscal_outbox').selectAll().execute();
    const cashCard = await h.db.selectFrom('payments').select(['id', 'number']).where('method', 'in', ['cash', 'card']).execute();
    expect(new Set(fiscal.map((f) => f.payment_id))).toEqual(new Set(cashCard.map((p) => p.id)));
    expect(fiscal.filter((f) => f.status === 'done').every((f) => /^ФД \d+, ФП \d{10}$/.test(f.fiscal_sign!))).toBe(true);
    expect(fiscal.filter((f) => f.status === 'pending').length).toBeGreaterThan(0);
    expect(fiscal.filter((f) => f.status === 'pending').length).toBeLessThanOrEqual(4);
    const counters = new Map((await h.db.selectFrom('counters').selectAll().execute()).map((c) => [c.name, Number(c.value)]));
    const maxOf = async (t: 'bills' | 'payments' | 'cash_shifts') => Number((await h.db.selectFrom(t).select((eb) => eb.fn.max('number').as('m')).executeTakeFirst())?.m ?? 0);
    expect(counters.get('bill')).toBe(await maxOf('bills'));
    expect(counters.get('receipt')).toBe(await maxOf('payments'));
    expect(counters.get('cash_shift')).toBe(await maxOf('cash_shifts'));
  });
});
