import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { ConsentInput, MailingInput, MessagingSettingsInput, PreviewInput, PromotionInput, Segment } from '../contracts/mailings.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { getClinic } from '../db/repos/clinic.repo.js';
import { mainPhoneNumbers } from '../db/repos/gap-candidates.repo.js';
import { insertAttempt } from '../db/repos/worklists.repo.js';
import type { MailChannel, MailingTables, MessagingSettingsTable } from '../db/schema-mailings.js';
import { DomainError, notFound } from '../domain/errors.js';
import { fullName } from '../domain/names.js';
import { recipientOf, renderText, SKIP_REASONS, type SkipReason } from '../domain/mailings.js';
import { signToken } from './link-tokens.js';
import { addressName } from '../domain/worklists/scripts.js';
import { auditEntry, type Actor, type Deps } from './context.js';

/** The database with the tables of migration 022. */
export const mdb = (db: Db) => db.withTables<MailingTables>();

/** The clinic's messaging settings row, created with a fresh signing key on first use. */
export async function settingsRow(db: Db, clinicId: string, now: Date): Promise<MessagingSettingsTable> {
  const m = mdb(db);
  const found = await m.selectFrom('messaging_settings').selectAll().where('clinic_id', '=', clinicId).executeTakeFirst();
  if (found) return found;
  await m.insertInto('messaging_settings').values({
    clinic_id: clinicId, smtp_host: null, smtp_port: null, smtp_secure: 0, smtp_user: null, smtp_password: null, smtp_from: null,
    sms_driver: 'none', sms_url: null, sms_token: null, reminders_email: 0, reminders_sms: 0, public_url: null,
    token_secret: randomBytes(32).toString('base64url'), updated_at: now.toISOString(),
  }).onConflict((oc) => oc.column('clinic_id').doNothing()).execute();
  return (await m.selectFrom('messaging_settings').selectAll().where('clinic_id', '=', clinicId).executeTakeFirstOrThrow());
}

function settingsOut(s: MessagingSettingsTable) {
  return {
    smtpHost: s.smtp_host, smtpPort: s.smtp_port === null ? null : Number(s.smtp_port), smtpSecure: !!Number(s.smtp_secure), smtpUser: s.smtp_user,
    smtpPasswordSet: !!s.smtp_password, smtpFrom: s.smtp_from, smsDriver: s.sms_driver, smsUrl: s.sms_url, smsTokenSet: !!s.sms_token,
    remindersEmail: !!Number(s.reminders_email), remindersSms: !!Number(s.reminders_sms), publicUrl: s.public_url,
  };
}

/** SMTP and the SMS gateway hold secrets: the owner's alone, even the chief doctor does not see them. */
function ownerOnly(actor: Actor) {
  if (actor.role !== 'owner') throw new DomainError('forbidden', { ru: 'Настройки рассылок меняет только владелец', en: 'Only the owner manages messaging settings' });
}

export async function getMessagingSettings(deps: Deps, actor: Actor) {
  ownerOnly(actor);
  return settingsOut(await settingsRow(deps.h.db, actor.clinicId, deps.clock()));
}

export async function updateMessagingSettings(deps: Deps, actor: Actor, body: z.infer<typeof MessagingSettingsInput>) {
  ownerOnly(actor);
  const now = deps.clock();
  await settingsRow(deps.h.db, actor.clinicId, now);
  const patch: Partial<MessagingSettingsTable> = { updated_at: now.toISOString() };
  const map: [keyof typeof body, keyof MessagingSettingsTable][] = [
    ['smtpHost', 'smtp_host'], ['smtpPort', 'smtp_port'], ['smtpUser', 'smtp_user'], ['smtpPassword', 'smtp_password'], ['smtpFrom', 'smtp_from'],
    ['smsDriver', 'sms_driver'], ['smsUrl', 'sms_url'], ['smsToken', 'sms_token'], ['publicUrl', 'public_url'],
  ];
  for (const [k, col] of map) if (body[k] !== undefined) (patch as Record<string, unknown>)[col] = typeof body[k] === 'string' ? (body[k] as string).trim() || null : body[k];
  for (const [k, col] of [['smtpSecure', 'smtp_secure'], ['remindersEmail', 'reminders_email'], ['remindersSms', 'reminders_sms']] as const) {
    if (body[k] !== undefined) patch[col] = body[k] ? 1 : 0;
  }
  await withTx(deps.h, async (trx) => {
    await mdb(trx).updateTable('messaging_settings').set(patch).where('clinic_id', '=', actor.clinicId).execute();
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'messaging_settings', objectId: actor.clinicId, details: { fields: Object.keys(body).filter((k) => body[k as keyof typeof body] !== undefined).sort() } }));
  });
  return settingsOut(await settingsRow(deps.h.db, actor.clinicId, now));
}

