import type { BillRow, LineRow } from '../db/repos/bills.repo.js';
import type { PaymentRow } from '../db/repos/payments.repo.js';
import { billOutstanding, refundable, type BillStatus } from '../domain/money.js';
import { fullName, shortName } from '../domain/names.js';

/** A bill as the API shows it, with what has been paid and what is owed. */
export function billView(b: BillRow, lines: LineRow[], paid: number) {
  const total = Number(b.total);
  return {
    id: b.id,
    number: b.number,
    status: b.status,
    payer: b.payer,
    patientId: b.patient_id,
    patientName: fullName({ surname: b.surname, firstName: b.first_name, patronymic: b.patronymic }),
    branchId: b.branch_id,
    appointmentId: b.appointment_id,
    visitDate: b.visit_date ?? null,
    total,
    discountTotal: Number(b.discount_total),
    paid,
    outstanding: billOutstanding({ status: b.status as BillStatus, total }, paid),
    note: b.note,
    createdAt: b.created_at,
    issuedAt: b.issued_at,
    cancelledAt: b.cancelled_at,
    cancelReason: b.cancel_reason,
    lines: lines.filter((l) => l.bill_id === b.id).map((l) => ({
      id: l.id,
      position: l.position,
      priceItemId: l.price_item_id,
      code: l.code,
      name: l.name,
      unitPrice: Number(l.unit_price),
      quantity: l.quantity,
      discount: Number(l.discount),
      discountReason: l.discount_reason,
      amount: Number(l.amount),
      doctorId: l.doctor_id,
      doctorName: l.d_surname ? shortName({ surname: l.d_surname, firstName: l.d_first ?? '', patronymic: l.d_patronymic }) : null,
      assistantId: l.assistant_id,
      assistantName: l.assistant_name ?? null,
      tooth: l.tooth,
    })),
  };
}

/** A payment or refund as the API shows it. `credit`: the patient's free credit (limits an advance's refund). */
export function paymentView(m: PaymentRow, credit: number) {
  const amount = Number(m.amount);
  return {
    id: m.id,
    number: m.number,
    kind: m.kind,
    method: m.method,
    amount,
    billId: m.bill_id,
    billNumber: m.bill_number ?? null,
    patientId: m.patient_id,
    patientName: fullName({ surname: m.surname, firstName: m.first_name, patronymic: m.patronymic }),
    branchId: m.branch_id,
    shiftId: m.shift_id,
    refundOf: m.refund_of,
    reason: m.reason,
    payerName: m.payer_name,
    createdAt: m.created_at,
    createdBy: m.created_by,
    cashierName: m.cashier_name,
    refundable: m.kind === 'payment' ? refundable({ amount, billId: m.bill_id, method: m.method }, Number(m.refunded), credit) : 0,
  };
}
