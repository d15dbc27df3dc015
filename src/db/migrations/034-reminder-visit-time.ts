import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Reminders follow a moved visit (issue #10): each reminder and its link remember the visit's start
 * they announce, and a visit's reminders on a channel are numbered. The old «one reminder per visit
 * and channel» index becomes «one per visit, channel and number», so a visit moved after its
 * reminder gets a new one for the new time (the next number) and two servers still cannot queue the
 * same one twice. Rows from before: the visit's start as it stands now, number 1.
 */
export function reminderVisitTime(dialect: 'sqlite' | 'postgres'): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('message_outbox').addColumn('visit_starts_at', instant).execute();
      await db.schema.alterTable('message_outbox').addColumn('seq', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await db.schema.alterTable('message_links').addColumn('visit_starts_at', instant).execute();
      await sql`update message_outbox set visit_starts_at = (select a.starts_at from appointments a where a.id = message_outbox.appointment_id) where purpose = 'reminder'`.execute(db);
      await sql`update message_links set visit_starts_at = (select a.starts_at from appointments a where a.id = message_links.appointment_id) where kind = 'reminder'`.execute(db);
      await db.schema.dropIndex('message_outbox_reminder').execute();
      await db.schema.createIndex('message_outbox_reminder_seq').on('message_outbox').columns(['appointment_id', 'channel', 'seq']).unique().where(sql.ref('purpose'), '=', 'reminder').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('message_outbox_reminder_seq').execute();
      await sql`delete from message_outbox where purpose = 'reminder' and seq > 1`.execute(db);
      await db.schema.createIndex('message_outbox_reminder').on('message_outbox').columns(['appointment_id', 'channel', 'purpose']).unique().where(sql.ref('purpose'), '=', 'reminder').execute();
      await db.schema.alterTable('message_links').dropColumn('visit_starts_at').execute();
      await db.schema.alterTable('message_outbox').dropColumn('seq').execute();
      await db.schema.alterTable('message_outbox').dropColumn('visit_starts_at').execute();
    },
  };
}
