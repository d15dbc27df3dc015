import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../connect.js';
import { representativeOf, under15On } from '../../domain/representative.js';
import type { Kind, Status } from '../../domain/schedule/status.js';
import type { AppointmentsTable, SlotHoldsTable } from '../schema.js';

const TIME_FREE = ['cancelled', 'no_show'];

type Row = Selectable<AppointmentsTable> & {
  p_surname: string;
  p_first_name: string;
  p_patronymic: string | null;
  p_card_number: number;
  p_address_as: string | null;
  p_birth_date: string | null;
  p_rep_full_name: string | null;
  p_rep_relation: string | null;
  p_rep_phone: string | null;
};

function base(db: Db) {
  return db
    .selectFrom('appointments')
    .innerJoin('patients', 'patients.id', 'appointments.patient_id')
    .selectAll('appointments')
    .select([
      'patients.surname as p_surname',
      'patients.first_name as p_first_name',
      'patients.patronymic as p_patronymic',
      'patients.card_number as p_card_number',
      'patients.address_as as p_address_as',
      'patients.birth_date as p_birth_date',
      'patients.rep_full_name as p_rep_full_name',
      'patients.rep_relation as p_rep_relation',
      'patients.rep_phone as p_rep_phone',
    ]);
}

/** Rows with their patients' main phone and service-card alerts, in three queries in all. */
async function withExtras(db: Db, rows: Row[]) {
  const ids = [...new Set(rows.map((r) => r.patient_id))];
  const phones = new Map<string, string>();
  const alerts = new Map<string, { section: string; text: string }[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [ph, al] = await Promise.all([
      db.selectFrom('patient_phones').select(['patient_id', 'number']).where('patient_id', 'in', chunk).where('position', '=', 0).execute(),
      db.selectFrom('service_card_entries').select(['patient_id', 'section', 'text']).where('patient_id', 'in', chunk).where('is_alert', '=', 1).orderBy('created_at', 'desc').execute(),
    ]);
    for (const p of ph) phones.set(p.patient_id, p.number);
    for (const a of al) {
      const list = alerts.get(a.patient_id) ?? [];
      if (list.length < 5) list.push({ section: a.section, text: a.text });
      alerts.set(a.patient_id, list);
    }
  }
  return rows.map((r) => view(r, phones.get(r.patient_id) ?? null, alerts.get(r.patient_id) ?? []));
}

function view(r: Row, phone: string | null, alerts: { section: string; text: string }[]) {
  return {
    id: r.id,
    branchId: r.branch_id,
    doctorId: r.doctor_id,
    chairId: r.chair_id,
    patientId: r.patient_id,
    patient: { surname: r.p_surname, firstName: r.p_first_name, patronymic: r.p_patronymic, cardNumber: r.p_card_number, birthDate: r.p_birth_date, phone, addressAs: r.p_address_as,
      representative: representativeOf({ rep_full_name: r.p_rep_full_name, rep_relation: r.p_rep_relation, rep_phone: r.p_rep_phone }), minor: under15On(r.p_birth_date, r.local_date) },
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    localDate: r.local_date,
    kind: r.kind as Kind,
    status: r.status as Status,
    squeezeIn: r.squeeze_in === 1,
    needsCall: r.needs_call === 1,
    walkIn: r.walk_in === 1,
    services: r.services,
    comment: r.comment,
    lateMinutes: r.late_minutes,
    arrivedAt: r.arrived_at,
    cancelReason: r.cancel_reason,
    callbackDate: r.callback_date,
    reviewRequested: r.review_requested === 1,
    followUpBooked: r.follow_up_booked === 1,
    alerts,
    createdAt: r.created_at,
    statusChangedAt: r.status_changed_at,
  };
}
export type AppointmentView = ReturnType<typeof view>;

export async function getAppointment(db: Db, clinicId: string, id: string): Promise<AppointmentView | undefined> {
  const r = await base(db).where('appointments.clinic_id', '=', clinicId).where('appointments.id', '=', id).executeTakeFirst();
  return r ? (await withExtras(db, [r]))[0] : undefined;
}

/** One clinic-local day (optionally one branch), cancelled included (the board shows them struck through). */
export async function listDay(db: Db, clinicId: string, date: string, branchId?: string) {
  let q = base(db).where('appointments.clinic_id', '=', clinicId).where('appointments.local_date', '=', date);
  if (branchId) q = q.where('appointments.branch_id', '=', branchId);
  return withExtras(db, await q.orderBy('appointments.starts_at').execute());
}

