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
