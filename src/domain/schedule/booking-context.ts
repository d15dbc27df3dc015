import type { Kind } from './status.js';

/** A finished visit of the patient, as the booking suggestion reads it. */
export interface DoneVisit {
  kind: Kind;
  doctorId: string;
  /** False when the doctor no longer works at the clinic: never offered. */
  doctorActive: boolean;
}

/**
 * What «Подобрать время» starts from for a known patient (issue 9 item 6), from her finished
 * visits, newest first:
 * - none: a first consultation, no doctor;
 * - the latest was a prophylactic check-up: she comes for check-ups — the next check-up, with the
 *   doctor of her last check-up;
 * - otherwise she is in treatment: continued treatment with her treating doctor, the doctor of her
 *   latest primary or repeat visit. An urgent visit is whoever was free that day, so it names the
 *   doctor only when she has no other.
 * A doctor who has left is not suggested (the desk chooses).
 */
export function suggestBooking(done: readonly DoneVisit[]): { kind: Kind; doctorId: string | null } {
  if (!done.length) return { kind: 'primary', doctorId: null };
  const kind: Kind = done[0].kind === 'checkup' ? 'checkup' : 'repeat';
  const track = kind === 'checkup' ? ['checkup'] : ['primary', 'repeat'];
  const treating = done.find((v) => track.includes(v.kind)) ?? done.find((v) => v.kind !== 'checkup');
  return { kind, doctorId: treating?.doctorActive ? treating.doctorId : null };
}
