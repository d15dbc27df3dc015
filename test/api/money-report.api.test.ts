import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { generateMoney } from '../support/money-data.js';
import { scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

const DAYS = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08'];
const mskDay = (iso: string) => new Date(Date.parse(iso) + 3 * 3600_000).toISOString().slice(0, 10);
const sign = (k: string) => (k === 'payment' ? 1 : -1);

describe.each(DIALECTS)('owner’s view of money on %s', (dialect) => {
  let t: TestApp;
  let owner: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let gen: Awaited<ReturnType<typeof generateMoney>>;
  let doctors: string[];
  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.t = Date.parse('2026-11-10T09:00:00Z');
    const f = await scheduleFixture(t.app, t.fx);
    owner = f.owner;
    admin = f.admin;
    doctors = [f.orlova, f.belov];
    gen = await generateMoney(t.h, t.fx, { doctors, patients: f.patients, days: DAYS, seed: dialect === 'sqlite' ? 7 : 11 });
  });
  afterAll(() => t?.close());

  it('revenue by Moscow day and by method equals the payments less the refunds, without balance allocations', async () => {
    const r = await owner('GET', `/api/money/report?from=${DAYS[0]}&to=${DAYS[6]}`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const byDay = new Map<string, number>();
    const byMethod = new Map<string, number>();
    for (const p of gen.payments) {
      if (p.method === 'advance') continue;
      byDay.set(mskDay(p.at), (byDay.get(mskDay(p.at)) ?? 0) + sign(p.kind) * p.amount);
      byMethod.set(p.method, (byMethod.get(p.method) ?? 0) + sign(p.kind) * p.amount);
    }
    expect(body.byDay.map((d: { date: string }) => d.date)).toEqual(DAYS);
    for (const d of body.byDay) expect([d.date, d.revenue]).toEqual([d.date, byDay.get(d.date) ?? 0]);
    for (const m of body.byMethod) expect([m.method, m.revenue]).toEqual([m.method, byMethod.get(m.method)]);
    expect(body.byMethod.some((m: { method: string }) => m.method === 'advance')).toBe(false);
    expect(body.total.revenue).toBe([...byMethod.values()].reduce((s, v) => s + v, 0));
    // 00:30 on 3 Nov in Moscow is 21:30 UTC on 2 Nov: it is the 3rd's money.
    const late = gen.payments.filter((p) => p.amount === 12345);
    expect(late.map((p) => mskDay(p.at))).toEqual(['2026-11-02', '2026-11-03']);
  });

  it('billed and paid by doctor and service over the issued bills, cancelled ones left out', async () => {
    const body = (await owner('GET', `/api/money/report?from=${DAYS[0]}&to=${DAYS[6]}`)).json();
    const issued = new Map(gen.bills.filter((b) => b.status === 'issued').map((b) => [b.id, b]));
    const paidOn = new Map<string, number>();
    for (const p of gen.payments) if (p.billId) paidOn.set(p.billId, (paidOn.get(p.billId) ?? 0) + sign(p.kind) * p.amount);
    const billed = new Map<string, number>();
    let total = 0;
    for (const l of gen.lines) {
      if (!issued.has(l.billId)) continue;
      billed.set(l.doctorId ?? 'none', (billed.get(l.doctorId ?? 'none') ?? 0) + l.amount);
      total += l.amount;
    }
    const paid = [...issued.values()].reduce((s, b) => s + Math.min(b.total, paidOn.get(b.id) ?? 0), 0);
    expect(body.billedTotal).toEqual({ billed: total, paid, debt: total - paid });
    for (const d of body.byDoctor) expect(d.billed).toBe(billed.get(d.doctorId ?? 'none'));
    expect(body.byDoctor.reduce((s: number, d: { paid: number }) => s + d.paid, 0)).toBe(paid);
    expect(body.byService.reduce((s: number, d: { billed: number }) => s + d.billed, 0)).toBe(total);
    expect(body.byDoctor.find((d: { doctorId: string }) => d.doctorId === doctors[0]).name).toBe('Орлова Мария');
    // The figure opens its list: the doctor's lines add up to the doctor's billed sum.
    const lines = (await owner('GET', `/api/money/billed-lines?from=${DAYS[0]}&to=${DAYS[6]}&doctorId=${doctors[0]}&limit=100`)).json();
    expect(lines.items.reduce((s: number, l: { amount: number }) => s + l.amount, 0)).toBe(billed.get(doctors[0]!));
  });

  it('debts: patients whose issued bills exceed their money in', async () => {
    const body = (await owner('GET', '/api/money/debts')).json();
    const owed = new Map<string, number>();
    for (const b of gen.bills) if (b.status === 'issued') owed.set(b.patientId, (owed.get(b.patientId) ?? 0) + b.total);
    for (const p of gen.payments) if (p.method !== 'advance') owed.set(p.patientId, (owed.get(p.patientId) ?? 0) - sign(p.kind) * p.amount);
    const expected = [...owed].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    expect(body.items.map((d: { patientId: string; debt: number }) => [d.patientId, d.debt])).toEqual(expected);
    expect(body.total).toBe(expected.reduce((s, [, v]) => s + v, 0));
    for (const d of body.items) {
      expect(d.phone).toMatch(/^\+7921/);
      if (d.oldestBill) expect(d.oldestBill.owed).toBeGreaterThan(0);
    }
  });

  it('shift reports: float, expected, counted and the discrepancy; per method and administrator', async () => {
    const body = (await owner('GET', `/api/money/shifts?from=${DAYS[0]}&to=${DAYS[6]}`)).json();
    expect(body.items).toHaveLength(7);
    for (const s of body.items) {
      const g = gen.shifts.find((x) => x.id === s.id)!;
      expect([s.expectedCash, s.countedCash, s.discrepancy]).toEqual([g.expected, g.counted, g.counted - g.expected]);
      const cash = gen.payments.filter((p) => p.shiftId === s.id && p.method === 'cash').reduce((a, p) => a + sign(p.kind) * p.amount, 0);
      expect(s.expectedCash).toBe(500000 + cash);
      expect(s.byAdministrator.every((a: { name: string }) => a.name.startsWith('Тест administrator'))).toBe(true);
    }
    expect(body.discrepancyTotal).toBe(-5000);
    expect(body.items.find((s: { discrepancy: number }) => s.discrepancy === -5000).note).toContain('Недостача');
    const one = body.items[0];
    const list = (await owner('GET', `/api/money/payments?shiftId=${one.id}`)).json();
    expect(list.items.reduce((a: number, p: { kind: string; amount: number }) => a + sign(p.kind) * p.amount, 0)).toBe(one.income - one.refunds);
  });

  it('CSV of each table opens in Russian Excel: BOM, semicolons, rubles with a comma', async () => {
    const r = await owner('GET', `/api/money/export?table=days&from=${DAYS[0]}&to=${DAYS[6]}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.body.charCodeAt(0)).toBe(0xfeff);
    expect(r.body).toContain('Дата;Поступило, ₽;Возвраты, ₽;Выручка, ₽;Операций');
    expect(r.body).toContain('02.11.2026;');
    for (const table of ['methods', 'doctors', 'services', 'debts', 'shifts', 'payments']) {
      expect((await owner('GET', `/api/money/export?table=${table}&from=${DAYS[0]}&to=${DAYS[6]}`)).statusCode).toBe(200);
    }
  });

  it('the administrator cannot read the owner’s money view; bad periods are refused with the field', async () => {
    for (const url of ['/api/money/report?from=2026-11-01&to=2026-11-02', '/api/money/debts', '/api/money/shifts?from=2026-11-01&to=2026-11-02', '/api/money/export?table=days&from=2026-11-01&to=2026-11-02']) {
      expect((await admin('GET', url)).statusCode).toBe(403);
    }
    const office = as(t.app, await signIn(t.app, t.fx.users.office_manager.login));
    expect((await office('GET', '/api/money/debts')).statusCode).toBe(403);
    const chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    expect((await chief('GET', '/api/money/debts')).statusCode).toBe(200);
    const bad = await owner('GET', '/api/money/report?from=2026-11-05&to=2026-11-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('to');
    expect((await owner('GET', '/api/money/report?from=2025-01-01&to=2026-11-01')).statusCode).toBe(400);
    expect((await owner('GET', '/api/money/report?from=2026-13-01&to=2026-11-01')).statusCode).toBe(400);
  });
});
