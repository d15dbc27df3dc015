import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * 152-FZ art. 21: the state of a patient's personal data (active, blocked with only the medical
 * record kept, destroyed) and the register of destruction acts (Roskomnadzor order No. 179).
 */
export function retention(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await sql`alter table patients add column pd_state text not null default 'active'`.execute(db);
      await sql`alter table patients add column retain_until text`.execute(db);
      await db.schema
        .createTable('pd_destructions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('card_number', 'integer', (c) => c.notNull())
        // The act must name whose data was destroyed (order No. 179 p. 3b); it is itself erased after three years.
        .addColumn('subject_name', 'text')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull())
        .addColumn('categories_json', 'text', (c) => c.notNull())
        .addColumn('counts_json', 'text', (c) => c.notNull())
        .addColumn('retain_until', 'text')
        .addColumn('performed_at', instant, (c) => c.notNull())
        .addColumn('local_date', 'text', (c) => c.notNull())
        .addColumn('performed_by', 'text', (c) => c.notNull())
        .addColumn('performer_name', 'text', (c) => c.notNull())
        .addColumn('performer_role', 'text', (c) => c.notNull())
        .addColumn('audit_seq', 'integer')
        .addColumn('act_erased_at', instant)
        .execute();
      await db.schema.createIndex('pd_destructions_clinic').on('pd_destructions').columns(['clinic_id', 'number']).unique().execute();
      await db.schema.createIndex('pd_destructions_patient').on('pd_destructions').columns(['clinic_id', 'patient_id']).execute();
      await db.schema.createIndex('patients_pd_state').on('patients').columns(['clinic_id', 'pd_state']).execute();
    },
  };
}
