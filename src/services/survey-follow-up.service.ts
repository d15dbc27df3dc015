import { type Db } from '../db/connect.js';
import { clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import { surveyCallOfTask } from '../db/repos/survey-results.repo.js';
import { localDateOf } from '../domain/schedule/time.js';
import { FOLLOW_UP_CARD_PREFIX } from '../domain/surveys.js';
import { addEntryTx, authorName } from './service-card.service.js';
import type { Actor } from './context.js';

/**
 * A follow-up of a low survey result is closed (in «Задачи» or on the results screen): the chief
 * doctor's call to the patient and its outcome go to the patient's service card (SVC-1, where the
 * survey calls are). Runs inside the closing transaction; a task of any other origin is left alone.
 */
export async function surveyFollowUpClosedTx(trx: Db, actor: Actor, taskId: string, input: { status: 'done' | 'cancelled'; outcome: string }, now: Date) {
  const call = await surveyCallOfTask(trx, actor.clinicId, taskId);
  if (!call) return;
  const { time_zone: tz } = await clinicTimeAndSettings(trx, actor.clinicId);
  const what = input.status === 'done' ? FOLLOW_UP_CARD_PREFIX : `${FOLLOW_UP_CARD_PREFIX} отменён`;
  await addEntryTx(trx, actor, await authorName(trx, actor), call.patient_id, {
    section: 'svc1', eventDate: localDateOf(now.getTime(), tz), appointmentId: call.appointment_id, isAlert: false, text: `${what}: ${input.outcome.trim()}`,
  }, now.toISOString());
}
