import { withTx, type DbHandle } from '../../src/db/connect.js';
import { newId } from '../../src/db/ids.js';
import { fiscalDocument, fiscalItems } from '../../src/domain/fiscal-document.js';
import { isFiscal, shiftReport, type PaymentKind, type PaymentMethod } from '../../src/domain/money.js';
import type { Fixture } from './fixtures.js';

/** A tiny deterministic generator (tests must be repeatable). */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface GenPayment {
  id: string;
  patientId: string;
  billId: string | null;
  shiftId: string | null;
  kind: PaymentKind;
  method: PaymentMethod;
  amount: number;
  at: string;
  by: string;
}
export interface GenLine {
  billId: string;
  doctorId: string | null;
  code: string;
  name: string;
  quantity: number;
  amount: number;
}
export interface GenBill {
  id: string;
  patientId: string;
  number: number;
  total: number;
  issuedAt: string;
  status: 'issued' | 'cancelled';
}
export interface GenShift {
  id: string;
  openedAt: string;
  closedAt: string;
  float: number;
  counted: number;
  expected: number;
  by: string;
}

const SERVICES = [
  { code: 'Т-01', name: 'Консультация стоматолога-терапевта', price: 150000 },
  { code: 'Т-12', name: 'Лечение кариеса, пломба светового отверждения', price: 450050 },
  { code: 'Г-03', name: 'Профессиональная гигиена полости рта', price: 600000 },
  { code: 'Х-07', name: 'Удаление зуба простое', price: 320000 },
];

/**
 * A generated week of money in the fixture clinic, written straight into the tables by H1's rules
 * (line = price × qty − discount, shift expected = float + cash in − cash out, fiscal rows for cash
 * and card): bills issued at the visit, paid in full, in part or not at all, by cash, card,
 * transfer or from an advance; some refunds; one shift per day with one short count.
 */
