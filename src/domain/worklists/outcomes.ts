/**
 * The outgoing worklists' vocabulary (CONF-3, CONF-5, REC-1..3, SCH-7). Each attempt is a row of
 * the call base (`calls`, direction 'out') with one of these purposes and outcomes, so the call
 * base lists them beside the incoming calls.
 */
export const WORKLIST_PURPOSES = ['confirmation', 'callback', 'recall', 'gap'] as const;
export type WorklistPurpose = (typeof WORKLIST_PURPOSES)[number];

export const ATTEMPT_OUTCOMES = ['confirmed', 'not_reached', 'callback', 'cancelled', 'moved', 'booked', 'refused'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** Which outcomes each list records: a confirmation is confirmed or not; the others end in a booking or a refusal. */
export const OUTCOMES_BY_PURPOSE: Record<WorklistPurpose, readonly AttemptOutcome[]> = {
  confirmation: ['confirmed', 'not_reached', 'callback', 'cancelled', 'moved'],
  callback: ['booked', 'not_reached', 'callback', 'refused'],
  recall: ['booked', 'not_reached', 'callback', 'refused'],
  gap: ['booked', 'not_reached', 'refused'],
};

export const OUTCOME_LABELS: Record<AttemptOutcome, { ru: string; en: string }> = {
  confirmed: { ru: 'Подтвердил визит', en: 'Confirmed' },
  not_reached: { ru: 'Не дозвонился', en: 'Not reached' },
  callback: { ru: 'Просил перезвонить', en: 'Asked to call back' },
  cancelled: { ru: 'Отменил визит', en: 'Cancelled' },
  moved: { ru: 'Перенёс визит', en: 'Moved' },
  booked: { ru: 'Записан', en: 'Booked' },
  refused: { ru: 'Позвонили, отказался', en: 'Called, declined' },
};

export interface AttemptInput {
  purpose: WorklistPurpose;
  outcome: AttemptOutcome;
  /** The instant the patient asked to be called back at (outcome 'callback'). */
  callbackAt: string | null;
  appointmentId: string | null;
  note: string | null;
}

export interface AttemptProblem {
  field: string;
  ru: string;
  en: string;
}

/** What makes an attempt incomplete or contradictory; null when it may be saved. `nowMs` bounds the call-back time. */
export function attemptProblem(a: AttemptInput, nowMs: number): AttemptProblem | null {
  if (!OUTCOMES_BY_PURPOSE[a.purpose].includes(a.outcome)) {
    return { field: 'outcome', ru: `Итог «${OUTCOME_LABELS[a.outcome].ru}» не для этого списка`, en: `Outcome "${OUTCOME_LABELS[a.outcome].en}" does not belong to this list` };
  }
  if (a.outcome === 'callback' && !a.callbackAt) {
    return { field: 'callbackAt', ru: 'Укажите, когда перезвонить', en: 'Say when to call back' };
  }
  if (a.outcome === 'callback' && a.callbackAt && Date.parse(a.callbackAt) <= nowMs) {
    return { field: 'callbackAt', ru: 'Время звонка уже прошло', en: 'The call-back time has passed' };
  }
  if (a.outcome !== 'callback' && a.callbackAt) {
    return { field: 'callbackAt', ru: 'Время звонка указывают только для «Просил перезвонить»', en: 'A call-back time goes only with "asked to call back"' };
  }
  if ((a.purpose === 'confirmation' || a.outcome === 'booked') && !a.appointmentId) {
    return { field: 'appointmentId', ru: a.outcome === 'booked' ? 'Укажите визит, на который записали' : 'Укажите визит, который подтверждают', en: 'Give the visit' };
  }
  if (a.outcome === 'moved' && !a.note?.trim()) {
    return { field: 'note', ru: 'Напишите, на когда перенесли визит', en: 'Say when the visit was moved to' };
  }
  return null;
}