export async function listDoctorRange(db: Db, clinicId: string, doctorId: string, fromDate: string, toDate: string) {
  const rows = await base(db)
    .where('appointments.clinic_id', '=', clinicId)
    .where('appointments.doctor_id', '=', doctorId)
    .where('appointments.local_date', '>=', fromDate)
    .where('appointments.local_date', '<=', toDate)
    .orderBy('appointments.starts_at')
    .execute();
  return withExtras(db, rows);
}

/** The doctor's visits of a day still waiting or yet to come (booked, confirmed, arrived), by start time. */
export async function waitingVisitsOfDoctorDay(trx: Db, clinicId: string, doctorId: string, date: string) {
  return trx
    .selectFrom('appointments')
    .select(['id', 'patient_id', 'starts_at'])
    .where('clinic_id', '=', clinicId)
    .where('doctor_id', '=', doctorId)
    .where('local_date', '=', date)
    .where('status', 'in', ['booked', 'confirmed', 'arrived'])
    .orderBy('starts_at')
    .execute();
}

/** Busy times (time-holding statuses) of doctors and chairs over an instant range: the raw material of slot search. */
export async function busyTimes(db: Db, clinicId: string, from: string, to: string, only?: { doctorIds: string[]; chairIds: string[] }) {
  // The local-date bounds (a day of slack covers every time zone) let the (clinic_id, local_date)
  // index narrow the scan; the instant bounds then decide.
  let q = db
    .selectFrom('appointments')
    .select(['id', 'doctor_id', 'chair_id', 'starts_at', 'ends_at'])
    .where('clinic_id', '=', clinicId)
    .where('local_date', '>=', dayShift(from, -1))
    .where('local_date', '<=', dayShift(to, 1))
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .where('status', 'not in', TIME_FREE);
  // Only the doctors asked about, and whoever else sits in their chairs.
  if (only) q = q.where((eb) => eb.or([eb('doctor_id', 'in', only.doctorIds.length ? only.doctorIds : ['-']), eb('chair_id', 'in', only.chairIds.length ? only.chairIds : ['-'])]));
  return q.execute();
}

