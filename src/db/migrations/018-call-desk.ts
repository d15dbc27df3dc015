import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * The phone desk's call card and call base (CALL-1..11): what the call row lacked (time to
 * answer, end, the caller's need summarised back, the script version the call was taken with),
 * and the clinic's phone scripts as versions — a new save never alters what an old call was
 * prompted with.
 */
export function callDesk(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      // Seconds from the first ring to the answer (CALL-9); null when no telephony reported it.
      await db.schema.alterTable('calls').addColumn('answer_sec', 'integer').execute();
      await db.schema.alterTable('calls').addColumn('ended_at', instant).execute();
      await db.schema.alterTable('calls').addColumn('need_summary', 'text').execute();
      await db.schema.alterTable('calls').addColumn('script_version', 'integer').execute();
      await db.schema.createIndex('calls_appointment').on('calls').column('appointment_id').execute();
      await db.schema
        .createTable('call_scripts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('script_json', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('call_scripts_version').on('call_scripts').columns(['clinic_id', 'version']).unique().execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('call_scripts').execute();
      await db.schema.dropIndex('calls_appointment').execute();
      for (const c of ['script_version', 'need_summary', 'ended_at', 'answer_sec']) await db.schema.alterTable('calls').dropColumn(c).execute();
    },
  };
}