// ——— Consents ———

async function patientOf(db: Db, clinicId: string, id: string) {
  const p = await db.selectFrom('patients').select(['id', 'pd_state']).where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
  if (!p || p.pd_state === 'destroyed') throw notFound({ ru: 'Пациент', en: 'Patient' });
  return p;
}

export async function listConsents(deps: Deps, actor: Actor, patientId: string) {
  await patientOf(deps.h.db, actor.clinicId, patientId);
  const rows = await mdb(deps.h.db)
    .selectFrom('mailing_consents as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .select(['c.channel', 'c.agreed', 'c.recorded_at', 'c.recorded_via', 'u.full_name'])
    .where('c.clinic_id', '=', actor.clinicId)
    .where('c.patient_id', '=', patientId)
    .orderBy('c.channel')
    .execute();
  return { consents: rows.map((r) => ({ channel: r.channel, agreed: !!Number(r.agreed), recordedAt: r.recorded_at, recordedBy: r.full_name ?? viaLabel(r.recorded_via) })) };
}

function viaLabel(via: string): string | null {
  return via === 'patient_link' ? 'пациент по ссылке' : null;
}

async function writeConsent(trx: Db, clinicId: string, patientId: string, channel: MailChannel, agreed: boolean, at: string, userId: string | null, via: 'staff' | 'patient_link') {
  const m = mdb(trx);
  const values = { agreed: agreed ? 1 : 0, recorded_at: at, recorded_by: userId, recorded_via: via };
  const r = await m.updateTable('mailing_consents').set(values).where('patient_id', '=', patientId).where('channel', '=', channel).where('clinic_id', '=', clinicId).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) await m.insertInto('mailing_consents').values({ clinic_id: clinicId, patient_id: patientId, channel, ...values }).execute();
}

export async function setConsent(deps: Deps, actor: Actor, patientId: string, body: z.infer<typeof ConsentInput>) {
  const p = await patientOf(deps.h.db, actor.clinicId, patientId);
  if (p.pd_state !== 'active') throw new DomainError('invalid_transition', { ru: 'Обработка данных пациента заблокирована', en: "The patient's data processing is blocked" });
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    await writeConsent(trx, actor.clinicId, patientId, body.channel, body.agreed, now.toISOString(), actor.userId, 'staff');
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'mailing_consent', objectId: patientId, patientId, details: { channel: body.channel, agreed: body.agreed } }));
  });
  return listConsents(deps, actor, patientId);
}

// ——— Segments ———

type Member = { id: string; surname: string; first_name: string; patronymic: string | null; address_as: string | null; email: string | null };

/** The segment's patients (active cards only), by surname. At most 5000. */
export async function segmentMembers(db: Db, clinicId: string, seg: z.infer<typeof Segment>, now: Date): Promise<Member[]> {
  let q = db
    .selectFrom('patients as p')
    .select(['p.id', 'p.surname', 'p.first_name', 'p.patronymic', 'p.address_as', 'p.email'])
    .where('p.clinic_id', '=', clinicId)
    .where('p.pd_state', '=', 'active');
  const nowIso = now.toISOString();
  if (seg.kind === 'regular') {
    q = q.where((eb) => eb(
      eb.selectFrom('appointments as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.patient_id', '=', 'p.id').where('a.status', '=', 'done'),
      '>=', seg.minVisits,
    ));
  } else if (seg.kind === 'recall') {
    const cutoff = new Date(now);
    cutoff.setUTCMonth(cutoff.getUTCMonth() - seg.months);
    q = q
      .where((eb) => eb(eb.selectFrom('appointments as a').select((e) => e.fn.max('a.starts_at').as('m')).whereRef('a.patient_id', '=', 'p.id').where('a.status', '=', 'done'), '<=', cutoff.toISOString()))
      .where(({ not, exists, selectFrom }) => not(exists(
        selectFrom('appointments as f').select(sql`1`.as('x')).whereRef('f.patient_id', '=', 'p.id').where('f.starts_at', '>', nowIso).where('f.status', 'not in', ['cancelled', 'no_show']),
      )));
  } else if (seg.kind === 'service') {
    const code = seg.code.trim();
    q = q.where(({ exists, selectFrom }) => exists(
      selectFrom('bill_lines as l').innerJoin('bills as b', 'b.id', 'l.bill_id').select(sql`1`.as('x')).whereRef('b.patient_id', '=', 'p.id').where('l.code', '=', code),
    ));
  } else {
    q = q.where(({ exists, selectFrom }) => exists(
      selectFrom('appointments as a').select(sql`1`.as('x')).whereRef('a.patient_id', '=', 'p.id').where('a.status', '=', 'done').where('a.doctor_id', '=', seg.doctorId),
    ));
  }
  return q.orderBy('p.surname').orderBy('p.first_name').orderBy('p.id').limit(5000).execute();
}