/** The UTC date of an instant moved by whole days, as 'YYYY-MM-DD'. */
function dayShift(instant: string, days: number): string {
  return new Date(Date.parse(instant) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A visit never lasts a day (place() keeps it within one clinic day): the lower bound keeps the index scan short. */
const LONGEST_VISIT_MS = 24 * 3600_000;

/** The first time-holding appointment of the doctor, or in the chair, that overlaps [start, end). */
export async function findConflict(trx: Db, a: { clinicId: string; doctorId: string; chairId: string | null; start: string; end: string; excludeId?: string }) {
  let q = trx
    .selectFrom('appointments')
    .innerJoin('patients', 'patients.id', 'appointments.patient_id')
    .select(['appointments.id', 'appointments.doctor_id', 'appointments.chair_id', 'appointments.starts_at', 'appointments.ends_at', 'patients.surname', 'patients.first_name'])
    .where('appointments.clinic_id', '=', a.clinicId)
    .where('appointments.starts_at', '<', a.end)
    .where('appointments.starts_at', '>', new Date(Date.parse(a.start) - LONGEST_VISIT_MS).toISOString())
    .where('appointments.ends_at', '>', a.start)
    .where('appointments.status', 'not in', TIME_FREE)
    .where((eb) => (a.chairId ? eb.or([eb('appointments.doctor_id', '=', a.doctorId), eb('appointments.chair_id', '=', a.chairId)]) : eb('appointments.doctor_id', '=', a.doctorId)));
  if (a.excludeId) q = q.where('appointments.id', '!=', a.excludeId);
  return q.orderBy('appointments.starts_at').limit(1).executeTakeFirst();
}

/** A time-holding visit of the doctor that starts within [from, to) (one minute: the squeeze-in rule). */
export async function findDoctorStartIn(trx: Db, a: { clinicId: string; doctorId: string; from: string; to: string; excludeId?: string }) {
  let q = trx
    .selectFrom('appointments')
    .select(['id', 'starts_at'])
    .where('clinic_id', '=', a.clinicId)
    .where('doctor_id', '=', a.doctorId)
    .where('starts_at', '>=', a.from)
    .where('starts_at', '<', a.to)
    .where('status', 'not in', TIME_FREE);
  if (a.excludeId) q = q.where('id', '!=', a.excludeId);
  return q.limit(1).executeTakeFirst();
}

export async function insertAppointment(trx: Db, row: Insertable<AppointmentsTable>) {
  await trx.insertInto('appointments').values(row).execute();
}

export async function updateAppointment(trx: Db, clinicId: string, id: string, patch: Updateable<AppointmentsTable>) {
  await trx.updateTable('appointments').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

export async function rawAppointment(trx: Db, clinicId: string, id: string) {
  return trx.selectFrom('appointments').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

export async function addHistory(trx: Db, h: { id: string; clinicId: string; appointmentId: string; at: string; userId: string | null; action: string; from?: string | null; to?: string | null; details?: object }) {
  await trx
    .insertInto('appointment_history')
    .values({
      id: h.id, clinic_id: h.clinicId, appointment_id: h.appointmentId, at: h.at, user_id: h.userId, action: h.action,
      from_status: h.from ?? null, to_status: h.to ?? null, details_json: JSON.stringify(h.details ?? {}),
    })
    .execute();
}

export async function listHistory(db: Db, clinicId: string, appointmentId: string) {
  return db
    .selectFrom('appointment_history')
    .leftJoin('users', 'users.id', 'appointment_history.user_id')
    .selectAll('appointment_history')
    .select('users.full_name as user_name')
    .where('appointment_history.clinic_id', '=', clinicId)
    .where('appointment_history.appointment_id', '=', appointmentId)
    .orderBy('appointment_history.at')
    // Two steps in the same instant (arrived and straight into the chair): the ids are time-ordered (UUIDv7).
    .orderBy('appointment_history.id')
    .execute();
}

/** Live holds (not expired) overlapping [from, to), for slot search and the board. */
export async function activeHolds(db: Db, clinicId: string, from: string, to: string, now: string) {
  return db
    .selectFrom('slot_holds')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('expires_at', '>', now)
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .execute();
}

/** A live hold of another proposal on this doctor or chair over [start, end). */
export async function findHoldConflict(trx: Db, a: { clinicId: string; doctorId: string; chairId: string | null; start: string; end: string; now: string; exceptGroup?: string }) {
  let q = trx
    .selectFrom('slot_holds')
    .select(['hold_group', 'starts_at', 'ends_at', 'expires_at'])
    .where('clinic_id', '=', a.clinicId)
    .where('expires_at', '>', a.now)
    .where('starts_at', '<', a.end)
    .where('ends_at', '>', a.start)
    .where((eb) => (a.chairId ? eb.or([eb('doctor_id', '=', a.doctorId), eb('chair_id', '=', a.chairId)]) : eb('doctor_id', '=', a.doctorId)));
  if (a.exceptGroup) q = q.where('hold_group', '!=', a.exceptGroup);
  return q.limit(1).executeTakeFirst();
}

export async function insertHolds(trx: Db, rows: Insertable<SlotHoldsTable>[]) {
  if (rows.length) await trx.insertInto('slot_holds').values(rows).execute();
}

/** Drops the group's holds; returns how many there were (0: released already, expired, or not this clinic's). */
export async function releaseHolds(trx: Db, clinicId: string, group: string): Promise<number> {
  const r = await trx.deleteFrom('slot_holds').where('clinic_id', '=', clinicId).where('hold_group', '=', group).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function purgeExpiredHolds(trx: Db, now: string) {
  await trx.deleteFrom('slot_holds').where('expires_at', '<=', now).execute();
}

/** A patient's visits, newest first (the patient card's history and upcoming visits). */
export async function listPatientAppointments(db: Db, clinicId: string, patientId: string, limit = 200) {
  const rows = await base(db)
    .where('appointments.clinic_id', '=', clinicId)
    .where('appointments.patient_id', '=', patientId)
    .orderBy('appointments.starts_at', 'desc')
    .limit(limit)
    .execute();
  return withExtras(db, rows);
}

/** A patient's visits of one clinic-local day, any doctor and branch, by start time. */
export async function listPatientDay(db: Db, clinicId: string, patientId: string, date: string) {
  const rows = await base(db)
    .where('appointments.clinic_id', '=', clinicId)
    .where('appointments.patient_id', '=', patientId)
    .where('appointments.local_date', '=', date)
    .orderBy('appointments.starts_at')
    .execute();
  return withExtras(db, rows);
}

/** The patient's first visit of the day still to be marked arrived (booked or confirmed): a walk-in must not duplicate it. */
export async function firstUpcomingOfPatientDay(db: Db, clinicId: string, patientId: string, date: string) {
  return db
    .selectFrom('appointments')
    .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
    .innerJoin('branches', 'branches.id', 'appointments.branch_id')
    .select(['appointments.id', 'appointments.starts_at', 'appointments.doctor_id', 'appointments.branch_id', 'doctors.surname', 'doctors.first_name', 'doctors.patronymic', 'branches.name as branch_name'])
    .where('appointments.clinic_id', '=', clinicId)
    .where('appointments.patient_id', '=', patientId)
    .where('appointments.local_date', '=', date)
    .where('appointments.status', 'in', ['booked', 'confirmed'])
    .orderBy('appointments.starts_at')
    .limit(1)
    .executeTakeFirst();
}
