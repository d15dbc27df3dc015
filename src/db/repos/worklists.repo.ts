import { sql, type Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { CallsTable } from '../schema.js';

/**
 * The visits of the given clinic-local dates a confirmation call may concern, with the patient
 * and the doctor: walk-ins and no-shows never; blocked or destroyed cards are never called
 * (152-FZ art. 21). Cancelled ones come too: a cancellation taken on the call stays on the list.
 */
export async function confirmationVisits(db: Db, clinicId: string, dates: string[], branchId: string | null) {
  let q = db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('doctors as d', 'd.id', 'a.doctor_id')
    .select([
      'a.id', 'a.patient_id', 'a.doctor_id', 'a.branch_id', 'a.starts_at', 'a.local_date', 'a.status', 'a.needs_call', 'a.created_at', 'a.kind',
      'p.surname', 'p.first_name', 'p.patronymic', 'p.address_as', 'p.card_number',
      'd.surname as d_surname', 'd.first_name as d_first_name', 'd.patronymic as d_patronymic',
    ])
    .where('a.clinic_id', '=', clinicId)
    .where('a.local_date', 'in', dates.length ? dates : ['-'])
    .where('a.status', 'in', ['booked', 'confirmed', 'arrived', 'in_chair', 'done', 'cancelled'])
    .where('a.walk_in', '=', 0)
    .where('p.pd_state', '=', 'active');
  if (branchId) q = q.where('a.branch_id', '=', branchId);
  return q.orderBy('a.starts_at').orderBy('a.id').execute();
}

export type ConfirmationVisitRow = Awaited<ReturnType<typeof confirmationVisits>>[number];

/** The outgoing calls of a list about these visits (or patients), oldest first, with who made them. */
export async function attempts(db: Db, clinicId: string, purpose: string, by: { appointmentIds?: string[]; patientIds?: string[]; sinceIso?: string }) {
  let q = db
    .selectFrom('calls as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.patient_id', 'c.appointment_id', 'c.outcome', 'c.started_at', 'c.callback_at', 'c.note', 'c.outcome_reason', 'u.full_name'])
    .where('c.clinic_id', '=', clinicId)
    .where('c.direction', '=', 'out')
    .where('c.purpose', '=', purpose);
  if (by.appointmentIds) q = q.where('c.appointment_id', 'in', by.appointmentIds.length ? by.appointmentIds : ['-']);
  if (by.patientIds) q = q.where('c.patient_id', 'in', by.patientIds.length ? by.patientIds : ['-']);
  if (by.sinceIso) q = q.where('c.started_at', '>=', by.sinceIso);
  return q.orderBy('c.started_at').orderBy('c.id').execute();
}

export type AttemptRow = Awaited<ReturnType<typeof attempts>>[number];

/**
 * Call-backs promised in any call (`callback_at`) in [fromIso, toIso) and not yet done: no
 * outgoing call to the patient (other than «не дозвонился») was logged after the promise was made. At most 200.
 */
export async function openPromisedCallbacks(db: Db, clinicId: string, fromIso: string, toIso: string) {
  return db
    .selectFrom('calls as c')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select([
      'c.id', 'c.patient_id', 'c.appointment_id', 'c.purpose', 'c.direction', 'c.callback_at', 'c.started_at', 'c.note', 'c.outcome_reason',
      'p.surname', 'p.first_name', 'p.patronymic', 'u.full_name',
    ])
    .where('c.clinic_id', '=', clinicId)
    .where('c.callback_at', '>=', fromIso)
    .where('c.callback_at', '<', toIso)
    .where('p.pd_state', '=', 'active')
    .where(({ not, exists, selectFrom }) => not(exists(
      // «Не дозвонился» keeps the promise open: the patient is still to be reached.
      selectFrom('calls as n').select(sql`1`.as('x')).whereRef('n.patient_id', '=', 'c.patient_id').where('n.direction', '=', 'out').where('n.outcome', '!=', 'not_reached').whereRef('n.started_at', '>', 'c.started_at'),
    )))
    .orderBy('c.callback_at')
    .limit(200)
    .execute();
}

/**
 * Each patient's last finished visit, when it falls in [fromDate, toDate], with its kind and
 * doctor (blocked or destroyed cards left out), and `booked`: 1 when the patient has a visit
 * ahead — booked or confirmed and starting after `nowIso`, or at the clinic right now (arrived,
 * in the chair, since a day ago). Recall (REC-1) everywhere starts from these rows: the worklist, the gaps list
 * and the owner's statistics.
 */
export async function lastFinishedVisits(db: Db, clinicId: string, fromDate: string, toDate: string, nowIso: string) {
  const dayAgo = new Date(Date.parse(nowIso) - 86_400_000).toISOString();
  // From the window's finished visits, those with no later finished visit of the patient: both
  // steps walk an index (the clinic's finished visits by day; the patient's visits by time). A
  // grouping of every finished visit the clinic ever had, joined back, cost seconds on a clinic-year.
  return db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('doctors as d', 'd.id', 'a.doctor_id')
    .select([
      'a.id', 'a.patient_id', 'a.doctor_id', 'a.local_date', 'a.kind', 'a.starts_at',
      'p.surname', 'p.first_name', 'p.patronymic', 'p.address_as',
      'd.surname as d_surname', 'd.first_name as d_first_name', 'd.patronymic as d_patronymic', 'd.specialties_json',
      sql<number>`case when exists (select 1 from appointments f where f.patient_id = a.patient_id and ((f.status in ('booked', 'confirmed') and f.starts_at > ${nowIso}) or (f.status in ('arrived', 'in_chair') and f.starts_at > ${dayAgo}))) then 1 else 0 end`.as('booked'),
    ])
    .where('a.clinic_id', '=', clinicId)
    .where('a.status', '=', 'done')
    .where('a.local_date', '>=', fromDate)
    .where('a.local_date', '<=', toDate)
    .where('p.pd_state', '=', 'active')
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('appointments as later').select(sql`1`.as('x'))
        .whereRef('later.patient_id', '=', 'a.patient_id')
        .whereRef('later.starts_at', '>', 'a.starts_at')
        .where('later.status', '=', 'done'),
    )))
    .orderBy('a.local_date')
    .orderBy('a.id')
    .execute();
}

export async function insertAttempt(trx: Db, row: Insertable<CallsTable>) {
  await trx.insertInto('calls').values(row).execute();
}

/** The patient of a clinic's visit, for an attempt about it (null when no such visit). */
export async function visitOf(db: Db, clinicId: string, id: string) {
  return db.selectFrom('appointments').select(['id', 'patient_id', 'branch_id', 'doctor_id', 'local_date', 'status', 'needs_call'])
    .where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}
