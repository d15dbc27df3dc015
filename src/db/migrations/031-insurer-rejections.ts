import type { Kysely, Migration } from 'kysely';

/**
 * An insurer pays a register less the bills its experts refused (issue #13): each refused bill keeps
 * the reason and the moment it was recorded; what the insurer did not pay stays owed on that bill.
 */
export const insurerRejections: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('bill_insurance').addColumn('rejected_reason', 'text').execute();
    await db.schema.alterTable('bill_insurance').addColumn('rejected_at', 'text').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('bill_insurance').dropColumn('rejected_at').execute();
    await db.schema.alterTable('bill_insurance').dropColumn('rejected_reason').execute();
  },
};
