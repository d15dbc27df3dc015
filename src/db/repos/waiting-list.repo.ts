import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../connect.js';
import type { WaitingListTable } from '../schema.js';

/** Open waiting-list entries with the patient's name and main phone, oldest first, at most 500. */
export async function listOpenWaiting(db: Db, clinicId: string) {
  return db
    .selectFrom('waiting_list')
    .innerJoin('patients', 'patients.id', 'waiting_list.patient_id')
    .leftJoin('patient_phones', (j) => j.onRef('patient_phones.patient_id', '=', 'patients.id').on('patient_phones.position', '=', 0))
    .selectAll('waiting_list')
    .select(['patients.surname', 'patients.first_name', 'patients.patronymic', 'patient_phones.number'])
    .where('waiting_list.clinic_id', '=', clinicId)
    .where('waiting_list.status', '=', 'open')
    .orderBy('waiting_list.created_at')
    .limit(500)
    .execute();
}

export async function insertWaiting(trx: Db, row: Insertable<WaitingListTable>) {
  await trx.insertInto('waiting_list').values(row).execute();
}

/** The entry's patient, or undefined when the entry is not in this clinic (the audit needs the patient). */
export async function waitingPatientId(trx: Db, clinicId: string, id: string): Promise<string | undefined> {
  const row = await trx.selectFrom('waiting_list').select(['patient_id']).where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
  return row?.patient_id;
}

export async function updateWaiting(trx: Db, clinicId: string, id: string, patch: Updateable<WaitingListTable>) {
  await trx.updateTable('waiting_list').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

/** Closes the entry as served by the appointment just booked for it. */
export async function markWaitingBooked(trx: Db, clinicId: string, id: string, appointmentId: string) {
  await trx.updateTable('waiting_list').set({ status: 'booked', appointment_id: appointmentId }).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}
