import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * The telephony webhook (issue #10): the clinic's shared secret for signed PBX events, its lines
 * mapped to branches, the events already taken (idempotency by clinic, PBX call id and event), the
 * PBX's call id and the ring/answer instants on the call row; and the call quality scores (CALL-8).
 */
export function telephony(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('telephony_secrets')
        .addColumn('clinic_id', 'text', (c) => c.primaryKey().references('clinics.id'))
        // HMAC needs the secret itself on the server's side: it cannot be stored as a one-way hash.
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('telephony_lines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('line', 'text', (c) => c.notNull())
        .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
        .execute();
      await db.schema.createIndex('telephony_lines_line').on('telephony_lines').columns(['clinic_id', 'line']).unique().execute();
      await db.schema
        .createTable('telephony_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('pbx_call_id', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('at', instant, (c) => c.notNull())
        .addColumn('received_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('telephony_events_key').on('telephony_events').columns(['clinic_id', 'pbx_call_id', 'event']).unique().execute();
      await db.schema.alterTable('calls').addColumn('pbx_call_id', 'text').execute();
      await db.schema.alterTable('calls').addColumn('ringing_at', instant).execute();
      await db.schema.alterTable('calls').addColumn('answered_at', instant).execute();
      await db.schema.createIndex('calls_pbx').on('calls').columns(['clinic_id', 'pbx_call_id']).unique().execute();
      await db.schema
        .createTable('call_quality_scores')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
        .addColumn('scored_by', 'text', (c) => c.notNull().references('users.id'))
        /** JSON: the checklist item keys answered yes/no, in the checklist's order. */
        .addColumn('items_json', 'text', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('max_score', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('call_quality_scores_call').on('call_quality_scores').columns(['clinic_id', 'call_id']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('call_quality_scores').execute();
      await db.schema.dropIndex('calls_pbx').execute();
      for (const c of ['answered_at', 'ringing_at', 'pbx_call_id']) await db.schema.alterTable('calls').dropColumn(c).execute();
      await db.schema.dropTable('telephony_events').execute();
      await db.schema.dropTable('telephony_lines').execute();
      await db.schema.dropTable('telephony_secrets').execute();
    },
  };
}
