import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * SVC-11: the service card regulation as the clinic's own versioned text (version 1 is the
 * built-in text until the first edit) and staff's read confirmations per version.
 * DESK-2/3: what happened when the patient left (next visit, review asked and where, flyers,
 * gift), one row per finished visit; the clinic's list of review sites.
 */
export function serviceCardRegulation(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('svc_regulations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addUniqueConstraint('svc_regulations_version', ['clinic_id', 'version'])
        .execute();
      await db.schema
        .createTable('svc_regulation_reads')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('confirmed_at', instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('svc_regulation_reads_pk', ['user_id', 'version'])
        .execute();
      await db.schema
        .createTable('visit_leavings')
        .addColumn('appointment_id', 'text', (c) => c.primaryKey().references('appointments.id'))
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        // 'booked' | 'agreed' | 'none'
        .addColumn('next_visit', 'text', (c) => c.notNull())
        .addColumn('review_asked', 'integer', (c) => c.notNull())
        .addColumn('review_site', 'text')
        .addColumn('flyers', 'integer', (c) => c.notNull())
        .addColumn('gift', 'integer', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('recorded_by_name', 'text', (c) => c.notNull())
        .addColumn('recorded_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('visit_leavings_clinic').on('visit_leavings').columns(['clinic_id', 'recorded_at']).execute();
      await db.schema
        .createTable('review_sites')
        .addColumn('clinic_id', 'text', (c) => c.primaryKey().references('clinics.id'))
        .addColumn('sites_json', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['review_sites', 'visit_leavings', 'svc_regulation_reads', 'svc_regulations']) await db.schema.dropTable(t).execute();
    },
  };
}
