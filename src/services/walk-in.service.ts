import type { Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { firstUpcomingOfPatientDay } from '../db/repos/appointments.repo.js';
import { insertNotification } from '../db/repos/notifications.repo.js';
import { patientNameParts } from '../db/repos/patients.repo.js';
import { DomainError } from '../domain/errors.js';
import { shortName } from '../domain/names.js';
import { arrivalNote, type Sex } from '../domain/schedule/arrival.js';
import { localTimeOf } from '../domain/schedule/time.js';
import type { Actor } from './context.js';

/**
 * SCH-8: a patient who walks in while booked for later today (with any doctor, at any branch)
 * has come for that visit, early. A walk-in would leave the booking waiting as a future no-show
 * and book the doctor twice, so it is refused with the visit named — the desk marks the arrival
 * on it — unless the desk asks for a second visit on purpose (`secondVisit`).
 */
export async function refuseWalkInOverBooking(db: Db, actor: Actor, patientId: string, date: string, tz: string): Promise<void> {
  const v = await firstUpcomingOfPatientDay(db, actor.clinicId, patientId, date);
  if (!v) return;
  const time = localTimeOf(Date.parse(v.starts_at), tz);
  const doctor = shortName({ surname: v.surname, firstName: v.first_name, patronymic: v.patronymic });
  const message = {
    ru: `У пациента сегодня запись на ${time} (${doctor}, ${v.branch_name}): отметьте приход на эту запись. Второй визит — только если он нужен`,
    en: `The patient is booked today at ${time} (${doctor}, ${v.branch_name}): mark the arrival on that visit. Book a second visit only if one is needed`,
  };
  throw new DomainError('conflict', message, [{ field: 'patientId', message }], {
    appointment: { id: v.id, startsAt: v.starts_at, doctorId: v.doctor_id, branchId: v.branch_id },
  });
}

/**
 * STAFF-3 for a walk-in: the doctor gets the arrival note as for any arrival, written in the
 * booking's transaction so it exists only if the visit does.
 */
export async function announceWalkIn(trx: Db, actor: Actor, v: { id: string; doctorId: string; patientId: string; start: number; date: string; tz: string }, at: string): Promise<void> {
  const p = await patientNameParts(trx, v.patientId);
  const who = shortName({ surname: p.surname, firstName: p.first_name, patronymic: p.patronymic });
  const note = arrivalNote({ who, sex: p.sex as Sex, time: localTimeOf(v.start, v.tz), lateMinutes: 0, bookedDate: v.date, today: v.date, walkIn: true });
  await insertNotification(trx, {
    id: newId(), clinic_id: actor.clinicId, doctor_id: v.doctorId, kind: 'arrived', appointment_id: v.id, patient_id: v.patientId,
    text_ru: note.ru, text_en: note.en, created_at: at, read_at: null,
  });
}
