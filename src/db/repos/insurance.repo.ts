import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../connect.js';
import type { GuaranteeLettersTable, InsurancePoliciesTable, InsurersTable } from '../schema.js';

/** Insurers of the clinic with their programmes and how many policies each has, by name. */
export async function listInsurers(db: Db, clinicId: string) {
  const rows = await db
    .selectFrom('insurers as i')
    .selectAll('i')
    .select((eb) => eb.selectFrom('insurance_policies as p').whereRef('p.insurer_id', '=', 'i.id').select((e) => e.fn.countAll<number>().as('n')).as('policies'))
    .where('i.clinic_id', '=', clinicId)
    .orderBy('i.name')
    .execute();
  const programmes = await db.selectFrom('insurance_programmes').selectAll().where('clinic_id', '=', clinicId).orderBy('name').execute();
  return rows.map((r) => ({ ...r, policies: Number(r.policies), programmes: programmes.filter((p) => p.insurer_id === r.id) }));
}

export async function getInsurer(db: Db, clinicId: string, id: string) {
  return db.selectFrom('insurers').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}
export async function insurerByName(db: Db, clinicId: string, name: string) {
  return db.selectFrom('insurers').select(['id']).where('clinic_id', '=', clinicId).where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
}
export async function insertInsurer(db: Db, row: Insertable<InsurersTable>) {
  await db.insertInto('insurers').values(row).execute();
}
export async function updateInsurer(db: Db, clinicId: string, id: string, patch: Updateable<InsurersTable>) {
  await db.updateTable('insurers').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}
export async function insertProgramme(db: Db, row: { id: string; clinic_id: string; insurer_id: string; name: string; description: string | null }) {
  await db.insertInto('insurance_programmes').values({ ...row, is_active: 1 }).execute();
}
export async function getProgramme(db: Db, clinicId: string, id: string) {
  return db.selectFrom('insurance_programmes').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/** What each letter has had billed against it (bills handed to the insurer on it). */
function billedOn(db: Db) {
  return db.selectFrom('bill_insurance').select(['letter_id', (eb) => eb.fn.sum<number>('amount').as('billed')]).groupBy('letter_id');
}

/** The patient's policies, newest first, with insurer, programme and letters (billed sums included). */
export async function policiesOfPatient(db: Db, clinicId: string, patientId: string) {
  const policies = await db
    .selectFrom('insurance_policies as p')
    .innerJoin('insurers as i', 'i.id', 'p.insurer_id')
    .leftJoin('insurance_programmes as g', 'g.id', 'p.programme_id')
    .selectAll('p')
    .select(['i.name as insurer_name', 'g.name as programme_name'])
    .where('p.clinic_id', '=', clinicId)
    .where('p.patient_id', '=', patientId)
    .orderBy('p.valid_to', 'desc')
    .execute();
  const ids = policies.map((p) => p.id);
  const letters = ids.length === 0 ? [] : await db
    .selectFrom('guarantee_letters as l')
    .leftJoin(billedOn(db).as('b'), 'b.letter_id', 'l.id')
    .selectAll('l')
    .select('b.billed')
    .where('l.policy_id', 'in', ids)
    .orderBy('l.issued_on', 'desc')
    .execute();
  return policies.map((p) => ({ ...p, letters: letters.filter((l) => l.policy_id === p.id).map((l) => ({ ...l, billed: Number(l.billed ?? 0), limit_amount: Number(l.limit_amount) })) }));
}

export async function getPolicy(db: Db, clinicId: string, id: string) {
  return db.selectFrom('insurance_policies').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}
export async function policyByNumber(db: Db, insurerId: string, number: string) {
  return db.selectFrom('insurance_policies').select(['id']).where('insurer_id', '=', insurerId).where('number', '=', number).executeTakeFirst();
}
export async function insertPolicy(db: Db, row: Insertable<InsurancePoliciesTable>) {
  await db.insertInto('insurance_policies').values(row).execute();
}
export async function letterByNumber(db: Db, insurerId: string, number: string) {
  return db.selectFrom('guarantee_letters').select(['id']).where('insurer_id', '=', insurerId).where('number', '=', number).executeTakeFirst();
}
export async function insertLetter(db: Db, row: Insertable<GuaranteeLettersTable>) {
  await db.insertInto('guarantee_letters').values(row).execute();
}

/** A letter with what has been billed on it so far. */
export async function getLetter(db: Db, clinicId: string, id: string) {
  const l = await db.selectFrom('guarantee_letters').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
  if (!l) return undefined;
  const b = await db.selectFrom('bill_insurance').select((eb) => eb.fn.sum<number>('amount').as('s')).where('letter_id', '=', id).executeTakeFirst();
  return { ...l, limit_amount: Number(l.limit_amount), billed: Number(b?.s ?? 0) };
}

/** The bill as the insurer's hand-over needs it: status, sum, visit date, money already taken on it. */
export async function billForInsurance(db: Db, clinicId: string, billId: string) {
  const bill = await db
    .selectFrom('bills as b')
    .leftJoin('appointments as a', 'a.id', 'b.appointment_id')
    .select(['b.id', 'b.patient_id', 'b.status', 'b.payer', 'b.total', 'b.issued_at', 'b.created_at', 'a.local_date'])
    .where('b.clinic_id', '=', clinicId)
    .where('b.id', '=', billId)
    .executeTakeFirst();
  if (!bill) return undefined;
  const paid = await db.selectFrom('payments').select((eb) => eb.fn.sum<number>(sql`case when kind = 'refund' then -amount else amount end`).as('s')).where('bill_id', '=', billId).executeTakeFirst();
  const linked = await db.selectFrom('bill_insurance').select(['bill_id']).where('bill_id', '=', billId).executeTakeFirst();
  return { ...bill, total: Number(bill.total), paid: Number(paid?.s ?? 0), linked: !!linked };
}

export async function linkBill(db: Db, row: { bill_id: string; clinic_id: string; insurer_id: string; policy_id: string; letter_id: string; service_date: string; amount: number; created_by: string; created_at: string }, at: string) {
  await db.insertInto('bill_insurance').values({ ...row, register_id: null }).execute();
  await db.updateTable('bills').set({ payer: 'insurer', updated_at: at }).where('id', '=', row.bill_id).execute();
}

/** The patient's issued bills the patient pays and has paid nothing on: what the desk may hand to the insurer. */
export async function billableBills(db: Db, clinicId: string, patientId: string) {
  const rows = await db
    .selectFrom('bills as b')
    .leftJoin('appointments as a', 'a.id', 'b.appointment_id')
    .select(['b.id', 'b.number', 'b.total', 'b.issued_at', 'a.local_date'])
    .where('b.clinic_id', '=', clinicId)
    .where('b.patient_id', '=', patientId)
    .where('b.status', '=', 'issued')
    .where('b.payer', '=', 'patient')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('payments as p').select('p.id').whereRef('p.bill_id', '=', 'b.id'))))
    .orderBy('b.number', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({ ...r, total: Number(r.total) }));
}
