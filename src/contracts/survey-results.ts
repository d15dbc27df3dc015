import { z } from 'zod';
import { Id, IsoDate, LIMITS, Text } from './common.js';

/** The results screen's filter (SURV-3): the period is the date of the visit the survey was about. */
export const SurveyResultsQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional(), doctorId: Id.optional(), branchId: Id.optional() });

export const NPS_GROUPS = ['promoters', 'passives', 'detractors'] as const;

/**
 * The calls behind one figure of the results: the screen's filter plus what the figure counts —
 * a service, a month, the answers to one question, one NPS group, complaints, low results, remarks.
 */
export const SurveyCallsQuery = SurveyResultsQuery.extend({
  serviceCode: z.string().min(1).max(40).optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month' }).optional(),
  question: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/).optional(),
  npsGroup: z.enum(NPS_GROUPS).optional(),
  /** Calls that answered the NPS question at all (the NPS figure's base). */
  npsAnswered: z.enum(['true']).optional(),
  complaint: z.enum(['true']).optional(),
  low: z.enum(['true']).optional(),
  remarks: z.enum(['true']).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

/** SURV-4: the note of a review meeting with the doctor on the survey results. */
export const SurveyReviewInput = z.strictObject({
  meetingDate: IsoDate,
  participants: Text(LIMITS.shortText * 2),
  text: Text(LIMITS.text),
});
