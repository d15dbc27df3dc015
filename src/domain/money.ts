/**
 * The clinic's money at the desk (DESK-4): pure rules over integer kopecks. A bill's line is
 * price × quantity − discount; a bill is issued (frozen) before money is taken on it; the patient's
 * balance is the real money in minus the money given back minus the issued bills the patient pays
 * (insurer-paid bills and the insurer's money are the insurer's, not the patient's). Paying a bill
 * «from the balance» (method 'advance') moves no money: it only allocates the patient's credit.
 */
import type { Bilingual } from './errors.js';

export const BILL_STATUSES = ['draft', 'issued', 'cancelled'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];
export const BILL_PAYERS = ['patient', 'insurer'] as const;
export type BillPayer = (typeof BILL_PAYERS)[number];
export const PAYMENT_KINDS = ['payment', 'refund'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
export const PAYMENT_METHODS = ['cash', 'card', 'transfer', 'insurer', 'advance'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** What the desk takes from a patient's hand or card or account. */
export const DESK_METHODS = ['cash', 'card', 'transfer'] as const satisfies readonly PaymentMethod[];

/** The largest amount the desk accepts in one entry: 10 million rubles, safely inside every integer type. */
export const MAX_AMOUNT = 1_000_000_000;
export const MAX_QUANTITY = 999;

/** Methods that go through the online cash register (54-FZ): money handed over at the desk. */
export function isFiscal(method: PaymentMethod): boolean {
  return method === 'cash' || method === 'card';
}

/** Methods that need the branch's open cash shift: the drawer or the card terminal at the desk. */
export function needsShift(method: PaymentMethod): boolean {
  return method === 'cash' || method === 'card';
}

/** Real money that moves (not an allocation of the patient's credit, not the insurer's). */
export function isPatientMoney(method: PaymentMethod): boolean {
  return method === 'cash' || method === 'card' || method === 'transfer';
}

export interface LineInput {
  unitPrice: number;
  quantity: number;
  discount: number;
}

/** Price × quantity before any discount. */
export function lineGross(l: Pick<LineInput, 'unitPrice' | 'quantity'>): number {
  return l.unitPrice * l.quantity;
}

/** What the line costs the payer: price × quantity − discount, never below zero (checked by lineProblem). */
export function lineAmount(l: LineInput): number {
  return lineGross(l) - l.discount;
}

/** A percentage discount in kopecks, rounded half up to the kopeck: 10 % of 1 234,55 ₽ = 123,46 ₽. */
export function percentDiscount(gross: number, percent: number): number {
  return Math.floor((gross * percent + 50) / 100);
}

export interface Problem extends Bilingual {
  field: string;
}

/** Why a line cannot be saved, or null. `range` is the price list's range when the service has one. */
export function lineProblem(l: LineInput & { discountReason?: string | null }, range?: { min: number; max: number | null }): Problem | null {
  if (!Number.isSafeInteger(l.quantity) || l.quantity < 1 || l.quantity > MAX_QUANTITY) {
    return { field: 'quantity', ru: `Количество — целое число от 1 до ${MAX_QUANTITY}`, en: `Quantity is a whole number from 1 to ${MAX_QUANTITY}` };
  }
  if (!Number.isSafeInteger(l.unitPrice) || l.unitPrice < 0 || l.unitPrice > MAX_AMOUNT) {
    return { field: 'unitPrice', ru: 'Цена — неотрицательная сумма', en: 'The price must be a non-negative amount' };
  }
  if (range && range.max !== null && range.max !== range.min && (l.unitPrice < range.min || l.unitPrice > range.max)) {
    return { field: 'unitPrice', ru: 'Цена вне диапазона прейскуранта', en: 'The price is outside the price list range' };
  }
  if (range && (range.max === null || range.max === range.min) && l.unitPrice !== range.min) {
    return { field: 'unitPrice', ru: 'Цена услуги фиксирована прейскурантом', en: 'The price list fixes this price' };
  }
  if (!Number.isSafeInteger(l.discount) || l.discount < 0) return { field: 'discount', ru: 'Скидка — неотрицательная сумма', en: 'The discount must be a non-negative amount' };
  if (l.discount > lineGross(l)) return { field: 'discount', ru: 'Скидка больше стоимости услуги', en: 'The discount exceeds the line' };
  if (l.discount > 0 && !l.discountReason?.trim()) return { field: 'discountReason', ru: 'Укажите причину скидки', en: 'Give the reason for the discount' };
  return null;
}

/** A bill's sums from its lines. */
export function billTotals(lines: readonly LineInput[]): { gross: number; discountTotal: number; total: number } {
  let gross = 0;
  let discountTotal = 0;
  for (const l of lines) {
    gross += lineGross(l);
    discountTotal += l.discount;
  }
  return { gross, discountTotal, total: gross - discountTotal };
}

export interface MoneyMove {
  kind: PaymentKind;
  method: PaymentMethod;
  amount: number;
}

/** What has been paid on a bill: its payments less its refunds, by any method (the insurer's and the credit's included). */
export function billPaid(moves: readonly MoneyMove[]): number {
  let paid = 0;
  for (const m of moves) paid += m.kind === 'payment' ? m.amount : -m.amount;
  return paid;
}

/** What is still owed on an issued bill (0 for a draft or a cancelled one). */
export function billOutstanding(bill: { status: BillStatus; total: number }, paid: number): number {
  return bill.status === 'issued' ? Math.max(0, bill.total - paid) : 0;
}

export interface BalanceInput {
  /** Every payment and refund of the patient. */
  moves: readonly MoneyMove[];
  /** Totals of the patient's issued bills the patient pays. */
  issuedPatientBills: readonly number[];
}

/**
 * The patient's balance: money in − money given back − issued patient-payer bills. Positive: credit
 * (an advance); negative: debt. Allocations of credit ('advance') and the insurer's money do not count.
 */
export function patientBalance(b: BalanceInput): number {
  let bal = 0;
  for (const m of b.moves) if (isPatientMoney(m.method)) bal += m.kind === 'payment' ? m.amount : -m.amount;
  for (const t of b.issuedPatientBills) bal -= t;
  return bal;
}

/** Moves with the bill they belong to (null = an advance onto the balance). */
export interface LedgerMove extends MoneyMove {
  billId: string | null;
}

/**
 * The credit free to pay a bill with: advances (bill-less money in, less their refunds) less what has
 * already been allocated to bills from the balance (less allocations given back).
 */
export function availableCredit(moves: readonly LedgerMove[]): number {
  let credit = 0;
  for (const m of moves) {
    const sign = m.kind === 'payment' ? 1 : -1;
    if (m.billId === null && isPatientMoney(m.method)) credit += sign * m.amount;
    else if (m.method === 'advance') credit -= sign * m.amount;
  }
  return credit;
}

/** Why a payment onto a bill cannot be taken, or null. */
export function paymentProblem(p: { amount: number; method: PaymentMethod }, bill: { status: BillStatus; total: number; payer: BillPayer } | null, paid: number, credit: number): Problem | null {
  if (!Number.isSafeInteger(p.amount) || p.amount <= 0 || p.amount > MAX_AMOUNT) return { field: 'amount', ru: 'Сумма должна быть больше нуля', en: 'The amount must be above zero' };
  if (!bill) {
    if (!isPatientMoney(p.method)) return { field: 'method', ru: 'Аванс вносится наличными, картой или переводом', en: 'An advance is paid in cash, by card or by transfer' };
    return null;
  }
  if (bill.status !== 'issued') return { field: 'billId', ru: 'Оплатить можно только выставленный счёт', en: 'Only an issued bill can be paid' };
  if (p.method === 'insurer' && bill.payer !== 'insurer') return { field: 'method', ru: 'Счёт оплачивает пациент, не страховая компания', en: 'The patient pays this bill, not an insurer' };
  const left = billOutstanding(bill, paid);
  if (p.amount > left) {
    return { field: 'amount', ru: `Сумма больше остатка по счёту (${kopecksText(left)} ₽)`, en: `The amount exceeds what is owed on the bill (${kopecksText(left)} ₽)` };
  }
  if (p.method === 'advance' && p.amount > credit) {
    return { field: 'amount', ru: `На балансе пациента только ${kopecksText(credit)} ₽`, en: `The patient's credit is only ${kopecksText(credit)} ₽` };
  }
  return null;
}

/**
 * How much of a payment can still be given back: what it brought less its refunds; for an advance,
 * no more than the credit still free (money already spent on a bill is refunded from that bill).
 */
export function refundable(original: { amount: number; billId: string | null; method: PaymentMethod }, refundedAlready: number, credit: number): number {
  const left = original.amount - refundedAlready;
  if (original.billId === null) return Math.max(0, Math.min(left, credit));
  return Math.max(0, left);
}

/** Why a refund cannot be made, or null. */
export function refundProblem(amount: number, reason: string | null | undefined, limit: number): Problem | null {
  if (!reason?.trim()) return { field: 'reason', ru: 'Укажите причину возврата', en: 'Give the reason for the refund' };
  if (!Number.isSafeInteger(amount) || amount <= 0) return { field: 'amount', ru: 'Сумма должна быть больше нуля', en: 'The amount must be above zero' };
  if (amount > limit) return { field: 'amount', ru: `Вернуть можно не больше ${kopecksText(limit)} ₽`, en: `At most ${kopecksText(limit)} ₽ can be refunded` };
  return null;
}

export interface ShiftMove extends MoneyMove {
  createdBy: string;
}

export interface ShiftReportRow {
  method: PaymentMethod;
  createdBy: string;
  paymentsCount: number;
  refundsCount: number;
  /** Kopecks in. */
  income: number;
  /** Kopecks given back. */
  refunds: number;
  net: number;
}

export interface ShiftReport {
  rows: ShiftReportRow[];
  byMethod: Record<string, { income: number; refunds: number; net: number }>;
  income: number;
  refunds: number;
  net: number;
  cashIn: number;
  cashOut: number;
  /** Float + cash in − cash given back: what the drawer must hold. */
  expectedCash: number;
}

/** The shift's report per administrator and per method (X-report while open, Z-report at close). */
export function shiftReport(openingFloat: number, moves: readonly ShiftMove[]): ShiftReport {
  const rows = new Map<string, ShiftReportRow>();
  const byMethod: ShiftReport['byMethod'] = {};
  let income = 0;
  let refunds = 0;
  let cashIn = 0;
  let cashOut = 0;
  for (const m of moves) {
    const key = `${m.method}\u0000${m.createdBy}`;
    const row = rows.get(key) ?? { method: m.method, createdBy: m.createdBy, paymentsCount: 0, refundsCount: 0, income: 0, refunds: 0, net: 0 };
    const bm = (byMethod[m.method] ??= { income: 0, refunds: 0, net: 0 });
    if (m.kind === 'payment') {
      row.paymentsCount++;
      row.income += m.amount;
      bm.income += m.amount;
      income += m.amount;
      if (m.method === 'cash') cashIn += m.amount;
    } else {
      row.refundsCount++;
      row.refunds += m.amount;
      bm.refunds += m.amount;
      refunds += m.amount;
      if (m.method === 'cash') cashOut += m.amount;
    }
    row.net = row.income - row.refunds;
    bm.net = bm.income - bm.refunds;
    rows.set(key, row);
  }
  const ordered = [...rows.values()].sort((a, b) => PAYMENT_METHODS.indexOf(a.method) - PAYMENT_METHODS.indexOf(b.method) || a.createdBy.localeCompare(b.createdBy));
  return { rows: ordered, byMethod, income, refunds, net: income - refunds, cashIn, cashOut, expectedCash: openingFloat + cashIn - cashOut };
}

/** Why a shift cannot be closed with this count, or null: a discrepancy is recorded with a note, never hidden. */
export function closeProblem(counted: number, expected: number, note: string | null | undefined): Problem | null {
  if (!Number.isSafeInteger(counted) || counted < 0 || counted > MAX_AMOUNT) return { field: 'countedCash', ru: 'Укажите пересчитанную сумму в кассе', en: 'Enter the counted cash' };
  if (counted !== expected && !note?.trim()) {
    return { field: 'note', ru: 'Есть расхождение: опишите его причину', en: 'There is a discrepancy: describe its cause' };
  }
  return null;
}

/** Kopecks as «1 500,00» (always with kopecks, as receipts print them; narrow no-break spaces). */
export function kopecksText(kopecks: number): string {
  const neg = kopecks < 0;
  const abs = Math.abs(kopecks);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${neg ? '−' : ''}${whole},${String(abs % 100).padStart(2, '0')}`;
}

export { amountInWords } from './money-words.js';
