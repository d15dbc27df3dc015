import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import { withTx, type DbHandle } from '../db/connect.js';
import type { MessagingSettingsTable, MessageOutboxTable } from '../db/schema-mailings.js';
import { mdb } from './mailings.service.js';

/** A message handed to a channel and not settled within this time is taken again. */
export const MESSAGE_LEASE_MS = 5 * 60_000;
/** After this many failed attempts a message stops retrying and waits for a person («Повторить»). */
export const MAX_ATTEMPTS = 3;

export interface MessageDispatchStats {
  sent: number;
  failed: number;
  retried: number;
}

/** What sends one message; throws on failure (the error text is kept on the row). */
export type Sender = (row: MessageOutboxTable, s: MessagingSettingsTable) => Promise<void>;

/** E-mail over the clinic's SMTP; SMS by the HTTP gateway driver (a JSON POST {to, text} with a bearer token). */
export const defaultSender: Sender = async (row, s) => {
  if (row.channel === 'email') {
    const t = nodemailer.createTransport({
      host: s.smtp_host!, port: Number(s.smtp_port ?? 587), secure: !!Number(s.smtp_secure),
      ...(s.smtp_user ? { auth: { user: s.smtp_user, pass: s.smtp_password ?? '' } } : {}),
      tls: { rejectUnauthorized: false }, connectionTimeout: 10_000, socketTimeout: 20_000,
    });
    const unsub = /Отписаться от рассылки: (\S+)/.exec(row.body)?.[1];
    await t.sendMail({
      from: s.smtp_from ?? s.smtp_user ?? 'clinic@localhost', to: row.recipient, subject: row.subject ?? '', text: row.body,
      ...(unsub ? { list: { unsubscribe: unsub } } : {}),
    });
    t.close();
    return;
  }
  if (s.sms_driver !== 'http' || !s.sms_url) throw new Error('SMS gateway is not configured');
  const r = await fetch(s.sms_url, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(s.sms_token ? { authorization: `Bearer ${s.sms_token}` } : {}) },
    body: JSON.stringify({ to: row.recipient, text: row.body }), signal: AbortSignal.timeout(15_000),
  });
  if (!r.ok) throw new Error(`SMS gateway answered ${r.status}`);
};

/**
 * Claims the oldest message a configured channel can send: pending, or 'sending' by a server
 * silent beyond the lease. SMS of a clinic with driver «none» are never claimed: they wait in
 * the outbox where a person sees them. The conditional update is the claim (as the fiscal outbox).
 */
export async function claimMessage(h: Pick<DbHandle, 'db' | 'dialect'>, nowIso: string, leaseCutoffIso: string): Promise<MessageOutboxTable | null> {
  for (let round = 0; round < 5; round++) {
    const got = await withTx(h, async (trx) => {
      const m = mdb(trx);
      let q = m
        .selectFrom('message_outbox as o')
        .selectAll('o')
        .where((eb) => eb.or([eb('o.status', '=', 'pending'), eb.and([eb('o.status', '=', 'sending'), eb('o.updated_at', '<', leaseCutoffIso)])]))
        .where((eb) => eb.or([
          eb.and([eb('o.channel', '=', 'email'), eb('o.clinic_id', 'in', eb.selectFrom('messaging_settings').select('clinic_id').where('smtp_host', 'is not', null))]),
          eb.and([eb('o.channel', '=', 'sms'), eb('o.clinic_id', 'in', eb.selectFrom('messaging_settings').select('clinic_id').where('sms_driver', '=', 'http'))]),
        ]))
        .orderBy('o.created_at')
        .orderBy('o.id')
        .limit(1);
      if (h.dialect === 'postgres') q = q.forUpdate().skipLocked();
      const cand = await q.executeTakeFirst();
      if (!cand) return null;
      const r = await m.updateTable('message_outbox').set({ status: 'sending', attempts: sql<number>`attempts + 1`, updated_at: nowIso })
        .where('id', '=', cand.id).where('status', '=', cand.status).where('attempts', '=', cand.attempts).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return 'lost' as const;
      return { ...cand, status: 'sending', attempts: Number(cand.attempts) + 1, updated_at: nowIso } as MessageOutboxTable;
    });
    if (got !== 'lost') return got;
  }
  return null;
}

/** One round: claims and sends up to `max` messages, each in its own claim. */
export async function dispatchMessages(h: Pick<DbHandle, 'db' | 'dialect'>, clock: () => Date, send: Sender = defaultSender, max = 100): Promise<MessageDispatchStats> {
  const stats: MessageDispatchStats = { sent: 0, failed: 0, retried: 0 };
  const settings = new Map<string, MessagingSettingsTable>();
  for (let i = 0; i < max; i++) {
    const now = clock();
    const row = await claimMessage(h, now.toISOString(), new Date(now.getTime() - MESSAGE_LEASE_MS).toISOString());
    if (!row) break;
    let s = settings.get(row.clinic_id);
    if (!s) {
      s = await mdb(h.db).selectFrom('messaging_settings').selectAll().where('clinic_id', '=', row.clinic_id).executeTakeFirstOrThrow();
      settings.set(row.clinic_id, s);
    }
    let error: string | null = null;
    try {
      await send(row, s);
    } catch (e) {
      error = String((e as Error)?.message ?? e).slice(0, 300);
    }
    const at = clock().toISOString();
    const status = error === null ? 'sent' : Number(row.attempts) >= MAX_ATTEMPTS ? 'failed' : 'pending';
    await mdb(h.db).updateTable('message_outbox').set({ status, last_error: error, updated_at: at, ...(error === null ? { sent_at: at } : {}) })
      .where('id', '=', row.id).where('status', '=', 'sending').execute();
    stats[status === 'sent' ? 'sent' : status === 'failed' ? 'failed' : 'retried']++;
  }
  return stats;
}
