import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * PAT-4 (issue #13): voluntary medical insurance (ДМС) and the tax-deduction certificate.
 * Insurers with the clinic's contract, their programmes, the patients' policies and guarantee
 * letters; a bill of 013-money handed to the insurer is linked here to a policy and a letter
 * (the visit's date and sum snapshotted, so the month's register is one indexed range);
 * monthly registers are fixed once sent (content stored); tax certificates (FNS form КНД 1151156)
 * are numbered and their figures stored. The clinic gets its INN and KPP (both documents print them). Money is integer kopecks (bigint on PostgreSQL).
 */
export function insurance(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  const kopecks = dialect === 'postgres' ? sql`bigint` : sql`integer`;
  return {
    async up(db: Kysely<any>) {
      // The clinic's tax identifiers: the tax certificate and the insurer's register print them.
      await db.schema.alterTable('clinics').addColumn('inn', 'text').execute();
      await db.schema.alterTable('clinics').addColumn('kpp', 'text').execute();
      await db.schema
        .createTable('insurers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('legal_name', 'text', (c) => c.notNull())
        .addColumn('inn', 'text', (c) => c.notNull())
        .addColumn('kpp', 'text')
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('contact_person', 'text')
        .addColumn('address', 'text')
        .addColumn('contract_number', 'text', (c) => c.notNull())
        .addColumn('contract_date', 'text', (c) => c.notNull())
        .addColumn('contract_valid_to', 'text')
        .addColumn('note', 'text')
        .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('insurers_name').on('insurers').columns(['clinic_id', 'name']).unique().execute();

      await db.schema
        .createTable('insurance_programmes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('insurer_id', 'text', (c) => c.notNull().references('insurers.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('insurance_programmes_name').on('insurance_programmes').columns(['insurer_id', 'name']).unique().execute();

      await db.schema
        .createTable('insurance_policies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('insurer_id', 'text', (c) => c.notNull().references('insurers.id'))
        .addColumn('programme_id', 'text', (c) => c.references('insurance_programmes.id'))
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addColumn('valid_to', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('insurance_policies_number').on('insurance_policies').columns(['insurer_id', 'number']).unique().execute();
      await db.schema.createIndex('insurance_policies_patient').on('insurance_policies').columns(['patient_id', 'valid_to']).execute();

      await db.schema
        .createTable('guarantee_letters')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('insurer_id', 'text', (c) => c.notNull().references('insurers.id'))
        .addColumn('policy_id', 'text', (c) => c.notNull().references('insurance_policies.id'))
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('issued_on', 'text', (c) => c.notNull())
        .addColumn('valid_to', 'text', (c) => c.notNull())
        .addColumn('limit_amount', kopecks, (c) => c.notNull().check(sql`limit_amount > 0`))
        .addColumn('covers', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('guarantee_letters_number').on('guarantee_letters').columns(['insurer_id', 'number']).unique().execute();
      await db.schema.createIndex('guarantee_letters_policy').on('guarantee_letters').column('policy_id').execute();

      await db.schema
        .createTable('insurance_registers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('insurer_id', 'text', (c) => c.notNull().references('insurers.id'))
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sent', 'paid')`))
        .addColumn('total', kopecks, (c) => c.notNull().check(sql`total >= 0`))
        .addColumn('bills_count', 'integer', (c) => c.notNull())
        /** JSON of RegisterContent (src/domain/insurance-register.ts): the register exactly as sent. */
        .addColumn('content_json', 'text', (c) => c.notNull())
        .addColumn('sent_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('sent_at', instant, (c) => c.notNull())
        .addColumn('paid_amount', kopecks)
        .addColumn('paid_on', 'text')
        .addColumn('payment_ref', 'text')
        .addColumn('paid_by', 'text', (c) => c.references('users.id'))
        .addColumn('paid_at', instant)
        .execute();
      await db.schema.createIndex('insurance_registers_number').on('insurance_registers').columns(['clinic_id', 'number']).unique().execute();
      await db.schema.createIndex('insurance_registers_insurer').on('insurance_registers').columns(['insurer_id', 'month']).execute();

      await db.schema
        .createTable('bill_insurance')
        .addColumn('bill_id', 'text', (c) => c.primaryKey().references('bills.id'))
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('insurer_id', 'text', (c) => c.notNull().references('insurers.id'))
        .addColumn('policy_id', 'text', (c) => c.notNull().references('insurance_policies.id'))
        .addColumn('letter_id', 'text', (c) => c.notNull().references('guarantee_letters.id'))
        // The visit's clinic-local date and the bill's total when handed over: the register's month and sum.
        .addColumn('service_date', 'text', (c) => c.notNull())
        .addColumn('amount', kopecks, (c) => c.notNull().check(sql`amount >= 0`))
        .addColumn('register_id', 'text', (c) => c.references('insurance_registers.id'))
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('bill_insurance_month').on('bill_insurance').columns(['clinic_id', 'insurer_id', 'service_date']).execute();
      await db.schema.createIndex('bill_insurance_letter').on('bill_insurance').column('letter_id').execute();
      await db.schema.createIndex('bill_insurance_register').on('bill_insurance').column('register_id').execute();

      await db.schema
        .createTable('tax_certificates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('taxpayer_name', 'text', (c) => c.notNull())
        .addColumn('taxpayer_inn', 'text')
        .addColumn('taxpayer_birth_date', 'text', (c) => c.notNull())
        .addColumn('taxpayer_document', 'text')
        .addColumn('relation', 'text', (c) => c.notNull().check(sql`relation in ('self', 'spouse', 'parent', 'child')`))
        .addColumn('service_code', 'integer', (c) => c.notNull().check(sql`service_code in (1, 2)`))
        .addColumn('amount', kopecks, (c) => c.notNull().check(sql`amount > 0`))
        /** JSON of the certificate's figures as issued (clinic, taxpayer, patient, sums). */
        .addColumn('content_json', 'text', (c) => c.notNull())
        .addColumn('issued_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('issued_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tax_certificates_number').on('tax_certificates').columns(['clinic_id', 'number']).unique().execute();
      await db.schema.createIndex('tax_certificates_patient').on('tax_certificates').columns(['patient_id', 'year']).execute();
      await db.schema.createIndex('tax_certificates_issued').on('tax_certificates').columns(['clinic_id', 'issued_at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['tax_certificates', 'bill_insurance', 'insurance_registers', 'guarantee_letters', 'insurance_policies', 'insurance_programmes', 'insurers']) {
        await db.schema.dropTable(t).execute();
      }
      await db.schema.alterTable('clinics').dropColumn('kpp').execute();
      await db.schema.alterTable('clinics').dropColumn('inn').execute();
    },
  };
}
