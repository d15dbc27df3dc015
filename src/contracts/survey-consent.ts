import { z } from 'zod';
import { SURVEY_CHANNELS, SURVEY_CONSENT_STATUSES } from '../domain/survey-consent.js';
import { Id, LIMITS, OptText } from './common.js';

/** SVC-1: the patient's consent to the post-treatment survey (SURV-1); history kept, the latest wins. */
export const SurveyConsentStatus = z.enum(SURVEY_CONSENT_STATUSES);
export const SurveyChannel = z.enum(SURVEY_CHANNELS);

export const SurveyConsentInput = z.strictObject({
  status: SurveyConsentStatus,
  /** When the patient prefers to be called, in their words («после 18:00», «по выходным»). */
  preferredTime: OptText(LIMITS.shortText),
  channel: SurveyChannel.default('phone'),
});

export const SurveyConsent = z.object({
  id: Id,
  status: SurveyConsentStatus,
  preferredTime: z.string().nullable(),
  channel: SurveyChannel,
  recordedBy: z.object({ id: Id, name: z.string() }).nullable(),
  recordedAt: z.string(),
});

/** The consent in force (null: never asked) and every earlier answer, newest first. */
export const SurveyConsentView = z.object({ consent: SurveyConsent.nullable(), history: z.array(SurveyConsent) });
