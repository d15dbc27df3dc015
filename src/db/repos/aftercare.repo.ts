import { sql } from 'kysely';
import type { Db } from '../connect.js';

/** After treatment (DOC-4, DOC-6, DOC-7): a visit's bill lines with their teeth, what was issued for it, plans not completed. */

/** The lines of the visit's bills (not cancelled), in the bills' order: code, name, tooth. */
export async function billedLines(db: Db, clinicId: string, appointmentId: string): Promise<{ code: string; name: string; tooth: string | null }[]> {
  return db
    .selectFrom('bill_lines')
    .innerJoin('bills', 'bills.id', 'bill_lines.bill_id')
    .select(['bill_lines.code', 'bill_lines.name', 'bill_lines.tooth'])
    .where('bills.clinic_id', '=', clinicId)
    .where('bills.appointment_id', '=', appointmentId)
    .where('bills.status', '!=', 'cancelled')
    .orderBy('bills.created_at')
    .orderBy('bill_lines.position')
    .execute();
}

/** Template codes of the documents issued for the visit (whatever became of them: signed, refused, still open). */
export async function issuedForVisit(db: Db, clinicId: string, appointmentId: string): Promise<{ id: string; template_code: string }[]> {
  return db
    .selectFrom('patient_documents')
    .select(['id', 'template_code'])
    .where('clinic_id', '=', clinicId)
    .where('appointment_id', '=', appointmentId)
    .orderBy('issued_at')
    .execute();
}

/**
 * Recommended treatment plans (DOC-6) issued for a visit in [fromIso, beforeIso) and not refused, of active cards with nothing
 * booked after `nowIso`: the candidates for «не завершил лечение»; latest first, at most 60.
 */
export async function openPlanCandidates(db: Db, clinicId: string, fromIso: string, beforeIso: string, nowIso: string) {
  return db
    .selectFrom('patient_documents as d')
    .innerJoin('patients', 'patients.id', 'd.patient_id')
    .innerJoin('appointments as a', 'a.id', 'd.appointment_id')
    .select(['d.id', 'd.patient_id', 'd.content_json', 'd.issued_at', 'a.doctor_id', 'a.local_date', 'patients.surname', 'patients.first_name', 'patients.patronymic'])
    .where('d.clinic_id', '=', clinicId)
    .where('d.template_code', '=', 'plan-recommended')
    .where('d.status', '!=', 'refused')
    .where('d.issued_at', '>=', fromIso)
    .where('d.issued_at', '<', beforeIso)
    .where('patients.pd_state', '=', 'active')
    .where(sql<boolean>`not exists (select 1 from appointments f where f.patient_id = ${sql.ref('d.patient_id')} and f.starts_at > ${nowIso} and f.status not in ('cancelled', 'no_show'))`)
    .orderBy('d.issued_at', 'desc')
    .limit(60)
    .execute();
}

/** Codes billed to the patient's visits on or after `fromDate` (the clinic's calendar): what of a plan was done. */
export async function billedCodesSince(db: Db, clinicId: string, patientIds: string[], fromDate: string): Promise<{ patient_id: string; code: string; local_date: string }[]> {
  if (!patientIds.length) return [];
  return db
    .selectFrom('bill_lines')
    .innerJoin('bills', 'bills.id', 'bill_lines.bill_id')
    .innerJoin('appointments as a', 'a.id', 'bills.appointment_id')
    .select(['bills.patient_id', 'bill_lines.code', 'a.local_date'])
    .where('bills.clinic_id', '=', clinicId)
    .where('bills.status', '!=', 'cancelled')
    .where('bills.patient_id', 'in', patientIds)
    .where('a.local_date', '>=', fromDate)
    .execute();
}
