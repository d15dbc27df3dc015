import { ruDate } from './dates.js';
import { DomainError, type Bilingual } from './errors.js';

/**
 * Retention and destruction of a patient's personal data (152-FZ art. 21; the act and the
 * event-log excerpt that confirm it: Roskomnadzor order No. 179 of 28.10.2022).
 *
 * Two stages, because a clinic may not destroy what medical law makes it keep:
 * - "blocked" (by request, consent withdrawal, unlawful processing): everything that is not part
 *   of the medical record is destroyed at once (phones, e-mail, how to address, source, notes,
 *   the service card, call details, waiting list); what identifies the medical record (card
 *   number, full name, birth date, sex) and the visits themselves are kept, blocked from any
 *   other use, until the record's retention period ends.
 * - "destroyed" (the purpose is achieved: the retention period has ended, or there never was a
 *   medical record to keep): the rest goes too; the card remains as an empty shell with its
 *   number so that audit entries and visit statistics still point somewhere.
 */

/**
 * Years a medical record is kept after the last visit. Outpatient medical cards (form 025/u,
 * Minzdrav order No. 834n of 15.12.2014) and the Rosarkhiv list of typical records (order
 * No. 236 of 20.12.2019) give 25 years; dental cards (form 043/u) are kept the same in practice.
 */
export const MEDICAL_RECORD_YEARS = 25;
/** The act and the log excerpt are kept three years from the destruction (order No. 179, p. 4). */
export const ACT_RETENTION_YEARS = 3;
/** Art. 21 parts 3-5: the operator has at most 30 days (10 working days for unlawful processing). */
export const DESTRUCTION_DEADLINE_DAYS = 30;

export const DESTRUCTION_REASONS = ['consent_withdrawn', 'subject_request', 'unlawful', 'purpose_achieved'] as const;
export type DestructionReason = (typeof DESTRUCTION_REASONS)[number];

export const REASON_LABELS: Record<DestructionReason, Bilingual> = {
  consent_withdrawn: {
    ru: 'Отзыв согласия на обработку персональных данных (ч. 5 ст. 21 152-ФЗ)',
    en: 'Consent to processing withdrawn (152-FZ art. 21 part 5)',
  },
  subject_request: {
    ru: 'Требование субъекта персональных данных (ч. 1 ст. 14, ч. 3 ст. 20 152-ФЗ)',
    en: "The data subject's request (152-FZ art. 14 part 1, art. 20 part 3)",
  },
  unlawful: {
    ru: 'Выявлена неправомерная обработка персональных данных (ч. 3 ст. 21 152-ФЗ)',
    en: 'Unlawful processing found (152-FZ art. 21 part 3)',
  },
  purpose_achieved: {
    ru: 'Достижение цели обработки: истёк срок хранения медицинской документации (ч. 4 ст. 21 152-ФЗ)',
    en: 'Purpose achieved: the medical record retention period has ended (152-FZ art. 21 part 4)',
  },
};

