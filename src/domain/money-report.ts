/**
 * The owner's view of money (DESK-4): pure arithmetic over sums the database has already grouped.
 * Revenue is the money that moved: payments less refunds by cash, card, transfer and the insurer's
 * money; paying a bill from the patient's balance ('advance') moves nothing and is left out (the
 * money counted when the advance came in). Days are the clinic's local days.
 */
import { addDays, dayNumber } from './dates.js';
import { PAYMENT_METHODS, type PaymentKind, type PaymentMethod } from './money.js';
import { localDateOf, localInstant } from './schedule/time.js';

/** Methods whose money counts as revenue. */
export const REVENUE_METHODS = ['cash', 'card', 'transfer', 'insurer'] as const satisfies readonly PaymentMethod[];
export function isRevenue(method: PaymentMethod): boolean {
  return (REVENUE_METHODS as readonly string[]).includes(method);
}

/** The longest period one report covers: a year and a day (a leap year's Jan 1 – Jan 1). */
export const MAX_REPORT_DAYS = 367;

/** [from, to] clinic-local days as UTC instants [start of from, start of the day after to). */
export function periodInstants(from: string, to: string, tz: string): { fromAt: string; toAt: string } {
  return {
    fromAt: new Date(localInstant(from, '00:00', tz)).toISOString(),
    toAt: new Date(localInstant(addDays(to, 1), '00:00', tz)).toISOString(),
  };
}

/** Days of the period in order, both ends included. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; dayNumber(d) <= dayNumber(to); d = addDays(d, 1)) out.push(d);
  return out;
}

/** Sums the database grouped by UTC hour ('YYYY-MM-DDTHH'), method and kind. */
export interface HourSum {
  hour: string;
  method: PaymentMethod;
  kind: PaymentKind;
  amount: number;
  count: number;
}

export interface MoneyFigures {
  income: number;
  refunds: number;
  revenue: number;
  count: number;
}
const zero = (): MoneyFigures => ({ income: 0, refunds: 0, revenue: 0, count: 0 });
function add(f: MoneyFigures, kind: PaymentKind, amount: number, count: number) {
  if (kind === 'payment') f.income += amount;
  else f.refunds += amount;
  f.revenue = f.income - f.refunds;
  f.count += count;
}

/**
 * Revenue by clinic-local day and by method. An hour belongs wholly to one local day in every zone
 * whose offset is whole hours (all of Russia's); the database groups by UTC hour so that one SQL
 * serves both engines.
 */
export function revenueByDayAndMethod(rows: readonly HourSum[], from: string, to: string, tz: string) {
  const days = new Map(daysOf(from, to).map((d) => [d, zero()]));
  const methods = new Map<PaymentMethod, MoneyFigures>();
  const total = zero();
  for (const r of rows) {
    if (!isRevenue(r.method)) continue;
    const day = localDateOf(Date.parse(`${r.hour}:00:00.000Z`), tz);
    const d = days.get(day);
    if (d) add(d, r.kind, r.amount, r.count);
    const m = methods.get(r.method) ?? zero();
    add(m, r.kind, r.amount, r.count);
    methods.set(r.method, m);
    add(total, r.kind, r.amount, r.count);
  }
  return {
    byDay: [...days].map(([date, f]) => ({ date, ...f })),
    byMethod: PAYMENT_METHODS.filter((m) => methods.has(m)).map((method) => ({ method, ...methods.get(method)! })),
    total,
  };
}

/**
 * Shares `paid` of a bill among its lines in proportion to their amounts, to the kopeck: floors
 * first, then the kopecks left go to the largest remainders (earlier lines win ties). The shares
 * add up to min(paid, total) exactly.
 */
export function allocatePaid(amounts: readonly number[], paid: number): number[] {
  const total = amounts.reduce((s, a) => s + a, 0);
  const p = Math.max(0, Math.min(paid, total));
  if (total === 0 || p === 0) return amounts.map(() => 0);
  const shares = amounts.map((a) => Math.floor((a * p) / total));
  const rem = amounts.map((a, i) => ({ i, r: (a * p) % total }));
  let left = p - shares.reduce((s, a) => s + a, 0);
  rem.sort((x, y) => y.r - x.r || x.i - y.i);
  for (const { i } of rem) {
    if (left <= 0) break;
    shares[i]!++;
    left--;
  }
  return shares;
}

export interface BilledLine {
  billId: string;
  billTotal: number;
  /** Paid on the bill so far (payments less refunds, any method). */
  billPaid: number;
  doctorId: string | null;
  code: string;
  name: string;
  quantity: number;
  amount: number;
}

export interface BilledFigures {
  billed: number;
  paid: number;
  debt: number;
}

/** Billed and paid by doctor and by service over the lines of the bills issued in the period. */
export function billedBreakdown(lines: readonly BilledLine[]) {
  const byBill = new Map<string, BilledLine[]>();
  for (const l of lines) byBill.set(l.billId, [...(byBill.get(l.billId) ?? []), l]);
  const doctors = new Map<string, BilledFigures & { doctorId: string | null }>();
  const services = new Map<string, BilledFigures & { code: string; name: string; quantity: number }>();
  const total: BilledFigures = { billed: 0, paid: 0, debt: 0 };
  for (const bill of byBill.values()) {
    const shares = allocatePaid(bill.map((l) => l.amount), bill[0]!.billPaid);
    bill.forEach((l, i) => {
      const paid = shares[i]!;
      const dk = l.doctorId ?? '';
      const d = doctors.get(dk) ?? { doctorId: l.doctorId, billed: 0, paid: 0, debt: 0 };
      const sk = `${l.code}\u0000${l.name}`;
      const s = services.get(sk) ?? { code: l.code, name: l.name, quantity: 0, billed: 0, paid: 0, debt: 0 };
      for (const f of [d, s, total]) {
        f.billed += l.amount;
        f.paid += paid;
        f.debt = f.billed - f.paid;
      }
      s.quantity += l.quantity;
      doctors.set(dk, d);
      services.set(sk, s);
    });
  }
  const byBilled = <T extends BilledFigures>(a: T, b: T) => b.billed - a.billed;
  return { byDoctor: [...doctors.values()].sort(byBilled), byService: [...services.values()].sort(byBilled), total };
}
