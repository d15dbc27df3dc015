import { patientPdState } from '../db/repos/patients.repo.js';
import { recentDoneVisits, upcomingVisits } from '../db/repos/booking-context.repo.js';
import { notFound } from '../domain/errors.js';
import { suggestBooking } from '../domain/schedule/booking-context.js';
import type { Actor, Deps } from './context.js';

/** Enough finished visits to find the treating doctor behind a few check-ups or urgent visits. */
const DONE_LOOKBACK = 20;
const UPCOMING_MAX = 10;

/**
 * SCH-3 for a known patient (issue 9 item 6): what «Подобрать время» starts from — the visit type
 * and doctor her history suggests (see suggestBooking) — and the visits she already has ahead,
 * so the desk does not book a second one by mistake. Two short index scans; no history is sent.
 */
export async function bookingContext(deps: Deps, actor: Actor, patientId: string) {
  const db = deps.h.db;
  if (!(await patientPdState(db, actor.clinicId, patientId))) throw notFound({ ru: 'Пациент', en: 'Patient' });
  const [done, upcoming] = await Promise.all([
    recentDoneVisits(db, actor.clinicId, patientId, DONE_LOOKBACK),
    upcomingVisits(db, actor.clinicId, patientId, deps.clock(), UPCOMING_MAX),
  ]);
  const s = suggestBooking(done);
  return { suggestedKind: s.kind, doctorId: s.doctorId, upcoming };
}
