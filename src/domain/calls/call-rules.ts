/**
 * The call base's vocabulary (CALL-2, CALL-4) and the rules of recording a call. Outgoing
 * worklists (confirmations, call-backs, recall) write rows of the same table with outcomes of
 * their own; readers therefore accept any outcome text and label the known ones.
 */
export const CALLER_TYPES = ['primary', 'repeat', 'non_patient'] as const;
export type CallerType = (typeof CALLER_TYPES)[number];

/** Why the caller called. The last three are «не пациенты» (CALL-2). */
export const CALL_PURPOSES = ['booking', 'price', 'info', 'reschedule', 'cancel', 'doctor', 'recall', 'confirmation', 'other', 'advertising', 'supplier', 'director'] as const;
export type CallPurpose = (typeof CALL_PURPOSES)[number];
export const NON_PATIENT_PURPOSES: readonly CallPurpose[] = ['advertising', 'supplier', 'director', 'other'];

/** How an incoming call ended, as the desk records it from the call card. */
export const CALL_OUTCOMES = ['booked', 'not_booked', 'info_given', 'callback', 'routed'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** The 3-minute target of a call (seed 002: «Оптимальная длительность ответа на звонок – 3 минуты»). */
export const CALL_TARGET_SEC = 180;

/**
 * Who took a non-patient's call further (seed 002, «Звонки "не пациентов"»): advertising to the
 * marketing manager, goods to the senior nurse, the director by e-mail.
 */
export const ROUTE_TO: Record<'advertising' | 'supplier' | 'director', { ru: string; en: string }> = {
  advertising: { ru: 'Передано менеджеру по рекламе и маркетингу', en: 'Passed to the marketing manager' },
  supplier: { ru: 'Передано старшей медицинской сестре', en: 'Passed to the senior nurse' },
  director: { ru: 'Попросили прислать предложение по e-mail на имя директора (главного врача)', en: 'Asked to send the proposal by e-mail to the director (chief doctor)' },
};

/**
 * CALL-2/CALL-10: a caller whose card has a visit behind it is a repeat patient (greeted as one
 * the clinic remembers); a new or card-less caller is primary until told otherwise.
 */
export function suggestCallerType(patient: { pastVisits: number } | null): CallerType {
  return patient && patient.pastVisits > 0 ? 'repeat' : 'primary';
}

export interface CallRecord {
  callerType: CallerType;
  purpose: CallPurpose;
  outcome: CallOutcome;
  outcomeReason: string | null;
  patientId: string | null;
  appointmentId: string | null;
}

export interface CallProblem {
  field: string;
  ru: string;
  en: string;
}

/** What makes a recorded call incomplete or contradictory; null when it may be saved. */
export function callProblem(c: CallRecord): CallProblem | null {
  if (c.outcome === 'booked' && !c.appointmentId) {
    return { field: 'appointmentId', ru: '«Записан» — укажите визит, на который записали', en: '“Booked” needs the visit that was booked' };
  }
  if (c.appointmentId && c.outcome !== 'booked') {
    return { field: 'outcome', ru: 'Звонок с записью на визит — итог «Записан»', en: 'A call with a booked visit has the outcome “booked”' };
  }
  if (c.appointmentId && !c.patientId) {
    return { field: 'patientId', ru: 'Запись на визит — только для пациента с картой', en: 'A booking needs the patient' };
  }
  if (c.outcome === 'not_booked' && !c.outcomeReason?.trim()) {
    return { field: 'outcomeReason', ru: 'Укажите, почему не записался', en: 'Say why the caller did not book' };
  }
  if (c.callerType === 'non_patient' && (c.outcome === 'booked' || c.patientId)) {
    return { field: 'callerType', ru: 'Звонок «не пациента» не связывают с картой и записью', en: 'A non-patient call has no patient or booking' };
  }
  if (c.callerType !== 'non_patient' && ['advertising', 'supplier', 'director'].includes(c.purpose)) {
    return { field: 'purpose', ru: 'Реклама, поставщики и директор — звонки «не пациентов»', en: 'Advertising, suppliers and the director are non-patient calls' };
  }
  return null;
}
