import { sql } from 'kysely';
import type { Db } from '../connect.js';

/** True when the patient has a time-holding appointment starting after `nowIso`. */
function hasFuture(col: 'waiting_list.patient_id' | 'a.patient_id', nowIso: string) {
  return sql<boolean>`exists (select 1 from appointments f where f.patient_id = ${sql.ref(col)} and f.starts_at > ${nowIso} and f.status not in ('cancelled', 'no_show'))`;
}

/** Open waiting-list entries whose wanted dates include `date`, longest waiting first, at most 50. */
export async function waitingCandidates(db: Db, clinicId: string, date: string) {
  return db
    .selectFrom('waiting_list')
    .innerJoin('patients', 'patients.id', 'waiting_list.patient_id')
    .select(['waiting_list.id', 'waiting_list.patient_id', 'waiting_list.doctor_id', 'waiting_list.specialty', 'waiting_list.created_at', 'waiting_list.note', 'patients.surname', 'patients.first_name', 'patients.patronymic'])
    .where('waiting_list.clinic_id', '=', clinicId)
    .where('waiting_list.status', '=', 'open')
    .where('waiting_list.date_from', '<=', date)
    .where('waiting_list.date_to', '>=', date)
    .orderBy('waiting_list.created_at')
    .limit(50)
    .execute();
}

/** Visits cancelled or missed in [fromDate, beforeDate) by patients with nothing booked after `nowIso`, latest first, at most 40. */
export async function droppedOutCandidates(db: Db, clinicId: string, fromDate: string, beforeDate: string, nowIso: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('patients', 'patients.id', 'a.patient_id')
    .select(['a.patient_id', 'a.doctor_id', 'a.status', 'a.local_date', 'patients.surname', 'patients.first_name', 'patients.patronymic'])
    .where('a.clinic_id', '=', clinicId)
    .where('a.status', 'in', ['cancelled', 'no_show'])
    // A blocked or destroyed card is never called (152-FZ art. 21).
    .where('patients.pd_state', '=', 'active')
    .where('a.local_date', '>=', fromDate)
    .where('a.local_date', '<', beforeDate)
    .where(({ not }) => not(hasFuture('a.patient_id', nowIso)))
    .orderBy('a.local_date', 'desc')
    .limit(40)
    .execute();
}

/** Main (position 0) phone numbers of the patients given; an empty list still runs, matching nothing. */
export async function mainPhoneNumbers(db: Db, patientIds: string[]) {
  return db
    .selectFrom('patient_phones')
    .select(['patient_id', 'number'])
    .where('position', '=', 0)
    .where('patient_id', 'in', patientIds.length ? patientIds : ['-'])
    .execute();
}
