import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../connect.js';
import type { CallsTable, TelephonyEventsTable } from '../schema.js';

export async function getSecret(db: Db, clinicId: string) {
  return db.selectFrom('telephony_secrets').selectAll().where('clinic_id', '=', clinicId).executeTakeFirst();
}

/** Replaces the clinic's secret: the old one stops working at once. */
export async function putSecret(trx: Db, row: { clinic_id: string; secret: string; created_by: string | null; created_at: string }) {
  await trx.deleteFrom('telephony_secrets').where('clinic_id', '=', row.clinic_id).execute();
  await trx.insertInto('telephony_secrets').values(row).execute();
}

export async function listLines(db: Db, clinicId: string) {
  return db.selectFrom('telephony_lines').select(['id', 'line', 'branch_id']).where('clinic_id', '=', clinicId).orderBy('line').execute();
}

export async function replaceLines(trx: Db, clinicId: string, rows: { id: string; line: string; branch_id: string }[]) {
  await trx.deleteFrom('telephony_lines').where('clinic_id', '=', clinicId).execute();
  if (rows.length) await trx.insertInto('telephony_lines').values(rows.map((r) => ({ ...r, clinic_id: clinicId }))).execute();
}

export async function branchOfLine(db: Db, clinicId: string, line: string) {
  const r = await db.selectFrom('telephony_lines').select('branch_id').where('clinic_id', '=', clinicId).where('line', '=', line).executeTakeFirst();
  return r?.branch_id ?? null;
}

export async function clinicExists(db: Db, clinicId: string) {
  return !!(await db.selectFrom('clinics').select('id').where('id', '=', clinicId).executeTakeFirst());
}

export async function eventTaken(db: Db, clinicId: string, pbxCallId: string, event: string) {
  return !!(await db.selectFrom('telephony_events').select('id').where('clinic_id', '=', clinicId).where('pbx_call_id', '=', pbxCallId).where('event', '=', event).executeTakeFirst());
}

export async function insertEvent(trx: Db, row: Insertable<TelephonyEventsTable>) {
  await trx.insertInto('telephony_events').values(row).execute();
}

export async function callByPbxId(db: Db, clinicId: string, pbxCallId: string) {
  return db
    .selectFrom('calls')
    .select(['id', 'started_at', 'ringing_at', 'answered_at', 'ended_at', 'outcome', 'patient_id', 'phone', 'branch_id'])
    .where('clinic_id', '=', clinicId)
    .where('pbx_call_id', '=', pbxCallId)
    .executeTakeFirst();
}

export async function updateCall(trx: Db, clinicId: string, id: string, patch: Updateable<CallsTable>) {
  await trx.updateTable('calls').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

/** The one active patient whose phone is this E.164 number; null when none or several share it. */
export async function patientByPhone(db: Db, clinicId: string, e164: string) {
  const rows = await db
    .selectFrom('patient_phones as ph')
    .innerJoin('patients as p', 'p.id', 'ph.patient_id')
    .select(['p.id', 'p.surname', 'p.first_name', 'p.patronymic'])
    .where('p.clinic_id', '=', clinicId)
    .where('p.pd_state', '=', 'active')
    .where('ph.number', '=', e164)
    .groupBy(['p.id', 'p.surname', 'p.first_name', 'p.patronymic'])
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0] : null;
}

