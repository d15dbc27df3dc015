import type { z } from 'zod';
import type { DoctorLateBody, StatusBody } from '../contracts/schedule.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import * as appts from '../db/repos/appointments.repo.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { addLiveEvent } from '../db/repos/live.repo.js';
import { insertNotification } from '../db/repos/notifications.repo.js';
import { patientNameParts } from '../db/repos/patients.repo.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { can } from '../domain/permissions.js';
import { shortName } from '../domain/names.js';
import { cancellationOutcome, canTransition, holdsTime, STATUS_LABELS, type Status } from '../domain/schedule/status.js';
import { LATENESS_THRESHOLD_MIN } from '../domain/service-card.js';
import { arrivalNote, MAX_LATENESS_MIN, type Sex } from '../domain/schedule/arrival.js';
import { noShowRefusal } from '../domain/schedule/no-show.js';
import { scheduleSettings } from '../domain/schedule/settings.js';
import { localTimeOf, MINUTE } from '../domain/schedule/time.js';
import { clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import { ruDate } from '../domain/dates.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { reclaimTime, slotTakenAt } from './booking.service.js';
import { localToday } from './schedule-context.js';
import { addEntryTx, authorName } from './service-card.service.js';

const APPOINTMENT = { ru: 'Запись', en: 'Appointment' };

/** Statuses a doctor or assistant may set from the chair; the desk (schedule.write) sets all. */
const CHAIR_SIDE: readonly Status[] = ['in_chair', 'done'];

async function notifyDoctor(trx: Db, n: { clinicId: string; doctorId: string; kind: string; appointmentId: string; patientId: string; ru: string; en: string; at: string }) {
  await insertNotification(trx, {
    id: newId(), clinic_id: n.clinicId, doctor_id: n.doctorId, kind: n.kind, appointment_id: n.appointmentId, patient_id: n.patientId,
    text_ru: n.ru, text_en: n.en, created_at: n.at, read_at: null,
  });
}

/**
 * Moves a visit along the day (SCH-9) with only valid transitions, each timed, kept in the
 * appointment's history, audited and announced live. Arrival records lateness (SVC-3) and
 * notifies the doctor; cancellation follows CONF-5.
 */
export async function changeStatus(deps: Deps, actor: Actor, id: string, body: z.infer<typeof StatusBody>) {
  if (!can(actor.role, 'schedule.write', actor.deskCover) && !CHAIR_SIDE.includes(body.to)) {
    throw new DomainError('forbidden', { ru: 'Этот статус ставит администратор', en: 'Only the front desk sets this status' });
  }
  const now = deps.clock();
  const at = now.toISOString();
  const { time_zone: tz, settings_json: settings } = await clinicTimeAndSettings(deps.h.db, actor.clinicId);
  const name = await authorName(deps.h.db, actor);
  await withTx(deps.h, async (trx) => {
    const a = await appts.rawAppointment(trx, actor.clinicId, id);
    if (!a) throw notFound(APPOINTMENT);
    const from = a.status as Status;
    if (!canTransition(from, body.to)) {
      throw new DomainError('invalid_transition', {
        ru: `Нельзя перевести запись из статуса «${STATUS_LABELS[from].ru}» в «${STATUS_LABELS[body.to].ru}»`,
        en: `Cannot move an appointment from "${STATUS_LABELS[from].en}" to "${STATUS_LABELS[body.to].en}"`,
      });
    }
    // A no-show back to booked takes its time again: someone may have been booked into it since.
    if (!holdsTime(from) && holdsTime(body.to)) await reclaimTime(trx, deps, actor, a, tz);
    if (body.to === 'no_show') {
      const early = noShowRefusal({ startsAt: Date.parse(a.starts_at), now: now.getTime(), graceMin: scheduleSettings(settings).noShowGraceMin, tz });
      if (early) throw new DomainError('invalid_transition', early);
    }
    const patch: Parameters<typeof appts.updateAppointment>[3] = { status: body.to, status_changed_at: at, updated_at: at };
    const details: Record<string, unknown> = {};
    const patient = await patientNameParts(trx, a.patient_id);
    const who = shortName({ surname: patient.surname, firstName: patient.first_name, patronymic: patient.patronymic });
    const { today } = localToday(now, tz);
    if (body.to === 'arrived') {
      const late = body.lateMinutes ?? Math.round((now.getTime() - Date.parse(a.starts_at)) / MINUTE);
      const time = localTimeOf(Date.parse(a.starts_at), tz);
      const sameDay = a.local_date === today;
      patch.arrived_at = at;
      // On another day it is a mixed-up day (SCH-8), not lateness.
      patch.late_minutes = sameDay ? late : null;
      details.lateMinutes = sameDay ? late : null;
      if (!sameDay) details.wrongDay = true;
      if (sameDay && late >= LATENESS_THRESHOLD_MIN && late <= MAX_LATENESS_MIN) {
        await addEntryTx(trx, actor, name, a.patient_id, {
          section: 'svc3', text: `Опоздание на ${late} мин. к приёму в ${time}${body.note ? `: ${body.note}` : ''}`,
          eventDate: a.local_date, minutes: late, appointmentId: id,
        }, at);
      }
      const note = arrivalNote({ who, sex: patient.sex as Sex, time, lateMinutes: late, bookedDate: a.local_date, today });
      await notifyDoctor(trx, { clinicId: actor.clinicId, doctorId: a.doctor_id, kind: 'arrived', appointmentId: id, patientId: a.patient_id, at, ...note });
    }
    if (body.to === 'in_chair') patch.in_chair_at = at;
    if (body.to === 'done') patch.done_at = at;
    if (body.to === 'confirmed') patch.needs_call = 0;
    if (body.to === 'booked' && from === 'confirmed') patch.needs_call = 1;
    if (body.to === 'cancelled') {
      if (!body.cancel) throw fieldError('cancel', { ru: 'Укажите причину отмены и следующий контакт', en: 'Give the reason and the next contact' });
      const outcome = cancellationOutcome(body.cancel);
      if (!outcome.ok) throw new DomainError('validation_failed', outcome.message, [{ field: 'cancel', message: outcome.message }]);
      if (body.cancel.callbackDate && body.cancel.callbackDate < today) {
        throw fieldError('cancel.callbackDate', { ru: 'Дата звонка уже прошла', en: 'The call-back date is in the past' });
      }
      if (body.cancel.rebookedAppointmentId) {
        const r = await appts.rawAppointment(trx, actor.clinicId, body.cancel.rebookedAppointmentId);
        if (!r || r.patient_id !== a.patient_id || r.id === id || ['cancelled', 'no_show'].includes(r.status)) {
          throw fieldError('cancel.rebookedAppointmentId', { ru: 'Новая запись этого пациента не найдена', en: "No such new appointment of this patient" });
        }
      }
      Object.assign(patch, {
        cancel_reason: body.cancel.reason, cancel_note: body.cancel.note?.trim() || null,
        callback_date: body.cancel.callbackDate ?? null, rebooked_to_id: body.cancel.rebookedAppointmentId ?? null,
      });
      details.reason = body.cancel.reason;
      if (outcome.notifyDoctor) {
        const why = body.cancel.reason === 'complaint' ? 'жалоба' : 'отказ от дальнейших контактов';
        await notifyDoctor(trx, {
          clinicId: actor.clinicId, doctorId: a.doctor_id, kind: 'cancelled_' + body.cancel.reason, appointmentId: id, patientId: a.patient_id, at,
          ru: `Отменена запись ${who} на ${ruDate(a.local_date)}: ${why}${body.cancel.note ? ` — ${body.cancel.note}` : ''}`,
          en: `Patient ${who} cancelled the ${a.local_date} visit: ${body.cancel.reason}`,
        });
      }
    }
    await appts.updateAppointment(trx, actor.clinicId, id, patch);
    await appts.addHistory(trx, { id: newId(), clinicId: actor.clinicId, appointmentId: id, at, userId: actor.userId, action: 'status', from, to: body.to, details });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'appointment', objectId: id, patientId: a.patient_id, details: { status: `${from}->${body.to}`, ...(details.reason ? { reason: details.reason } : {}) } }));
    await addLiveEvent(trx, { clinicId: actor.clinicId, at, kind: body.to === 'arrived' ? 'arrival' : 'appointment', payload: { id, date: a.local_date, doctorId: a.doctor_id, status: body.to } });
  }).catch((err: unknown) => {
    throw slotTakenAt(err, tz);
  });
  return (await appts.getAppointment(deps.h.db, actor.clinicId, id))!;
}

