import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * DESK-1: the daily opening checklist. Items per branch (editable, deactivated rather than
 * deleted); one record per branch and clinic-local day with a mark per item that copies the
 * item's text, so a past day keeps the wording it was ticked against. A branch's default items
 * are written on its first read (seed_key 'default-N', unique per branch, so two first reads at
 * once write them once).
 */
export function openingChecklist(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('checklist_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
        .addColumn('seed_key', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('checklist_items_seed').on('checklist_items').columns(['branch_id', 'seed_key']).unique().execute();
      await db.schema.createIndex('checklist_items_clinic').on('checklist_items').columns(['clinic_id', 'branch_id', 'position']).execute();
      await db.schema
        .createTable('checklist_days')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('opened_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('opened_at', instant, (c) => c.notNull())
        .addColumn('completed_at', instant)
        .addColumn('completed_by', 'text', (c) => c.references('users.id'))
        .execute();
      await db.schema.createIndex('checklist_days_branch_date').on('checklist_days').columns(['branch_id', 'date']).unique().execute();
      await db.schema.createIndex('checklist_days_clinic').on('checklist_days').columns(['clinic_id', 'date']).execute();
      await db.schema
        .createTable('checklist_marks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
        .addColumn('day_id', 'text', (c) => c.notNull().references('checklist_days.id'))
        .addColumn('item_id', 'text', (c) => c.notNull().references('checklist_items.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('done_at', instant)
        .addColumn('done_by', 'text', (c) => c.references('users.id'))
        .addColumn('note', 'text')
        .addColumn('noted_by', 'text', (c) => c.references('users.id'))
        .addColumn('noted_at', instant)
        .execute();
      await db.schema.createIndex('checklist_marks_day_item').on('checklist_marks').columns(['day_id', 'item_id']).unique().execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('checklist_marks').execute();
      await db.schema.dropTable('checklist_days').execute();
      await db.schema.dropTable('checklist_items').execute();
    },
  };
}
