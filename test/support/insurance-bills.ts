import type { Db } from '../../src/db/connect.js';
import { newId } from '../../src/db/ids.js';

/** Writes an issued bill with lines straight into the tables of 013-money (the bill flow is tested elsewhere). */
export async function issuedBill(db: Db, o: {
  clinicId: string; branchId: string; patientId: string; userId: string; number: number; issuedAt: string;
  lines: { code: string; name: string; unitPrice: number; quantity: number; doctorId?: string | null }[];
}): Promise<{ id: string; total: number }> {
  const id = newId();
  const total = o.lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
  await db.insertInto('bills').values({
    id, clinic_id: o.clinicId, branch_id: o.branchId, patient_id: o.patientId, appointment_id: null, number: o.number, status: 'issued', payer: 'patient',
    total, discount_total: 0, note: null, created_by: o.userId, created_at: o.issuedAt, issued_by: o.userId, issued_at: o.issuedAt,
    cancelled_by: null, cancelled_at: null, cancel_reason: null, updated_at: o.issuedAt,
  }).execute();
  let position = 0;
  for (const l of o.lines) {
    await db.insertInto('bill_lines').values({
      id: newId(), clinic_id: o.clinicId, bill_id: id, position: ++position, price_item_id: null, price_version_id: null, code: l.code, name: l.name,
      unit_price: l.unitPrice, quantity: l.quantity, discount: 0, discount_reason: null, amount: l.unitPrice * l.quantity, doctor_id: l.doctorId ?? null, assistant_id: null, tooth: null,
    }).execute();
  }
  return { id, total };
}

/** A payment or refund straight into `payments`. */
export async function payment(db: Db, o: { clinicId: string; branchId: string; patientId: string; userId: string; number: number; at: string; kind: 'payment' | 'refund'; method: 'cash' | 'card' | 'transfer' | 'insurer' | 'advance'; amount: number; billId?: string | null }) {
  await db.insertInto('payments').values({
    id: newId(), clinic_id: o.clinicId, branch_id: o.branchId, patient_id: o.patientId, bill_id: o.billId ?? null, shift_id: null, number: o.number, kind: o.kind,
    method: o.method, amount: o.amount, refund_of: null, reason: o.kind === 'refund' ? 'возврат' : null, payer_name: null, created_by: o.userId, created_at: o.at,
  }).execute();
}
