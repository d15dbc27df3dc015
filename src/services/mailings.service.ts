import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { ConsentInput, MailingInput, MessagingSettingsInput, PreviewInput, PromotionInput, Segment } from '../contracts/mailings.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings, getClinic } from '../db/repos/clinic.repo.js';
import * as repo from '../db/repos/mailings.repo.js';
import { cancelWaitingMailings, insertLink, insertMessage } from '../db/repos/message-outbox.repo.js';
import { insertAttempt } from '../db/repos/worklists.repo.js';
import type { MailChannel, MessagingSettingsTable } from '../db/schema.js';
import { DomainError, notFound } from '../domain/errors.js';
import { recipientOf, renderText, withUnsubscribe } from '../domain/mailings.js';
import { fullName } from '../domain/names.js';
import { localDateOf } from '../domain/schedule/time.js';
import { addressName } from '../domain/worklists/scripts.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { signLink } from './link-tokens.js';
import { recallToCall } from './recall-due.service.js';
import { phonesOf } from './worklist-common.js';

/** An unsubscribe link works for a year (a mailing read late still lets the patient leave it). */
const UNSUBSCRIBE_TTL_MS = 366 * 24 * 3600_000;

/** The clinic's messaging settings row, created with a fresh signing key on first use. */
export async function settingsRow(db: Db, clinicId: string, now: Date): Promise<MessagingSettingsTable> {
  const found = await repo.getSettings(db, clinicId);
  if (found) return found;
  await repo.insertSettingsIfAbsent(db, {
    clinic_id: clinicId, smtp_host: null, smtp_port: null, smtp_secure: 0, smtp_user: null, smtp_password: null, smtp_from: null,
    sms_driver: 'outbox', sms_url: null, sms_token: null, reminders_email: 0, reminders_sms: 0, reminders_from: '10:00', public_url: null,
    token_secret: randomBytes(32).toString('base64url'), updated_at: now.toISOString(),
  });
  return (await repo.getSettings(db, clinicId))!;
}

function settingsOut(s: MessagingSettingsTable) {
  return {
    smtpHost: s.smtp_host, smtpPort: s.smtp_port === null ? null : Number(s.smtp_port), smtpSecure: !!Number(s.smtp_secure), smtpUser: s.smtp_user,
    smtpPasswordSet: !!s.smtp_password, smtpFrom: s.smtp_from, smsDriver: s.sms_driver, smsUrl: s.sms_url, smsTokenSet: !!s.sms_token,
    remindersEmail: !!Number(s.reminders_email), remindersSms: !!Number(s.reminders_sms), remindersFrom: s.reminders_from, publicUrl: s.public_url,
  };
}

export async function getMessagingSettings(deps: Deps, actor: Actor) {
  return settingsOut(await settingsRow(deps.h.db, actor.clinicId, deps.clock()));
}

export async function updateMessagingSettings(deps: Deps, actor: Actor, body: z.infer<typeof MessagingSettingsInput>) {
  const now = deps.clock();
  await settingsRow(deps.h.db, actor.clinicId, now);
  const patch: Record<string, unknown> = { updated_at: now.toISOString() };
  const text: [keyof typeof body, string][] = [
    ['smtpHost', 'smtp_host'], ['smtpPort', 'smtp_port'], ['smtpUser', 'smtp_user'], ['smtpPassword', 'smtp_password'], ['smtpFrom', 'smtp_from'],
    ['smsDriver', 'sms_driver'], ['smsUrl', 'sms_url'], ['smsToken', 'sms_token'], ['remindersFrom', 'reminders_from'], ['publicUrl', 'public_url'],
  ];
  for (const [k, col] of text) if (body[k] !== undefined) patch[col] = typeof body[k] === 'string' ? (body[k] as string).trim() || null : body[k];
  for (const [k, col] of [['smtpSecure', 'smtp_secure'], ['remindersEmail', 'reminders_email'], ['remindersSms', 'reminders_sms']] as const) {
    if (body[k] !== undefined) patch[col] = body[k] ? 1 : 0;
  }
  if (patch.reminders_from === null) delete patch.reminders_from;
  await withTx(deps.h, async (trx) => {
    await repo.updateSettings(trx, actor.clinicId, patch);
    // Field names only: never the password or the token.
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'messaging_settings', objectId: actor.clinicId, details: { fields: Object.keys(body).filter((k) => body[k as keyof typeof body] !== undefined).sort() } }));
  });
  return settingsOut(await settingsRow(deps.h.db, actor.clinicId, now));
}

// ——— Consents ———

