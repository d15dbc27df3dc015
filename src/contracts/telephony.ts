import { z } from 'zod';
import { Id, Instant } from './common.js';

export const TELEPHONY_EVENTS = ['ringing', 'answered', 'ended'] as const;

/** The body a PBX posts to /api/telephony/events (signed; see the README «Телефония»). */
export const TelephonyEvent = z.strictObject({
  event: z.enum(TELEPHONY_EVENTS),
  /** The PBX's own id of the call (Asterisk's linkedid/uniqueid, a cloud PBX's call id). */
  callId: z.string().trim().min(1).max(128),
  from: z.string().trim().min(1).max(64),
  to: z.string().trim().max(64).optional(),
  /** The line the call came in on: a number or a trunk name, mapped to a branch in the clinic's settings. */
  line: z.string().trim().min(1).max(64),
  at: Instant,
});
export type TelephonyEventT = z.infer<typeof TelephonyEvent>;

export const TelephonyResult = z.object({ callId: z.string(), duplicate: z.boolean() });

export const TelephonyLine = z.strictObject({ line: z.string().trim().min(1).max(64), branchId: Id });
export const TelephonyLinesBody = z.strictObject({ lines: z.array(TelephonyLine).max(100) });

export const TelephonySettings = z.object({
  clinicId: z.string(),
  hasSecret: z.boolean(),
  secretCreatedAt: z.string().nullable(),
  lines: z.array(z.object({ id: z.string(), line: z.string(), branchId: z.string() })),
});

/** The new secret, shown once: the server never returns it again. */
export const TelephonySecret = z.object({ secret: z.string(), createdAt: z.string() });
