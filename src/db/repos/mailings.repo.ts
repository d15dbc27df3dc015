import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../connect.js';
import type { MailChannel, MailingsTable, MessagingSettingsTable } from '../schema.js';

/** Mailings, segments, consents and messaging settings (REC-4, issue #10): every query of the area but the outbox's. */

export async function getSettings(db: Db, clinicId: string) {
  return db.selectFrom('messaging_settings').selectAll().where('clinic_id', '=', clinicId).executeTakeFirst();
}

/** Creates the clinic's settings row (with its signing key) unless another request just did. */
export async function insertSettingsIfAbsent(db: Db, row: MessagingSettingsTable) {
  await db.insertInto('messaging_settings').values(row).onConflict((oc) => oc.column('clinic_id').doNothing()).execute();
}

export async function updateSettings(trx: Db, clinicId: string, patch: Updateable<MessagingSettingsTable>) {
  await trx.updateTable('messaging_settings').set(patch).where('clinic_id', '=', clinicId).execute();
}

/** The clinics that switched reminders on (the dispatcher enqueues theirs). */
export async function clinicsWithReminders(db: Db) {
  return db.selectFrom('messaging_settings').selectAll().where((eb) => eb.or([eb('reminders_email', '=', 1), eb('reminders_sms', '=', 1)])).execute();
}

// ——— Consents ———

export async function patientState(db: Db, clinicId: string, id: string) {
  return db.selectFrom('patients').select(['id', 'pd_state', 'email', 'surname', 'first_name', 'patronymic', 'address_as']).where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

export async function listConsents(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('mailing_consents as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .select(['c.channel', 'c.agreed', 'c.recorded_at', 'c.recorded_via', 'u.full_name'])
    .where('c.clinic_id', '=', clinicId)
    .where('c.patient_id', '=', patientId)
    .orderBy('c.channel')
    .execute();
}

export async function writeConsent(trx: Db, row: { clinic_id: string; patient_id: string; channel: MailChannel; agreed: 0 | 1; recorded_at: string; recorded_by: string | null; recorded_via: 'staff' | 'patient_link' }) {
  const { clinic_id, patient_id, channel, ...values } = row;
  const r = await trx.updateTable('mailing_consents').set(values).where('clinic_id', '=', clinic_id).where('patient_id', '=', patient_id).where('channel', '=', channel).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) await trx.insertInto('mailing_consents').values(row).execute();
}

/** The consents of the patients on a channel, in chunks of 500 ids. */
export async function consentsOf(db: Db, clinicId: string, ids: string[], channel: MailChannel) {
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('mailing_consents').select(['patient_id', 'agreed']).where('clinic_id', '=', clinicId).where('channel', '=', channel).where('patient_id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.patient_id, Number(r.agreed));
  }
  return out;
}

// ——— Segments ———

export type SegmentQuery =
  | { kind: 'all' }
  | { kind: 'regular'; minVisits: number }
  | { kind: 'recall'; patientIds: string[] }
  | { kind: 'service'; code: string }
  | { kind: 'doctor'; doctorId: string };

/** The segment's patients (active cards only), by surname; at most `limit`. */
export async function segmentMembers(db: Db, clinicId: string, seg: SegmentQuery, limit = 5000) {
  let q = db
    .selectFrom('patients as p')
    .select(['p.id', 'p.surname', 'p.first_name', 'p.patronymic', 'p.address_as', 'p.email'])
    .where('p.clinic_id', '=', clinicId)
    .where('p.pd_state', '=', 'active');
  if (seg.kind === 'regular') {
    q = q.where((eb) => eb(
      eb.selectFrom('appointments as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.patient_id', '=', 'p.id').where('a.status', '=', 'done'),
      '>=', seg.minVisits,
    ));
  } else if (seg.kind === 'recall') {
    // Chosen by the recall rules in the service; the limit bounds the list of ids too.
    q = q.where('p.id', 'in', seg.patientIds.length ? seg.patientIds.slice(0, limit) : ['-']);
  } else if (seg.kind === 'service') {
    q = q.where(({ exists, selectFrom }) => exists(
      selectFrom('bill_lines as l').innerJoin('bills as b', 'b.id', 'l.bill_id').select(sql`1`.as('x')).whereRef('b.patient_id', '=', 'p.id').where('b.clinic_id', '=', clinicId).where('l.code', '=', seg.code),
    ));
  } else if (seg.kind === 'doctor') {
    q = q.where(({ exists, selectFrom }) => exists(
      selectFrom('appointments as a').select(sql`1`.as('x')).whereRef('a.patient_id', '=', 'p.id').where('a.status', '=', 'done').where('a.doctor_id', '=', seg.doctorId),
    ));
  }
  return q.orderBy('p.surname').orderBy('p.first_name').orderBy('p.id').limit(limit).execute();
}

export async function doctorOfClinic(db: Db, clinicId: string, id: string) {
  return db.selectFrom('doctors').select('id').where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

// ——— Mailings ———

export async function insertMailing(trx: Db, row: Insertable<MailingsTable>) {
  await trx.insertInto('mailings').values(row).execute();
}

export async function listMailings(db: Db, clinicId: string, limit = 100) {
  return db.selectFrom('mailings as m').leftJoin('users as u', 'u.id', 'm.created_by').selectAll('m').select('u.full_name')
    .where('m.clinic_id', '=', clinicId).orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(limit).execute();
}

/** Per mailing: how many of its messages are sent, waiting, failed. */
export async function mailingProgress(db: Db, clinicId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('message_outbox').select(['mailing_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('clinic_id', '=', clinicId).where('mailing_id', 'in', ids).groupBy(['mailing_id', 'status']).execute();
}
