import type { z } from 'zod';
import type { DoctorExceptionInput, DoctorHours, DoctorInput, DoctorPatch } from '../contracts/staff.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { listBranches, listChairs } from '../db/repos/clinic.repo.js';
import * as repo from '../db/repos/doctors.repo.js';
import { getUser } from '../db/repos/users.repo.js';
import { fieldError, notFound } from '../domain/errors.js';
import { auditEntry, changedFields, type Actor, type Deps } from './context.js';

const DOCTOR = { ru: 'Врач', en: 'Doctor' };
const EXCEPTION = { ru: 'Исключение в графике', en: 'Schedule exception' };
const PALETTE = ['#4c6ef5', '#12b886', '#fab005', '#e64980', '#7950f2', '#15aabf', '#fd7e14', '#40c057', '#be4bdb', '#228be6'];

export const listDoctors = (deps: Deps, actor: Actor) => repo.listDoctors(deps.h.db, actor.clinicId);

export async function getDoctor(deps: Deps, actor: Actor, id: string) {
  const d = await repo.getDoctor(deps.h.db, actor.clinicId, id);
  if (!d) throw notFound(DOCTOR);
  return d;
}

async function checkUser(deps: Deps, actor: Actor, userId: string | null | undefined) {
  if (userId && !(await getUser(deps.h.db, actor.clinicId, userId))) {
    throw fieldError('userId', { ru: 'Такого сотрудника нет', en: 'No such staff member' });
  }
}

export async function createDoctor(deps: Deps, actor: Actor, input: z.infer<typeof DoctorInput>) {
  await checkUser(deps, actor, input.userId);
  const now = deps.clock();
  const id = newId();
  await withTx(deps.h, async (trx) => {
    const count = (await repo.listDoctors(trx, actor.clinicId)).length;
    await repo.insertDoctor(trx, {
      id,
      clinic_id: actor.clinicId,
      user_id: input.userId ?? null,
      surname: input.surname.trim(),
      first_name: input.firstName.trim(),
      patronymic: input.patronymic?.trim() || null,
      position: input.position.trim(),
      specialties_json: JSON.stringify([...new Set(input.specialties)]),
      education: input.education ?? null,
      qualification: input.qualification ?? null,
      experience_since: input.experienceSince ?? null,
      color: input.color ?? PALETTE[count % PALETTE.length],
      is_active: input.isActive === false ? 0 : 1,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'doctor', objectId: id }));
  });
  return getDoctor(deps, actor, id);
}

export async function updateDoctor(deps: Deps, actor: Actor, id: string, patch: z.infer<typeof DoctorPatch>) {
  await checkUser(deps, actor, patch.userId);
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    if (!(await repo.getDoctor(trx, actor.clinicId, id))) throw notFound(DOCTOR);
    await repo.updateDoctor(trx, actor.clinicId, id, {
      ...(patch.userId !== undefined && { user_id: patch.userId }),
      ...(patch.surname !== undefined && { surname: patch.surname.trim() }),
      ...(patch.firstName !== undefined && { first_name: patch.firstName.trim() }),
      ...(patch.patronymic !== undefined && { patronymic: patch.patronymic?.trim() || null }),
      ...(patch.position !== undefined && { position: patch.position.trim() }),
      ...(patch.specialties !== undefined && { specialties_json: JSON.stringify([...new Set(patch.specialties)]) }),
      ...(patch.education !== undefined && { education: patch.education }),
      ...(patch.qualification !== undefined && { qualification: patch.qualification }),
      ...(patch.experienceSince !== undefined && { experience_since: patch.experienceSince }),
      ...(patch.color !== undefined && { color: patch.color }),
      ...(patch.isActive !== undefined && { is_active: patch.isActive ? 1 : 0 }),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'doctor', objectId: id, details: { fields: changedFields(patch) } }));
  });
  return getDoctor(deps, actor, id);
}

type Hours = z.infer<typeof DoctorHours>;

