import { z } from 'zod';
import { Id, LIMITS, Text } from './common.js';
import { Kind, Method } from './money-report.js';

/** The fiscal outbox (54-FZ): documents waiting for, sent to, or refused by the online cash register. */
export const FiscalStatus = z.enum(['pending', 'sent', 'done', 'failed', 'manual']);

export const FiscalOutboxQuery = z.strictObject({
  status: FiscalStatus.optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

export const FiscalOutboxItem = z.object({
  id: Id,
  operation: z.enum(['sell', 'sell_return']),
  status: FiscalStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  fiscalSign: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  payment: z.object({ id: Id, number: z.number().int(), amount: z.number().int(), method: Method, kind: Kind, at: z.string() }),
  patient: z.object({ id: Id, name: z.string() }),
});
export type FiscalOutboxItem = z.infer<typeof FiscalOutboxItem>;

export const FiscalOutboxPage = z.object({
  items: z.array(FiscalOutboxItem),
  /** Which register adapter this server runs: 'none' = not connected, documents wait. */
  driver: z.enum(['none', 'atol-web']),
  counts: z.record(z.string(), z.number().int()),
});

export const FiscalOutboxDetail = FiscalOutboxItem.extend({
  /** The neutral fiscal document as stored. */
  document: z.unknown(),
  /** What the register adapter would send (ATOL's JSON task), or null when the document does not map. */
  registerTask: z.unknown().nullable(),
});

export const FiscalManualInput = z.strictObject({
  /** Why the receipt was punched on the register by hand (it was offline, the server was down…). */
  reason: Text(LIMITS.shortText),
  /** The fiscal sign (ФП) printed on the receipt, when the cashier has it. */
  fiscalSign: z.string().max(64).optional(),
});
