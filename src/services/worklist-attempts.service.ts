import type { z } from 'zod';
import type { AttemptBody } from '../contracts/worklists.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import * as appts from '../db/repos/appointments.repo.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { addLiveEvent } from '../db/repos/live.repo.js';
import { getPatientRow } from '../db/repos/patients.repo.js';
import { insertAttempt, visitOf } from '../db/repos/worklists.repo.js';
import { DomainError, fieldError } from '../domain/errors.js';
import { assertPdActive } from '../domain/retention.js';
import { attemptProblem } from '../domain/worklists/outcomes.js';
import { changeStatus } from './appointment-status.service.js';
import { auditEntry, type Actor, type Deps } from './context.js';

/**
 * One call of a worklist, recorded as an outgoing row of the call base (CALL-4) with its outcome.
 * A confirmation's outcome marks the visit at once (CONF-3): «ВИЗИТ ПОДТВЕРЖДЁН» when
 * confirmed, «ПОЗВОНИТЬ» when not reached or asked to call back; a cancellation goes through the
 * schedule's own cancellation (reason and the next contact, CONF-5) before the call is logged.
 */
export async function recordAttempt(deps: Deps, actor: Actor, body: z.infer<typeof AttemptBody>) {
  const now = deps.clock();
  const at = now.toISOString();
  const a = { purpose: body.purpose, outcome: body.outcome, callbackAt: body.callbackAt ?? null, appointmentId: body.appointmentId ?? null, note: body.note?.trim() || null };
  const problem = attemptProblem(a, now.getTime());
  if (problem) throw fieldError(problem.field, { ru: problem.ru, en: problem.en });
  const patient = await getPatientRow(deps.h.db, actor.clinicId, body.patientId);
  if (!patient) throw fieldError('patientId', { ru: 'Такого пациента нет', en: 'No such patient' });
  assertPdActive(patient.p.pd_state);
  const visit = a.appointmentId ? await visitOf(deps.h.db, actor.clinicId, a.appointmentId) : undefined;
  if (a.appointmentId && (!visit || visit.patient_id !== body.patientId)) {
    throw fieldError('appointmentId', { ru: 'Такого визита у пациента нет', en: "No such visit of this patient" });
  }
  if (body.purpose === 'confirmation' && visit && !['booked', 'confirmed'].includes(visit.status) && body.outcome !== 'cancelled') {
    throw new DomainError('invalid_transition', { ru: 'Визит уже не ждёт подтверждения', en: 'The visit no longer awaits confirmation' });
  }
  if (body.outcome === 'cancelled') {
    if (!body.cancel) throw fieldError('cancel', { ru: 'Укажите причину отмены и следующий контакт', en: 'Give the reason and the next contact' });
    // The schedule's own cancellation: its checks, history, doctor's notice and live update.
    await changeStatus(deps, actor, a.appointmentId!, { to: 'cancelled', cancel: body.cancel });
  }
  const id = newId();
  await withTx(deps.h, async (trx) => {
    await insertAttempt(trx, {
      id, clinic_id: actor.clinicId, branch_id: visit?.branch_id ?? null, direction: 'out', caller_type: 'repeat', purpose: body.purpose,
      patient_id: body.patientId, phone: null, caller_name: null, source_id: null, outcome: body.outcome,
      outcome_reason: null, appointment_id: a.appointmentId, user_id: actor.userId, started_at: at, duration_sec: 0, note: a.note, callback_at: a.callbackAt ? new Date(a.callbackAt).toISOString() : null,
    });
    if (body.purpose === 'confirmation' && visit && body.outcome !== 'cancelled') {
      const fresh = await appts.rawAppointment(trx, actor.clinicId, visit.id);
      const patch: Parameters<typeof appts.updateAppointment>[3] = { updated_at: at };
      let to: string | null = null;
      if (body.outcome === 'confirmed') {
        patch.needs_call = 0;
        if (fresh?.status === 'booked') {
          Object.assign(patch, { status: 'confirmed', status_changed_at: at });
          to = 'confirmed';
        }
      } else if (body.outcome === 'not_reached' || body.outcome === 'callback') {
        patch.needs_call = 1;
      }
      await appts.updateAppointment(trx, actor.clinicId, visit.id, patch);
      await appts.addHistory(trx, {
        id: newId(), clinicId: actor.clinicId, appointmentId: visit.id, at, userId: actor.userId, action: 'confirmation_call',
        ...(to ? { from: 'booked', to } : {}), details: { outcome: body.outcome },
      });
      await addLiveEvent(trx, { clinicId: actor.clinicId, at, kind: 'appointment', payload: { id: visit.id, date: visit.local_date, doctorId: visit.doctor_id, ...(to ? { status: to } : {}) } });
    }
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'call', objectId: id, patientId: body.patientId, details: { purpose: body.purpose, outcome: body.outcome } }));
  });
  return { id, outcome: body.outcome };
}
