import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * DESK-6: who stood in at the desk and when. A cover belongs to the signed-in session that took
 * it, so it ends at the latest with that session; the rows stay as the desk's cover roster.
 */
export function deskCover(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('desk_covers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
        .addColumn('started_at', instant, (c) => c.notNull())
        .addColumn('ended_at', instant)
        .execute();
      await db.schema.createIndex('desk_covers_session').on('desk_covers').columns(['session_id', 'ended_at']).execute();
      await db.schema.createIndex('desk_covers_clinic').on('desk_covers').columns(['clinic_id', 'started_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('desk_covers').execute();
    },
  };
}
