import { describe, expect, it } from 'vitest';
import { buildRegister, insuranceBillingProblem, journalStatus, letterRemaining, monthRange, policyState, registerPaymentProblem, ruMonth } from './insurance.js';
import { isPersonInn, taxCertificateProblem, taxPaidSum } from './tax-certificate.js';

const policy = { id: 'p', insurerId: 'i', validFrom: '2026-01-01', validTo: '2026-12-31', number: 'П-1' };
const letter = { policyId: 'p', insurerId: 'i', validTo: '2026-11-30', issuedOn: '2026-10-01', limit: 1_000_000, billed: 400_000, number: 'ГП-1' };

describe('ДМС rules', () => {
  it('a policy is valid on both of its dates, inclusive', () => {
    expect(policyState(policy, '2026-01-01')).toBe('active');
    expect(policyState(policy, '2026-12-31')).toBe('active');
    expect(policyState(policy, '2027-01-01')).toBe('expired');
    expect(policyState(policy, '2025-12-31')).toBe('future');
  });

  it('bills within the letter’s limit to the kopeck; one kopeck over is refused on the letter', () => {
    expect(insuranceBillingProblem({ serviceDate: '2026-11-30', amount: 600_000, policy, letter })).toBeNull();
    expect(insuranceBillingProblem({ serviceDate: '2026-11-30', amount: 600_001, policy, letter })).toMatchObject({ field: 'letterId' });
    expect(letterRemaining(1_000_000, 1_200_000)).toBe(0);
  });

  it('refuses an expired policy, a letter past its date or before it, a letter of another policy', () => {
    expect(insuranceBillingProblem({ serviceDate: '2027-01-02', amount: 1, policy, letter })).toMatchObject({ field: 'policyId', ru: 'Полис П-1 истёк 31.12.2026' });
    expect(insuranceBillingProblem({ serviceDate: '2026-12-01', amount: 1, policy, letter })?.field).toBe('letterId');
    expect(insuranceBillingProblem({ serviceDate: '2026-09-30', amount: 1, policy, letter })?.ru).toContain('выдано позже визита');
    expect(insuranceBillingProblem({ serviceDate: '2026-11-01', amount: 1, policy, letter: { ...letter, policyId: 'x' } })?.ru).toContain('другому полису');
  });

  it('a register sorts by date and patient (ё as е), totals per patient and policy and in all', () => {
    const bill = (n: number, date: string, name: string, card: number, amounts: number[]) => ({
      billId: `b${n}`, billNumber: n, serviceDate: date, patientName: name, cardNumber: card, policyNumber: `П-${card}`, letterNumber: 'ГП', amount: amounts.reduce((s, a) => s + a, 0),
      services: amounts.map((a) => ({ code: 'Т', name: 'Т', quantity: 1, unitPrice: a, amount: a, doctor: null })),
    });
    const r = buildRegister('2026-10', { name: 'С', legalName: 'С', inn: '1', kpp: null, contractNumber: '1', contractDate: '2026-01-01' }, [
      bill(3, '2026-10-05', 'Ёлкина', 2, [100_050]), bill(1, '2026-10-05', 'Борисов', 1, [20_000, 30_000]), bill(2, '2026-10-02', 'Ёлкина', 2, [99_950]),
    ]);
    expect(r.bills.map((b) => b.billNumber)).toEqual([2, 1, 3]);
    expect(r.patients).toEqual([
      { patientName: 'Борисов', cardNumber: 1, policyNumber: 'П-1', bills: 1, amount: 50_000 },
      { patientName: 'Ёлкина', cardNumber: 2, policyNumber: 'П-2', bills: 2, amount: 200_000 },
    ]);
    expect(r).toMatchObject({ total: 250_000, servicesCount: 4 });
    const reg = { status: 'sent' as const, total: 250_000, bills: [{ billId: 'a', amount: 200_000 }, { billId: 'b', amount: 50_000 }] };
    expect(registerPaymentProblem(reg, 249_999)?.field).toBe('amount');
    expect(registerPaymentProblem(reg, 250_000)).toBeNull();
    // Paid less the refused bill, to the kopeck; the refusal names a bill of this register, once, with a reason.
    expect(registerPaymentProblem(reg, 200_000, [{ billId: 'b', reason: 'нет показаний' }])).toBeNull();
    expect(registerPaymentProblem(reg, 199_999, [{ billId: 'b', reason: 'нет показаний' }])?.ru).toMatch(/2\s000,00 ₽/);
    expect(registerPaymentProblem(reg, 200_000, [{ billId: 'x', reason: 'нет показаний' }])?.field).toBe('rejected.0.billId');
    expect(registerPaymentProblem(reg, 200_000, [{ billId: 'b', reason: 'a' }, { billId: 'b', reason: 'b' }])?.field).toBe('rejected.1.billId');
    expect(registerPaymentProblem(reg, 200_000, [{ billId: 'b', reason: '  ' }])?.field).toBe('rejected.0.reason');
    expect(registerPaymentProblem(reg, 0, [{ billId: 'a', reason: 'x' }, { billId: 'b', reason: 'y' }])?.field).toBe('rejected');
    expect(registerPaymentProblem({ ...reg, status: 'paid' }, 250_000)?.ru).toBe('Реестр уже оплачен');
    expect(journalStatus(null)).toBe('billed');
    expect(journalStatus({ status: 'paid' })).toBe('paid');
    expect(journalStatus({ status: 'paid' }, true)).toBe('rejected');
  });

  it('months: February of a leap year, December; Russian month names', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(ruMonth('2026-05')).toBe('май 2026');
  });
});

describe('the tax certificate’s sum and checks', () => {
  it('payments less refunds, money methods only (not the insurer, not credit moved onto a bill), never below zero', () => {
    expect(taxPaidSum([
      { kind: 'payment', method: 'cash', amount: 500_000 }, { kind: 'payment', method: 'card', amount: 1_234_567 }, { kind: 'payment', method: 'transfer', amount: 300_000 },
      { kind: 'refund', method: 'card', amount: 34_567 }, { kind: 'payment', method: 'insurer', amount: 9_999_999 }, { kind: 'payment', method: 'advance', amount: 100_000 },
    ])).toBe(2_000_000);
    expect(taxPaidSum([{ kind: 'refund', method: 'cash', amount: 1 }])).toBe(0);
  });

  it('an individual’s INN with both check digits; a document without it; no future year', () => {
    expect(isPersonInn('500100732259')).toBe(true);
    expect(isPersonInn('500100732250')).toBe(false);
    expect(isPersonInn('7701000001')).toBe(false);
    const ok = { year: 2026, amount: 1, taxpayerInn: null, taxpayerDocument: 'паспорт', relation: 'self' as const, taxpayerBirthDate: '1990-01-01' };
    expect(taxCertificateProblem(ok, '2026-11-30')).toBeNull();
    expect(taxCertificateProblem({ ...ok, taxpayerDocument: null }, '2026-11-30')?.field).toBe('taxpayer.document');
    expect(taxCertificateProblem({ ...ok, year: 2027 }, '2026-11-30')?.field).toBe('year');
    expect(taxCertificateProblem({ ...ok, amount: 0 }, '2026-11-30')?.field).toBe('year');
  });
});
