import type { Db } from '../connect.js';
import type { DocumentTemplatesTable, PatientDocumentsTable, PatientRepresentativeColumns } from '../schema-documents.js';

/** Templates, legal reference overrides and patients' documents (migration 025): the rows as stored in src/db/schema-documents.ts. */
export type TemplateRow = DocumentTemplatesTable;
export type PatientDocumentRow = PatientDocumentsTable;

export async function templateRows(db: Db, clinicId: string, code?: string): Promise<TemplateRow[]> {
  let q = db.selectFrom('document_templates').selectAll().where('clinic_id', '=', clinicId);
  if (code) q = q.where('code', '=', code);
  return q.orderBy('code').orderBy('version').execute() as Promise<TemplateRow[]>;
}

export async function insertTemplate(trx: Db, row: TemplateRow) {
  await trx.insertInto('document_templates').values(row).execute();
}

export async function legalOverrides(db: Db, clinicId: string): Promise<{ key: string; text: string }[]> {
  return db.selectFrom('legal_reference_overrides').select(['key', 'text']).where('clinic_id', '=', clinicId).orderBy('key').execute();
}

export async function setLegalOverride(trx: Db, row: { id: string; clinic_id: string; key: string; text: string | null; updated_by: string; updated_at: string }) {
  await trx.deleteFrom('legal_reference_overrides').where('clinic_id', '=', row.clinic_id).where('key', '=', row.key).execute();
  if (row.text) await trx.insertInto('legal_reference_overrides').values({ ...row, text: row.text }).execute();
}

export async function insertPatientDocument(trx: Db, row: PatientDocumentRow) {
  await trx.insertInto('patient_documents').values(row).execute();
}

export async function patientDocuments(db: Db, clinicId: string, patientId: string): Promise<PatientDocumentRow[]> {
  return db.selectFrom('patient_documents').selectAll().where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).orderBy('issued_at', 'desc').orderBy('id').execute() as Promise<PatientDocumentRow[]>;
}

export async function patientDocument(db: Db, clinicId: string, id: string): Promise<PatientDocumentRow | undefined> {
  return db.selectFrom('patient_documents').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst() as Promise<PatientDocumentRow | undefined>;
}

export async function updatePatientDocument(trx: Db, clinicId: string, id: string, patch: Partial<PatientDocumentRow>) {
  await trx.updateTable('patient_documents').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

export type RepresentativeRow = PatientRepresentativeColumns;

export async function patientForDocuments(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('patients')
    .select(['id', 'surname', 'first_name', 'patronymic', 'birth_date', 'email', 'card_number', 'rep_full_name', 'rep_document', 'rep_relation', 'rep_phone'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst() as Promise<
    ({ id: string; surname: string; first_name: string; patronymic: string | null; birth_date: string | null; email: string | null; card_number: number } & RepresentativeRow) | undefined
  >;
}

export async function setRepresentative(trx: Db, clinicId: string, patientId: string, rep: RepresentativeRow) {
  await trx.updateTable('patients').set(rep).where('clinic_id', '=', clinicId).where('id', '=', patientId).execute();
}

export interface VisitRow {
  id: string;
  patient_id: string;
  branch_id: string;
  doctor_id: string;
  local_date: string;
  status: string;
  planned_services_json?: string | null;
  starts_at: string;
}

export async function visit(db: Db, clinicId: string, id: string): Promise<VisitRow | undefined> {
  return db
    .selectFrom('appointments')
    .select(['id', 'patient_id', 'branch_id', 'doctor_id', 'local_date', 'status', 'planned_services_json', 'starts_at'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function visitsOn(db: Db, clinicId: string, localDate: string, branchId?: string): Promise<VisitRow[]> {
  let q = db
    .selectFrom('appointments')
    .select(['id', 'patient_id', 'branch_id', 'doctor_id', 'local_date', 'status', 'planned_services_json', 'starts_at'])
    .where('clinic_id', '=', clinicId)
    .where('local_date', '=', localDate)
    .where('status', 'in', ['booked', 'confirmed', 'arrived', 'in_chair']);
  if (branchId) q = q.where('branch_id', '=', branchId);
  return q.orderBy('starts_at').orderBy('id').execute();
}

export async function setPlannedServices(trx: Db, clinicId: string, id: string, codes: string[]) {
  await trx.updateTable('appointments').set({ planned_services_json: JSON.stringify(codes) }).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

/** Price-list codes on the visit's bills (what was composed for it at the desk or by the doctor). */
export async function billedCodes(db: Db, clinicId: string, appointmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('bill_lines')
    .innerJoin('bills', 'bills.id', 'bill_lines.bill_id')
    .select('bill_lines.code')
    .where('bills.clinic_id', '=', clinicId)
    .where('bills.appointment_id', '=', appointmentId)
    .where('bills.status', '!=', 'cancelled')
    .execute();
  return rows.map((r: { code: string }) => r.code);
}

export async function priceNames(db: Db, clinicId: string, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await db.selectFrom('price_items').select(['code', 'name']).where('clinic_id', '=', clinicId).where('code', 'in', codes).execute();
  return new Map(rows.map((r: { code: string; name: string }) => [r.code, r.name]));
}

export async function doctorName(db: Db, clinicId: string, doctorId: string) {
  return db.selectFrom('doctors').select(['surname', 'first_name', 'patronymic', 'position']).where('clinic_id', '=', clinicId).where('id', '=', doctorId).executeTakeFirst() as Promise<
    { surname: string; first_name: string; patronymic: string | null; position: string } | undefined
  >;
}

export async function clinicForDocuments(db: Db, clinicId: string) {
  return db.selectFrom('clinics').selectAll().where('id', '=', clinicId).executeTakeFirstOrThrow() as Promise<Record<string, unknown> & { name: string; time_zone: string }>;
}

export async function branchesOf(db: Db, clinicId: string) {
  return db.selectFrom('branches').select(['id', 'name', 'address', 'phone']).where('clinic_id', '=', clinicId).orderBy('created_at').orderBy('id').execute() as Promise<
    { id: string; name: string; address: string; phone: string | null }[]
  >;
}

/** The price of each code on a date (the version valid then): kopecks, with the top of a range (null: one price). */
export async function pricesOn(db: Db, clinicId: string, codes: string[], date: string): Promise<Map<string, { min: number; max: number | null }>> {
  if (!codes.length) return new Map();
  const rows = await db
    .selectFrom('price_items as i')
    .innerJoin('price_versions as v', 'v.item_id', 'i.id')
    .select(['i.code', 'v.valid_from', 'v.price_min', 'v.price_max'])
    .where('i.clinic_id', '=', clinicId)
    .where('i.code', 'in', codes)
    .where('v.valid_from', '<=', date)
    .orderBy('v.valid_from')
    .execute();
  const out = new Map<string, { min: number; max: number | null }>();
  for (const r of rows as { code: string; price_min: number | string; price_max: number | string | null }[]) {
    out.set(r.code, { min: Number(r.price_min), max: r.price_max === null ? null : Number(r.price_max) });
  }
  return out;
}

/** Writes the clinic's settings JSON whole (the caller merged its section into what was stored). */
export async function setClinicSettingsJson(trx: Db, clinicId: string, json: string) {
  await trx.updateTable('clinics').set({ settings_json: json }).where('id', '=', clinicId).execute();
}
