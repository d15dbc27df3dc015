import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * The schedule and the desk day: appointment details and history, slot holds for the
 * two-option proposal, the waiting list, the service card, staff notifications, the live
 * event feed (read by every app server), and doctors' calendar feed tokens.
 */
export function schedule(dialect: Dialect): Migration {
  const pg = dialect === 'postgres';
  const instant = pg ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('clinics').addColumn('settings_json', 'text', (c) => c.notNull().defaultTo('{}')).execute();
      for (const [name, type] of [
        ['services', sql`text`],
        ['call_id', sql`text`],
        ['walk_in', sql`integer not null default 0`],
        ['late_minutes', sql`integer`],
        ['arrived_at', instant],
        ['in_chair_at', instant],
        ['done_at', instant],
        ['cancel_reason', sql`text`],
        ['cancel_note', sql`text`],
        ['callback_date', sql`text`],
        ['rebooked_to_id', sql`text`],
        ['review_requested', sql`integer not null default 0`],
        ['follow_up_booked', sql`integer not null default 0`],
      ] as const) {
        await sql`alter table appointments add column ${sql.raw(name)} ${type}`.execute(db);
      }

      await db.schema
        .createTable('appointment_history')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointments.id'))
        .addColumn('at', instant, (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text')
        .addColumn('details_json', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('appointment_history_appt').on('appointment_history').columns(['appointment_id', 'at']).execute();

      await db.schema
        .createTable('slot_holds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('hold_group', 'text', (c) => c.notNull())
        .addColumn('doctor_id', 'text', (c) => c.notNull().references('doctors.id'))
        .addColumn('branch_id', 'text', (c) => c.notNull())
        .addColumn('chair_id', 'text')
        .addColumn('starts_at', instant, (c) => c.notNull())
        .addColumn('ends_at', instant, (c) => c.notNull())
        .addColumn('expires_at', instant, (c) => c.notNull())
        .addColumn('user_id', 'text')
        .execute();
      await db.schema.createIndex('slot_holds_doctor').on('slot_holds').columns(['doctor_id', 'starts_at']).execute();
      await db.schema.createIndex('slot_holds_group').on('slot_holds').column('hold_group').execute();

      await db.schema
        .createTable('waiting_list')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('doctor_id', 'text', (c) => c.references('doctors.id'))
        .addColumn('specialty', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('date_from', 'text', (c) => c.notNull())
        .addColumn('date_to', 'text', (c) => c.notNull())
        .addColumn('part_of_day', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('appointment_id', 'text')
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('created_by', 'text')
        .execute();
      await db.schema.createIndex('waiting_list_open').on('waiting_list').columns(['clinic_id', 'status', 'date_from']).execute();

      await db.schema
        .createTable('service_card_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('section', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('event_date', 'text', (c) => c.notNull())
        .addColumn('minutes', 'integer')
        .addColumn('is_alert', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('appointment_id', 'text')
        .addColumn('author_id', 'text')
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('author_role', 'text', (c) => c.notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('service_card_patient').on('service_card_entries').columns(['patient_id', 'section']).execute();

      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('doctor_id', 'text', (c) => c.references('doctors.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('appointment_id', 'text')
        .addColumn('patient_id', 'text')
        .addColumn('text_ru', 'text', (c) => c.notNull())
        .addColumn('text_en', 'text', (c) => c.notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('read_at', instant)
        .execute();
      await db.schema.createIndex('notifications_doctor').on('notifications').columns(['doctor_id', 'created_at']).execute();

      await db.schema
        .createTable('live_events')
        .addColumn('seq', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('clinic_id', 'text', (c) => c.notNull())
        .addColumn('at', instant, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload_json', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('live_events_clinic').on('live_events').columns(['clinic_id', 'seq']).execute();

      await db.schema
        .createTable('doctor_feed_tokens')
        .addColumn('doctor_id', 'text', (c) => c.primaryKey().references('doctors.id'))
        .addColumn('clinic_id', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
    },
  };
}
