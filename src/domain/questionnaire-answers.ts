import { questionnaireExpired } from './document-renewal.js';
import { DomainError, type FieldError } from './errors.js';
import { can } from './permissions.js';
import type { Role } from './roles.js';
import type { SvcSection } from './service-card.js';

/**
 * DOC-2/DOC-3 answers as data (issue #11): which answers are valid, which are red flags for the doctor,
 * who may read a health questionnaire's answers (152-FZ art. 10: health data, a special category),
 * whether the patient's questionnaire is missing or due for renewal, what a «careful» answer writes
 * into the service card. Pure: the questions come in from the documents' defaults.
 */
export type QuestionnaireCode = 'health-questionnaire' | 'careful-questionnaire';

export interface QuestionDef {
  id: string;
  text: string;
  answer: 'yesno' | 'text';
  redFlag: boolean;
  serviceCardSection?: SvcSection;
}

export interface AnswerInput {
  questionId: string;
  yes: boolean | null;
  text: string | null;
}

export interface CleanAnswer {
  questionId: string;
  yes: boolean | null;
  text: string | null;
  redFlag: boolean;
}

/** The questionnaire a document of this kind holds (DOC-3's for «careful», DOC-2's for the health questionnaire). */
export function questionnaireOfKind(kind: string): QuestionnaireCode | null {
  if (kind === 'health_questionnaire') return 'health-questionnaire';
  if (kind === 'careful_questionnaire') return 'careful-questionnaire';
  return null;
}

/** A «да» to a red-flag question (for an open question: any text) is shown to the doctor on the appointment. */
export function isRedFlag(q: QuestionDef, yes: boolean | null, text: string | null): boolean {
  if (!q.redFlag) return false;
  return q.answer === 'yesno' ? yes === true : !!text?.trim();
}

/**
 * Checks a full set of answers against the questionnaire: every error at once, each on its field
 * (`answers.3.questionId`: unknown or repeated question; `answers.3.yes`: «да/нет» to an open
 * question). An answer with neither «да/нет» nor text is dropped: the question stays unanswered.
 */
export function cleanAnswers(questions: readonly QuestionDef[], input: readonly AnswerInput[]): CleanAnswer[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  const out: CleanAnswer[] = [];
  input.forEach((a, i) => {
    const q = byId.get(a.questionId);
    if (!q) {
      errors.push({ field: `answers.${i}.questionId`, message: { ru: 'В этой анкете нет такого вопроса', en: 'This questionnaire has no such question' } });
      return;
    }
    if (seen.has(a.questionId)) {
      errors.push({ field: `answers.${i}.questionId`, message: { ru: 'Ответ на этот вопрос передан дважды', en: 'This question is answered twice' } });
      return;
    }
    seen.add(a.questionId);
    if (q.answer === 'text' && a.yes !== null) {
      errors.push({ field: `answers.${i}.yes`, message: { ru: 'На этот вопрос отвечают текстом, а не «да» или «нет»', en: 'This question takes a text answer, not yes or no' } });
      return;
    }
    const text = a.text?.replace(/\s+/g, ' ').trim() || null;
    if (a.yes === null && !text) return;
    out.push({ questionId: q.id, yes: a.yes, text, redFlag: isRedFlag(q, a.yes, text) });
  });
  if (errors.length) throw new DomainError('validation_failed', { ru: 'Проверьте ответы анкеты', en: 'Please check the answers' }, errors);
  return out;
}

/**
 * Who reads a questionnaire's answers. A health questionnaire's (152-FZ art. 10: processed for medical
 * purposes by medical professionals bound by medical secrecy) are read with `anamnesis.read`; whoever
 * records answers (`questionnaires.fill`, e.g. the administrator transcribing a paper copy) sees them
 * only while the document is still open, to finish the transcription, not after it is signed.
 * «Обращайтесь со мной внимательно» feeds the service card, which every patient-facing role reads.
 */
export function mayReadAnswers(role: Role, deskCover: boolean, questionnaire: QuestionnaireCode, status: string): boolean {
  if (questionnaire === 'careful-questionnaire') return can(role, 'patients.read', deskCover);
  return can(role, 'anamnesis.read', deskCover) || (status === 'issued' && can(role, 'questionnaires.fill', deskCover));
}

/** DOC-2 on the appointment: no signed questionnaire, one past the renewal period on the visit's day, or a valid one. */
export type AnamnesisState = 'missing' | 'expired' | 'valid';

export function anamnesisState(signedDate: string | null, onDate: string, renewalMonths: number): AnamnesisState {
  if (!signedDate) return 'missing';
  return questionnaireExpired(signedDate, onDate, renewalMonths) ? 'expired' : 'valid';
}

/** What a «careful» answer writes into its service-card section (null: nothing to write, e.g. «нет»). */
export function cardEntryText(q: QuestionDef, yes: boolean | null, text: string | null): string | null {
  if (!q.serviceCardSection) return null;
  // Short: the alerts show on the grid, the visit panel and «Мой день», where a long prefix crowds out what matters.
  const from = 'Анкета «Внимательно»';
  if (q.answer === 'yesno') {
    if (yes !== true) return null;
    return `${from}: ${q.text.replace(/[.?]$/, '')}${text ? ` (${text})` : ''}`;
  }
  if (!text) return null;
  return `${from}: ${q.text.replace(/[.?]$/, '')} — ${text}`;
}

/** In the chair, what the patient fears or needs of the staff shows where staff act (SVC-12). */
export const CARD_ALERT_SECTIONS: readonly SvcSection[] = ['svc6', 'svc10'];