export const DATA_CATEGORIES = [
  'contacts',
  'address_as',
  'source',
  'notes',
  'service_card',
  'calls',
  'waiting_list',
  'visit_notes',
  'notifications',
  'identity',
  'birth_date_sex',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<DataCategory, Bilingual> = {
  contacts: { ru: 'номера телефонов, адрес электронной почты', en: 'phone numbers, e-mail address' },
  address_as: { ru: 'предпочтительное обращение', en: 'preferred form of address' },
  source: { ru: 'источник информации о клинике', en: 'how the patient heard of the clinic' },
  notes: { ru: 'заметки администратора в карточке', en: "administrator's notes on the card" },
  service_card: { ru: 'сервисная карта клиента (пожелания, предпочтения, особенности, опоздания)', en: "the client's service card (wishes, preferences, traits, lateness)" },
  calls: { ru: 'сведения о звонках (номер, имя звонившего, заметки)', en: 'call details (number, caller name, notes)' },
  waiting_list: { ru: 'лист ожидания', en: 'waiting list entries' },
  visit_notes: { ru: 'комментарии к записям на приём и причины отмен', en: 'appointment comments and cancellation notes' },
  notifications: { ru: 'тексты уведомлений персонала с именем пациента', en: "staff notifications naming the patient" },
  identity: { ru: 'фамилия, имя, отчество', en: 'surname, first name, patronymic' },
  birth_date_sex: { ru: 'дата рождения, пол', en: 'birth date, sex' },
};

/** What a blocking destroys; the destruction adds the identity that the medical record needed. */
const BLOCK_CATEGORIES: DataCategory[] = ['contacts', 'address_as', 'source', 'notes', 'service_card', 'calls', 'waiting_list', 'visit_notes', 'notifications'];
const FULL_CATEGORIES: DataCategory[] = [...BLOCK_CATEGORIES, 'identity', 'birth_date_sex'];

export const METHOD_LABEL: Bilingual = {
  ru: 'Удаление записей и перезапись полей в базе данных информационной системы без возможности восстановления',
  en: 'Deletion of records and overwriting of fields in the information system database, beyond recovery',
};

export type PdState = 'active' | 'blocked' | 'destroyed';

/** Statuses after which a visit belongs to the medical record (the patient was seen). */
export const MEDICAL_RECORD_STATUSES = ['arrived', 'in_chair', 'done'] as const;
/** Statuses that still hold a doctor's time: a patient with such a visit ahead cannot be destroyed. */
export const TIME_HOLDING_STATUSES = ['booked', 'confirmed', 'arrived', 'in_chair'] as const;

/** What the service knows about the patient when a destruction is asked for. */
export interface RetentionFacts {
  state: PdState;
  /** Clinic-local date of the last visit that belongs to the medical record (arrived or later), if any. */
  lastMedicalVisit: string | null;
  /** Appointments from today on that still hold time (booked, confirmed, arrived, in the chair). */
  activeFutureAppointments: number;
  today: string;
}

export type DestructionPlan =
  | { ok: true; scope: 'blocked' | 'destroyed'; categories: DataCategory[]; retainUntil: string | null }
  | { ok: false; field: string; message: Bilingual };

/** The date until which a medical record last touched on `lastVisit` must be kept. */
export function retainUntil(lastVisit: string): string {
  return addYears(lastVisit, MEDICAL_RECORD_YEARS);
}

/** `date` plus whole years; 29 February lands on 1 March, so a period never ends early. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * Decides what a destruction on `reason` may do with this patient, or why it may not happen
 * yet. Pure: the service gathers the facts and carries the plan out in one transaction.
 */
export function planDestruction(reason: DestructionReason, f: RetentionFacts): DestructionPlan {
  if (f.state === 'destroyed') {
    return { ok: false, field: 'patient', message: { ru: 'Персональные данные этого пациента уже уничтожены', en: "This patient's personal data has already been destroyed" } };
  }
  if (f.activeFutureAppointments > 0) {
    return {
      ok: false,
      field: 'patient',
      message: {
        ru: `У пациента есть будущие записи (${f.activeFutureAppointments}): сначала отмените их`,
        en: `The patient has upcoming appointments (${f.activeFutureAppointments}): cancel them first`,
      },
    };
  }
  const until = f.lastMedicalVisit ? retainUntil(f.lastMedicalVisit) : null;
  const recordExpired = until === null || until <= f.today;
  if (reason === 'purpose_achieved' && !recordExpired) {
    return {
      ok: false,
      field: 'reason',
      message: {
        ru: `Срок хранения медицинской карты ещё не истёк: до ${ruDate(until!)}`,
        en: `The medical record retention period has not ended yet: until ${until}`,
      },
    };
  }
  if (recordExpired) return { ok: true, scope: 'destroyed', categories: FULL_CATEGORIES, retainUntil: null };
  if (f.state === 'blocked') {
    return { ok: false, field: 'patient', message: { ru: `Данные уже заблокированы; медицинская карта хранится до ${ruDate(until!)}`, en: `The data is already blocked; the medical record is kept until ${until}` } };
  }
  return { ok: true, scope: 'blocked', categories: BLOCK_CATEGORIES, retainUntil: until };
}

/**
 * Years after the last contact that the data of someone who never became a medical record
 * (called, booked, never came) is kept: the general limitation period (Civil Code art. 196),
 * for claims about the booking itself.
 */
export const NO_RECORD_YEARS = 3;

/** True when the purpose of processing has been achieved and the data must now be destroyed. */
export function isDue(f: { lastMedicalVisit: string | null; lastContact: string; today: string }): boolean {
  if (f.lastMedicalVisit) return retainUntil(f.lastMedicalVisit) <= f.today;
  return addYears(f.lastContact, NO_RECORD_YEARS) <= f.today;
}

/** The date the act itself may be destroyed. */
export function actKeptUntil(destroyedOn: string): string {
  return addYears(destroyedOn, ACT_RETENTION_YEARS);
}

/**
 * A blocked or destroyed card takes no new data and no bookings: processing beyond keeping the
 * medical record has ended. A returning patient gives a new consent on a new card.
 */
export function assertPdActive(state: string): void {
  if (state === 'active') return;
  throw new DomainError('conflict', {
    ru: state === 'blocked'
      ? 'Персональные данные пациента заблокированы (уничтожены по заявлению), хранится только медицинская карта. Для новой записи заведите новую карту с новым согласием'
      : 'Персональные данные пациента уничтожены. Для новой записи заведите новую карту',
    en: state === 'blocked'
      ? "The patient's personal data is blocked (destroyed on request); only the medical record is kept. Open a new card with a new consent to book"
      : "The patient's personal data has been destroyed. Open a new card to book",
  });
}
