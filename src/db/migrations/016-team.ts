import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * STAFF-2…5 (issue 14): team messages with read marks, tasks other areas hand out, versioned job
 * descriptions with each employee's confirmation, a new administrator's training plan and exam.
 */
export function team(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('team_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('from_user_id', 'text', (c) => c.notNull().references('users.id'))
        // Exactly one of the two: a person, or everyone holding a role.
        .addColumn('to_user_id', 'text', (c) => c.references('users.id'))
        .addColumn('to_role', 'text')
        .addColumn('template', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('patient_id', 'text', (c) => c.references('patients.id'))
        .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('team_messages_to_user').on('team_messages').columns(['clinic_id', 'to_user_id', 'created_at']).execute();
      await db.schema.createIndex('team_messages_to_role').on('team_messages').columns(['clinic_id', 'to_role', 'created_at']).execute();
      await db.schema.createIndex('team_messages_from').on('team_messages').columns(['clinic_id', 'from_user_id', 'created_at']).execute();
      await db.schema
        .createTable('team_message_reads')
        .addColumn('message_id', 'text', (c) => c.notNull().references('team_messages.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('read_at', instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('team_message_reads_pk', ['message_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('details', 'text')
        .addColumn('assignee_user_id', 'text', (c) => c.references('users.id'))
        .addColumn('assignee_role', 'text')
        .addColumn('due_date', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text')
        .addColumn('patient_id', 'text', (c) => c.references('patients.id'))
        .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
        .addColumn('source_message_id', 'text', (c) => c.references('team_messages.id'))
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('closed_by', 'text', (c) => c.references('users.id'))
        .addColumn('closed_at', instant)
        .execute();
      await db.schema.createIndex('tasks_clinic_status').on('tasks').columns(['clinic_id', 'status', 'due_date']).execute();

      // Version 1 of every role is the built-in text (src/domain/team/job-descriptions-*.ts): a row is an edited version.
      await db.schema
        .createTable('job_descriptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('sections_json', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addUniqueConstraint('job_descriptions_version', ['clinic_id', 'role', 'version'])
        .execute();
      await db.schema
        .createTable('job_description_reads')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('confirmed_at', instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('job_description_reads_pk', ['user_id', 'role', 'version'])
        .execute();

      await db.schema
        .createTable('training_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('trainee_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('mentor_id', 'text', (c) => c.references('users.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text')
        .addColumn('done_at', instant)
        .addColumn('done_by', 'text', (c) => c.references('users.id'))
        .execute();
      await db.schema.createIndex('training_items_trainee').on('training_items').columns(['clinic_id', 'trainee_id', 'position']).execute();
      await db.schema
        .createTable('exam_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('exam', 'text', (c) => c.notNull())
        .addColumn('taken_at', instant, (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('pass_mark', 'integer', (c) => c.notNull())
        .addColumn('passed', 'integer', (c) => c.notNull())
        .addColumn('answers_json', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('exam_attempts_user').on('exam_attempts').columns(['clinic_id', 'user_id', 'taken_at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['exam_attempts', 'training_items', 'job_description_reads', 'job_descriptions', 'tasks', 'team_message_reads', 'team_messages']) {
        await db.schema.dropTable(t).execute();
      }
    },
  };
}
