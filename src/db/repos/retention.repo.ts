import { sql } from 'kysely';
import type { Db, DbHandle } from '../connect.js';
import type { PdDestructionsTable } from '../schema.js';
import { MEDICAL_RECORD_STATUSES, TIME_HOLDING_STATUSES } from '../../domain/retention.js';

const MEDICAL: string[] = [...MEDICAL_RECORD_STATUSES];
const HOLDING: string[] = [...TIME_HOLDING_STATUSES];

/** What a destruction decision needs about one patient. */
export async function retentionFacts(db: Db, clinicId: string, patientId: string, today: string) {
  const p = await db
    .selectFrom('patients')
    .select(['id', 'card_number', 'surname', 'first_name', 'patronymic', 'pd_state', 'created_at'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst();
  if (!p) return undefined;
  const last = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.max('local_date').as('d'))
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', 'in', MEDICAL)
    .executeTakeFirst();
  const future = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('local_date', '>=', today)
    .where('status', 'in', HOLDING)
    .executeTakeFirst();
  return { patient: p, lastMedicalVisit: (last?.d as string | null) ?? null, activeFutureAppointments: Number(future?.n ?? 0) };
}

/**
 * Destroys the data of one patient that a blocking destroys: contacts, notes, the service card,
 * call details, the waiting list, visit comments, staff notifications naming them, and live
 * events about them. Returns how many records of each kind were touched (for the act).
 */
export async function destroyNonMedical(trx: Db, clinicId: string, patientId: string, notificationText: { ru: string; en: string }) {
  const counts: Record<string, number> = {};
  const n = (r: { numDeletedRows?: bigint; numUpdatedRows?: bigint }) => Number(r.numDeletedRows ?? r.numUpdatedRows ?? 0n);
  counts.phones = n(await trx.deleteFrom('patient_phones').where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).executeTakeFirst());
  counts.serviceCard = n(await trx.deleteFrom('service_card_entries').where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).executeTakeFirst());
  counts.waitingList = n(await trx.deleteFrom('waiting_list').where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).executeTakeFirst());
  counts.calls = n(
    await trx
      .updateTable('calls')
      .set({ patient_id: null, phone: null, caller_name: null, note: null, outcome_reason: null })
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', patientId)
      .executeTakeFirst(),
  );
  const apptIds = trx.selectFrom('appointments').select('id').where('clinic_id', '=', clinicId).where('patient_id', '=', patientId);
  counts.visitNotes = n(
    await trx
      .updateTable('appointments')
      .set({ comment: null, cancel_note: null })
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', patientId)
      .where((eb) => eb.or([eb('comment', 'is not', null), eb('cancel_note', 'is not', null)]))
      .executeTakeFirst(),
  );
  // History notes are free text typed at the desk (e.g. "came with her son Ivan").
  await trx.updateTable('appointment_history').set({ details_json: '{}' }).where('clinic_id', '=', clinicId).where('appointment_id', 'in', apptIds).where('details_json', 'like', '%"note"%').execute();
  counts.notifications = n(
    await trx
      .updateTable('notifications')
      .set({ text_ru: notificationText.ru, text_en: notificationText.en })
      .where('clinic_id', '=', clinicId)
      .where((eb) => eb.or([eb('patient_id', '=', patientId), eb('appointment_id', 'in', apptIds)]))
      .executeTakeFirst(),
  );
  await trx
    .deleteFrom('live_events')
    .where('clinic_id', '=', clinicId)
    .where('payload_json', 'like', `%${patientId}%`)
    .execute();
  await trx
    .updateTable('patients')
    .set({ email: null, address_as: null, source_id: null, note: null, pd_consent_version: null })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .execute();
  return counts;
}

/** The last step: the identity goes; the card number stays so audit entries and statistics still resolve. */
export async function destroyIdentity(trx: Db, clinicId: string, patientId: string) {
  await trx
    .updateTable('patients')
    .set({ surname: '', first_name: '', patronymic: null, name_key: '', birth_date: null, sex: null, pd_consent_date: null })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .execute();
}

export async function setPdState(trx: Db, clinicId: string, patientId: string, state: 'blocked' | 'destroyed', retainUntil: string | null, at: string) {
  await trx.updateTable('patients').set({ pd_state: state, retain_until: retainUntil, updated_at: at }).where('clinic_id', '=', clinicId).where('id', '=', patientId).execute();
}

export async function insertDestruction(trx: Db, row: PdDestructionsTable) {
  await trx.insertInto('pd_destructions').values(row).execute();
}

