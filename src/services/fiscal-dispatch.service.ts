import { withTx, type DbHandle } from '../db/connect.js';
import { claimNext, settle } from '../db/repos/fiscal-outbox.repo.js';
import type { FiscalDocument } from '../domain/fiscal-document.js';
import type { FiscalDriver } from './fiscal-drivers.js';

/** A row handed to the register and not settled within this time is taken again (same uuid: never a second receipt). */
export const FISCAL_LEASE_MS = 5 * 60_000;

export interface DispatchStats {
  done: number;
  rejected: number;
  unavailable: number;
}

/**
 * Sends waiting documents to the register oldest first, one at a time, each claimed in its own
 * transaction so two app servers never send one row twice. Stops at the first «register
 * unavailable» (it is offline: the row goes back to waiting with the error shown) and after `max`.
 * A refusal by the register marks the row failed: a person looks at it («Повторить» or «Пробит вручную»).
 */
export async function dispatchFiscal(h: Pick<DbHandle, 'db' | 'dialect'>, driver: FiscalDriver, clock: () => Date, max = 50): Promise<DispatchStats> {
  const stats: DispatchStats = { done: 0, rejected: 0, unavailable: 0 };
  if (driver.name === 'none') return stats;
  for (let i = 0; i < max; i++) {
    const now = clock();
    const row = await claimNext(h, now.toISOString(), new Date(now.getTime() - FISCAL_LEASE_MS).toISOString());
    if (!row) break;
    let outcome;
    try {
      outcome = await driver.send(row.id, JSON.parse(row.payload_json) as FiscalDocument);
    } catch (e) {
      outcome = { kind: 'unavailable' as const, error: String((e as Error)?.message ?? e).slice(0, 300) };
    }
    const at = clock().toISOString();
    await withTx(h, (trx) =>
      outcome.kind === 'done'
        ? settle(trx, row.id, { status: 'done', last_error: null, fiscal_sign: outcome.fiscalSign, updated_at: at })
        : settle(trx, row.id, { status: outcome.kind === 'rejected' ? 'failed' : 'pending', last_error: outcome.error, updated_at: at }),
    );
    stats[outcome.kind === 'done' ? 'done' : outcome.kind]++;
    if (outcome.kind === 'unavailable') break;
  }
  return stats;
}

/** The background sender of one app server: every `everyMs`, one dispatch round; stop() waits for the round in flight. */
export function startFiscalWorker(h: Pick<DbHandle, 'db' | 'dialect'>, driver: FiscalDriver, everyMs = 5_000, onError: (e: unknown) => void = () => {}) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = dispatchFiscal(h, driver, () => new Date()).catch(onError).finally(() => {
      if (!stopped) timer = setTimeout(tick, everyMs);
    });
  };
  let timer: NodeJS.Timeout | undefined = driver.name === 'none' ? undefined : setTimeout(tick, 1_000);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
