/** SVC-1 / SURV-1: whether the patient agreed to the post-treatment survey, and how to reach them. */
export const SURVEY_CONSENT_STATUSES = ['agreed', 'refused'] as const;
export type SurveyConsentStatus = (typeof SURVEY_CONSENT_STATUSES)[number];
export const SURVEY_CHANNELS = ['phone', 'messenger', 'email'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];
