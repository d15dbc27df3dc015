import type { Kysely, Migration } from 'kysely';

/**
 * A staff member's branch (issue #10): the telephony's ring pops the call card only on the desks of
 * the line's branch. Empty: the member works at every branch and sees every ring.
 */
export const userBranch: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('users').addColumn('branch_id', 'text', (c) => c.references('branches.id')).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('users').dropColumn('branch_id').execute();
  },
};
