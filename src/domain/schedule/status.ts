import type { Bilingual } from '../errors.js';

/** Visit statuses along the day (SCH-9). */
export const STATUSES = ['booked', 'confirmed', 'arrived', 'in_chair', 'done', 'no_show', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, Bilingual> = {
  booked: { ru: 'Записан', en: 'Booked' },
  confirmed: { ru: 'Визит подтверждён', en: 'Confirmed' },
  arrived: { ru: 'Пришёл', en: 'Arrived' },
  in_chair: { ru: 'В кресле', en: 'In the chair' },
  done: { ru: 'Приём завершён', en: 'Done' },
  no_show: { ru: 'Не пришёл', en: 'No-show' },
  cancelled: { ru: 'Отменён', en: 'Cancelled' },
};

/** Appointment types (SCH-5, SCH-4). */
export const KINDS = ['primary', 'repeat', 'checkup', 'urgent'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABELS: Record<Kind, Bilingual> = {
  primary: { ru: 'Первичная консультация', en: 'Primary consultation' },
  repeat: { ru: 'Повторный приём / продолжение лечения', en: 'Repeat / continued treatment' },
  checkup: { ru: 'Профилактический осмотр', en: 'Prophylactic check-up' },
  urgent: { ru: 'Острая боль / срочно', en: 'Acute pain / urgent' },
};

/** Only these moves are valid; everything else is refused with invalid_transition. */
const NEXT: Record<Status, readonly Status[]> = {
  booked: ['confirmed', 'arrived', 'no_show', 'cancelled'],
  confirmed: ['booked', 'arrived', 'no_show', 'cancelled'],
  arrived: ['in_chair', 'cancelled', 'confirmed'],
  in_chair: ['done'],
  done: [],
  no_show: ['booked'],
  cancelled: [],
};

export function canTransition(from: Status, to: Status): boolean {
  return NEXT[from].includes(to);
}

/** Statuses that hold the time: cancelled and no-show free the slot (SCH-6). */
export function holdsTime(status: string): boolean {
  return status !== 'cancelled' && status !== 'no_show';
}

/**
 * CONF-4: a booking made today for today or tomorrow needs no confirmation call — it is
 * confirmed at once, unless the administrator marks it "ПОЗВОНИТЬ" (needs a call).
 */
export function initialStatus(bookedOn: string, visitDate: string, tomorrow: string, markCall: boolean): Status {
  if (markCall) return 'booked';
  return visitDate === bookedOn || visitDate === tomorrow ? 'confirmed' : 'booked';
}

/** Why a visit is cancelled; complaint and refusal inform the treating doctor (CONF-5). */
export const CANCEL_REASONS = ['patient_request', 'illness', 'clinic', 'complaint', 'refusal'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export interface CancelInput {
  reason: CancelReason;
  rebookedAppointmentId?: string | null;
  callbackDate?: string | null;
}

/**
 * CONF-5: a cancellation must leave the next contact agreed — a new booking, or a date to
 * call back — unless the patient complains or refuses contact, when the doctor is informed
 * instead. Returns what must happen, or the reason it is refused.
 */
export function cancellationOutcome(c: CancelInput): { ok: true; notifyDoctor: boolean } | { ok: false; message: Bilingual } {
  if (c.reason === 'complaint' || c.reason === 'refusal') return { ok: true, notifyDoctor: true };
  if (c.rebookedAppointmentId || c.callbackDate) return { ok: true, notifyDoctor: false };
  return {
    ok: false,
    message: {
      ru: 'Отмена без следующего контакта недопустима: перезапишите пациента на другой день или договоритесь, когда перезвонить',
      en: 'A cancellation needs a next contact: rebook the patient or agree a date to call back',
    },
  };
}
