import { sql } from 'kysely';
import type { Db } from '../connect.js';

/** The cheapest round trip that proves the database answers. */
export async function ping(db: Db) {
  await sql`select 1`.execute(db);
}
