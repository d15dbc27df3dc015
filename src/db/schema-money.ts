/** The clinic's money at the desk (DESK-4, migration 013): kopecks as integers, instants as ISO UTC. */

export type BillStatus = 'draft' | 'issued' | 'cancelled';
export type BillPayer = 'patient' | 'insurer';
export type PaymentKind = 'payment' | 'refund';
/** 'advance' pays a bill from the patient's credit: no money moves. */
export type PaymentMethod = 'cash' | 'card' | 'transfer' | 'insurer' | 'advance';
export type FiscalOperation = 'sell' | 'sell_return';
export type FiscalStatus = 'pending' | 'sent' | 'done' | 'failed' | 'manual';

/** A cash shift of one branch's desk: opened with the counted float, closed with the count. */
export interface CashShiftsTable {
  id: string;
  clinic_id: string;
  branch_id: string;
  number: number;
  opened_by: string;
  opened_at: string;
  opening_float: number;
  closed_by: string | null;
  closed_at: string | null;
  counted_cash: number | null;
  expected_cash: number | null;
  /** counted − expected: negative is a shortage; recorded, never hidden. */
  discrepancy: number | null;
  close_note: string | null;
}

/** A bill of a visit (or of the patient without one): draft → issued (frozen) → cancelled. */
export interface BillsTable {
  id: string;
  clinic_id: string;
  branch_id: string;
  patient_id: string;
  appointment_id: string | null;
  number: number;
  status: BillStatus;
  payer: BillPayer;
  /** Sum of the lines' amounts (after discounts). */
  total: number;
  discount_total: number;
  note: string | null;
  created_by: string;
  created_at: string;
  issued_by: string | null;
  issued_at: string | null;
  cancelled_by: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  updated_at: string;
}

/** A line of a bill; code, name and price are snapshots of the price list. */
export interface BillLinesTable {
  id: string;
  clinic_id: string;
  bill_id: string;
  position: number;
  price_item_id: string | null;
  price_version_id: string | null;
  code: string;
  name: string;
  unit_price: number;
  quantity: number;
  /** Kopecks off the line (unit_price × quantity − discount = amount). */
  discount: number;
  discount_reason: string | null;
  amount: number;
  doctor_id: string | null;
  /** A staff user (users.id). */
  assistant_id: string | null;
  tooth: string | null;
}

/** Money in (payment) or out (refund); bill_id null = an advance onto the patient's balance. */
export interface PaymentsTable {
  id: string;
  clinic_id: string;
  branch_id: string;
  patient_id: string;
  bill_id: string | null;
  shift_id: string | null;
  /** The receipt number, per clinic. */
  number: number;
  kind: PaymentKind;
  method: PaymentMethod;
  amount: number;
  refund_of: string | null;
  reason: string | null;
  /** Who paid when not the patient (the tax-deduction certificate names the payer). */
  payer_name: string | null;
  created_by: string;
  created_at: string;
}

/** A fiscal document waiting for the online cash register (54-FZ), one per cash/card payment or refund. */
export interface FiscalOutboxTable {
  id: string;
  clinic_id: string;
  payment_id: string;
  operation: FiscalOperation;
  /** JSON of FiscalDocument (src/domain/fiscal-document.ts). */
  payload_json: string;
  status: FiscalStatus;
  attempts: number;
  last_error: string | null;
  fiscal_sign: string | null;
  created_at: string;
  updated_at: string;
}
