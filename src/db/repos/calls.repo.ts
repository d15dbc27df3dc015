import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../connect.js';
import type { CallsTable } from '../schema.js';

export interface CallFilter {
  fromIso: string;
  toIso: string;
  direction?: 'in' | 'out';
  callerType?: string;
  purpose?: string;
  outcome?: string;
  userId?: string;
  sourceId?: string;
  branchId?: string;
  patientId?: string;
}

export async function insertCall(trx: Db, row: Insertable<CallsTable>) {
  await trx.insertInto('calls').values(row).execute();
}

function filtered(db: Db, clinicId: string, f: CallFilter) {
  let q = db.selectFrom('calls as c').where('c.clinic_id', '=', clinicId).where('c.started_at', '>=', f.fromIso).where('c.started_at', '<', f.toIso);
  if (f.direction) q = q.where('c.direction', '=', f.direction);
  if (f.callerType) q = q.where('c.caller_type', '=', f.callerType);
  if (f.purpose) q = q.where('c.purpose', '=', f.purpose);
  if (f.outcome) q = q.where('c.outcome', '=', f.outcome);
  if (f.userId) q = q.where('c.user_id', '=', f.userId);
  if (f.sourceId) q = q.where('c.source_id', '=', f.sourceId);
  if (f.branchId) q = q.where('c.branch_id', '=', f.branchId);
  if (f.patientId) q = q.where('c.patient_id', '=', f.patientId);
  return q;
}

function withNames<T extends ReturnType<typeof filtered>>(q: T) {
  return q
    .leftJoin('patients as p', 'p.id', 'c.patient_id')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .leftJoin('info_sources as s', 's.id', 'c.source_id')
    .leftJoin('appointments as a', 'a.id', 'c.appointment_id')
    .select([
      'c.id', 'c.direction', 'c.caller_type', 'c.purpose', 'c.patient_id', 'c.phone', 'c.caller_name', 'c.source_id', 'c.outcome',
      'c.outcome_reason', 'c.appointment_id', 'c.user_id', 'c.branch_id', 'c.started_at', 'c.duration_sec', 'c.note',
      'c.answer_sec', 'c.need_summary',
      'p.surname', 'p.first_name', 'p.patronymic', 'u.full_name as user_name', 's.name as source_name',
      'a.starts_at as visit_starts_at', 'a.status as visit_status', 'a.doctor_id as visit_doctor_id',
    ]);
}

export type CallRow = Awaited<ReturnType<typeof listCalls>>['rows'][number];

