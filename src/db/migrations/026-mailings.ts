import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * Mailings, promotions and reminders (REC-4, issue #10): the patient's consent to mailings per
 * channel (apart from the personal-data consent) with when and who, the clinic's messaging settings
 * (SMTP, SMS gateway or a hand-sent outbox, reminders; kept out of settings_json so the secrets
 * never leave with the clinic's settings), the mailings sent to a segment, one outbox of e-mails and
 * SMS claimed by the dispatcher like the fiscal outbox, and the signed links of the messages
 * (unsubscribe, the reminder's «Подтверждаю» / «Перенести»), each answered once.
 */
export function mailings(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('mailing_consents')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'sms')`))
        .addColumn('agreed', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', instant, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
        /** 'staff' (at the desk) or 'patient_link' (the unsubscribe link). */
        .addColumn('recorded_via', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('mailing_consents_pk', ['patient_id', 'channel'])
        .execute();
      await db.schema.createIndex('mailing_consents_clinic').on('mailing_consents').columns(['clinic_id', 'channel', 'agreed']).execute();
      await db.schema
        .createTable('messaging_settings')
        .addColumn('clinic_id', 'text', (c) => c.primaryKey().references('clinics.id'))
        .addColumn('smtp_host', 'text')
        .addColumn('smtp_port', 'integer')
        .addColumn('smtp_secure', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('smtp_user', 'text')
        .addColumn('smtp_password', 'text')
        .addColumn('smtp_from', 'text')
        /** 'outbox': no provider, SMS wait in the outbox for a person to send; 'http': a gateway. */
        .addColumn('sms_driver', 'text', (c) => c.notNull().defaultTo('outbox'))
        .addColumn('sms_url', 'text')
        .addColumn('sms_token', 'text')
        .addColumn('reminders_email', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reminders_sms', 'integer', (c) => c.notNull().defaultTo(0))
        /** Clinic-local HH:MM from which the day's reminders go out. */
        .addColumn('reminders_from', 'text', (c) => c.notNull().defaultTo('10:00'))
        .addColumn('public_url', 'text')
        /** The key signing the links of the messages. */
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
        .addColumn('skipped', 'integer', (c) => c.notNull())
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
        /** The unsubscribe link of a mailing's e-mail (List-Unsubscribe header). */
        .addColumn('unsubscribe_url', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', instant, (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addColumn('sent_at', instant)
        .execute();
      await db.schema.createIndex('message_outbox_claim').on('message_outbox').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('message_outbox_clinic').on('message_outbox').columns(['clinic_id', 'created_at']).execute();
      // One reminder per visit and channel, however many servers or rounds enqueue it.
      await db.schema.createIndex('message_outbox_reminder').on('message_outbox').columns(['appointment_id', 'channel', 'purpose']).unique().where(sql.ref('purpose'), '=', 'reminder').execute();
      await db.schema
        .createTable('message_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('unsubscribe', 'reminder')`))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('expires_at', instant, (c) => c.notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        /** Set once, by the first answer: a repeated click changes nothing. */
        .addColumn('used_at', instant)
        .addColumn('answer', 'text')
        .execute();
      await db.schema.createIndex('message_links_appointment').on('message_links').columns(['appointment_id']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['message_links', 'message_outbox', 'mailings', 'messaging_settings', 'mailing_consents']) await db.schema.dropTable(t).execute();
    },
  };
}
