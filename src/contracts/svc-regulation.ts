import { z } from 'zod';
import { NEXT_VISIT } from '../domain/service-card-regulation.js';
import { Id, LIMITS, OptText, Text } from './common.js';
import { SurveyConsentInput } from './survey-consent.js';

/** SVC-11: the service card regulation, versioned; DESK-2/3: the leaving record of a visit. */
const Author = z.object({ id: Id, name: z.string() }).nullable();
export const SvcRegulation = z.object({
  version: z.number().int(),
  currentVersion: z.number().int(),
  body: z.string(),
  /** Only version 1 (the built-in text) has an English text; a clinic writes its own in its language. */
  bodyEn: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string().nullable(),
  createdBy: Author,
  /** The viewer's own confirmation of this version. */
  confirmedAt: z.string().nullable(),
  versions: z.array(z.object({ version: z.number().int(), note: z.string().nullable(), createdAt: z.string().nullable(), createdBy: Author })),
});
export const SvcRegulationInput = z.strictObject({ body: Text(20_000), note: OptText(LIMITS.shortText) });
export const SvcRegulationVersionParams = z.strictObject({ version: z.coerce.number().int().min(1).max(10_000) });
export const MySvcRegulationStatus = z.object({ version: z.number().int(), pending: z.boolean(), confirmedAt: z.string().nullable() });
export const SvcRegulationConfirmations = z.object({
  version: z.number().int(),
  items: z.array(z.object({ userId: Id, name: z.string(), role: z.string(), confirmedAt: z.string().nullable() })),
});

export const VisitLeaving = z.object({
  appointmentId: Id,
  nextVisit: z.enum(NEXT_VISIT),
  reviewAsked: z.boolean(),
  reviewSite: z.string().nullable(),
  flyers: z.boolean(),
  gift: z.boolean(),
  recordedBy: z.object({ id: Id, name: z.string() }),
  recordedAt: z.string(),
});
export const VisitLeavingInput = z.strictObject({
  nextVisit: z.enum(NEXT_VISIT),
  /** null: no review was asked for. */
  reviewSite: z.string().max(LIMITS.shortText).nullable(),
  flyers: z.boolean(),
  gift: z.boolean(),
  /** SVC-1 asked at the door while not yet known: recorded in the same save (null or absent: not asked). */
  surveyConsent: SurveyConsentInput.nullable().optional(),
});
export const ReviewSites = z.object({ sites: z.array(z.string()) });
export const ReviewSitesInput = z.strictObject({ sites: z.array(Text(80)).min(1).max(30) });