/** After the visit (DESK-3) or at the desk (SCH-8): follow-up booked, review asked, patient mixed up the day. */
export async function deskEvent(deps: Deps, actor: Actor, id: string, e: { kind: 'review_requested' | 'follow_up_booked' | 'wrong_day'; note?: string | null }) {
  const now = deps.clock();
  const at = now.toISOString();
  await withTx(deps.h, async (trx) => {
    const a = await appts.rawAppointment(trx, actor.clinicId, id);
    if (!a) throw notFound(APPOINTMENT);
    if (e.kind === 'review_requested') await appts.updateAppointment(trx, actor.clinicId, id, { review_requested: 1, updated_at: at });
    if (e.kind === 'follow_up_booked') await appts.updateAppointment(trx, actor.clinicId, id, { follow_up_booked: 1, updated_at: at });
    await appts.addHistory(trx, { id: newId(), clinicId: actor.clinicId, appointmentId: id, at, userId: actor.userId, action: e.kind, details: e.note ? { note: e.note } : {} });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'appointment', objectId: id, patientId: a.patient_id, details: { event: e.kind } }));
    await addLiveEvent(trx, { clinicId: actor.clinicId, at, kind: 'appointment', payload: { id, date: a.local_date, doctorId: a.doctor_id } });
  });
  return (await appts.getAppointment(deps.h.db, actor.clinicId, id))!;
}

/**
 * The doctor runs late (SCH-8 → SVC-2): every patient of that doctor still waiting or yet to
 * come that day gets a dated delay entry in the service card; the board shows the delay.
 */
export async function doctorLate(deps: Deps, actor: Actor, body: z.infer<typeof DoctorLateBody>) {
  const now = deps.clock();
  const at = now.toISOString();
  const name = await authorName(deps.h.db, actor);
  return withTx(deps.h, async (trx) => {
    const rows = await appts.waitingVisitsOfDoctorDay(trx, actor.clinicId, body.doctorId, body.date);
    if (!rows.length) throw fieldError('doctorId', { ru: 'У врача нет ожидающих пациентов в этот день', en: 'The doctor has no waiting patients that day' });
    for (const r of rows) {
      await addEntryTx(trx, actor, name, r.patient_id, {
        section: 'svc2', text: `Задержка приёма на ${body.minutes} мин. по вине клиники: ${body.reason.trim()}`,
        eventDate: body.date, minutes: body.minutes, appointmentId: r.id,
      }, at);
    }
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'doctor_delay', objectId: body.doctorId, details: { minutes: body.minutes, appointments: rows.length } }));
    await addLiveEvent(trx, { clinicId: actor.clinicId, at, kind: 'doctor_late', payload: { doctorId: body.doctorId, date: body.date, minutes: body.minutes } });
    return { affected: rows.length };
  });
}
