import type { Db } from '../connect.js';
import type { InsuranceRegistersTable, TaxCertificatesTable } from '../schema.js';

function registers(db: Db, clinicId: string) {
  return db
    .selectFrom('insurance_registers as r')
    .innerJoin('insurers as i', 'i.id', 'r.insurer_id')
    .leftJoin('users as u', 'u.id', 'r.sent_by')
    .selectAll('r')
    .select(['i.name as insurer_name', 'u.full_name as sent_by_name'])
    .where('r.clinic_id', '=', clinicId);
}

export async function listRegisters(db: Db, clinicId: string, insurerId?: string) {
  let q = registers(db, clinicId);
  if (insurerId) q = q.where('r.insurer_id', '=', insurerId);
  return q.orderBy('r.month', 'desc').orderBy('r.number', 'desc').limit(500).execute();
}
export async function getRegister(db: Db, clinicId: string, id: string) {
  return registers(db, clinicId).where('r.id', '=', id).executeTakeFirst();
}
export async function insertRegister(db: Db, row: InsuranceRegistersTable, billIds: string[]) {
  await db.insertInto('insurance_registers').values(row).execute();
  for (let i = 0; i < billIds.length; i += 500) {
    await db.updateTable('bill_insurance').set({ register_id: row.id }).where('bill_id', 'in', billIds.slice(i, i + 500)).where('register_id', 'is', null).execute();
  }
}
export async function markPaid(db: Db, id: string, p: { paid_amount: number; paid_on: string; payment_ref: string | null; paid_by: string; paid_at: string }) {
  await db.updateTable('insurance_registers').set({ ...p, status: 'paid' }).where('id', '=', id).execute();
}
/** The insurer refused to pay this bill of the register (its experts' reason). */
export async function markRejected(db: Db, billId: string, reason: string, at: string) {
  await db.updateTable('bill_insurance').set({ rejected_reason: reason, rejected_at: at }).where('bill_id', '=', billId).execute();
}
/** The register's bills with their patients: the insurer's payment is recorded per bill. */
export async function billsOfRegister(db: Db, registerId: string) {
  return db
    .selectFrom('bill_insurance as bi')
    .innerJoin('bills as b', 'b.id', 'bi.bill_id')
    .select(['bi.bill_id', 'bi.amount', 'b.patient_id', 'b.branch_id', 'b.number', 'bi.rejected_reason'])
    .where('bi.register_id', '=', registerId)
    .orderBy('b.number')
    .execute();
}

/** The patient's money moves in an instant range (a clinic-local year), for the tax certificate. */
export async function patientMoves(db: Db, clinicId: string, patientId: string, fromIso: string, toIso: string) {
  const rows = await db
    .selectFrom('payments')
    .select(['kind', 'method', 'amount'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('created_at', '>=', fromIso)
    .where('created_at', '<', toIso)
    .execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

export async function insertCertificate(db: Db, row: TaxCertificatesTable) {
  await db.insertInto('tax_certificates').values(row).execute();
}
function certificates(db: Db, clinicId: string) {
  return db
    .selectFrom('tax_certificates as c')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .leftJoin('users as u', 'u.id', 'c.issued_by')
    .selectAll('c')
    .select(['p.surname', 'p.first_name', 'p.patronymic', 'u.full_name as issued_by_name'])
    .where('c.clinic_id', '=', clinicId);
}
export async function listCertificates(db: Db, clinicId: string, f: { patientId?: string; year?: number }) {
  let q = certificates(db, clinicId);
  if (f.patientId) q = q.where('c.patient_id', '=', f.patientId);
  if (f.year) q = q.where('c.year', '=', f.year);
  return q.orderBy('c.number', 'desc').limit(500).execute();
}
export async function getCertificate(db: Db, clinicId: string, id: string) {
  return certificates(db, clinicId).where('c.id', '=', id).executeTakeFirst();
}

/** The insurer's payment of one bill of a register (013-money's payments, method 'insurer'). */
export async function insertInsurerPayment(db: Db, row: { id: string; clinic_id: string; branch_id: string; patient_id: string; bill_id: string; number: number; amount: number; reason: string; payer_name: string; created_by: string; created_at: string }) {
  await db.insertInto('payments').values({ ...row, shift_id: null, kind: 'payment', method: 'insurer', refund_of: null }).execute();
}

/** The clinic's names, tax identifiers, licence and zone: what certificates and registers print. */
export async function clinicTaxRow(db: Db, clinicId: string) {
  return db.selectFrom('clinics').select(['name', 'legal_name', 'inn', 'kpp', 'licence', 'time_zone']).where('id', '=', clinicId).executeTakeFirstOrThrow();
}
export async function setClinicTax(db: Db, clinicId: string, v: { inn: string; kpp: string | null }) {
  await db.updateTable('clinics').set(v).where('id', '=', clinicId).execute();
}
export async function userFullName(db: Db, userId: string) {
  return (await db.selectFrom('users').select('full_name').where('id', '=', userId).executeTakeFirst())?.full_name ?? null;
}