/** One page of the call base, newest first, with the total matching the filter. */
export async function listCalls(db: Db, clinicId: string, f: CallFilter, limit: number, offset: number) {
  const rows = await withNames(filtered(db, clinicId, f)).orderBy('c.started_at', 'desc').orderBy('c.id', 'desc').limit(limit).offset(offset).execute();
  const total = Number((await filtered(db, clinicId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { rows, total };
}

/** The whole filtered call base in time order for the CSV export, in pages of `batch`. */
export async function* streamCalls(db: Db, clinicId: string, f: CallFilter, batch = 2000) {
  for (let offset = 0; ; offset += batch) {
    const rows = await withNames(filtered(db, clinicId, f)).orderBy('c.started_at').orderBy('c.id').limit(batch).offset(offset).execute();
    yield rows;
    if (rows.length < batch) return;
  }
}

export async function getCall(db: Db, clinicId: string, id: string) {
  return withNames(db.selectFrom('calls as c').where('c.clinic_id', '=', clinicId).where('c.id', '=', id) as ReturnType<typeof filtered>).executeTakeFirst();
}

/** The caller's latest calls, newest first. */
export async function lastCallsOf(db: Db, clinicId: string, patientId: string, limit: number) {
  return withNames(db.selectFrom('calls as c').where('c.clinic_id', '=', clinicId).where('c.patient_id', '=', patientId) as ReturnType<typeof filtered>)
    .orderBy('c.started_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Incoming calls ticked primary in the period, with the booked visit's state and whether the
 * caller's card had a finished visit before the call (CALL-5 counts such a caller as repeat).
 */
export async function conversionRows(db: Db, clinicId: string, fromIso: string, toIso: string) {
  return db
    .selectFrom('calls as c')
    .leftJoin('appointments as a', 'a.id', 'c.appointment_id')
    .where('c.clinic_id', '=', clinicId)
    .where('c.started_at', '>=', fromIso)
    .where('c.started_at', '<', toIso)
    .where('c.direction', '=', 'in')
    .where('c.caller_type', '=', 'primary')
    .select([
      'c.id', 'c.direction', 'c.caller_type', 'c.started_at', 'c.user_id', 'c.source_id', 'c.branch_id', 'c.outcome', 'c.appointment_id',
      'a.status as visit_status', 'a.starts_at as visit_starts_at',
      sql<number>`case when c.patient_id is not null and exists (select 1 from appointments d where d.patient_id = c.patient_id and d.status = 'done' and d.starts_at < c.started_at) then 1 else 0 end`.as('had_visit'),
    ])
    .execute();
}

/** The calls of a conversion figure's list (issue #14), by id, newest first, with the names the list shows. */
export async function conversionListRows(db: Db, clinicId: string, ids: readonly string[]) {
  const out = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('calls as c')
        .leftJoin('patients as p', 'p.id', 'c.patient_id')
        .leftJoin('users as u', 'u.id', 'c.user_id')
        .leftJoin('info_sources as s', 's.id', 'c.source_id')
        .leftJoin('branches as b', 'b.id', 'c.branch_id')
        .leftJoin('appointments as a', 'a.id', 'c.appointment_id')
        .where('c.clinic_id', '=', clinicId)
        .where('c.id', 'in', ids.slice(i, i + 500))
        .select([
          'c.id', 'c.started_at', 'c.patient_id', 'c.caller_name', 'c.outcome', 'p.surname', 'p.first_name', 'p.patronymic', 'u.full_name as user_name',
          's.name as source_name', 'b.name as branch_name', 'a.id as visit_id', 'a.starts_at as visit_starts_at', 'a.status as visit_status', 'a.branch_id as visit_branch_id',
        ])
        .execute()),
    );
  }
  return out.sort((x, y) => (x.started_at < y.started_at ? 1 : x.started_at > y.started_at ? -1 : x.id < y.id ? 1 : -1));
}

/** The patient's finished and missed visits, newest first. */
export async function pastVisitsOf(db: Db, clinicId: string, patientId: string, now: Date, limit: number) {
  return db
    .selectFrom('appointments')
    .select(['id', 'starts_at', 'doctor_id', 'branch_id', 'kind', 'status'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('starts_at', '<', now.toISOString())
    .where('status', 'in', ['done', 'no_show'])
    .orderBy('starts_at', 'desc')
    .limit(limit)
    .execute();
}

export async function countDoneVisits(db: Db, clinicId: string, patientId: string): Promise<number> {
  const r = await db.selectFrom('appointments').select((eb) => eb.fn.countAll<number>().as('n')).where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).where('status', '=', 'done').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The service card's alerts (svc10 and other flagged entries), newest first. */
export async function alertsOf(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('service_card_entries')
    .select(['text', 'event_date'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('is_alert', '=', 1)
    .orderBy('event_date', 'desc')
    .limit(10)
    .execute();
}

export async function openWaitingOf(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('waiting_list')
    .select(['id', 'doctor_id', 'specialty', 'date_from', 'date_to', 'note'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .limit(10)
    .execute();
}

export async function appointmentOf(trx: Db, clinicId: string, id: string) {
  return trx.selectFrom('appointments').select(['id', 'patient_id', 'call_id', 'branch_id']).where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/** The visit remembers the call it was booked on (appointments.call_id), unless it already has one. */
export async function linkAppointmentCall(trx: Db, clinicId: string, appointmentId: string, callId: string) {
  await trx.updateTable('appointments').set({ call_id: callId }).where('clinic_id', '=', clinicId).where('id', '=', appointmentId).where('call_id', 'is', null).execute();
}

export async function latestScript(db: Db, clinicId: string) {
  return db
    .selectFrom('call_scripts as cs')
    .leftJoin('users as u', 'u.id', 'cs.created_by')
    .select(['cs.version', 'cs.script_json', 'cs.created_at', 'u.full_name'])
    .where('cs.clinic_id', '=', clinicId)
    .orderBy('cs.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertScript(trx: Db, row: { id: string; clinic_id: string; version: number; script_json: string; created_by: string; created_at: string }) {
  await trx.insertInto('call_scripts').values(row).execute();
}

export async function userFullName(db: Db, userId: string) {
  return (await db.selectFrom('users').select(['full_name']).where('id', '=', userId).executeTakeFirst())?.full_name ?? '';
}

export async function namesFor(db: Db, clinicId: string) {
  const [users, sources, branches] = await Promise.all([
    db.selectFrom('users').select(['id', 'full_name as name']).where('clinic_id', '=', clinicId).execute(),
    db.selectFrom('info_sources').select(['id', 'name']).where('clinic_id', '=', clinicId).execute(),
    db.selectFrom('branches').select(['id', 'name']).where('clinic_id', '=', clinicId).execute(),
  ]);
  return { users, sources, branches };
}

export async function refExists(db: Db, table: 'patients' | 'info_sources' | 'branches' | 'users', clinicId: string, id: string): Promise<boolean> {
  return !!(await db.selectFrom(table).select('id').where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst());
}

/** A call row the telephony created (021-telephony), with what completing it from the card needs. */
export async function telephonyCallOf(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('calls')
    .select(['id', 'user_id', 'phone', 'started_at', 'answered_at', 'ended_at'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('pbx_call_id', 'is not', null)
    .executeTakeFirst();
}

export async function updateCallRow(trx: Db, clinicId: string, id: string, patch: Updateable<CallsTable>) {
  await trx.updateTable('calls').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}
