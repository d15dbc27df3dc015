import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * DESK-4 (issue #13): the clinic's money at the desk. Bills of visits with lines that snapshot the
 * price list (a later price change never alters a bill), payments and refunds with per-clinic receipt
 * numbers, cash shifts (one open per branch), and the fiscal outbox written in the payment's own
 * transaction (54-FZ: the register adapter reads it later). Money is integer kopecks; on PostgreSQL
 * bigint so a year's sums never overflow.
 */
export function money(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  const kopecks = dialect === 'postgres' ? sql`bigint` : sql`integer`;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('cash_shifts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('opened_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('opened_at', instant, (c) => c.notNull())
        .addColumn('opening_float', kopecks, (c) => c.notNull().check(sql`opening_float >= 0`))
        .addColumn('closed_by', 'text', (c) => c.references('users.id'))
        .addColumn('closed_at', instant)
        .addColumn('counted_cash', kopecks)
        .addColumn('expected_cash', kopecks)
        .addColumn('discrepancy', kopecks)
        .addColumn('close_note', 'text')
        .execute();
      await db.schema.createIndex('cash_shifts_number').on('cash_shifts').columns(['clinic_id', 'number']).unique().execute();
      // At most one open shift per branch: the database refuses a second even if two desks press at once.
      await db.schema.createIndex('cash_shifts_one_open').on('cash_shifts').column('branch_id').unique().where(sql.ref('closed_at'), 'is', null).execute();
      await db.schema.createIndex('cash_shifts_opened').on('cash_shifts').columns(['clinic_id', 'opened_at']).execute();

      await db.schema
        .createTable('bills')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'issued', 'cancelled')`))
        .addColumn('payer', 'text', (c) => c.notNull().defaultTo('patient').check(sql`payer in ('patient', 'insurer')`))
        .addColumn('total', kopecks, (c) => c.notNull().defaultTo(0).check(sql`total >= 0`))
        .addColumn('discount_total', kopecks, (c) => c.notNull().defaultTo(0).check(sql`discount_total >= 0`))
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('issued_by', 'text', (c) => c.references('users.id'))
        .addColumn('issued_at', instant)
        .addColumn('cancelled_by', 'text', (c) => c.references('users.id'))
        .addColumn('cancelled_at', instant)
        .addColumn('cancel_reason', 'text')
        .addColumn('updated_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('bills_number').on('bills').columns(['clinic_id', 'number']).unique().execute();
      // One live bill per visit; a cancelled one may be followed by a new one.
      await db.schema
        .createIndex('bills_one_per_visit')
        .on('bills')
        .column('appointment_id')
        .unique()
        .where(sql.ref('status'), '<>', 'cancelled')
        .execute();
      await db.schema.createIndex('bills_patient').on('bills').columns(['patient_id', 'created_at']).execute();
      await db.schema.createIndex('bills_clinic_issued').on('bills').columns(['clinic_id', 'issued_at']).execute();

      await db.schema
        .createTable('bill_lines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('price_item_id', 'text', (c) => c.references('price_items.id'))
        .addColumn('price_version_id', 'text', (c) => c.references('price_versions.id'))
        // Snapshots of the price list at billing time.
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('unit_price', kopecks, (c) => c.notNull().check(sql`unit_price >= 0`))
        .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
        .addColumn('discount', kopecks, (c) => c.notNull().defaultTo(0).check(sql`discount >= 0`))
        .addColumn('discount_reason', 'text')
        .addColumn('amount', kopecks, (c) => c.notNull().check(sql`amount >= 0`))
        .addColumn('doctor_id', 'text', (c) => c.references('doctors.id'))
        .addColumn('assistant_id', 'text', (c) => c.references('users.id'))
        .addColumn('tooth', 'text')
        .execute();
      await db.schema.createIndex('bill_lines_bill').on('bill_lines').columns(['bill_id', 'position']).unique().execute();
      await db.schema.createIndex('bill_lines_doctor').on('bill_lines').columns(['clinic_id', 'doctor_id']).execute();

      await db.schema
        .createTable('payments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('bill_id', 'text', (c) => c.references('bills.id'))
        .addColumn('shift_id', 'text', (c) => c.references('cash_shifts.id'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('payment', 'refund')`))
        .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('cash', 'card', 'transfer', 'insurer', 'advance')`))
        .addColumn('amount', kopecks, (c) => c.notNull().check(sql`amount > 0`))
        .addColumn('refund_of', 'text', (c) => c.references('payments.id'))
        .addColumn('reason', 'text')
        .addColumn('payer_name', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('payments_number').on('payments').columns(['clinic_id', 'number']).unique().execute();
      await db.schema.createIndex('payments_patient').on('payments').columns(['patient_id', 'created_at']).execute();
      await db.schema.createIndex('payments_bill').on('payments').column('bill_id').execute();
      await db.schema.createIndex('payments_shift').on('payments').column('shift_id').execute();
      await db.schema.createIndex('payments_clinic_created').on('payments').columns(['clinic_id', 'created_at']).execute();
      await db.schema.createIndex('payments_refund_of').on('payments').column('refund_of').execute();

      await db.schema
        .createTable('fiscal_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
        .addColumn('operation', 'text', (c) => c.notNull().check(sql`operation in ('sell', 'sell_return')`))
        .addColumn('payload_json', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sent', 'done', 'failed', 'manual')`))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('fiscal_sign', 'text')
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('fiscal_outbox_payment').on('fiscal_outbox').column('payment_id').unique().execute();
      await db.schema.createIndex('fiscal_outbox_status').on('fiscal_outbox').columns(['clinic_id', 'status', 'created_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('fiscal_outbox').execute();
      await db.schema.dropTable('payments').execute();
      await db.schema.dropTable('bill_lines').execute();
      await db.schema.dropTable('bills').execute();
      await db.schema.dropTable('cash_shifts').execute();
    },
  };
}
