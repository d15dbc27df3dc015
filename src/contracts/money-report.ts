import { z } from 'zod';
import { PAYMENT_KINDS, PAYMENT_METHODS } from '../domain/money.js';
import { Id, IsoDate, LIMITS } from './common.js';

/** The owner's view of money (DESK-4): revenue, billed against paid, debts, the shift reports. */
export const Method = z.enum(PAYMENT_METHODS);
export const Kind = z.enum(PAYMENT_KINDS);

export const PeriodQuery = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  branchId: Id.optional(),
});

const Figures = { income: z.number().int(), refunds: z.number().int(), revenue: z.number().int(), count: z.number().int() };
const Billed = { billed: z.number().int(), paid: z.number().int(), debt: z.number().int() };

export const MoneyReport = z.object({
  from: IsoDate,
  to: IsoDate,
  timeZone: z.string(),
  total: z.object(Figures),
  billedTotal: z.object(Billed),
  byDay: z.array(z.object({ date: IsoDate, ...Figures })),
  byMethod: z.array(z.object({ method: Method, ...Figures })),
  byDoctor: z.array(z.object({ doctorId: Id.nullable(), name: z.string(), ...Billed })),
  byService: z.array(z.object({ code: z.string(), name: z.string(), quantity: z.number().int(), ...Billed })),
});
export type MoneyReport = z.infer<typeof MoneyReport>;

export const DebtsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).optional() });
export const Debtor = z.object({
  patientId: Id,
  cardNumber: z.number().int(),
  name: z.string(),
  debt: z.number().int(),
  unpaidBills: z.number().int(),
  oldestBill: z.object({ id: Id, number: z.number().int(), issuedAt: z.string(), owed: z.number().int() }).nullable(),
  lastVisit: IsoDate.nullable(),
  phone: z.string().nullable(),
});
export const DebtList = z.object({ items: z.array(Debtor), total: z.number().int() });
export type Debtor = z.infer<typeof Debtor>;

const MethodSums = z.object({ method: Method, income: z.number().int(), refunds: z.number().int(), net: z.number().int() });
export const ShiftSummary = z.object({
  id: Id,
  number: z.number().int(),
  branchId: Id,
  branchName: z.string(),
  openedBy: z.string(),
  openedAt: z.string(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  openingFloat: z.number().int(),
  /** Float + cash in − cash given back (live while the shift is open). */
  expectedCash: z.number().int(),
  countedCash: z.number().int().nullable(),
  discrepancy: z.number().int().nullable(),
  note: z.string().nullable(),
  income: z.number().int(),
  refunds: z.number().int(),
  byMethod: z.array(MethodSums),
  byAdministrator: z.array(z.object({ userId: Id, name: z.string(), method: Method, payments: z.number().int(), refundsCount: z.number().int(), income: z.number().int(), refunds: z.number().int(), net: z.number().int() })),
});
export const ShiftList = z.object({ items: z.array(ShiftSummary), discrepancyTotal: z.number().int() });
export type ShiftSummary = z.infer<typeof ShiftSummary>;

export const PaymentListQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  method: Method.optional(),
  kind: Kind.optional(),
  shiftId: Id.optional(),
  branchId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export const PaymentListItem = z.object({
  id: Id,
  number: z.number().int(),
  kind: Kind,
  method: Method,
  amount: z.number().int(),
  at: z.string(),
  reason: z.string().nullable(),
  patientId: Id,
  patientName: z.string(),
  billNumber: z.number().int().nullable(),
  by: z.string(),
});
export const PaymentList = z.object({ items: z.array(PaymentListItem), total: z.number().int() });

export const BilledLinesQuery = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  branchId: Id.optional(),
  /** A doctor's lines; 'none' for lines without a doctor. */
  doctorId: z.union([Id, z.literal('none')]).optional(),
  code: z.string().max(LIMITS.shortText).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export const BilledLine = z.object({
  billId: Id,
  billNumber: z.number().int(),
  issuedAt: z.string(),
  patientId: Id,
  patientName: z.string(),
  code: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  amount: z.number().int(),
  doctorName: z.string().nullable(),
});
export const BilledLineList = z.object({ items: z.array(BilledLine), total: z.number().int() });

export const EXPORT_TABLES = ['days', 'methods', 'doctors', 'services', 'debts', 'shifts', 'payments'] as const;
export const MoneyExportQuery = z.strictObject({
  table: z.enum(EXPORT_TABLES),
  from: IsoDate,
  to: IsoDate,
  branchId: Id.optional(),
});
