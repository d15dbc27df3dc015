import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';
import { toE164 } from '../domain/phone.js';

/** Shared limits: the same numbers bind the API, the forms and the database columns. */
export const LIMITS = {
  name: 100,
  shortText: 200,
  text: 4000,
  email: 254,
  login: 64,
  passwordMin: 10,
  passwordMax: 200,
  pageMax: 100,
  phonesMax: 5,
} as const;

/**
 * Custom messages are keys into MESSAGES so that the error plugin can answer in Russian
 * and English; zod's own issues are translated there by issue code.
 */
export const MESSAGES = {
  date: { ru: 'Дата в формате ГГГГ-ММ-ДД', en: 'A date as YYYY-MM-DD' },
  dateYear: { ru: 'Год даты — от 1900 до 2999', en: 'The date’s year is from 1900 to 2999' },
  time: { ru: 'Время в формате ЧЧ:ММ', en: 'A time as HH:MM' },
  phone: {
    ru: 'Неверный номер телефона (например, 8 921 322-00-31)',
    en: 'Invalid phone number (e.g. +7 921 322-00-31)',
  },
  email: { ru: 'Неверный адрес электронной почты', en: 'Invalid e-mail address' },
  blank: { ru: 'Поле не может быть пустым', en: 'Must not be blank' },
  timeRange: { ru: 'Конец должен быть позже начала', en: 'The end must be after the start' },
  dateRange: { ru: 'Дата окончания раньше даты начала', en: 'The end date is before the start date' },
  birthDate: { ru: 'Дата рождения не может быть в будущем или раньше 1900 года', en: 'Birth date must be between 1900 and today' },
  timeZone: { ru: 'Неизвестный часовой пояс', en: 'Unknown time zone' },
  slotStep: { ru: 'Шаг подбора времени: 5, 10, 15, 20, 30 или 60 минут', en: 'Step of offered times: 5, 10, 15, 20, 30 or 60 minutes' },
  login: { ru: 'Логин: латинские буквы, цифры, точка, дефис, подчёркивание', en: 'Login: Latin letters, digits, dot, dash, underscore' },
  priceCode: { ru: 'Код услуги: буквы, цифры, точка, дефис, косая черта (например, Т-01)', en: 'Service code: letters, digits, dot, dash, slash (e.g. T-01)' },
  mohCode: { ru: 'Код номенклатуры Минздрава вида A16.07.002.010 или B01.065.001', en: 'A Ministry of Health nomenclature code like A16.07.002.010 or B01.065.001' },
  inn: { ru: 'ИНН: 10 цифр у организации, 12 у физического лица', en: 'INN: 10 digits for an organisation, 12 for a person' },
  kpp: { ru: 'КПП: 9 знаков (например, 773001001)', en: 'KPP: 9 characters (e.g. 773001001)' },
  month: { ru: 'Месяц в формате ГГГГ-ММ', en: 'A month as YYYY-MM' },
} as const;
export type MessageKey = keyof typeof MESSAGES;

export const Id = z.uuid();
export const IdParams = z.strictObject({ id: Id });

/** A non-blank single-line text, trimmed length within the limit. */
export const Text = (max: number = LIMITS.shortText) =>
  z.string().max(max).refine((s) => s.trim().length > 0, { message: 'blank' });
export const OptText = (max: number = LIMITS.shortText) => z.string().max(max).nullable().optional();

/** A real calendar day; years 1900–2999 (the day arithmetic of periods and recall steps stays inside 0000–9999). */
export const IsoDate = z.string().refine(isIsoDate, { message: 'date' }).refine((s) => !isIsoDate(s) || (s >= '1900' && s < '3000'), { message: 'dateYear' });
export const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' });
export const Phone = z.string().max(40).refine((s) => toE164(s) !== null, { message: 'phone' });
export const Email = z.string().max(LIMITS.email).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'email' });
export const Instant = z.string().datetime({ offset: true });

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  detail_ru: z.string(),
  detail_en: z.string(),
  errors: z.array(
    z.object({ field: z.string(), message: z.string(), message_ru: z.string(), message_en: z.string() }),
  ),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const Ok = z.object({ ok: z.literal(true) });
