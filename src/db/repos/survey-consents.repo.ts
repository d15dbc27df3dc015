import type { Db } from '../connect.js';
import type { SurveyConsentsTable } from '../schema.js';

/** Every consent answer of a patient, newest first, with the name of who recorded it. */
export function consentsOf(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('survey_consents as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .select(['c.id', 'c.status', 'c.preferred_time', 'c.channel', 'c.recorded_by', 'c.recorded_at', 'u.full_name as recorded_by_name'])
    .where('c.clinic_id', '=', clinicId)
    .where('c.patient_id', '=', patientId)
    .orderBy('c.recorded_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}
export type ConsentRow = Awaited<ReturnType<typeof consentsOf>>[number];

export async function insertConsent(db: Db, row: SurveyConsentsTable) {
  await db.insertInto('survey_consents').values(row).execute();
}
