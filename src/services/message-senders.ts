import nodemailer from 'nodemailer';
import type { MessageOutboxTable, MessagingSettingsTable } from '../db/schema.js';

/** What a sender needs of a message. */
export type OutgoingMessage = Pick<MessageOutboxTable, 'channel' | 'recipient' | 'subject' | 'body' | 'unsubscribe_url'>;

/** Sends one message; throws on failure (the error text is kept on the row and shown in the outbox). */
export type Sender = (msg: OutgoingMessage, s: MessagingSettingsTable) => Promise<void>;

/** E-mail over the clinic's SMTP (nodemailer): UTF-8 subject and text, List-Unsubscribe on mailings. */
export async function sendEmail(msg: OutgoingMessage, s: MessagingSettingsTable): Promise<void> {
  if (!s.smtp_host) throw new Error('SMTP-сервер не настроен');
  const t = nodemailer.createTransport({
    host: s.smtp_host, port: Number(s.smtp_port ?? 587), secure: !!Number(s.smtp_secure),
    ...(s.smtp_user ? { auth: { user: s.smtp_user, pass: s.smtp_password ?? '' } } : {}),
    connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
  });
  try {
    await t.sendMail({
      from: s.smtp_from ?? s.smtp_user ?? undefined, to: msg.recipient, subject: msg.subject ?? '', text: msg.body,
      ...(msg.unsubscribe_url ? { list: { unsubscribe: msg.unsubscribe_url } } : {}),
    });
  } finally {
    t.close();
  }
}

/**
 * The SMS adapter: the 'http' driver posts JSON {to, text} with a bearer token to the gateway's
 * address (the shape most Russian SMS gateways take through a small relay). The 'outbox' driver
 * sends nothing: its messages wait as 'manual' for a person to send and mark.
 */
export async function sendSms(msg: OutgoingMessage, s: MessagingSettingsTable): Promise<void> {
  if (s.sms_driver !== 'http' || !s.sms_url) throw new Error('SMS-шлюз не настроен');
  const r = await fetch(s.sms_url, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(s.sms_token ? { authorization: `Bearer ${s.sms_token}` } : {}) },
    body: JSON.stringify({ to: msg.recipient, text: msg.body }), signal: AbortSignal.timeout(15_000),
  });
  if (!r.ok) throw new Error(`SMS-шлюз ответил ${r.status}`);
}

export const defaultSender: Sender = (msg, s) => (msg.channel === 'email' ? sendEmail(msg, s) : sendSms(msg, s));
