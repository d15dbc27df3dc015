import { sql } from 'kysely';
import type { Deps } from './context.js';

/** Proves the database answers; reports the engine so operators see which one runs. */
export async function healthCheck(deps: Deps) {
  await sql`select 1`.execute(deps.h.db);
  return { status: 'ok' as const, engine: deps.h.dialect, time: deps.clock().toISOString() };
}
