import { z } from 'zod';
import { QUALITY_KEYS } from '../domain/calls/call-quality.js';
import { Id, LIMITS, OptText } from './common.js';
import { Month } from './insurance.js';

/** Every item of the checklist marked: true done, false not done, null not applicable to this call. */
export const QualityAnswers = z.strictObject(
  Object.fromEntries(QUALITY_KEYS.map((k) => [k, z.boolean().nullable()])) as Record<(typeof QUALITY_KEYS)[number], z.ZodNullable<z.ZodBoolean>>,
);

/** CALL-8: a supervisor's score of one call. */
export const QualityInput = z.strictObject({
  items: QualityAnswers,
  comment: OptText(LIMITS.text),
});
export type QualityInputT = z.infer<typeof QualityInput>;

export const QualityItem = z.object({ key: z.string(), ru: z.string(), en: z.string() });

export const QualityScore = z.object({
  id: z.string(),
  callId: z.string(),
  callStartedAt: z.string(),
  direction: z.string(),
  callerName: z.string().nullable(),
  phone: z.string().nullable(),
  adminId: z.string().nullable(),
  adminName: z.string().nullable(),
  scoredBy: z.string(),
  scoredByName: z.string().nullable(),
  items: z.record(z.string(), z.boolean().nullable()),
  score: z.number(),
  maxScore: z.number(),
  /** score / maxScore × 100, one decimal; null when no item applied. */
  pct: z.number().nullable(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});

/** What the «Оценить звонок» dialog opens with: the checklist and the call's score if it has one. */
export const CallQualityView = z.object({ checklist: z.array(QualityItem), score: QualityScore.nullable() });

export const QualityListQuery = z.strictObject({
  from: Month.optional(),
  to: Month.optional(),
  userId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export const QualityPage = z.object({ items: z.array(QualityScore), total: z.number() });

export const QualityResultsQuery = z.strictObject({ from: Month.optional(), to: Month.optional() });

const Share = z.object({ key: z.string(), yes: z.number(), applicable: z.number(), share: z.number().nullable() });
export const QualityResults = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(z.string()),
  checklist: z.array(QualityItem),
  count: z.number(),
  avgPct: z.number().nullable(),
  /** The clinic's items, weakest first. */
  items: z.array(Share),
  admins: z.array(z.object({
    userId: z.string(),
    name: z.string(),
    count: z.number(),
    avgPct: z.number().nullable(),
    months: z.array(z.object({ month: z.string(), count: z.number(), avgPct: z.number().nullable() })),
    items: z.array(Share),
  })),
});
export type QualityResultsT = z.infer<typeof QualityResults>;