async function patientOf(db: Db, clinicId: string, id: string) {
  const p = await repo.patientState(db, clinicId, id);
  if (!p || p.pd_state === 'destroyed') throw notFound({ ru: 'Пациент', en: 'Patient' });
  return p;
}

export async function listConsents(deps: Deps, actor: Actor, patientId: string) {
  await patientOf(deps.h.db, actor.clinicId, patientId);
  const rows = await repo.listConsents(deps.h.db, actor.clinicId, patientId);
  return {
    consents: rows.map((r) => ({
      channel: r.channel, agreed: !!Number(r.agreed), recordedAt: r.recorded_at, recordedBy: r.full_name ?? (r.recorded_via === 'patient_link' ? 'пациент по ссылке' : null),
    })),
  };
}

export async function setConsent(deps: Deps, actor: Actor, patientId: string, body: z.infer<typeof ConsentInput>) {
  const p = await patientOf(deps.h.db, actor.clinicId, patientId);
  if (p.pd_state !== 'active') throw new DomainError('invalid_transition', { ru: 'Обработка данных пациента заблокирована', en: "The patient's data processing is blocked" });
  const now = deps.clock();
  const at = now.toISOString();
  await withTx(deps.h, async (trx) => {
    await repo.writeConsent(trx, { clinic_id: actor.clinicId, patient_id: patientId, channel: body.channel, agreed: body.agreed ? 1 : 0, recorded_at: at, recorded_by: actor.userId, recorded_via: 'staff' });
    if (!body.agreed) await cancelWaitingMailings(trx, actor.clinicId, patientId, body.channel, at);
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'mailing_consent', objectId: patientId, patientId, details: { channel: body.channel, agreed: body.agreed } }));
  });
  return listConsents(deps, actor, patientId);
}

// ——— Segments ———

async function segmentQuery(db: Db, clinicId: string, seg: z.infer<typeof Segment>, now: Date): Promise<repo.SegmentQuery> {
  if (seg.kind === 'recall') {
    // The recall worklist's own patients today (recall-due.service): one rule for «due» everywhere.
    const { time_zone: tz } = await clinicTimeAndSettings(db, clinicId);
    const due = await recallToCall(db, clinicId, localDateOf(now.getTime(), tz), now, tz);
    return { kind: 'recall', patientIds: due.map((d) => d.visit.patient_id) };
  }
  if (seg.kind === 'doctor' && !(await repo.doctorOfClinic(db, clinicId, seg.doctorId))) {
    throw new DomainError('validation_failed', { ru: 'Проверьте введённые данные', en: 'Please check the entered data' }, [{ field: 'segment.doctorId', message: { ru: 'Такого врача нет', en: 'No such doctor' } }]);
  }
  if (seg.kind === 'service') return { kind: 'service', code: seg.code.trim() };
  return seg;
}

/** Each member with the address on the channel and whether the mailing may reach them (consent, address). */
async function audience(db: Db, clinicId: string, seg: z.infer<typeof Segment>, channel: MailChannel, now: Date) {
  const members = await repo.segmentMembers(db, clinicId, await segmentQuery(db, clinicId, seg, now));
  const ids = members.map((m) => m.id);
  const [consents, phones] = await Promise.all([repo.consentsOf(db, clinicId, ids, channel), phonesOf(db, ids)]);
  return members.map((m) => {
    const address = channel === 'email' ? m.email?.trim() || null : phones.get(m.id) ?? null;
    const v = recipientOf(consents.get(m.id), address);
    return { m, address, ok: v.ok, reason: v.ok ? null : v.reason };
  });
}

export async function preview(deps: Deps, actor: Actor, body: z.infer<typeof PreviewInput>) {
  const list = await audience(deps.h.db, actor.clinicId, body.segment, body.channel, deps.clock());
  // Who will receive first, then who will not and why (each group by surname).
  const shown = [...list.filter((x) => x.ok), ...list.filter((x) => !x.ok)].slice(0, 300);
  return {
    count: list.length,
    receiving: list.filter((x) => x.ok).length,
    members: shown.map((x) => ({
      patientId: x.m.id, name: fullName({ surname: x.m.surname, firstName: x.m.first_name, patronymic: x.m.patronymic }), address: x.address, willReceive: x.ok, reason: x.reason,
    })),
  };
}

/** The address of the clinic's public pages (unsubscribe, reminder answers): the setting, else the server's own. */
export function publicBase(s: MessagingSettingsTable, fallback: string): string {
  return (s.public_url || fallback).replace(/\/+$/, '');
}

