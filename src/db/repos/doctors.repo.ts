import type { Db } from '../connect.js';
import type { DoctorExceptionsTable, DoctorHoursTable, DoctorsTable } from '../schema.js';

function hoursRow(h: DoctorHoursTable) {
  return {
    weekday: h.weekday,
    branchId: h.branch_id,
    chairId: h.chair_id,
    starts: h.starts,
    ends: h.ends,
    breakStarts: h.break_starts,
    breakEnds: h.break_ends,
  };
}

function doctorRow(d: DoctorsTable, hours: DoctorHoursTable[]) {
  return {
    id: d.id,
    userId: d.user_id,
    surname: d.surname,
    firstName: d.first_name,
    patronymic: d.patronymic,
    position: d.position,
    specialties: JSON.parse(d.specialties_json) as string[],
    education: d.education,
    qualification: d.qualification,
    experienceSince: d.experience_since,
    color: d.color,
    isActive: d.is_active === 1,
    hours: hours.filter((h) => h.doctor_id === d.id).sort((a, b) => a.weekday - b.weekday || a.starts.localeCompare(b.starts)).map(hoursRow),
  };
}
export type DoctorView = ReturnType<typeof doctorRow>;

/** All doctors of the clinic with their weekly hours, in two queries (not one per doctor). */
export async function listDoctors(db: Db, clinicId: string, onlyId?: string): Promise<DoctorView[]> {
  let dq = db.selectFrom('doctors').selectAll().where('clinic_id', '=', clinicId);
  let hq = db.selectFrom('doctor_hours').selectAll().where('clinic_id', '=', clinicId);
  if (onlyId) {
    dq = dq.where('id', '=', onlyId);
    hq = hq.where('doctor_id', '=', onlyId);
  }
  const [docs, hours] = await Promise.all([dq.orderBy('surname').orderBy('first_name').execute(), hq.execute()]);
  return docs.map((d) => doctorRow(d, hours));
}

export async function getDoctor(db: Db, clinicId: string, id: string): Promise<DoctorView | undefined> {
  return (await listDoctors(db, clinicId, id))[0];
}

export async function insertDoctor(trx: Db, row: DoctorsTable) {
  await trx.insertInto('doctors').values(row).execute();
}

export async function updateDoctor(trx: Db, clinicId: string, id: string, patch: Partial<DoctorsTable>) {
  if (Object.keys(patch).length) await trx.updateTable('doctors').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

export async function replaceHours(trx: Db, clinicId: string, doctorId: string, rows: DoctorHoursTable[]) {
  await trx.deleteFrom('doctor_hours').where('clinic_id', '=', clinicId).where('doctor_id', '=', doctorId).execute();
  if (rows.length) await trx.insertInto('doctor_hours').values(rows).execute();
}

function exceptionRow(e: DoctorExceptionsTable) {
  return { id: e.id, doctorId: e.doctor_id, kind: e.kind, dateFrom: e.date_from, dateTo: e.date_to, note: e.note };
}

export async function listExceptions(db: Db, clinicId: string, doctorId: string, fromDate?: string) {
  let q = db.selectFrom('doctor_exceptions').selectAll().where('clinic_id', '=', clinicId).where('doctor_id', '=', doctorId);
  if (fromDate) q = q.where('date_to', '>=', fromDate);
  return (await q.orderBy('date_from').execute()).map(exceptionRow);
}

export async function insertException(trx: Db, row: DoctorExceptionsTable) {
  await trx.insertInto('doctor_exceptions').values(row).execute();
  return exceptionRow(row);
}

export async function deleteException(trx: Db, clinicId: string, doctorId: string, id: string): Promise<boolean> {
  const r = await trx
    .deleteFrom('doctor_exceptions')
    .where('clinic_id', '=', clinicId)
    .where('doctor_id', '=', doctorId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Exceptions of all doctors touching [from, to]. */
export async function exceptionsInRange(db: Db, clinicId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('doctor_exceptions')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('date_from', '<=', to)
    .where('date_to', '>=', from)
    .execute();
  return rows.map(exceptionRow);
}
