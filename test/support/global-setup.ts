import { sql } from 'kysely';
import { connect } from '../../src/db/connect.js';

/** btree_gist lives in `public` once per database; test schemas find it through search_path. */
export default async function setup() {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) return;
  const h = connect({ databaseUrl: url, poolMax: 1 });
  await sql`create extension if not exists btree_gist schema public`.execute(h.db);
  await h.close();
}