async function consentsOf(db: Db, clinicId: string, ids: string[], channel: MailChannel) {
  const out = new Map<string, { agreed: number }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await mdb(db).selectFrom('mailing_consents').select(['patient_id', 'agreed']).where('clinic_id', '=', clinicId).where('channel', '=', channel).where('patient_id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.patient_id, r);
  }
  return out;
}

async function phonesMap(db: Db, ids: string[]) {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) for (const r of await mainPhoneNumbers(db, ids.slice(i, i + 500))) out.set(r.patient_id, r.number);
  return out;
}

/** Each member with the address on the channel and whether the mailing may reach them (consent, address). */
async function audience(db: Db, clinicId: string, seg: z.infer<typeof Segment>, channel: MailChannel, now: Date) {
  const members = await segmentMembers(db, clinicId, seg, now);
  const ids = members.map((m) => m.id);
  const [consents, phones] = await Promise.all([consentsOf(db, clinicId, ids, channel), phonesMap(db, ids)]);
  return members.map((m) => {
    const address = channel === 'email' ? m.email?.trim() || null : phones.get(m.id) ?? null;
    const v = recipientOf(consents.get(m.id), address);
    return { m, email: m.email, phone: phones.get(m.id) ?? null, address, ok: v.ok, reason: v.ok ? null : v.reason };
  });
}

export async function preview(deps: Deps, actor: Actor, body: z.infer<typeof PreviewInput>) {
  const list = await audience(deps.h.db, actor.clinicId, body.segment, body.channel ?? 'email', deps.clock());
  return {
    count: list.length,
    receiving: list.filter((x) => x.ok).length,
    members: list.slice(0, 500).map((x) => ({ patientId: x.m.id, name: fullName({ surname: x.m.surname, firstName: x.m.first_name, patronymic: x.m.patronymic }), email: x.email, phone: x.phone, willReceive: x.ok, reason: x.reason })),
  };
}

/** The address of the clinic's public pages (unsubscribe, reminder answers): the setting, else the server's own. */
export function publicBase(s: MessagingSettingsTable, fallback: string): string {
  return (s.public_url || fallback).replace(/\/+$/, '');
}

export async function createMailing(deps: Deps, actor: Actor, body: z.infer<typeof MailingInput>, fallbackBase: string) {
  const now = deps.clock();
  const at = now.toISOString();
  if (body.channel === 'email' && !body.subject?.trim()) {
    throw new DomainError('validation_failed', { ru: 'Проверьте введённые данные', en: 'Please check the entered data' }, [{ field: 'subject', message: { ru: 'Укажите тему письма', en: 'Give the subject' } }]);
  }
  const db = deps.h.db;
  const s = await settingsRow(db, actor.clinicId, now);
  const clinic = await getClinic(db, actor.clinicId);
  const list = await audience(db, actor.clinicId, body.segment, body.channel, now);
  const base = publicBase(s, fallbackBase);
  const id = newId();
  const skipped = list.filter((x) => !x.ok).map((x) => ({
    patientId: x.m.id, name: fullName({ surname: x.m.surname, firstName: x.m.first_name, patronymic: x.m.patronymic }), reason: x.reason as SkipReason, reasonText: SKIP_REASONS[x.reason as SkipReason].ru,
  }));
  const sending = list.filter((x) => x.ok);
  await withTx(deps.h, async (trx) => {
    const m = mdb(trx);
    await m.insertInto('mailings').values({
      id, clinic_id: actor.clinicId, channel: body.channel, segment_json: JSON.stringify(body.segment), subject: body.subject?.trim() || null, body: body.body,
      queued: sending.length, skipped_json: JSON.stringify(skipped), created_by: actor.userId, created_at: at,
    }).execute();
    for (const x of sending) {
      let text = renderText(body.body, { name: addressName({ addressAs: x.m.address_as, firstName: x.m.first_name, patronymic: x.m.patronymic }), clinic: clinic?.name ?? '' });
      if (body.channel === 'email') {
        const token = signToken(s.token_secret, { k: 'unsub', c: actor.clinicId, p: x.m.id, ch: 'email' });
        text += `\n\n—\nОтписаться от рассылки: ${base}/api/public/unsubscribe/${token}`;
      }
      await m.insertInto('message_outbox').values({
        id: newId(), clinic_id: actor.clinicId, channel: body.channel, purpose: 'mailing', mailing_id: id, appointment_id: null, patient_id: x.m.id,
        recipient: x.address!, subject: body.subject?.trim() || null, body: text, status: 'pending', attempts: 0, last_error: null, created_at: at, updated_at: at, sent_at: null,
      }).execute();
    }
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'mailing', objectId: id, details: { channel: body.channel, segment: body.segment.kind, queued: sending.length, skipped: skipped.length } }));
  });
  return mailingOut(await mdb(db).selectFrom('mailings').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), actor.login);
}

