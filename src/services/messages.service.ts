import type { z } from 'zod';
import type { MessageAction, OutboxQuery, TestEmailInput } from '../contracts/mailings.js';
import { withTx } from '../db/connect.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { getClinic } from '../db/repos/clinic.repo.js';
import { consentsOf } from '../db/repos/mailings.repo.js';
import * as outbox from '../db/repos/message-outbox.repo.js';
import type { MessageStatus } from '../db/schema.js';
import { DomainError, notFound } from '../domain/errors.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { dispatchMessages } from './message-dispatch.service.js';
import { sendEmail, type Sender } from './message-senders.js';
import { settingsRow } from './mailings.service.js';
import { enqueueReminders } from './reminders.service.js';

/** The outbox of e-mails and SMS, newest first, with counts per status. */
export async function listOutbox(deps: Deps, actor: Actor, q: z.infer<typeof OutboxQuery>) {
  const [rows, counts] = await Promise.all([
    outbox.listMessages(deps.h.db, actor.clinicId, { status: q.status, limit: 300 }),
    outbox.countMessages(deps.h.db, actor.clinicId),
  ]);
  return {
    messages: rows.map((r) => ({
      id: r.id, channel: r.channel, purpose: r.purpose, recipient: r.recipient, subject: r.subject, body: r.body, status: r.status, attempts: Number(r.attempts),
      nextAttemptAt: r.next_attempt_at, lastError: r.last_error, createdAt: r.created_at, sentAt: r.sent_at,
    })),
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
  };
}

/** Which statuses a person may move a message from, per target. */
const FROM: Record<z.infer<typeof MessageAction>['status'], MessageStatus[]> = {
  /** «Отправлено вручную»: an SMS with no gateway, sent from the desk's phone. */
  sent: ['manual'],
  /** «Отменить»: anything not yet handed to a channel. */
  cancelled: ['pending', 'manual', 'failed'],
  /** «Повторить»: a failed or cancelled message waits again, its attempts counted afresh. */
  pending: ['failed', 'cancelled'],
};

export async function actOnMessage(deps: Deps, actor: Actor, id: string, body: z.infer<typeof MessageAction>) {
  const now = deps.clock();
  const at = now.toISOString();
  const msg = await outbox.getMessage(deps.h.db, actor.clinicId, id);
  if (!msg) throw notFound({ ru: 'Сообщение', en: 'Message' });
  const s = await settingsRow(deps.h.db, actor.clinicId, now);
  if (body.status === 'pending') await assertStillDue(deps, actor, msg, now);
  // A retried SMS with no gateway goes back to the people's outbox, not to the dispatcher.
  const to = body.status === 'pending' && msg.channel === 'sms' && s.sms_driver !== 'http' ? 'manual' : body.status;
  await withTx(deps.h, async (trx) => {
    const ok = await outbox.setMessageStatus(trx, actor.clinicId, id, FROM[body.status], {
      status: to, updated_at: at,
      ...(to === 'sent' ? { sent_at: at, last_error: null } : {}),
      ...(body.status === 'pending' ? { attempts: 0, next_attempt_at: at, last_error: null } : {}),
    });
    if (!ok) throw new DomainError('invalid_transition', { ru: 'Сообщение уже в другом состоянии', en: 'The message is in another state now' });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'message', objectId: id, patientId: msg.patient_id, details: { from: msg.status, to } }));
  });
  return listOutbox(deps, actor, {});
}

/**
 * «Повторить» never overrides why a message was stopped: a mailing to a patient who has since
 * refused the channel (38-FZ art. 18), or a reminder of a time the visit no longer has (moved,
 * cancelled, begun) — that one's new reminder goes by itself.
 */
async function assertStillDue(deps: Deps, actor: Actor, msg: NonNullable<Awaited<ReturnType<typeof outbox.getMessage>>>, now: Date) {
  if (msg.purpose === 'mailing' && msg.patient_id) {
    if ((await consentsOf(deps.h.db, actor.clinicId, [msg.patient_id], msg.channel)).get(msg.patient_id) !== 1) {
      throw new DomainError('invalid_transition', { ru: 'Пациент не согласен на рассылку по этому каналу (или отказался от неё): повторить отправку нельзя', en: 'The patient has not agreed to (or has refused) mailings on this channel: the message cannot be sent again' });
    }
  }
  if (msg.purpose === 'reminder' && msg.appointment_id) {
    const v = await outbox.reminderVisitNow(deps.h.db, msg.appointment_id);
    const announced = msg.visit_starts_at ? Date.parse(msg.visit_starts_at) : null;
    if (!v || !['booked', 'confirmed'].includes(v.status) || Date.parse(v.starts_at) <= now.getTime() || (announced !== null && announced !== Date.parse(v.starts_at))) {
      throw new DomainError('invalid_transition', { ru: 'Визит перенесён, отменён или уже начался: напоминание о прежнем времени не отправить', en: 'The visit was moved, cancelled or has begun: the reminder of the old time cannot be sent' });
    }
  }
}

/** «Отправить пробное письмо»: one e-mail over the saved SMTP settings, now; the server's error shown as is. */
export async function sendTestEmail(deps: Deps, actor: Actor, body: z.infer<typeof TestEmailInput>, send: Sender = sendEmail) {
  const now = deps.clock();
  const s = await settingsRow(deps.h.db, actor.clinicId, now);
  const clinic = (await getClinic(deps.h.db, actor.clinicId))?.name ?? '';
  let error: string | null = null;
  try {
    await send({ channel: 'email', recipient: body.to, subject: `Проверка почты: ${clinic}`, body: 'Это пробное письмо Визита: настройки почты работают.', unsubscribe_url: null }, s);
  } catch (e) {
    error = String((e as Error)?.message ?? e).slice(0, 300);
  }
  await withTx(deps.h, (trx) => appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'test_email', objectId: actor.clinicId, details: { ok: error === null } })));
  return { ok: error === null, error };
}

/** «Отправить сейчас»: today's reminders enqueued and what waits sent, without waiting for the background round. */
export async function dispatchNow(deps: Deps, actor: Actor, fallbackBase: string) {
  const reminders = await enqueueReminders(deps, actor.clinicId, fallbackBase);
  return { ...(await dispatchMessages(deps.h, deps.clock)), reminders };
}
