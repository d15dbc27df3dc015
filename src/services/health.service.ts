import { ping } from '../db/repos/health.repo.js';
import type { Deps } from './context.js';

/** Proves the database answers; reports the engine so operators see which one runs. */
export async function healthCheck(deps: Deps) {
  await ping(deps.h.db);
  return { status: 'ok' as const, engine: deps.h.dialect, time: deps.clock().toISOString() };
}
