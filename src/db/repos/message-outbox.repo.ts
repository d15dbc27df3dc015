import { sql, type Insertable } from 'kysely';
import type { Db, DbHandle } from '../connect.js';
import { withTx } from '../connect.js';
import type { MailChannel, MessageLinksTable, MessageOutboxTable, MessageStatus } from '../schema.js';

/** The outbox of e-mails and SMS and the signed links of the messages (REC-4, reminders). */

export async function insertMessage(trx: Db, row: Insertable<MessageOutboxTable>) {
  await trx.insertInto('message_outbox').values(row).execute();
}

/** The visit's latest reminder on the channel (the highest number), if any. */
export async function latestReminder(db: Db, appointmentId: string, channel: MailChannel) {
  return db.selectFrom('message_outbox').select(['id', 'seq', 'visit_starts_at', 'status', 'last_error', 'sent_at'])
    .where('appointment_id', '=', appointmentId).where('channel', '=', channel).where('purpose', '=', 'reminder')
    .orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** Why a waiting reminder was dropped: its visit moved, or no longer takes place. */
export const STALE_REMINDER = { moved: 'визит перенесён на другое время', gone: 'визит отменён или уже начался' } as const;

/**
 * Drops the clinic's reminders still waiting (pending, by hand, failed) whose visit no longer takes
 * place at the time they announce: moved, cancelled, missed, or already begun. Returns how many.
 */
export async function cancelStaleReminders(db: Db, clinicId: string, nowIso: string) {
  const waiting = () => db.updateTable('message_outbox').where('clinic_id', '=', clinicId).where('purpose', '=', 'reminder').where('status', 'in', ['pending', 'manual', 'failed']);
  const gone = await waiting().set({ status: 'cancelled', last_error: STALE_REMINDER.gone, updated_at: nowIso })
    .where(({ exists, selectFrom }) => exists(selectFrom('appointments as a').select(sql`1`.as('x')).whereRef('a.id', '=', 'message_outbox.appointment_id')
      .where((eb) => eb.or([eb('a.status', 'not in', ['booked', 'confirmed']), eb('a.starts_at', '<=', nowIso)]))))
    .executeTakeFirst();
  const moved = await waiting().set({ status: 'cancelled', last_error: STALE_REMINDER.moved, updated_at: nowIso })
    .where(({ exists, selectFrom }) => exists(selectFrom('appointments as a').select(sql`1`.as('x')).whereRef('a.id', '=', 'message_outbox.appointment_id')
      .whereRef('a.starts_at', '<>', 'message_outbox.visit_starts_at')))
    .executeTakeFirst();
  return Number(gone.numUpdatedRows) + Number(moved.numUpdatedRows);
}

/** A reminder dropped because its visit moved, put back when the visit returns to that time before a newer one was queued. */
export async function reviveReminder(trx: Db, id: string, status: 'pending' | 'manual', nowIso: string) {
  await trx.updateTable('message_outbox').set({ status, attempts: 0, next_attempt_at: nowIso, last_error: null, updated_at: nowIso })
    .where('id', '=', id).where('status', '=', 'cancelled').where('last_error', '=', STALE_REMINDER.moved).where('sent_at', 'is', null).execute();
}

/** The visit a claimed reminder announces, as it stands now (null when gone). */
export async function reminderVisitNow(db: Db, appointmentId: string) {
  return db.selectFrom('appointments').select(['status', 'starts_at']).where('id', '=', appointmentId).executeTakeFirst();
}

/**
 * Claims the oldest message due that a configured channel can send: pending and due, or 'sending'
 * by a server silent beyond the lease. E-mail needs the clinic's SMTP host, SMS its HTTP gateway
 * (without one an SMS is 'manual' and never claimed). The conditional update is the claim, as in the
 * fiscal outbox: of two app servers racing for one row exactly one changes it (SQLite: BEGIN
 * IMMEDIATE; PostgreSQL: FOR UPDATE SKIP LOCKED and the guarded update).
 */
export async function claimMessage(h: Pick<DbHandle, 'db' | 'dialect'>, nowIso: string, leaseCutoffIso: string): Promise<MessageOutboxTable | null> {
  for (let round = 0; round < 5; round++) {
    const got = await withTx(h, async (trx) => {
      let q = trx
        .selectFrom('message_outbox as o')
        .selectAll('o')
        .where((eb) => eb.or([
          eb.and([eb('o.status', '=', 'pending'), eb('o.next_attempt_at', '<=', nowIso)]),
          eb.and([eb('o.status', '=', 'sending'), eb('o.updated_at', '<', leaseCutoffIso)]),
        ]))
        .where((eb) => eb.or([
          eb.and([eb('o.channel', '=', 'email'), eb('o.clinic_id', 'in', eb.selectFrom('messaging_settings').select('clinic_id').where('smtp_host', 'is not', null))]),
          eb.and([eb('o.channel', '=', 'sms'), eb('o.clinic_id', 'in', eb.selectFrom('messaging_settings').select('clinic_id').where('sms_driver', '=', 'http'))]),
        ]))
        .orderBy('o.next_attempt_at')
        .orderBy('o.id')
        .limit(1);
      if (h.dialect === 'postgres') q = q.forUpdate().skipLocked();
      const cand = await q.executeTakeFirst();
      if (!cand) return null;
      const r = await trx.updateTable('message_outbox').set({ status: 'sending', attempts: sql<number>`attempts + 1`, updated_at: nowIso })
        .where('id', '=', cand.id).where('status', '=', cand.status).where('attempts', '=', cand.attempts).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return 'lost' as const;
      return { ...cand, status: 'sending', attempts: Number(cand.attempts) + 1, updated_at: nowIso } as MessageOutboxTable;
    });
    if (got !== 'lost') return got;
  }
  return null;
}

/** Records what the channel said about a claimed message (only while it is still ours: 'sending'). */
export async function settleMessage(trx: Db, id: string, patch: { status: MessageStatus; last_error: string | null; next_attempt_at?: string; sent_at?: string | null; updated_at: string }) {
  const r = await trx.updateTable('message_outbox').set(patch).where('id', '=', id).where('status', '=', 'sending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listMessages(db: Db, clinicId: string, f: { status?: MessageStatus; limit: number }) {
  let q = db.selectFrom('message_outbox').selectAll().where('clinic_id', '=', clinicId);
  if (f.status) q = q.where('status', '=', f.status);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function countMessages(db: Db, clinicId: string) {
  return db.selectFrom('message_outbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('clinic_id', '=', clinicId).groupBy('status').execute();
}

export async function getMessage(db: Db, clinicId: string, id: string) {
  return db.selectFrom('message_outbox').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/** A guarded status change by a person: only from the statuses given. */
export async function setMessageStatus(trx: Db, clinicId: string, id: string, from: MessageStatus[], patch: Partial<Pick<MessageOutboxTable, 'status' | 'attempts' | 'next_attempt_at' | 'sent_at' | 'last_error'>> & { updated_at: string }) {
  const r = await trx.updateTable('message_outbox').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Messages still waiting to a patient on a channel (dropped when the patient refuses it). */
export async function cancelWaitingMailings(trx: Db, clinicId: string, patientId: string, channel: MailChannel, at: string) {
  await trx.updateTable('message_outbox').set({ status: 'cancelled', updated_at: at, last_error: 'отказ от рассылки' })
    .where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).where('channel', '=', channel).where('purpose', '=', 'mailing')
    .where('status', 'in', ['pending', 'manual']).execute();
}

// ——— Links ———

export async function insertLink(trx: Db, row: Insertable<MessageLinksTable>) {
  await trx.insertInto('message_links').values(row).execute();
}

export async function getLink(db: Db, id: string) {
  return db.selectFrom('message_links').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks the link answered; false when another click answered it first (the first answer stands). */
export async function useLink(trx: Db, id: string, answer: NonNullable<MessageLinksTable['answer']>, at: string) {
  const r = await trx.updateTable('message_links').set({ used_at: at, answer }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function linkSecret(db: Db, clinicId: string) {
  return (await db.selectFrom('messaging_settings').select('token_secret').where('clinic_id', '=', clinicId).executeTakeFirst())?.token_secret ?? null;
}

/** The visit a reminder link concerns, with its doctor. */
export async function linkVisit(db: Db, clinicId: string, appointmentId: string) {
  return db.selectFrom('appointments as a').innerJoin('doctors as d', 'd.id', 'a.doctor_id')
    .select(['a.id', 'a.patient_id', 'a.branch_id', 'a.doctor_id', 'a.starts_at', 'a.local_date', 'a.status', 'd.surname', 'd.first_name', 'd.patronymic'])
    .where('a.clinic_id', '=', clinicId).where('a.id', '=', appointmentId).executeTakeFirst();
}

export async function patientEmails(db: Db, clinicId: string, ids: string[]) {
  if (!ids.length) return new Map<string, string | null>();
  const rows = await db.selectFrom('patients').select(['id', 'email']).where('clinic_id', '=', clinicId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.email]));
}
