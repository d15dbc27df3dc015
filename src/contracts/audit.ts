import { z } from 'zod';
import { Id, Instant, LIMITS } from './common.js';

export const AuditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  userLogin: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  patientId: z.string().nullable(),
  /** The patient as staff know them: card number and "Surname I. O." (null once the data is destroyed). */
  patient: z.object({ cardNumber: z.number(), name: z.string().nullable() }).nullable(),
  /** The staff member's full name as it is now (the login above is as it was). */
  userName: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryT = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  from: Instant.optional(),
  to: Instant.optional(),
  userId: Id.optional(),
  action: z.enum(['create', 'update', 'delete', 'read', 'login', 'login_failed', 'logout', 'export', 'block', 'destroy', 'desk_cover_start', 'desk_cover_end', 'confirm',
    'issue', 'cancel', 'open', 'close', 'pay', 'refund', 'print', 'send', 'bill_to_insurer', 'fiscal_retry', 'fiscal_manual',
    'checklist_tick', 'checklist_untick', 'checklist_note']).optional(),
  objectType: z.string().max(40).regex(/^[a-z_]+$/).optional(),
  patientId: Id.optional(),
  /** Page backwards: entries with seq below this. */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).optional(),
});
export const AuditPage = z.object({ items: z.array(AuditEntry), nextBefore: z.number().nullable() });
export const AuditVerify = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBrokenSeq: z.number().nullable(),
});
