import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * DESK-5: failures at the desk (no power, water, phone, internet, broken equipment) logged per
 * branch and tracked to resolution; the notes are the short timeline of what was done, by whom.
 */
export function incidents(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('equipment', 'text')
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('affects_visits', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('started_at', instant, (c) => c.notNull())
        .addColumn('logged_at', instant, (c) => c.notNull())
        .addColumn('logged_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('resolved_at', instant)
        .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
        .addColumn('resolution', 'text')
        .execute();
      await db.schema.createIndex('incidents_clinic_started').on('incidents').columns(['clinic_id', 'started_at']).execute();
      await db.schema.createIndex('incidents_open').on('incidents').columns(['clinic_id', 'resolved_at']).execute();
      await db.schema
        .createTable('incident_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
        .addColumn('at', instant, (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('incident_notes_incident').on('incident_notes').columns(['incident_id', 'at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('incident_notes').execute();
      await db.schema.dropTable('incidents').execute();
    },
  };
}
