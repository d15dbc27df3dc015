import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * Documents from entry to exit (DOC-1..7, issue #11): the clinic's templates as immutable versions,
 * its overrides of the legal references, every document issued to a patient with the exact content
 * it was printed with (and its SHA-256), how it was signed or refused, and the patient's legal
 * representative who signs for a child.
 */
export function documents(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('document_templates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('patient', 'staff')`))
        .addColumn('service_codes_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('document_templates_version').on('document_templates').columns(['clinic_id', 'code', 'version']).unique().execute();
      await db.schema
        .createTable('legal_reference_overrides')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('users.id'))
        .addColumn('updated_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('legal_reference_overrides_key').on('legal_reference_overrides').columns(['clinic_id', 'key']).unique().execute();
      await db.schema
        .createTable('patient_documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
        .addColumn('template_code', 'text', (c) => c.notNull())
        .addColumn('template_version', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('content_json', 'text', (c) => c.notNull())
        .addColumn('content_sha256', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('issued', 'signed_on_screen', 'signed_on_paper', 'refused', 'expired')`))
        .addColumn('refusal_reason', 'text')
        .addColumn('signer', 'text', (c) => c.check(sql`signer in ('patient', 'representative')`))
        .addColumn('signer_name', 'text')
        .addColumn('signature_png', 'text')
        .addColumn('signed_at', instant)
        .addColumn('paper_date', 'text')
        .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
        .addColumn('issued_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('issued_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('patient_documents_patient').on('patient_documents').columns(['clinic_id', 'patient_id', 'issued_at']).execute();
      await db.schema.createIndex('patient_documents_appointment').on('patient_documents').column('appointment_id').execute();
      for (const c of ['rep_full_name', 'rep_document', 'rep_relation', 'rep_phone']) await db.schema.alterTable('patients').addColumn(c, 'text').execute();
      // The services planned for the visit, by price-list code: which consents it needs (DOC-5).
      await db.schema.alterTable('appointments').addColumn('planned_services_json', 'text').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('appointments').dropColumn('planned_services_json').execute();
      for (const c of ['rep_phone', 'rep_relation', 'rep_document', 'rep_full_name']) await db.schema.alterTable('patients').dropColumn(c).execute();
      await db.schema.dropTable('patient_documents').execute();
      await db.schema.dropTable('legal_reference_overrides').execute();
      await db.schema.dropTable('document_templates').execute();
    },
  };
}
