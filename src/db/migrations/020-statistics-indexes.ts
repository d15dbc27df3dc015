import type { Kysely, Migration } from 'kysely';

/**
 * The statistics dashboard over a clinic-year (#14): its aggregates read only index entries.
 * - appointments_stats: the period's visits by status, reason, doctor, chair and branch with the id and
 *   columns of booked minutes and of the confirmation count, one index range of (clinic, day);
 * - appointments_done: recall groups the clinic's finished visits by patient in index order;
 * - appointments_patient_day: whether a patient has a visit booked after a day;
 * - appointment_history_status: whether a visit was confirmed before its day;
 * - patients_created: the period's new patients.
 */
export const statisticsIndexes: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createIndex('appointments_stats')
      .on('appointments')
      .columns(['clinic_id', 'local_date', 'status', 'cancel_reason', 'doctor_id', 'chair_id', 'branch_id', 'walk_in', 'created_at', 'starts_at', 'ends_at', 'id'])
      .execute();
    await db.schema.createIndex('appointments_done').on('appointments').columns(['clinic_id', 'status', 'patient_id', 'local_date']).execute();
    await db.schema.createIndex('appointments_patient_day').on('appointments').columns(['patient_id', 'local_date', 'status']).execute();
    await db.schema.createIndex('appointment_history_status').on('appointment_history').columns(['appointment_id', 'to_status', 'at']).execute();
    await db.schema.createIndex('patients_created').on('patients').columns(['clinic_id', 'created_at']).execute();
  },
};