export async function generateMoney(h: DbHandle, fx: Fixture, o: { doctors: string[]; patients: string[]; days: string[]; seed: number }) {
  const r = rng(o.seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const admin = fx.users.administrator.id;
  const bills: GenBill[] = [];
  const lines: GenLine[] = [];
  const payments: GenPayment[] = [];
  const shifts: GenShift[] = [];
  let billNo = 0;
  let payNo = 0;
  const at = (day: string, minutesMsk: number) => new Date(Date.parse(`${day}T00:00:00+03:00`) + minutesMsk * 60_000).toISOString();
  for (const [di, day] of o.days.entries()) {
    const shift: GenShift = { id: newId(), openedAt: at(day, 8 * 60 + 50), closedAt: at(day, 21 * 60 + 10), float: 500000, counted: 0, expected: 0, by: admin };
    const inShift: GenPayment[] = [];
    const nBills = 3 + Math.floor(r() * 4);
    for (let b = 0; b < nBills; b++) {
      const minute = 9 * 60 + Math.floor(r() * 11 * 60);
      const billId = newId();
      const patientId = pick(o.patients);
      const nLines = 1 + Math.floor(r() * 3);
      let total = 0;
      for (let l = 0; l < nLines; l++) {
        const s = pick(SERVICES);
        const quantity = 1 + Math.floor(r() * 2);
        const discount = r() < 0.15 ? 10000 : 0;
        const amount = s.price * quantity - discount;
        total += amount;
        lines.push({ billId, doctorId: r() < 0.9 ? pick(o.doctors) : null, code: s.code, name: s.name, quantity, amount });
      }
      const status = r() < 0.08 ? 'cancelled' : 'issued';
      bills.push({ id: billId, patientId, number: ++billNo, total, issuedAt: at(day, minute), status });
      if (status === 'cancelled') continue;
      const roll = r();
      const paid = roll < 0.65 ? total : roll < 0.85 ? Math.floor(total / 3) + 7 : 0;
      if (paid > 0) {
        const method = pick(['cash', 'cash', 'card', 'card', 'transfer', 'advance'] as const);
        if (method === 'advance') {
          // The advance came in the day before (cash), then pays the bill from the balance.
          payments.push({ id: newId(), patientId, billId: null, shiftId: null, kind: 'payment', method: 'transfer', amount: paid, at: at(day, minute - 60), by: admin });
        }
        const p: GenPayment = { id: newId(), patientId, billId, shiftId: method === 'cash' || method === 'card' ? shift.id : null, kind: 'payment', method, amount: paid, at: at(day, minute + 5), by: admin };
        payments.push(p);
        if (p.shiftId) inShift.push(p);
        if (r() < 0.12 && (method === 'cash' || method === 'card')) {
          const back: GenPayment = { ...p, id: newId(), kind: 'refund', amount: Math.min(paid, 50000), at: at(day, minute + 30) };
          payments.push(back);
          inShift.push(back);
        }
      }
    }
    const rep = shiftReport(shift.float, inShift.map((m) => ({ kind: m.kind, method: m.method, amount: m.amount, createdBy: m.by })));
    shift.expected = rep.expectedCash;
    shift.counted = rep.expectedCash - (di === 1 ? 5000 : 0);
    shifts.push(shift);
  }
  // Two payments near midnight in Moscow: 23:30 belongs to its day, 00:30 to the next.
  const late = o.days[0]!;
  for (const minute of [23 * 60 + 30, 24 * 60 + 30]) {
    payments.push({ id: newId(), patientId: o.patients[0]!, billId: null, shiftId: null, kind: 'payment', method: 'transfer', amount: 12345, at: at(late, minute), by: admin });
  }

  await withTx(h, async (trx) => {
    for (const [i, s] of shifts.entries()) {
      await trx.insertInto('cash_shifts').values({
        id: s.id, clinic_id: fx.clinicId, branch_id: fx.branchId, number: i + 1, opened_by: s.by, opened_at: s.openedAt, opening_float: s.float,
        closed_by: s.by, closed_at: s.closedAt, counted_cash: s.counted, expected_cash: s.expected, discrepancy: s.counted - s.expected,
        close_note: s.counted !== s.expected ? 'Недостача 50 ₽: сдача выдана дважды' : null,
      }).execute();
    }
    for (const b of bills) {
      await trx.insertInto('bills').values({
        id: b.id, clinic_id: fx.clinicId, branch_id: fx.branchId, patient_id: b.patientId, appointment_id: null, number: b.number, status: b.status, payer: 'patient',
        total: b.total, discount_total: 0, note: null, created_by: admin, created_at: b.issuedAt, issued_by: admin, issued_at: b.issuedAt,
        cancelled_by: b.status === 'cancelled' ? admin : null, cancelled_at: b.status === 'cancelled' ? b.issuedAt : null, cancel_reason: b.status === 'cancelled' ? 'Ошибка в счёте' : null, updated_at: b.issuedAt,
      }).execute();
    }
    for (const [i, l] of lines.entries()) {
      await trx.insertInto('bill_lines').values({
        id: newId(), clinic_id: fx.clinicId, bill_id: l.billId, position: i, price_item_id: null, price_version_id: null, code: l.code, name: l.name,
        unit_price: l.amount / l.quantity, quantity: l.quantity, discount: 0, discount_reason: null, amount: l.amount, doctor_id: l.doctorId, assistant_id: null, tooth: null,
      }).execute();
    }
    for (const p of payments) {
      await trx.insertInto('payments').values({
        id: p.id, clinic_id: fx.clinicId, branch_id: fx.branchId, patient_id: p.patientId, bill_id: p.billId, shift_id: p.shiftId, number: ++payNo, kind: p.kind,
        method: p.method, amount: p.amount, refund_of: null, reason: p.kind === 'refund' ? 'Отказ от услуги' : null, payer_name: null, created_by: p.by, created_at: p.at,
      }).execute();
      if (isFiscal(p.method)) {
        const doc = fiscalDocument({
          operation: p.kind === 'refund' ? 'sell_return' : 'sell', receiptNumber: payNo, at: p.at, method: p.method, amount: p.amount,
          items: fiscalItems(p.amount, null), cashier: 'Тест administrator', email: null, phone: null, clinic: { legalName: 'ООО «Тест»', address: 'Санкт-Петербург' },
        });
        await trx.insertInto('fiscal_outbox').values({
          id: newId(), clinic_id: fx.clinicId, payment_id: p.id, operation: doc.operation, payload_json: JSON.stringify(doc), status: 'pending', attempts: 0,
          last_error: null, fiscal_sign: null, created_at: p.at, updated_at: p.at,
        }).execute();
      }
    }
  });
  return { bills, lines, payments, shifts };
}
