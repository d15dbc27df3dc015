import type { Db } from '../db/connect.js';
import { activeUser, linkTargets } from '../db/repos/tasks.repo.js';
import { fieldError } from '../domain/errors.js';
import { fullName } from '../domain/names.js';
import { can } from '../domain/permissions.js';
import type { Role } from '../domain/roles.js';

/**
 * Checks the optional patient/visit link of a message or task (this clinic's, and the visit of
 * that patient) and returns the patient to store: a visit alone brings its patient.
 */
export async function checkLinks(db: Db, clinicId: string, patientId: string | null | undefined, appointmentId: string | null | undefined): Promise<string | null> {
  const { patientFound, visit } = await linkTargets(db, clinicId, patientId ?? null, appointmentId ?? null);
  if (patientId && !patientFound) throw fieldError('patientId', { ru: 'Пациент не найден', en: 'Patient not found' });
  if (appointmentId && !visit) throw fieldError('appointmentId', { ru: 'Запись не найдена', en: 'Visit not found' });
  if (visit && patientId && visit.patient_id !== patientId) throw fieldError('appointmentId', { ru: 'Запись другого пациента', en: 'The visit is another patient’s' });
  return patientId ?? visit?.patient_id ?? null;
}

/** Exactly one of a person and a role; the person active in this clinic. */
export async function checkAddressee(db: Db, clinicId: string, userId: string | null | undefined, role: Role | null | undefined, field: string) {
  if (Boolean(userId) === Boolean(role)) {
    throw fieldError(field, { ru: 'Выберите сотрудника или должность (что-то одно)', en: 'Choose a person or a role (one of them)' });
  }
  if (userId && !(await activeUser(db, clinicId, userId))) throw fieldError(field, { ru: 'Сотрудник не найден', en: 'Staff member not found' });
}

/** A patient's name only for those whose role may read patients (the office manager sees the note, not who). */
export function patientNameFor(role: Role, r: { surname: string | null; first_name: string | null; patronymic: string | null }): string | null {
  if (!r.surname || !r.first_name || !can(role, 'patients.read')) return null;
  return fullName({ surname: r.surname, firstName: r.first_name, patronymic: r.patronymic });
}
