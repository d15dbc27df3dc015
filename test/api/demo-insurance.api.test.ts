import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoClinic } from '../../src/demo/seed-demo.js';
import type { Role } from '../../src/domain/roles.js';
import { journal, listRegisters, getRegister } from '../../src/services/insurance-registers.service.js';
import { patientInsurance } from '../../src/services/insurance.service.js';
import { listCertificates, taxPreview } from '../../src/services/tax-certificates.service.js';
import { DIALECTS, freshDb } from '../support/test-db.js';

const NOW = new Date('2026-11-23T09:00:00Z');

describe.each(DIALECTS)('the demo’s ДМС and tax certificates (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof freshDb>>;
  let clinicId: string;
  let adminId: string;
  beforeAll(async () => {
    h = await freshDb(dialect);
    ({ clinicId } = await seedDemoClinic(h, { now: NOW, hashPassword: async (p) => `test-hash:${p}`, seed: 7, patients: 400 }));
    adminId = (await h.db.selectFrom('users').select('id').where('login', '=', 'admin').executeTakeFirstOrThrow()).id;
  }, 180_000);
  afterAll(() => h?.cleanup());
  const deps = () => ({ h, clock: () => NOW });
  const actor = () => ({ clinicId, userId: adminId, login: 'admin', role: 'administrator' as Role, ip: null });

  it('three insurers, forty insured patients (a few policies expired), their visits in the journal', async () => {
    expect(await h.db.selectFrom('insurers').select('name').where('clinic_id', '=', clinicId).execute()).toHaveLength(3);
    const policies = await h.db.selectFrom('insurance_policies').select(['patient_id', 'valid_to']).where('clinic_id', '=', clinicId).execute();
    expect(policies).toHaveLength(40);
    const expired = policies.filter((p) => p.valid_to < '2026-11-23');
    expect(expired.length).toBeGreaterThanOrEqual(3);
    expect((await patientInsurance(deps(), actor(), expired[0].patient_id)).policies[0].state).toBe('expired');
    const j = await journal(deps(), actor(), { from: '2026-08-01', to: '2026-11-23', limit: 500 });
    expect(j.total).toBeGreaterThan(30);
    expect(new Set(j.items.map((r) => r.status))).toEqual(new Set(['billed', 'in_register', 'paid']));
  });

  it('every register’s stored total is its bills’ sum; a paid one is matched by the insurer’s payments to the kopeck', async () => {
    const regs = (await listRegisters(deps(), actor())).items;
    expect(regs.some((r) => r.status === 'paid')).toBe(true);
    expect(regs.some((r) => r.status === 'sent')).toBe(true);
    for (const r of regs) {
      const detail = await getRegister(deps(), actor(), r.id);
      const bills = await h.db.selectFrom('bill_insurance').select(['bill_id', 'amount']).where('register_id', '=', r.id).execute();
      expect(bills.reduce((s, b) => s + Number(b.amount), 0)).toBe(r.total);
      expect(detail.content.bills.map((b) => b.billId).sort()).toEqual(bills.map((b) => b.bill_id).sort());
      const lines = await h.db.selectFrom('bill_lines').select('amount').where('bill_id', 'in', bills.map((b) => b.bill_id)).execute();
      expect(lines.reduce((s, l) => s + Number(l.amount), 0)).toBe(r.total);
      const paid = await h.db.selectFrom('payments').select('amount').where('method', '=', 'insurer').where('bill_id', 'in', bills.map((b) => b.bill_id)).execute();
      expect(paid.reduce((s, p) => s + Number(p.amount), 0)).toBe(r.status === 'paid' ? r.total : 0);
    }
  });

  it('the issued certificates state what the patients paid this year', async () => {
    const certs = (await listCertificates(deps(), actor(), {})).items;
    expect(certs.length).toBe(3);
    for (const c of certs) expect(c.amount).toBe((await taxPreview(deps(), actor(), c.patientId, c.year)).amount);
  });
});

// Whatever the day: the month's first hours, its last day, New Year's night (the clinic closed for the holidays).
const DAYS = [
  ['the 1st at 01:30', '2026-11-30T22:30:00Z', '2026-12-01'],
  ['the 2nd at noon', '2026-12-02T09:00:00Z', '2026-12-02'],
  ['the 31st', '2026-12-31T15:00:00Z', '2026-12-31'],
  ['1 January at 00:30', '2026-12-31T21:30:00Z', '2027-01-01'],
] as const;
describe.each(DIALECTS)('the demo’s ДМС on any day of the month (%s)', (dialect) => {
  it.each(DAYS)('%s: an insured visit of this month to send, last month’s register sent, nothing dated ahead of now', async (_name, nowIso, today) => {
    const h = await freshDb(dialect);
    try {
      const now = new Date(nowIso);
      await seedDemoClinic(h, { now, hashPassword: async (p) => `test-hash:${p}`, seed: 7, patients: 400 });
      const open = await h.db.selectFrom('bill_insurance as bi').innerJoin('bills as b', 'b.id', 'bi.bill_id').innerJoin('appointments as a', 'a.id', 'b.appointment_id')
        .select(['bi.service_date', 'a.ends_at', 'a.local_date', 'a.status']).where('bi.register_id', 'is', null).where('bi.service_date', '>=', `${today.slice(0, 7)}-01`).execute();
      expect(open.length).toBeGreaterThan(0);
      for (const v of open) {
        expect(v.service_date <= today && v.local_date === v.service_date && v.status === 'done').toBe(true);
        expect(Date.parse(v.ends_at)).toBeLessThanOrEqual(now.getTime());
      }
      const [y, m] = today.split('-').map(Number);
      const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
      const regs = await h.db.selectFrom('insurance_registers').select(['month', 'sent_at', 'paid_at']).execute();
      expect(regs.some((r) => r.month === lastMonth)).toBe(true);
      for (const r of regs) {
        expect(Date.parse(r.sent_at)).toBeLessThanOrEqual(now.getTime());
        if (r.paid_at) expect(Date.parse(r.paid_at)).toBeLessThanOrEqual(now.getTime());
      }
      const ahead = await h.db.selectFrom('payments').select('id').where('created_at', '>', now.toISOString()).execute();
      expect(ahead).toEqual([]);
      const billsAhead = await h.db.selectFrom('bills').select('id').where('created_at', '>', now.toISOString()).execute();
      expect(billsAhead).toEqual([]);
    } finally {
      await h.cleanup();
    }
  }, 180_000);
});
