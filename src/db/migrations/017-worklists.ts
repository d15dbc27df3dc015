import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * The desk's outgoing worklists (CONF-1..6, REC-1..3, SCH-7): a call can promise a call-back
 * at a time (`calls.callback_at`), and management's recall scheme is kept as rules per kind of
 * visit and specialty. Attempts themselves are rows of `calls` (direction 'out').
 */
export function worklists(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('calls').addColumn('callback_at', instant).execute();
      await db.schema.createIndex('calls_callback_at').on('calls').columns(['clinic_id', 'callback_at']).execute();
      await db.schema
        .createTable('recall_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('visit_kind', 'text')
        .addColumn('specialty', 'text')
        .addColumn('months', 'integer', (c) => c.notNull())
        .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('users.id'))
        .execute();
      await db.schema.createIndex('recall_rules_clinic').on('recall_rules').column('clinic_id').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('recall_rules').execute();
      await db.schema.dropIndex('calls_callback_at').execute();
      await db.schema.alterTable('calls').dropColumn('callback_at').execute();
    },
  };
}
