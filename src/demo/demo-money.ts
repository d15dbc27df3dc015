/**
 * The demo clinic's money (DESK-4): bills for the past finished visits from the demo price list,
 * payments in cash and by card (a few transfers), part payments that leave debts, advances paid
 * later from the balance, a few refunds and discounts with reasons, a cash shift per branch and
 * day (float, count, two small discrepancies with notes) and the fiscal outbox (mostly punched,
 * today's waiting). Every sum follows the money rules of src/domain/money.ts: line amounts,
 * bill totals, what a bill may still take, the shift's expected cash.
 */
import type { Insertable } from 'kysely';
import { fiscalDocument, fiscalItems } from '../domain/fiscal-document.js';
import { billTotals, isFiscal, lineAmount, percentDiscount, shiftReport, type PaymentMethod } from '../domain/money.js';
import { versionAt } from '../domain/prices.js';
import type { BillLinesTable, BillsTable, CashShiftsTable, FiscalOutboxTable, PaymentsTable, PriceItemsTable, PriceVersionsTable } from '../db/schema.js';
import type { Desk } from './demo-desk.js';
import type { DemoPatient } from './demo-patients.js';
import type { Rng } from './demo-random.js';
import type { DemoAppointment } from './demo-schedule.js';
import type { Practice } from './demo-staff.js';
import { iso } from './demo-time.js';

const MIN = 60_000;

/** What a visit of a kind with a doctor of a practice usually bills: alternatives per line, null = the line is sometimes left out. */
const TEMPLATES: Record<Practice, Record<string, (string | null)[][]>> = {
  therapist: {
    primary: [['К-01'], ['Р-01', 'Р-02'], ['К-08', null]],
    repeat: [['А-02'], ['Т-01', 'Т-02', 'Т-02', 'Т-06', 'Э-01', 'Т-04'], ['Р-01', null, null]],
    checkup: [['К-02'], ['Г-02', null]],
    urgent: [['Р-01'], ['А-02'], ['Э-04', 'Т-05']],
  },
  surgeon: {
    primary: [['К-03'], ['Р-02', 'Р-03']],
    repeat: [['А-02', 'А-03'], ['Х-01', 'Х-02', 'Х-02', 'И-02', 'Х-06']],
    checkup: [['К-03']],
    urgent: [['Р-01'], ['А-03'], ['Х-05', 'Х-01']],
  },
  orthopedist: {
    primary: [['К-04'], ['О-09', null]],
    repeat: [['О-01', 'О-02', 'О-04', 'О-10', 'О-09']],
    checkup: [['К-04']],
    urgent: [['О-10']],
  },
  orthodontist: {
    primary: [['К-05'], ['ОД-01', null]],
    repeat: [['ОД-04']],
    checkup: [['К-06']],
    urgent: [['ОД-04']],
  },
  hygienist: {
    primary: [['Г-01'], ['Г-04', null]],
    repeat: [['Г-01'], ['Г-03', null]],
    checkup: [['Г-01'], ['Г-03', null]],
    urgent: [['Г-02']],
  },
  pediatric: {
    primary: [['К-07'], ['Д-01', null]],
    repeat: [['Д-03', 'Д-02', 'Д-06', 'Д-05', 'Д-04']],
    checkup: [['Д-07'], ['Д-06', null]],
    urgent: [['Д-05', 'Д-04']],
  },
};

const DISCOUNT_REASONS = ['Пенсионер: скидка 10 % по прайсу клиники', 'Повторное лечение в гарантийный срок: скидка 10 %', 'Сотрудник клиники: скидка 10 %'] as const;
const REFUND_REASONS = [
  'Пациент отказался от второго этапа лечения, возврат за неоказанную услугу',
  'Ошибочно пробита лишняя услуга (повторная консультация не оплачивается)',
  'Перенос лечения в другую клинику по месту жительства, возврат аванса',
] as const;
const DISCREPANCIES = [
  { amount: -10000, note: 'Недостача 100 ₽: при пересчёте сдачи ошиблись с купюрой, разобрано с администратором' },
  { amount: 5000, note: 'Излишек 50 ₽: пациент не забрал сдачу, сумма оприходована' },
] as const;

export interface DemoMoneyInput {
  rng: Rng;
  desk: Desk;
  nowMs: number;
  today: string;
  clinicId: string;
  legalName: string;
  /** Branch id → address, practice per doctor id. */
  branches: readonly { id: string; address: string }[];
  practiceOf: ReadonlyMap<string, Practice>;
  appointments: readonly DemoAppointment[];
  patients: readonly DemoPatient[];
  userNames: ReadonlyMap<string, string>;
  prices: { items: readonly Insertable<PriceItemsTable>[]; versions: readonly Insertable<PriceVersionsTable>[] };
  id: () => string;
}

