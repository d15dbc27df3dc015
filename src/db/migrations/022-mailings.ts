import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * Mailings and reminders (REC-4, issue #10): the patient's consent to mailings per channel (apart
 * from the personal-data consent), the clinic's messaging settings (SMTP, SMS gateway, reminders;
 * kept out of settings_json so the password never leaves with the clinic's settings), the mailings
 * sent, and one outbox of e-mails and SMS claimed by the dispatcher like the fiscal outbox.
 */
export function mailings(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('mailing_consents')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('agreed', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', instant, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
        /** Who recorded it when no user did: «пациент по ссылке». */
        .addColumn('recorded_via', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('mailing_consents_pk', ['patient_id', 'channel'])
        .execute();
      await db.schema
        .createTable('messaging_settings')
        .addColumn('clinic_id', 'text', (c) => c.primaryKey().references('clinics.id'))
        .addColumn('smtp_host', 'text')
        .addColumn('smtp_port', 'integer')
        .addColumn('smtp_secure', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('smtp_user', 'text')
        .addColumn('smtp_password', 'text')
        .addColumn('smtp_from', 'text')
        .addColumn('sms_driver', 'text', (c) => c.notNull().defaultTo('none'))
        .addColumn('sms_url', 'text')
        .addColumn('sms_token', 'text')
        .addColumn('reminders_email', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reminders_sms', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('public_url', 'text')
        /** The key signing unsubscribe and reminder links. */
        .addColumn('token_secret', 'text', (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('mailings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('segment_json', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('queued', 'integer', (c) => c.notNull())
        .addColumn('skipped_json', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mailings_clinic').on('mailings').columns(['clinic_id', 'created_at']).execute();
      await db.schema
        .createTable('message_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('mailing_id', 'text', (c) => c.references('mailings.id'))
        .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
        .addColumn('patient_id', 'text', (c) => c.references('patients.id'))
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addColumn('sent_at', instant)
        .execute();
      await db.schema.createIndex('message_outbox_status').on('message_outbox').columns(['status', 'created_at']).execute();
      await db.schema.createIndex('message_outbox_clinic').on('message_outbox').columns(['clinic_id', 'created_at']).execute();
      // One reminder per visit and channel, however many servers or rounds enqueue it.
      await db.schema.createIndex('message_outbox_reminder').on('message_outbox').columns(['appointment_id', 'channel', 'purpose']).unique().where(sql.ref('purpose'), '=', 'reminder').execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['message_outbox', 'mailings', 'messaging_settings', 'mailing_consents']) await db.schema.dropTable(t).execute();
    },
  };
}