function mailingOut(r: MailingTables['mailings'], by: string | null) {
  return {
    id: r.id, channel: r.channel, segment: JSON.parse(r.segment_json) as Record<string, unknown>, subject: r.subject, body: r.body,
    queued: Number(r.queued), skipped: JSON.parse(r.skipped_json), createdAt: r.created_at, createdBy: by,
  };
}

export async function listMailings(deps: Deps, actor: Actor) {
  const rows = await mdb(deps.h.db).selectFrom('mailings as m').leftJoin('users as u', 'u.id', 'm.created_by').selectAll('m').select('u.full_name')
    .where('m.clinic_id', '=', actor.clinicId).orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(100).execute();
  return { mailings: rows.map((r) => mailingOut(r, r.full_name)) };
}

/**
 * Promotion calls (REC-4 «или обзвон по акции»): each patient of the segment with a main phone
 * gets a call-back promised for now, so the desk finds them among the call-backs of «Обзвон».
 * Calling needs no mailing consent (the desk offers, the patient may decline), but blocked cards are never called.
 */
export async function createPromotionCalls(deps: Deps, actor: Actor, body: z.infer<typeof PromotionInput>) {
  const now = deps.clock();
  const at = now.toISOString();
  const members = await segmentMembers(deps.h.db, actor.clinicId, body.segment, now);
  const phones = await phonesMap(deps.h.db, members.map((m) => m.id));
  const withPhone = members.filter((m) => phones.has(m.id));
  const note = body.note?.trim() || 'Обзвон по акции';
  await withTx(deps.h, async (trx) => {
    for (const m of withPhone) {
      await insertAttempt(trx, {
        id: newId(), clinic_id: actor.clinicId, branch_id: null, direction: 'out', caller_type: 'repeat', purpose: 'promotion', patient_id: m.id, phone: null,
        caller_name: null, source_id: null, outcome: 'callback', outcome_reason: null, appointment_id: null, user_id: actor.userId, started_at: at, duration_sec: 0,
        note, callback_at: at,
      });
    }
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'promotion_calls', objectId: null, details: { segment: body.segment.kind, created: withPhone.length } }));
  });
  return { created: withPhone.length };
}

export async function listOutbox(deps: Deps, actor: Actor) {
  const rows = await mdb(deps.h.db).selectFrom('message_outbox').selectAll().where('clinic_id', '=', actor.clinicId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200).execute();
  return {
    messages: rows.map((r) => ({
      id: r.id, channel: r.channel, purpose: r.purpose, recipient: r.recipient, subject: r.subject, body: r.body, status: r.status, attempts: Number(r.attempts),
      lastError: r.last_error, createdAt: r.created_at, sentAt: r.sent_at,
    })),
  };
}

/** «Повторить»: a failed message waits again, its attempts counted afresh. */
export async function retryMessage(deps: Deps, actor: Actor, id: string) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const r = await mdb(trx).updateTable('message_outbox').set({ status: 'pending', attempts: 0, updated_at: now.toISOString() })
      .where('clinic_id', '=', actor.clinicId).where('id', '=', id).where('status', '=', 'failed').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new DomainError('invalid_transition', { ru: 'Повторить можно только неотправленное сообщение', en: 'Only a failed message can be retried' });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'message', objectId: id, details: { status: 'pending' } }));
  });
  return listOutbox(deps, actor);
}

export { writeConsent };