interface Move {
  row: Insertable<PaymentsTable>;
  ms: number;
  billRef: { number: number; total: number; lines: { name: string; unitPrice: number; quantity: number; amount: number }[] } | null;
}

/** The demo's money rows; counters give the next numbers of bills, receipts and shifts. */
export function generateDemoMoney(d: DemoMoneyInput) {
  const rng = d.rng;
  // The teeth of the lines come from their own stream, so the rest of the money data is drawn as before.
  const teeth = rng.fork('teeth');
  const bills: Insertable<BillsTable>[] = [];
  const lines: Insertable<BillLinesTable>[] = [];
  const moves: Move[] = [];
  const itemByCode = new Map(d.prices.items.map((i) => [i.code, i]));
  const versionsOf = new Map<string, { validFrom: string; priceMin: number; priceMax: number | null; id: string }[]>();
  for (const v of d.prices.versions) {
    versionsOf.set(v.item_id, [...(versionsOf.get(v.item_id) ?? []), { validFrom: v.valid_from, priceMin: Number(v.price_min), priceMax: v.price_max === null || v.price_max === undefined ? null : Number(v.price_max), id: v.id }]);
  }
  const patientIndex = new Map(d.patients.map((p, i) => [p.row.id, i]));
  const done = d.appointments
    .filter((a) => a.row.status === 'done' && Date.parse(a.row.ends_at) + 10 * MIN <= d.nowMs)
    .sort((a, b) => Date.parse(a.row.ends_at) - Date.parse(b.row.ends_at));
  let refundsLeft = 3;
  let discountsLeft = 6;
  const advanceTodo: { patientId: string; ms: number; amount: number; branchId: string; for: string }[] = [];

  for (const a of done) {
    // Some visits stay unbilled here: free follow-ups, and what the insurance demo bills to the insurer.
    if (rng.chance(0.1)) continue;
    const practice = d.practiceOf.get(a.row.doctor_id) ?? 'therapist';
    const template = TEMPLATES[practice][a.row.kind] ?? TEMPLATES[practice].repeat!;
    const date = a.row.local_date;
    const billId = d.id();
    const billLines: Insertable<BillLinesTable>[] = [];
    for (const alternatives of template) {
      const code = rng.pick(alternatives);
      if (!code) continue;
      const item = itemByCode.get(code);
      const v = item ? versionAt(versionsOf.get(item.id) ?? [], date) : null;
      if (!item || !v) continue;
      // A price range: the doctor's choice inside it, to the hundred rubles.
      const unitPrice = v.priceMax === null ? v.priceMin : v.priceMin + Math.round((rng.next() * (v.priceMax - v.priceMin)) / 10000) * 10000;
      const quantity = code === 'Э-01' || code === 'Д-06' ? rng.int(1, 3) : 1;
      let discount = 0;
      let discountReason: string | null = null;
      if (unitPrice >= 300000 && discountsLeft > 0 && rng.chance(0.02)) {
        discountsLeft--;
        discount = percentDiscount(unitPrice * quantity, 10);
        discountReason = rng.pick(DISCOUNT_REASONS);
      }
      billLines.push({
        id: d.id(), clinic_id: d.clinicId, bill_id: billId, position: billLines.length + 1, price_item_id: item.id, price_version_id: v.id,
        code, name: item.name, unit_price: unitPrice, quantity, discount, discount_reason: discountReason,
        amount: lineAmount({ unitPrice, quantity, discount }), doctor_id: a.row.doctor_id, assistant_id: null, tooth: demoTooth(code, teeth),
      });
    }
    const totals = billTotals(billLines.map((l) => ({ unitPrice: Number(l.unit_price), quantity: Number(l.quantity), discount: Number(l.discount) })));
    if (!billLines.length || totals.total === 0) continue;
    const issuedMs = Date.parse(a.row.ends_at) + rng.int(2, 8) * MIN;
    const admin = d.desk.adminAt(issuedMs);
    const number = bills.length + 1;
    bills.push({
      id: billId, clinic_id: d.clinicId, branch_id: a.row.branch_id, patient_id: a.row.patient_id, appointment_id: a.row.id, number, status: 'issued',
      payer: 'patient', total: totals.total, discount_total: totals.discountTotal, note: null, created_by: admin, created_at: iso(issuedMs - 2 * MIN),
      issued_by: admin, issued_at: iso(issuedMs), cancelled_by: null, cancelled_at: null, cancel_reason: null, updated_at: iso(issuedMs),
    });
    lines.push(...billLines);
    const billRef = { number, total: totals.total, lines: billLines.map((l) => ({ name: l.name, unitPrice: Number(l.unit_price), quantity: Number(l.quantity), amount: Number(l.amount) })) };
    const pay = (ms: number, method: PaymentMethod, amount: number, ref: Move['billRef']) =>
      moves.push({
        ms, billRef: ref,
        row: {
          id: d.id(), clinic_id: d.clinicId, branch_id: a.row.branch_id, patient_id: a.row.patient_id, bill_id: billId, shift_id: null, number: 0, kind: 'payment',
          method, amount, refund_of: null, reason: null, payer_name: null, created_by: d.desk.adminAt(ms), created_at: iso(ms),
        },
      });
    const payMs = issuedMs + rng.int(1, 4) * MIN;
    const roll = rng.next();
    const big = totals.total >= 2000000;
    if (big && rng.chance(0.35)) {
      // A big job: the patient had paid an advance by transfer a week before; the bill is paid from the balance.
      advanceTodo.push({ patientId: a.row.patient_id, ms: payMs - rng.int(5, 9) * 86_400_000, amount: totals.total, branchId: a.row.branch_id, for: billId });
      pay(payMs, 'advance', totals.total, billRef);
    } else if (roll < 0.86) {
      pay(payMs, rng.weighted([['cash', 42], ['card', 54], ['transfer', 4]] as const), totals.total, billRef);
    } else if (roll < 0.95) {
      // A part payment now; most pay the rest at a later visit, some still owe.
      const part = Math.max(10000, Math.floor(totals.total / 2 / 10000) * 10000);
      if (part >= totals.total) {
        pay(payMs, 'cash', totals.total, billRef);
        continue;
      }
      pay(payMs, rng.chance(0.5) ? 'cash' : 'card', part, { ...billRef, total: totals.total });
      const laterMs = payMs + rng.int(3, 20) * 86_400_000;
      if (rng.chance(0.55) && laterMs < d.nowMs - 60 * MIN && d.desk.isOpen(d.desk.clock.localDate(laterMs))) {
        const onDesk = d.desk.clock.toUtcMs(d.desk.clock.localDate(laterMs), 11 * 60 + rng.int(0, 300));
        if (onDesk < d.nowMs) pay(onDesk, 'card', totals.total - part, billRef);
      }
    }
    // Otherwise (about one in twenty) nothing is paid yet: a debt for the owner's list.
  }

  // Advances: money in before the visit, with no bill.
  for (const adv of advanceTodo) {
    const date = d.desk.clock.localDate(adv.ms);
    const ms = d.desk.isOpen(date) ? d.desk.clock.toUtcMs(date, 12 * 60 + rng.int(0, 240)) : adv.ms;
    moves.push({
      ms, billRef: null,
      row: {
        id: d.id(), clinic_id: d.clinicId, branch_id: adv.branchId, patient_id: adv.patientId, bill_id: null, shift_id: null, number: 0, kind: 'payment',
        method: d.desk.isOpen(date) ? 'card' : 'transfer', amount: adv.amount, refund_of: null, reason: null, payer_name: null, created_by: d.desk.adminAt(ms), created_at: iso(ms),
      },
    });
  }
  // A few refunds with reasons, of card or cash payments on bills, a day or two later.
  for (const m of [...moves].filter((x) => x.row.bill_id && isFiscal(x.row.method as PaymentMethod) && x.ms < d.nowMs - 5 * 86_400_000)) {
    if (refundsLeft === 0) break;
    if (!rng.chance(0.01)) continue;
    refundsLeft--;
    const amount = Math.min(Number(m.row.amount), rng.pick([50000, 80000, 150000]));
    const date = d.desk.clock.localDate(m.ms + 86_400_000);
    if (!d.desk.isOpen(date)) continue;
    const ms = d.desk.clock.toUtcMs(date, 10 * 60 + rng.int(10, 200));
    moves.push({
      ms, billRef: { number: m.billRef!.number, total: amount, lines: [] },
      row: { ...m.row, id: d.id(), kind: 'refund', amount, refund_of: m.row.id, reason: REFUND_REASONS[2 - refundsLeft] ?? REFUND_REASONS[0], created_by: d.desk.adminAt(ms), created_at: iso(ms) },
    });
  }
  moves.sort((x, y) => x.ms - y.ms);
  moves.forEach((m, i) => (m.row.number = i + 1));

  // Cash shifts: one per branch and open day that took cash or card.
  const shifts: Insertable<CashShiftsTable>[] = [];
  const byShift = new Map<string, Move[]>();
  for (const m of moves) {
    if (!isFiscal(m.row.method as PaymentMethod)) continue;
    const key = `${m.row.branch_id}|${d.desk.clock.localDate(m.ms)}`;
    byShift.set(key, [...(byShift.get(key) ?? []), m]);
  }
  const today = d.today;
  let discrepancyIdx = 0;
  const keys = [...byShift.keys()].sort((a, b) => a.split('|')[1]!.localeCompare(b.split('|')[1]!) || a.localeCompare(b));
  for (const key of keys) {
    const [branchId, date] = key.split('|') as [string, string];
    const mine = byShift.get(key)!;
    const hours = d.desk.hours(date) ?? [9 * 60, 21 * 60];
    const openMs = Math.min(d.desk.clock.toUtcMs(date, hours[0] - rng.int(10, 25)), mine[0]!.ms - MIN);
    const closeMs = Math.max(d.desk.clock.toUtcMs(date, hours[1] + rng.int(5, 20)), mine.at(-1)!.ms + MIN);
    const id = d.id();
    for (const m of mine) m.row.shift_id = id;
    const float = rng.pick([300000, 500000, 500000]);
    const report = shiftReport(float, mine.map((m) => ({ kind: m.row.kind!, method: m.row.method as PaymentMethod, amount: Number(m.row.amount), createdBy: m.row.created_by })));
    const open = date === today && closeMs > d.nowMs;
    const disc = !open && date !== today && discrepancyIdx < DISCREPANCIES.length && rng.chance(0.03) ? DISCREPANCIES[discrepancyIdx++]! : null;
    shifts.push({
      id, clinic_id: d.clinicId, branch_id: branchId, number: 0, opened_by: d.desk.adminAt(openMs), opened_at: iso(openMs), opening_float: float,
      closed_by: open ? null : d.desk.adminAt(closeMs - 30 * MIN), closed_at: open ? null : iso(closeMs),
      counted_cash: open ? null : report.expectedCash + (disc?.amount ?? 0), expected_cash: open ? null : report.expectedCash,
      discrepancy: open ? null : (disc?.amount ?? 0), close_note: disc?.note ?? null,
    });
  }
  shifts.sort((a, b) => a.opened_at.localeCompare(b.opened_at));
  shifts.forEach((s, i) => (s.number = i + 1));

  // The fiscal outbox: one receipt per cash or card move; the register punched all but today's last few.
  const addressOf = new Map(d.branches.map((b) => [b.id, b.address]));
  const fiscal: Insertable<FiscalOutboxTable>[] = [];
  const fiscalMoves = moves.filter((m) => isFiscal(m.row.method as PaymentMethod));
  fiscalMoves.forEach((m, i) => {
    const p = d.patients[patientIndex.get(m.row.patient_id) ?? -1];
    const amount = Number(m.row.amount);
    const items = m.row.kind === 'refund' ? fiscalItems(amount, { number: m.billRef!.number, total: Number.MAX_SAFE_INTEGER, lines: [] }) : fiscalItems(amount, m.billRef);
    const doc = fiscalDocument({
      operation: m.row.kind === 'refund' ? 'sell_return' : 'sell', receiptNumber: m.row.number, at: m.row.created_at, method: m.row.method as PaymentMethod, amount, items,
      cashier: d.userNames.get(m.row.created_by) ?? '', email: p?.row.email ?? null, phone: p?.phones[0]?.number ?? null,
      clinic: { legalName: d.legalName, address: addressOf.get(m.row.branch_id) ?? '' },
    });
    // The register lost its connection after the last four receipts (today's, or the last working day's just after midnight): they wait in the outbox.
    const waiting = i >= fiscalMoves.length - 4;
    const sentMs = m.ms + rng.int(3, 40) * 1000;
    fiscal.push({
      id: d.id(), clinic_id: d.clinicId, payment_id: m.row.id, operation: doc.operation, payload_json: JSON.stringify(doc),
      status: waiting ? 'pending' : 'done', attempts: waiting ? 0 : 1, last_error: null,
      fiscal_sign: waiting ? null : `ФД ${1000 + i}, ФП ${String(1000000000 + Math.floor(rng.next() * 8999999999)).slice(0, 10)}`,
      created_at: m.row.created_at, updated_at: waiting ? m.row.created_at : iso(sentMs),
    });
  });

  return {
    bills, lines, payments: moves.map((m) => m.row), shifts, fiscal,
    counters: [
      { clinic_id: d.clinicId, name: 'bill', value: bills.length },
      { clinic_id: d.clinicId, name: 'receipt', value: moves.length },
      { clinic_id: d.clinicId, name: 'cash_shift', value: shifts.length },
    ],
  };
}

/** A tooth (FDI) for a line of work on one tooth: a milk tooth (51–85) for the children's lines, a permanent one otherwise; null for the rest. */
export function demoTooth(code: string, rng: Rng): string | null {
  if (/^Д-0[2-5]$/.test(code)) return `${rng.int(5, 8)}${rng.int(1, 5)}`;
  if (/^(Т-0[1-7]|Э-0[1-6]|О-0[1-5]|Х-0[1-37]|И-0[1-2])$/.test(code)) return `${rng.int(1, 4)}${rng.int(1, 7)}`;
  return null;
}
