import { sql, type Insertable } from 'kysely';
import type { Db, Dialect } from '../connect.js';
import type { FiscalOutboxTable, PaymentsTable } from '../schema.js';

/**
 * Serialises money writes of one patient: on PostgreSQL the patient's row is locked for the
 * transaction (two desks paying the same bill cannot both pass the «not more than owed» check);
 * SQLite's BEGIN IMMEDIATE already runs write transactions one at a time.
 */
export async function lockPatient(trx: Db, dialect: Dialect, clinicId: string, patientId: string) {
  let q = trx.selectFrom('patients').select('id').where('clinic_id', '=', clinicId).where('id', '=', patientId);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertPayment(trx: Db, row: Insertable<PaymentsTable>) {
  await trx.insertInto('payments').values(row).execute();
}

export async function insertFiscal(trx: Db, row: Insertable<FiscalOutboxTable>) {
  await trx.insertInto('fiscal_outbox').values(row).execute();
}

/** Payments with the patient's and the cashier's names and the bill's number. */
function paymentQuery(db: Db, clinicId: string) {
  return db
    .selectFrom('payments as m')
    .innerJoin('patients as p', 'p.id', 'm.patient_id')
    .innerJoin('users as u', 'u.id', 'm.created_by')
    .leftJoin('bills as b', 'b.id', 'm.bill_id')
    .selectAll('m')
    .select([
      'p.surname', 'p.first_name', 'p.patronymic', 'p.card_number', 'p.email', 'u.full_name as cashier_name', 'b.number as bill_number',
      sql<string>`(select coalesce(sum(r.amount), 0) from payments r where r.refund_of = m.id)`.as('refunded'),
    ])
    .where('m.clinic_id', '=', clinicId);
}
export type PaymentRow = Awaited<ReturnType<typeof getPayment>> & object;

export async function getPayment(db: Db, clinicId: string, id: string) {
  return paymentQuery(db, clinicId).where('m.id', '=', id).executeTakeFirst();
}

export async function paymentsOfPatient(db: Db, clinicId: string, patientId: string, limit = 500) {
  return paymentQuery(db, clinicId).where('m.patient_id', '=', patientId).orderBy('m.created_at', 'desc').orderBy('m.number', 'desc').limit(limit).execute();
}

export async function paymentsOfShift(db: Db, clinicId: string, shiftId: string) {
  return paymentQuery(db, clinicId).where('m.shift_id', '=', shiftId).orderBy('m.number').execute();
}

/** Every payment and refund of a patient, as the balance rules read them. */
export async function movesOfPatient(db: Db, clinicId: string, patientId: string) {
  const rows = await db.selectFrom('payments').select(['kind', 'method', 'amount', 'bill_id'])
    .where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).execute();
  return rows.map((r) => ({ kind: r.kind, method: r.method, amount: Number(r.amount), billId: r.bill_id }));
}

/** Paid on each bill: payments less refunds. */
export async function paidOnBills(db: Db, clinicId: string, billIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!billIds.length) return out;
  const rows = await db.selectFrom('payments')
    .select(['bill_id', sql<string>`sum(case when kind = 'payment' then amount else -amount end)`.as('paid')])
    .where('clinic_id', '=', clinicId).where('bill_id', 'in', billIds).groupBy('bill_id').execute();
  for (const r of rows) if (r.bill_id) out.set(r.bill_id, Number(r.paid));
  return out;
}

/** Does any money (payments, refunds) stand on the bill. */
export async function billHasMoney(db: Db, clinicId: string, billId: string) {
  const r = await db.selectFrom('payments').select('id').where('clinic_id', '=', clinicId).where('bill_id', '=', billId).limit(1).executeTakeFirst();
  return Boolean(r);
}


/** What receipts and fiscal documents print of the clinic and the branch. */
export async function clinicAndBranch(db: Db, clinicId: string, branchId: string) {
  const [clinic, branch] = await Promise.all([
    db.selectFrom('clinics').select(['name', 'legal_name', 'licence', 'time_zone']).where('id', '=', clinicId).executeTakeFirstOrThrow(),
    db.selectFrom('branches').select(['name', 'address']).where('clinic_id', '=', clinicId).where('id', '=', branchId).executeTakeFirstOrThrow(),
  ]);
  return { clinic, branch };
}

/** The patient's contacts for the electronic fiscal receipt and the cashier's name. */
export async function fiscalContacts(db: Db, patientId: string, userId: string) {
  const patient = await db.selectFrom('patients').select('email').where('id', '=', patientId).executeTakeFirstOrThrow();
  const phone = await db.selectFrom('patient_phones').select('number').where('patient_id', '=', patientId).orderBy('position').executeTakeFirst();
  const cashier = await db.selectFrom('users').select('full_name').where('id', '=', userId).executeTakeFirstOrThrow();
  return { email: patient.email, phone: phone?.number ?? null, cashier: cashier.full_name };
}
