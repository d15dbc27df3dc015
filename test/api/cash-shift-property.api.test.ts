import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

type Op = { kind: 'advance' | 'part' | 'refund'; method: 'cash' | 'card' | 'transfer'; amount: number; pick: number };

describe.each(DIALECTS)('a shift\'s report equals its payments minus its refunds, to the kopeck (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let chief: ReturnType<typeof as>;
  let priceId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    priceId = (await chief('POST', '/api/price-list', { code: 'Т-09', name: 'Лечение', section: 'Терапия', priceMin: 1_234_567 })).json().id;
  });
  afterAll(() => t.close());

  it('over random advances, part payments and refunds', async () => {
    let hour = 9;
    const op = fc.record({
      kind: fc.constantFrom('advance' as const, 'part' as const, 'refund' as const),
      method: fc.constantFrom('cash' as const, 'card' as const, 'transfer' as const),
      amount: fc.integer({ min: 1, max: 400_000 }),
      pick: fc.nat(),
    });
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 1_000_000 }), fc.array(op, { minLength: 1, maxLength: 12 }), async (float, ops: Op[]) => {
      const patient = f.patients[hour % 4];
      const visit = (await f.admin('POST', '/api/appointments', { patientId: patient, doctorId: f.belov, startsAt: msk('2026-11-24', `${String(hour++).padStart(2, '0')}:00`), kind: 'repeat' })).json();
      const bill = (await f.admin('POST', '/api/bills', { appointmentId: visit.id })).json();
      await f.admin('PUT', `/api/bills/${bill.id}/lines`, { lines: [{ priceItemId: priceId, quantity: 1 }] });
      await f.admin('POST', `/api/bills/${bill.id}/issue`);
      const shift = (await f.admin('POST', '/api/cash/shifts', { branchId: t.fx.branchId, openingFloat: float })).json();
      const taken: { id: string; left: number; method: string }[] = [];
      let income = 0; let refunds = 0; let cash = 0;
      for (const o of ops) {
        if (o.kind === 'refund') {
          const open = taken.filter((p) => p.left > 0);
          if (!open.length) continue;
          const p = open[o.pick % open.length];
          const amount = Math.min(o.amount, p.left);
          const r = await chief('POST', `/api/payments/${p.id}/refund`, { amount, reason: 'Проверка' });
          if (r.statusCode !== 201) continue; // an advance already spent is not refundable: refused, nothing written
          p.left -= amount; refunds += amount; if (p.method === 'cash') cash -= amount;
        } else {
          const r = await f.admin('POST', '/api/payments', { patientId: patient, method: o.method, amount: o.amount, ...(o.kind === 'part' ? { billId: bill.id } : { branchId: t.fx.branchId }) });
          if (r.statusCode !== 201) { expect(r.statusCode, r.body).toBe(400); continue; } // more than owed
          taken.push({ id: r.json().id, left: o.amount, method: o.method });
          income += o.amount; if (o.method === 'cash') cash += o.amount;
        }
      }
      const report = (await f.admin('GET', `/api/cash/shifts/${shift.id}`)).json().report;
      expect(report.income).toBe(income);
      expect(report.refunds).toBe(refunds);
      expect(report.net).toBe(income - refunds);
      expect(report.expectedCash).toBe(float + cash);
      const closed = await f.admin('POST', `/api/cash/shifts/${shift.id}/close`, { countedCash: float + cash });
      expect(closed.json().discrepancy).toBe(0);
    }), { numRuns: 6 });
  }, 120_000);
});