/** Replaces the weekly hours. A weekday may hold several shifts (e.g. two branches) as long as they do not overlap. */
export async function setHours(deps: Deps, actor: Actor, id: string, hours: Hours[]) {
  const [branches, chairs] = await Promise.all([listBranches(deps.h.db, actor.clinicId), listChairs(deps.h.db, actor.clinicId)]);
  hours.forEach((h, i) => {
    const at = `hours.${i}`;
    if (!branches.some((b) => b.id === h.branchId)) throw fieldError(`${at}.branchId`, { ru: 'Такого филиала нет', en: 'No such branch' });
    if (h.chairId && !chairs.some((c) => c.id === h.chairId && c.branchId === h.branchId)) {
      throw fieldError(`${at}.chairId`, { ru: 'Кресло не из этого филиала', en: 'The chair is not in this branch' });
    }
    if (h.starts >= h.ends) throw fieldError(`${at}.ends`, { ru: 'Конец смены должен быть позже начала', en: 'The shift must end after it starts' });
    if (!!h.breakStarts !== !!h.breakEnds) throw fieldError(`${at}.breakEnds`, { ru: 'Укажите начало и конец перерыва', en: 'Give both break start and end' });
    if (h.breakStarts && h.breakEnds && !(h.starts < h.breakStarts && h.breakStarts < h.breakEnds && h.breakEnds < h.ends)) {
      throw fieldError(`${at}.breakStarts`, { ru: 'Перерыв должен быть внутри смены', en: 'The break must lie within the shift' });
    }
    hours.forEach((o, j) => {
      if (j < i && o.weekday === h.weekday && o.starts < h.ends && h.starts < o.ends) {
        throw fieldError(`${at}.starts`, { ru: 'Смены в один день пересекаются', en: 'Shifts on the same day overlap' });
      }
    });
  });
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    if (!(await repo.getDoctor(trx, actor.clinicId, id))) throw notFound(DOCTOR);
    await repo.replaceHours(
      trx,
      actor.clinicId,
      id,
      hours.map((h) => ({
        id: newId(),
        clinic_id: actor.clinicId,
        doctor_id: id,
        branch_id: h.branchId,
        chair_id: h.chairId ?? null,
        weekday: h.weekday,
        starts: h.starts,
        ends: h.ends,
        break_starts: h.breakStarts ?? null,
        break_ends: h.breakEnds ?? null,
      })),
    );
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'doctor_hours', objectId: id }));
  });
  return getDoctor(deps, actor, id);
}

export async function listExceptions(deps: Deps, actor: Actor, doctorId: string) {
  await getDoctor(deps, actor, doctorId);
  return repo.listExceptions(deps.h.db, actor.clinicId, doctorId);
}

/** Vacation, sick leave, training, a day off or an extra shift (SCH-1). */
export async function addException(deps: Deps, actor: Actor, doctorId: string, input: z.infer<typeof DoctorExceptionInput>) {
  if (input.dateTo < input.dateFrom) throw fieldError('dateTo', { ru: 'Дата окончания раньше даты начала', en: 'The end date is before the start date' });
  const now = deps.clock();
  return withTx(deps.h, async (trx) => {
    if (!(await repo.getDoctor(trx, actor.clinicId, doctorId))) throw notFound(DOCTOR);
    const e = await repo.insertException(trx, {
      id: newId(),
      clinic_id: actor.clinicId,
      doctor_id: doctorId,
      kind: input.kind,
      date_from: input.dateFrom,
      date_to: input.dateTo,
      note: input.note?.trim() || null,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'doctor_exception', objectId: e.id, details: { doctorId, kind: input.kind } }));
    return e;
  });
}

export async function removeException(deps: Deps, actor: Actor, doctorId: string, exceptionId: string) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    if (!(await repo.deleteException(trx, actor.clinicId, doctorId, exceptionId))) throw notFound(EXCEPTION);
    await appendAudit(trx, auditEntry(actor, now, { action: 'delete', objectType: 'doctor_exception', objectId: exceptionId, details: { doctorId } }));
  });
}
