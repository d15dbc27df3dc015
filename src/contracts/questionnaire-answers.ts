import { z } from 'zod';
import { SVC_SECTIONS } from '../domain/service-card.js';
import { Id, IsoDate } from './common.js';

/** DOC-2/DOC-3 answers as data (issue #11): the questionnaire form, its answers, the appointment's «Анамнез» and renewal reminder. */
export const QuestionnaireCodeSchema = z.enum(['health-questionnaire', 'careful-questionnaire']);

export const QuestionnaireQuestion = z.object({
  id: z.string(),
  text: z.string(),
  answer: z.enum(['yesno', 'text']),
  redFlag: z.boolean(),
  serviceCardSection: z.enum(SVC_SECTIONS).nullable(),
});
export const QuestionnaireAnswer = z.object({
  questionId: z.string(),
  yes: z.boolean().nullable(),
  text: z.string().nullable(),
  redFlag: z.boolean(),
  source: z.enum(['patient', 'staff']),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
/** `answers` is null when the reader may not see them (a signed health questionnaire without `anamnesis.read`). */
export const QuestionnaireForm = z.object({
  documentId: Id,
  patientId: Id,
  questionnaire: QuestionnaireCodeSchema,
  title: z.string(),
  number: z.string(),
  status: z.string(),
  editable: z.boolean(),
  groups: z.array(z.object({ id: z.string(), title: z.string(), questions: z.array(QuestionnaireQuestion) })),
  answers: z.array(QuestionnaireAnswer).nullable(),
  contentSha256: z.string(),
});

/** The full set of answers (what is not sent is unanswered); text at most 1000 characters. */
export const AnswersInput = z.strictObject({
  source: z.enum(['patient', 'staff']),
  answers: z
    .array(z.strictObject({ questionId: z.string().min(1).max(80), yes: z.boolean().nullable(), text: z.string().max(1000).nullable() }))
    .max(200),
});

export const RedFlag = z.object({ questionId: z.string(), label: z.string(), text: z.string().nullable() });
/**
 * The patient's health questionnaire as of the visit's day. `redFlags`: null when the reader may not
 * see health answers (then only the reminder shows); `answered`: whether the signed copy's answers were typed in.
 */
export const Anamnesis = z.object({
  appointmentId: Id,
  patientId: Id,
  state: z.enum(['missing', 'expired', 'valid']),
  documentId: Id.nullable(),
  signedDate: z.string().nullable(),
  validUntil: z.string().nullable(),
  answered: z.boolean(),
  redFlags: z.array(RedFlag).nullable(),
  /** An issued, not yet signed health questionnaire to fill in. */
  openDocumentId: Id.nullable(),
});
export const AnamnesisDay = z.object({ date: z.string(), items: z.array(Anamnesis) });
export const AnamnesisDayQuery = z.strictObject({ date: IsoDate, doctorId: Id.optional() });
