import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * DOC-2/DOC-3 answers as data: one row per answered question of an issued questionnaire. Entered
 * before signing (the patient on a tablet at the desk, or staff transcribing a paper copy); the
 * signature freezes them with the document's content. An answer that went into the service card
 * (DOC-3) keeps the entry's id, so saving again updates that entry instead of adding a second one.
 */
export function questionnaireAnswers(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('questionnaire_answers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('document_id', 'text', (c) => c.notNull().references('patient_documents.id'))
        .addColumn('questionnaire', 'text', (c) => c.notNull().check(sql`questionnaire in ('health-questionnaire', 'careful-questionnaire')`))
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('yes', 'integer', (c) => c.check(sql`yes in (0, 1)`))
        .addColumn('text', 'text')
        .addColumn('red_flag', 'integer', (c) => c.notNull().defaultTo(0).check(sql`red_flag in (0, 1)`))
        .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('patient', 'staff')`))
        .addColumn('card_entry_id', 'text', (c) => c.references('service_card_entries.id'))
        .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('recorded_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('questionnaire_answers_question').on('questionnaire_answers').columns(['document_id', 'question_id']).unique().execute();
      await db.schema.createIndex('questionnaire_answers_patient').on('questionnaire_answers').columns(['clinic_id', 'patient_id']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('questionnaire_answers').execute();
    },
  };
}
