/**
 * The post-treatment phone survey (SURV-1..4, seed 000 part I). The seed names the topics of the
 * questionnaire («впечатление о клинике, доверие к врачу, оправданность стоимости лечения,
 * удовлетворённость качеством лечения и прочие оценки») and the parts of the call algorithm; the
 * question texts below are built on exactly those words, and the chief doctor may edit them (a
 * new version each save). Pure rules: no I/O, no clock.
 */
import { dayNumber } from './dates.js';
import { firstNameOf, type DayPart } from './calls/greeting.js';
import { fromClinic } from './worklists/scripts.js';

export type QuestionKind = 'score5' | 'nps' | 'text';
export interface SurveyQuestion {
  key: string;
  kind: QuestionKind;
  ru: string;
  en: string;
}

export const DEFAULT_QUESTIONS: readonly SurveyQuestion[] = [
  { key: 'impression', kind: 'score5', ru: 'Каково Ваше впечатление о клинике? Оцените, пожалуйста, от 1 до 5.', en: 'What is your impression of the clinic? Please rate it from 1 to 5.' },
  { key: 'trust', kind: 'score5', ru: 'Насколько Вы доверяете Вашему врачу? Оцените от 1 до 5.', en: 'How much do you trust your doctor? Rate from 1 to 5.' },
  { key: 'cost', kind: 'score5', ru: 'Считаете ли Вы стоимость лечения оправданной? Оцените от 1 до 5.', en: 'Do you consider the cost of the treatment justified? Rate from 1 to 5.' },
  { key: 'quality', kind: 'score5', ru: 'Насколько Вы удовлетворены качеством лечения? Оцените от 1 до 5.', en: 'How satisfied are you with the quality of the treatment? Rate from 1 to 5.' },
  { key: 'admins', kind: 'score5', ru: 'Как Вы оцениваете работу администраторов? Оцените от 1 до 5.', en: 'How do you rate the administrators? Rate from 1 to 5.' },
  { key: 'waiting', kind: 'score5', ru: 'Как Вы оцениваете время ожидания приёма? Оцените от 1 до 5.', en: 'How do you rate the waiting time? Rate from 1 to 5.' },
  { key: 'recommend', kind: 'nps', ru: 'Насколько вероятно, что Вы порекомендуете нашу клинику друзьям и знакомым? Оцените от 0 до 10.', en: 'How likely are you to recommend our clinic to friends? Rate from 0 to 10.' },
  { key: 'comments', kind: 'text', ru: 'Что бы Вы хотели нам пожелать или что нам стоит улучшить?', en: 'What would you wish us or what should we improve?' },
];

const SHORT_RU: Record<string, string> = {
  impression: 'впечатление', trust: 'доверие к врачу', cost: 'стоимость', quality: 'качество', admins: 'администраторы', waiting: 'ожидание', recommend: 'рекомендация',
};

/** One answer for the service card: «впечатление 2», «рекомендация 9 из 10»; a question of the chief doctor's own by its text. */
export function answerLabel(q: Pick<SurveyQuestion, 'key' | 'kind' | 'ru'>, score: number): string {
  const name = SHORT_RU[q.key] ?? q.ru.split('?')[0].trim();
  return `${name} ${score}${q.kind === 'nps' ? ' из 10' : ''}`;
}

export interface SurveyScriptInput {
  /** How the patient is addressed: the card's «как обращаться», else name and patronymic (see addressName). */
  patientName: string;
  clinicName: string;
  /** The caller's full name as the staff list keeps it; the script introduces by first name only (seed 002). */
  staffFullName: string;
  doctorName: string | null;
  /** The part of the clinic's day the call is made in (seed 002: «Доброе утро» before 11:00, «Добрый вечер» from 17:00). */
  dayPart: DayPart;
}
export interface SurveyScript { introduction: string; permission: string; thanks: string }

const HELLO_RU: Record<DayPart, string> = { morning: 'Доброе утро', day: 'Добрый день', evening: 'Добрый вечер' };
const HELLO_EN: Record<DayPart, string> = { morning: 'Good morning', day: 'Good afternoon', evening: 'Good evening' };

/**
 * The call algorithm of the seed: introduction, permission to ask, the questions, thanks — in
 * Russian (what is said to the patient) and in English (the English UI shows what it means; names stay as written).
 */
