import { z } from 'zod';
import { MAX_AMOUNT, MAX_QUANTITY } from '../domain/money.js';
import { Id, IsoDate, LIMITS, OptText, Text } from './common.js';

/** An amount in kopecks the desk enters: whole, above zero, at most 10 million rubles. */
export const Amount = z.number().int().min(1).max(MAX_AMOUNT);
/** A counted sum (float, the drawer's count): zero allowed. */
export const Counted = z.number().int().min(0).max(MAX_AMOUNT);
const Tooth = z.string().trim().max(16);

export const BillStatusEnum = z.enum(['draft', 'issued', 'cancelled']);
export const PaymentMethodEnum = z.enum(['cash', 'card', 'transfer', 'insurer', 'advance']);

export const BillLineInput = z.strictObject({
  priceItemId: Id,
  /** Kopecks; required for a service priced as a range, otherwise the list's price is taken. */
  unitPrice: z.number().int().min(0).max(MAX_AMOUNT).optional(),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  tooth: Tooth.nullable().optional(),
  /** The visit's doctor when omitted. */
  doctorId: Id.nullable().optional(),
  assistantId: Id.nullable().optional(),
  /** Needs the cash.discount permission and a reason. */
  discount: z.strictObject({ kind: z.enum(['sum', 'percent']), value: z.number().int().min(0).max(MAX_AMOUNT) }).nullable().optional(),
  discountReason: OptText(LIMITS.shortText),
});

export const BillLinesInput = z.strictObject({ lines: z.array(BillLineInput).max(100), note: OptText(LIMITS.shortText) });

export const BillCreate = z.strictObject({
  /** The visit billed; its patient, branch and date. */
  appointmentId: Id,
});

export const BillCancel = z.strictObject({ reason: Text(LIMITS.shortText) });

export const BillLine = z.object({
  id: z.string(),
  position: z.number(),
  priceItemId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  unitPrice: z.number(),
  quantity: z.number(),
  discount: z.number(),
  discountReason: z.string().nullable(),
  amount: z.number(),
  doctorId: z.string().nullable(),
  doctorName: z.string().nullable(),
  assistantId: z.string().nullable(),
  assistantName: z.string().nullable(),
  tooth: z.string().nullable(),
});

export const Bill = z.object({
  id: z.string(),
  number: z.number(),
  status: BillStatusEnum,
  payer: z.enum(['patient', 'insurer']),
  patientId: z.string(),
  patientName: z.string(),
  branchId: z.string(),
  appointmentId: z.string().nullable(),
  visitDate: z.string().nullable(),
  total: z.number(),
  discountTotal: z.number(),
  paid: z.number(),
  outstanding: z.number(),
  note: z.string().nullable(),
  createdAt: z.string(),
  issuedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  lines: z.array(BillLine),
});
export type BillT = z.infer<typeof Bill>;
export const VisitBill = z.object({ bill: Bill.nullable() });

export const PaymentInput = z.strictObject({
  patientId: Id,
  /** Null or absent: an advance onto the patient's balance. */
  billId: Id.nullable().optional(),
  /** The branch whose desk takes it; the bill's branch when omitted. Required for an advance. */
  branchId: Id.optional(),
  method: PaymentMethodEnum.exclude(['insurer']),
  amount: Amount,
  /** Who paid, when not the patient (the tax-deduction certificate names the payer). */
  payerName: OptText(LIMITS.name),
});

export const RefundInput = z.strictObject({ amount: Amount, reason: Text(LIMITS.shortText) });

export const Payment = z.object({
  id: z.string(),
  number: z.number(),
  kind: z.enum(['payment', 'refund']),
  method: PaymentMethodEnum,
  amount: z.number(),
  billId: z.string().nullable(),
  billNumber: z.number().nullable(),
  patientId: z.string(),
  patientName: z.string(),
  branchId: z.string(),
  shiftId: z.string().nullable(),
  refundOf: z.string().nullable(),
  reason: z.string().nullable(),
  payerName: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  cashierName: z.string(),
  /** What may still be refunded of this payment (0 for a refund). */
  refundable: z.number(),
});
export type PaymentT = z.infer<typeof Payment>;

export const PatientMoney = z.object({
  /** Positive: credit; negative: debt. */
  balance: z.number(),
  /** Credit free to pay a bill with. */
  credit: z.number(),
  /** Owed on issued bills. */
  debt: z.number(),
  bills: z.array(Bill),
  payments: z.array(Payment),
});

export const ShiftOpen = z.strictObject({ branchId: Id, openingFloat: Counted });
export const ShiftClose = z.strictObject({ countedCash: Counted, note: OptText(LIMITS.shortText) });
export const ShiftQuery = z.strictObject({ branchId: Id });
export const ShiftListQuery = z.strictObject({ branchId: Id.optional(), limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).optional() });

export const ShiftReportRow = z.object({
  method: PaymentMethodEnum, createdBy: z.string(), cashierName: z.string(), paymentsCount: z.number(), refundsCount: z.number(),
  income: z.number(), refunds: z.number(), net: z.number(),
});
export const Shift = z.object({
  id: z.string(),
  number: z.number(),
  branchId: z.string(),
  branchName: z.string(),
  openedAt: z.string(),
  openedBy: z.string(),
  openedByName: z.string(),
  openingFloat: z.number(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  countedCash: z.number().nullable(),
  expectedCash: z.number(),
  discrepancy: z.number().nullable(),
  closeNote: z.string().nullable(),
  report: z.object({
    rows: z.array(ShiftReportRow),
    income: z.number(), refunds: z.number(), net: z.number(), cashIn: z.number(), cashOut: z.number(), expectedCash: z.number(),
  }),
  payments: z.array(Payment),
});
export type ShiftT = z.infer<typeof Shift>;
export const CurrentShift = z.object({ shift: Shift.nullable() });
export const ShiftList = z.object({ items: z.array(Shift.omit({ payments: true })) });

export const DebtsQuery = z.strictObject({ date: IsoDate });
/** Patients with a visit that day and a debt or a credit: the schedule marks them. */
export const DayBalances = z.object({ items: z.array(z.object({ patientId: z.string(), balance: z.number() })) });
