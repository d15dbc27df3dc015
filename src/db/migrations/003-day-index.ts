import type { Kysely, Migration } from 'kysely';

/** The day board reads a clinic day ordered by start: one index serves both, no sort step. */
export const dayIndex: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.dropIndex('appointments_day').execute();
    await db.schema.createIndex('appointments_day').on('appointments').columns(['clinic_id', 'local_date', 'starts_at']).execute();
  },
};
