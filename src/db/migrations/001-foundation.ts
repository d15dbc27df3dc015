import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * Foundation tables: clinic, branches, chairs, calendar, staff and sessions, doctors and
 * their hours, patients, the audit chain, and the appointment and call tables that the
 * schedule and call areas build on. Runs unchanged on SQLite and PostgreSQL.
 */
export function foundation(dialect: Dialect): Migration {
  const pg = dialect === 'postgres';
  const instant = pg ? sql`timestamptz` : sql`text`;
  // "C" collation on PostgreSQL so that prefix range scans (>= 'ива' and < 'ива\uffff') use plain code-point order, as SQLite does.
  const keyText = pg ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('clinics')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('legal_name', 'text')
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('website', 'text')
        .addColumn('licence', 'text')
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('branches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('directions', 'text')
        .addColumn('phone', 'text')
        .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('hours_json', 'text', (c) => c.notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('branches_clinic').on('branches').column('clinic_id').execute();

      await db.schema
        .createTable('chairs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('chairs_clinic').on('chairs').column('clinic_id').execute();

      await db.schema
        .createTable('calendar_days')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('calendar_days_pk', ['clinic_id', 'date'])
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('login', 'text', (c) => c.notNull().unique())
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('password_changed_at', instant, (c) => c.notNull())
        .addColumn('last_login_at', instant)
        .execute();
      await db.schema.createIndex('users_clinic').on('users').column('clinic_id').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('last_seen_at', instant, (c) => c.notNull())
        .addColumn('expires_at', instant, (c) => c.notNull())
        .addColumn('revoked_at', instant)
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('login_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('login', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('at', instant, (c) => c.notNull())
        .addColumn('success', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_attempts_login').on('login_attempts').columns(['login', 'at']).execute();
      await db.schema.createIndex('login_attempts_ip').on('login_attempts').columns(['ip', 'at']).execute();

      await db.schema
        .createTable('doctors')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('user_id', 'text', (c) => c.references('users.id'))
        .addColumn('surname', 'text', (c) => c.notNull())
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('patronymic', 'text')
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('specialties_json', 'text', (c) => c.notNull())
        .addColumn('education', 'text')
        .addColumn('qualification', 'text')
        .addColumn('experience_since', 'integer')
        .addColumn('color', 'text', (c) => c.notNull())
        .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('doctors_clinic').on('doctors').column('clinic_id').execute();

      await db.schema
        .createTable('doctor_hours')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('doctor_id', 'text', (c) => c.notNull().references('doctors.id'))
        .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
        .addColumn('chair_id', 'text', (c) => c.references('chairs.id'))
        .addColumn('weekday', 'integer', (c) => c.notNull())
        .addColumn('starts', 'text', (c) => c.notNull())
        .addColumn('ends', 'text', (c) => c.notNull())
        .addColumn('break_starts', 'text')
        .addColumn('break_ends', 'text')
        .execute();
      await db.schema.createIndex('doctor_hours_doctor').on('doctor_hours').column('doctor_id').execute();

      await db.schema
        .createTable('doctor_exceptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('doctor_id', 'text', (c) => c.notNull().references('doctors.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('date_from', 'text', (c) => c.notNull())
        .addColumn('date_to', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('doctor_exceptions_doctor').on('doctor_exceptions').columns(['doctor_id', 'date_from']).execute();

      await db.schema
        .createTable('info_sources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('info_sources_clinic').on('info_sources').column('clinic_id').execute();

      await db.schema
        .createTable('counters')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('value', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('counters_pk', ['clinic_id', 'name'])
        .execute();

      await db.schema
        .createTable('patients')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('card_number', 'integer', (c) => c.notNull())
        .addColumn('surname', 'text', (c) => c.notNull())
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('patronymic', 'text')
        .addColumn('name_key', keyText, (c) => c.notNull())
        .addColumn('birth_date', 'text')
        .addColumn('sex', 'text')
        .addColumn('address_as', 'text')
        .addColumn('email', 'text')
        .addColumn('source_id', 'text', (c) => c.references('info_sources.id'))
        .addColumn('pd_consent_version', 'text')
        .addColumn('pd_consent_date', 'text')
        .addColumn('note', 'text')
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addUniqueConstraint('patients_card_unique', ['clinic_id', 'card_number'])
        .execute();
      await db.schema.createIndex('patients_name_key').on('patients').columns(['clinic_id', 'name_key']).execute();

      await db.schema
        .createTable('patient_phones')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id').onDelete('cascade'))
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('digits', keyText, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('patient_phones_digits').on('patient_phones').columns(['clinic_id', 'digits']).execute();
      await db.schema.createIndex('patient_phones_patient').on('patient_phones').column('patient_id').execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', instant, (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('user_login', 'text')
        .addColumn('role', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('object_type', 'text', (c) => c.notNull())
        .addColumn('object_id', 'text')
        .addColumn('patient_id', 'text')
        .addColumn('ip', 'text')
        .addColumn('details_json', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('audit_log_pk', ['clinic_id', 'seq'])
        .execute();
      await db.schema.createIndex('audit_log_patient').on('audit_log').columns(['clinic_id', 'patient_id', 'seq']).execute();
      await db.schema.createIndex('audit_log_user').on('audit_log').columns(['clinic_id', 'user_id', 'seq']).execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').columns(['clinic_id', 'at']).execute();

      await db.schema
        .createTable('audit_heads')
        .addColumn('clinic_id', 'text', (c) => c.primaryKey().references('clinics.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();

      // Append-only: the database itself refuses to change or delete audit rows.
      if (pg) {
        await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
          begin raise exception 'audit_log is append-only'; end $$`.execute(db);
        await sql`create trigger audit_log_no_update before update or delete on audit_log
          for each row execute function audit_log_append_only()`.execute(db);
      } else {
        await sql`create trigger audit_log_no_update before update on audit_log
          begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
        await sql`create trigger audit_log_no_delete before delete on audit_log
          begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
      }

      await db.schema
        .createTable('appointments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
        .addColumn('doctor_id', 'text', (c) => c.notNull().references('doctors.id'))
        .addColumn('chair_id', 'text', (c) => c.references('chairs.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('starts_at', instant, (c) => c.notNull())
        .addColumn('ends_at', instant, (c) => c.notNull())
        .addColumn('local_date', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('squeeze_in', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('needs_call', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('comment', 'text')
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addColumn('status_changed_at', instant, (c) => c.notNull())
        .addCheckConstraint('appointments_time_order', sql`ends_at > starts_at`)
        .execute();
      await db.schema.createIndex('appointments_day').on('appointments').columns(['clinic_id', 'local_date']).execute();
      await db.schema.createIndex('appointments_doctor_time').on('appointments').columns(['doctor_id', 'starts_at']).execute();
      await db.schema.createIndex('appointments_chair_time').on('appointments').columns(['chair_id', 'starts_at']).execute();
      await db.schema.createIndex('appointments_patient').on('appointments').columns(['patient_id', 'starts_at']).execute();
      if (pg) {
        // Last line of defence against double-booking (SCH-6); services check first for a clear 409.
        await sql`create extension if not exists btree_gist`.execute(db);
        await sql`alter table appointments add constraint appointments_no_doctor_overlap
          exclude using gist (doctor_id with =, tstzrange(starts_at, ends_at) with &&)
          where (status not in ('cancelled', 'no_show') and squeeze_in = 0)`.execute(db);
        await sql`alter table appointments add constraint appointments_no_chair_overlap
          exclude using gist (chair_id with =, tstzrange(starts_at, ends_at) with &&)
          where (chair_id is not null and status not in ('cancelled', 'no_show') and squeeze_in = 0)`.execute(db);
      }

      await db.schema
        .createTable('calls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('branch_id', 'text', (c) => c.references('branches.id'))
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('caller_type', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('patient_id', 'text', (c) => c.references('patients.id'))
        .addColumn('phone', 'text')
        .addColumn('caller_name', 'text')
        .addColumn('source_id', 'text', (c) => c.references('info_sources.id'))
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('outcome_reason', 'text')
        .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
        .addColumn('user_id', 'text', (c) => c.references('users.id'))
        .addColumn('started_at', instant, (c) => c.notNull())
        .addColumn('duration_sec', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('calls_time').on('calls').columns(['clinic_id', 'started_at']).execute();
      await db.schema.createIndex('calls_patient').on('calls').column('patient_id').execute();
    },
  };
}
