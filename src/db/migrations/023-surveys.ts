import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * The post-treatment phone survey (SURV-1..4, seed 000 part I): the patient's consent to be
 * surveyed (SVC-1; every change is kept, the latest wins), the questionnaire as versions (an
 * answer always names the version it was asked with), each survey call attempt with its outcome
 * and answers, and the notes of the review meetings held with an employee on the results.
 */
export function surveys(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('survey_consents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('preferred_time', 'text')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
        .addColumn('recorded_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('survey_consents_patient').on('survey_consents').columns(['clinic_id', 'patient_id', 'recorded_at']).execute();
      await db.schema
        .createTable('survey_questionnaires')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('questions_json', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('survey_questionnaires_version').on('survey_questionnaires').columns(['clinic_id', 'version']).unique().execute();
      await db.schema
        .createTable('survey_calls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
        .addColumn('doctor_id', 'text', (c) => c.references('doctors.id'))
        .addColumn('branch_id', 'text', (c) => c.references('branches.id'))
        .addColumn('visit_date', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('callback_at', instant)
        .addColumn('questionnaire_version', 'integer')
        .addColumn('nps', 'integer')
        .addColumn('complaint', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('comment', 'text')
        .addColumn('task_id', 'text')
        .addColumn('called_by', 'text', (c) => c.references('users.id'))
        .addColumn('called_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('survey_calls_patient').on('survey_calls').columns(['clinic_id', 'patient_id', 'called_at']).execute();
      await db.schema.createIndex('survey_calls_at').on('survey_calls').columns(['clinic_id', 'called_at']).execute();
      await db.schema
        .createTable('survey_answers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('survey_call_id', 'text', (c) => c.notNull().references('survey_calls.id'))
        .addColumn('question_key', 'text', (c) => c.notNull())
        .addColumn('score', 'integer')
        .addColumn('text', 'text')
        .execute();
      await db.schema.createIndex('survey_answers_call').on('survey_answers').column('survey_call_id').execute();
      await db.schema
        .createTable('survey_reviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('doctor_id', 'text', (c) => c.notNull().references('doctors.id'))
        .addColumn('meeting_date', 'text', (c) => c.notNull())
        .addColumn('participants', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('survey_reviews_doctor').on('survey_reviews').columns(['clinic_id', 'doctor_id']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('survey_reviews').execute();
      await db.schema.dropTable('survey_answers').execute();
      await db.schema.dropTable('survey_calls').execute();
      await db.schema.dropTable('survey_questionnaires').execute();
      await db.schema.dropTable('survey_consents').execute();
    },
  };
}
