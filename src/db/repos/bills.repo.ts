import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../connect.js';
import type { BillLinesTable, BillsTable } from '../schema.js';

export async function insertBill(trx: Db, row: Insertable<BillsTable>) {
  await trx.insertInto('bills').values(row).execute();
}

export async function updateBill(trx: Db, clinicId: string, id: string, patch: Updateable<BillsTable>) {
  await trx.updateTable('bills').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

/** A bill with its patient's name and the visit's date. */
function billQuery(db: Db, clinicId: string) {
  return db
    .selectFrom('bills as b')
    .innerJoin('patients as p', 'p.id', 'b.patient_id')
    .leftJoin('appointments as a', 'a.id', 'b.appointment_id')
    .selectAll('b')
    .select(['p.surname', 'p.first_name', 'p.patronymic', 'p.card_number', 'a.local_date as visit_date', 'a.doctor_id as visit_doctor_id'])
    .where('b.clinic_id', '=', clinicId);
}
export type BillRow = NonNullable<Awaited<ReturnType<typeof getBill>>>;

export async function getBill(db: Db, clinicId: string, id: string) {
  return billQuery(db, clinicId).where('b.id', '=', id).executeTakeFirst();
}

/** The live (not cancelled) bill of a visit. */
export async function liveBillOfVisit(db: Db, clinicId: string, appointmentId: string) {
  return billQuery(db, clinicId).where('b.appointment_id', '=', appointmentId).where('b.status', '<>', 'cancelled').executeTakeFirst();
}

export async function billsOfPatient(db: Db, clinicId: string, patientId: string, limit = 200) {
  return billQuery(db, clinicId).where('b.patient_id', '=', patientId).orderBy('b.created_at', 'desc').limit(limit).execute();
}

/** Lines of the given bills with the doctor's and the assistant's names. */
export async function linesOf(db: Db, clinicId: string, billIds: string[]) {
  if (!billIds.length) return [];
  return db
    .selectFrom('bill_lines as l')
    .leftJoin('doctors as d', 'd.id', 'l.doctor_id')
    .leftJoin('users as u', 'u.id', 'l.assistant_id')
    .selectAll('l')
    .select(['d.surname as d_surname', 'd.first_name as d_first', 'd.patronymic as d_patronymic', 'u.full_name as assistant_name'])
    .where('l.clinic_id', '=', clinicId)
    .where('l.bill_id', 'in', billIds)
    .orderBy('l.bill_id')
    .orderBy('l.position')
    .execute();
}
export type LineRow = Awaited<ReturnType<typeof linesOf>>[number];

export async function replaceLines(trx: Db, clinicId: string, billId: string, rows: Insertable<BillLinesTable>[]) {
  await trx.deleteFrom('bill_lines').where('clinic_id', '=', clinicId).where('bill_id', '=', billId).execute();
  if (rows.length) await trx.insertInto('bill_lines').values(rows).execute();
}

/** Totals of the patient's issued bills the patient pays (the balance subtracts them). */
export async function issuedPatientBillTotals(db: Db, clinicId: string, patientId: string): Promise<number[]> {
  const rows = await db.selectFrom('bills').select('total').where('clinic_id', '=', clinicId).where('patient_id', '=', patientId)
    .where('status', '=', 'issued').where('payer', '=', 'patient').execute();
  return rows.map((r) => Number(r.total));
}

/** For the schedule: each patient with a visit on `date` and their balance's parts, in one query. */
export async function dayPatients(db: Db, clinicId: string, date: string) {
  const rows = await db.selectFrom('appointments').select('patient_id').distinct()
    .where('clinic_id', '=', clinicId).where('local_date', '=', date).execute();
  return rows.map((r) => r.patient_id);
}

/** Balances of many patients at once: money in − out − issued patient bills, as SQL sums. */
export async function balancesOf(db: Db, clinicId: string, patientIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!patientIds.length) return out;
  const money = await db.selectFrom('payments')
    .select(['patient_id', sql<string>`sum(case when kind = 'payment' then amount else -amount end)`.as('net')])
    .where('clinic_id', '=', clinicId).where('patient_id', 'in', patientIds).where('method', 'in', ['cash', 'card', 'transfer'])
    .groupBy('patient_id').execute();
  const bills = await db.selectFrom('bills').select(['patient_id', sql<string>`sum(total)`.as('total')])
    .where('clinic_id', '=', clinicId).where('patient_id', 'in', patientIds).where('status', '=', 'issued').where('payer', '=', 'patient')
    .groupBy('patient_id').execute();
  for (const r of money) out.set(r.patient_id, Number(r.net));
  for (const r of bills) out.set(r.patient_id, (out.get(r.patient_id) ?? 0) - Number(r.total));
  return out;
}

/** Whether a row of the clinic exists: ids from requests are checked against the actor's clinic. */
export async function ownedBy(db: Db, table: 'appointments' | 'doctors' | 'users' | 'patients' | 'branches', clinicId: string, id: string): Promise<boolean> {
  const r = await db.selectFrom(table).select('id').where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
  return Boolean(r);
}

/** What a bill takes from its visit. */
export async function visitForBill(db: Db, clinicId: string, id: string) {
  return db.selectFrom('appointments').select(['id', 'patient_id', 'branch_id', 'status']).where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/** A service of the price list with all its price versions (the line snapshots the one in force). */
export async function priceItemWithVersions(db: Db, clinicId: string, itemId: string) {
  const item = await db.selectFrom('price_items').select(['id', 'code', 'name']).where('clinic_id', '=', clinicId).where('id', '=', itemId).executeTakeFirst();
  if (!item) return undefined;
  const versions = await db.selectFrom('price_versions').select(['id', 'valid_from', 'price_min', 'price_max']).where('item_id', '=', item.id).execute();
  return { item, versions };
}