/**
 * A mailing: the consenting members of the segment get the text, each e-mail with its own signed
 * unsubscribe link. The mailing and all its messages are written in one transaction (once the
 * answer is 201 nothing of it can be lost); an SMS with no gateway waits for a person ('manual').
 */
export async function createMailing(deps: Deps, actor: Actor, body: z.infer<typeof MailingInput>, fallbackBase: string) {
  const now = deps.clock();
  const at = now.toISOString();
  if (body.channel === 'email' && !body.subject?.trim()) {
    throw new DomainError('validation_failed', { ru: 'Проверьте введённые данные', en: 'Please check the entered data' }, [{ field: 'subject', message: { ru: 'Укажите тему письма', en: 'Give the subject' } }]);
  }
  const db = deps.h.db;
  const s = await settingsRow(db, actor.clinicId, now);
  const clinic = (await getClinic(db, actor.clinicId))?.name ?? '';
  const list = await audience(db, actor.clinicId, body.segment, body.channel, now);
  const base = publicBase(s, fallbackBase);
  const id = newId();
  const sending = list.filter((x) => x.ok);
  const expires = new Date(now.getTime() + UNSUBSCRIBE_TTL_MS).toISOString();
  const status = body.channel === 'sms' && s.sms_driver !== 'http' ? 'manual' : 'pending';
  await withTx(deps.h, async (trx) => {
    await repo.insertMailing(trx, {
      id, clinic_id: actor.clinicId, channel: body.channel, segment_json: JSON.stringify(body.segment), subject: body.subject?.trim() || null, body: body.body,
      queued: sending.length, skipped: list.length - sending.length, created_by: actor.userId, created_at: at,
    });
    for (const x of sending) {
      let text = renderText(body.body, { name: addressName({ addressAs: x.m.address_as, firstName: x.m.first_name, patronymic: x.m.patronymic }), clinic });
      let unsubscribe: string | null = null;
      if (body.channel === 'email') {
        const linkId = newId();
        await insertLink(trx, { id: linkId, clinic_id: actor.clinicId, kind: 'unsubscribe', patient_id: x.m.id, appointment_id: null, channel: 'email', expires_at: expires, created_at: at, used_at: null, answer: null });
        unsubscribe = `${base}/api/public/unsubscribe/${signLink(s.token_secret, linkId, 'unsubscribe')}`;
        text = withUnsubscribe(text, unsubscribe);
      }
      await insertMessage(trx, {
        id: newId(), clinic_id: actor.clinicId, channel: body.channel, purpose: 'mailing', mailing_id: id, appointment_id: null, patient_id: x.m.id,
        recipient: x.address!, subject: body.subject?.trim() || null, body: text, unsubscribe_url: unsubscribe, status, attempts: 0, next_attempt_at: at,
        last_error: null, created_at: at, updated_at: at, sent_at: null, visit_starts_at: null, seq: 1,
      });
    }
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'mailing', objectId: id, details: { channel: body.channel, segment: body.segment.kind, queued: sending.length, skipped: list.length - sending.length } }));
  });
  return (await listMailings(deps, actor)).mailings.find((m) => m.id === id)!;
}

export async function listMailings(deps: Deps, actor: Actor) {
  const rows = await repo.listMailings(deps.h.db, actor.clinicId);
  const progress = await repo.mailingProgress(deps.h.db, actor.clinicId, rows.map((r) => r.id));
  const count = (id: string, st: string[]) => progress.filter((p) => p.mailing_id === id && st.includes(p.status)).reduce((a, p) => a + Number(p.n), 0);
  return {
    mailings: rows.map((r) => ({
      id: r.id, channel: r.channel, segment: JSON.parse(r.segment_json) as Record<string, unknown>, subject: r.subject, body: r.body,
      queued: Number(r.queued), skipped: Number(r.skipped), sent: count(r.id, ['sent']), failed: count(r.id, ['failed']), createdAt: r.created_at, createdBy: r.full_name,
    })),
  };
}

/**
 * Promotion calls (REC-4 «или обзвон по акции»): each member of the segment with a main phone gets a
 * call-back promised for now, so the desk finds them among the call-backs of «Обзвон». A call needs
 * no mailing consent (the desk offers, the patient may decline), but blocked cards are never called.
 */
export async function createPromotionCalls(deps: Deps, actor: Actor, body: z.infer<typeof PromotionInput>) {
  const now = deps.clock();
  const at = now.toISOString();
  const members = await repo.segmentMembers(deps.h.db, actor.clinicId, await segmentQuery(deps.h.db, actor.clinicId, body.segment, now));
  const phones = await phonesOf(deps.h.db, members.map((m) => m.id));
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