export async function listDestructions(db: Db, clinicId: string, limit: number, offset: number, patientId?: string) {
  let q = db.selectFrom('pd_destructions').selectAll().where('clinic_id', '=', clinicId);
  if (patientId) q = q.where('patient_id', '=', patientId);
  return q.orderBy('number', 'desc').limit(limit).offset(offset).execute();
}

export async function getDestruction(db: Db, clinicId: string, id: string) {
  return db.selectFrom('pd_destructions').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/** The audit entries of the destruction itself (the event-log excerpt the act comes with). */
export async function destructionLog(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'user_login', 'role', 'action', 'object_type', 'details_json', 'hash'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('object_type', '=', 'pd_destruction')
    .orderBy('seq')
    .execute();
}

/**
 * Patients whose purpose of processing has been achieved by `cutoffs`: a medical record whose
 * last visit is on or before `medicalCutoff` (the 25-year period), or no medical record at all
 * and no contact since `noRecordCutoff`. Blocked patients are checked the same way.
 */
export async function dueForDestruction(db: Db, clinicId: string, medicalCutoff: string, noRecordCutoff: string, limit: number) {
  const medical = sql.join(MEDICAL.map((s) => sql.lit(s)));
  // One pass over the clinic's appointments per aggregate, filtered in SQL: a clinic-year holds ~150,000 visits.
  const rows = await sql<{ id: string; card_number: number; surname: string; first_name: string; patronymic: string | null; pd_state: string; last_visit: string | null; last_contact: string }>`
    select p.id, p.card_number, p.surname, p.first_name, p.patronymic, p.pd_state, v.last_visit,
      coalesce(c.last_contact, substr(cast(p.created_at as text), 1, 10)) as last_contact
    from patients p
    left join (select patient_id, max(local_date) as last_visit from appointments
               where clinic_id = ${clinicId} and status in (${medical}) group by patient_id) v on v.patient_id = p.id
    left join (select patient_id, max(local_date) as last_contact from appointments
               where clinic_id = ${clinicId} group by patient_id) c on c.patient_id = p.id
    where p.clinic_id = ${clinicId} and p.pd_state <> 'destroyed'
      and ((v.last_visit is not null and v.last_visit <= ${medicalCutoff})
        or (v.last_visit is null and coalesce(c.last_contact, substr(cast(p.created_at as text), 1, 10)) <= ${noRecordCutoff}))
    order by p.card_number
    limit ${limit}
  `.execute(db);
  return rows.rows.map((r) => ({ ...r, card_number: Number(r.card_number) }));
}

/** Acts past their three years: the subject's name leaves the act (the rest is not personal data). */
export async function eraseOldActs(trx: Db, clinicId: string, performedBefore: string, at: string) {
  const r = await trx
    .updateTable('pd_destructions')
    .set({ subject_name: null, act_erased_at: at })
    .where('clinic_id', '=', clinicId)
    .where('local_date', '<', performedBefore)
    .where('act_erased_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * After a destruction: SQLite overwrites freed pages (secure_delete) but older page images stay
 * in the WAL until a checkpoint; truncate it now. PostgreSQL leaves dead row versions to
 * autovacuum, which runs well within the 30 days art. 21 allows.
 */
export async function scrubAfterDestruction(h: DbHandle) {
  if (h.dialect === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(h.db);
}

export async function patientIdByCard(db: Db, clinicId: string, cardNumber: number) {
  const r = await db.selectFrom('patients').select('id').where('clinic_id', '=', clinicId).where('card_number', '=', cardNumber).executeTakeFirst();
  return r?.id;
}

/**
 * For the demo clinic: a patient seen before `today` with nothing booked from `today` on
 * (`withVisits`), or one who never came and has nothing booked. Lowest card number first, so
 * the choice is stable for a seed.
 */
export async function demoDestructionCandidate(db: Db, clinicId: string, today: string, withVisits: boolean, skipSurname: string) {
  const list = (xs: string[]) => sql.join(xs.map((x) => sql.lit(x)));
  const seen = sql<boolean>`exists (select 1 from appointments a where a.patient_id = patients.id and a.status in (${list(MEDICAL)}))`;
  const upcoming = sql<boolean>`exists (select 1 from appointments f where f.patient_id = patients.id and f.local_date >= ${today} and f.status in (${list(HOLDING)}))`;
  const r = await db
    .selectFrom('patients')
    .select(['id', 'card_number'])
    .where('clinic_id', '=', clinicId)
    .where('pd_state', '=', 'active')
    .where('surname', '<>', skipSurname)
    .where(withVisits ? seen : sql<boolean>`not ${seen}`)
    .where(sql<boolean>`not ${upcoming}`)
    .orderBy('card_number')
    .limit(1)
    .executeTakeFirst();
  return r;
}