export function surveyScript(o: SurveyScriptInput): { ru: SurveyScript; en: SurveyScript } {
  const name = o.patientName.trim();
  const caller = firstNameOf(o.staffFullName);
  const clinic = o.clinicName.trim();
  return {
    ru: {
      introduction: `${HELLO_RU[o.dayPart]}, ${name}! Вас беспокоит ${caller} из ${fromClinic(clinic)}.${o.doctorName ? ` Недавно Вы закончили у нас лечение, Ваш врач — ${o.doctorName}.` : ''}`,
      permission: 'Мы хотим, чтобы Вам было у нас хорошо, и просим Вас ответить на несколько вопросов о лечении — это займёт не больше пяти минут. Вам удобно сейчас говорить?',
      thanks: `Спасибо, ${name}! Ваши ответы помогут нам стать лучше. Всего доброго и крепкого здоровья!`,
    },
    en: {
      introduction: `${HELLO_EN[o.dayPart]}, ${name}! This is ${caller} from ${/[«"]/.test(clinic) ? clinic : `the clinic «${clinic}»`}.${o.doctorName ? ` You recently finished your treatment with us; your doctor is ${o.doctorName}.` : ''}`,
      permission: 'We want you to feel good with us, and we ask you to answer a few questions about your treatment — it will take no more than five minutes. Is it convenient for you to talk now?',
      thanks: `Thank you, ${name}! Your answers will help us get better. Goodbye and good health!`,
    },
  };
}

export const SURVEY_OUTCOMES = ['completed', 'refused', 'not_reached', 'callback'] as const;

/** How a survey attempt reads in the service card (SVC-1). */
export const SURVEY_OUTCOME_RU: Record<(typeof SURVEY_OUTCOMES)[number], string> = { completed: 'опрос проведён', refused: 'отказался отвечать', not_reached: 'не дозвонились', callback: 'просил перезвонить' };
/** The service card entries the survey writes itself begin so (the attempt, the follow-up of a low result). */
export const SURVEY_CARD_PREFIX = 'Опрос после лечения';
export const FOLLOW_UP_CARD_PREFIX = 'Разбор низкой оценки в опросе';
/** An SVC-1 entry the survey wrote, not a wish the patient asked the desk to remember. */
export function isSurveyCardEntry(text: string): boolean {
  return text.startsWith(SURVEY_CARD_PREFIX) || text.startsWith(FOLLOW_UP_CARD_PREFIX);
}
export type SurveyOutcome = (typeof SURVEY_OUTCOMES)[number];

/** SURV-3: a score of 2 or less of 5, a recommendation of 6 or less of 10, or a complaint raises a follow-up. */
export function isLowResult(answers: readonly { kind: QuestionKind; score: number | null }[], complaint: boolean): boolean {
  return complaint || answers.some((a) => a.score !== null && ((a.kind === 'score5' && a.score <= 2) || (a.kind === 'nps' && a.score <= 6)));
}

/** Net promoter score in whole per cent: promoters (9–10) minus detractors (0–6); null without answers. */
export function nps(scores: readonly number[]): number | null {
  if (!scores.length) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return Math.round(((promoters - detractors) * 100) / scores.length);
}

/** Average to two decimals; null without scores. */
export function average(scores: readonly number[]): number | null {
  if (!scores.length) return null;
  return Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
}

export interface SurveySettings { afterDays: number; repeatDays: number }
export const DEFAULT_SURVEY_SETTINGS: SurveySettings = { afterDays: 3, repeatDays: 90 };

/** Reads `surveys` of the clinic's settings JSON, falling back to the defaults (3 days after, not again within 90). */
export function surveySettings(json: string | null | undefined): SurveySettings {
  try {
    const s = (JSON.parse(json ?? '{}') as { surveys?: Partial<SurveySettings> }).surveys ?? {};
    const ok = (n: unknown, d: number) => (Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 3650 ? (n as number) : d);
    return { afterDays: ok(s.afterDays, 3), repeatDays: ok(s.repeatDays, 90) };
  } catch {
    return DEFAULT_SURVEY_SETTINGS;
  }
}

/**
 * Who is on the survey list today. "Treatment ended" is decided plainly: the patient's LAST done
 * visit (the last visit of the course — no later visit is booked or done) was exactly `afterDays`
 * or more days ago, and at most `afterDays + 14` days (an older one is not called out of the blue).
 * The patient agreed (SVC-1), was not surveyed (completed or refused) within `repeatDays`, and
 * has no future booking (the course goes on).
 */
export function surveyEligible(p: {
  today: string; lastDoneDate: string | null; hasFutureVisit: boolean; consent: 'agreed' | 'refused' | null;
  lastSurveyedDate: string | null; settings: SurveySettings;
}): boolean {
  if (p.consent !== 'agreed' || !p.lastDoneDate || p.hasFutureVisit) return false;
  const since = dayNumber(p.today) - dayNumber(p.lastDoneDate);
  if (since < p.settings.afterDays || since > p.settings.afterDays + 14) return false;
  return !p.lastSurveyedDate || dayNumber(p.today) - dayNumber(p.lastSurveyedDate) >= p.settings.repeatDays;
}
