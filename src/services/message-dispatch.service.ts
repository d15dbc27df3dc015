import { withTx, type DbHandle } from '../db/connect.js';
import { getSettings } from '../db/repos/mailings.repo.js';
import { claimMessage, reminderVisitNow, settleMessage, STALE_REMINDER } from '../db/repos/message-outbox.repo.js';
import type { MessagingSettingsTable } from '../db/schema.js';
import { backoffMs, MAX_ATTEMPTS } from '../domain/mailings.js';
import { defaultSender, type Sender } from './message-senders.js';
import { enqueueAllReminders } from './reminders.service.js';

/** A message handed to a channel and not settled within this time is taken again. */
export const MESSAGE_LEASE_MS = 5 * 60_000;

export interface MessageDispatchStats {
  sent: number;
  failed: number;
  retried: number;
}

/**
 * One round: claims and sends up to `max` messages oldest-due first, each claimed in its own
 * transaction (two app servers never send one twice) and settled in another. A failure waits
 * 1, 5, 15, 60 minutes before the next attempt; after MAX_ATTEMPTS the message is 'failed' and waits
 * for a person. A server killed between the claim and the settle leaves the row 'sending': after the
 * lease another round takes it again (at worst one duplicate e-mail, never a lost one).
 */
export async function dispatchMessages(h: Pick<DbHandle, 'db' | 'dialect'>, clock: () => Date, send: Sender = defaultSender, max = 100): Promise<MessageDispatchStats> {
  const stats: MessageDispatchStats = { sent: 0, failed: 0, retried: 0 };
  const settings = new Map<string, MessagingSettingsTable>();
  for (let i = 0; i < max; i++) {
    const now = clock();
    const row = await claimMessage(h, now.toISOString(), new Date(now.getTime() - MESSAGE_LEASE_MS).toISOString());
    if (!row) break;
    // A reminder whose visit moved, was cancelled or has begun since it was queued is never sent:
    // the patient gets the new time's reminder instead, or none.
    const stale = row.purpose === 'reminder' && row.appointment_id ? await staleReason(h, row.appointment_id, row.visit_starts_at, now) : null;
    if (stale) {
      await withTx(h, (trx) => settleMessage(trx, row.id, { status: 'cancelled', last_error: stale, updated_at: clock().toISOString() }));
      continue;
    }
    let s = settings.get(row.clinic_id);
    if (!s) {
      s = (await getSettings(h.db, row.clinic_id))!;
      settings.set(row.clinic_id, s);
    }
    let error: string | null = null;
    try {
      await send(row, s);
    } catch (e) {
      error = String((e as Error)?.message ?? e).slice(0, 300);
    }
    const at = clock();
    const status = error === null ? 'sent' : Number(row.attempts) >= MAX_ATTEMPTS ? 'failed' : 'pending';
    await withTx(h, (trx) => settleMessage(trx, row.id, {
      status, last_error: error, updated_at: at.toISOString(),
      ...(status === 'sent' ? { sent_at: at.toISOString() } : {}),
      ...(status === 'pending' ? { next_attempt_at: new Date(at.getTime() + backoffMs(Number(row.attempts))).toISOString() } : {}),
    }));
    stats[status === 'sent' ? 'sent' : status === 'failed' ? 'failed' : 'retried']++;
  }
  return stats;
}

async function staleReason(h: Pick<DbHandle, 'db'>, appointmentId: string, announced: string | null, now: Date): Promise<string | null> {
  const v = await reminderVisitNow(h.db, appointmentId);
  if (!v || !['booked', 'confirmed'].includes(v.status) || Date.parse(v.starts_at) <= now.getTime()) return STALE_REMINDER.gone;
  if (announced && Date.parse(announced) !== Date.parse(v.starts_at)) return STALE_REMINDER.moved;
  return null;
}

/**
 * The background sender of one app server (like the fiscal one): every `everyMs` it enqueues the
 * reminders due (each clinic's own time) and sends what waits; stop() waits for the round in flight.
 */
export function startMessageWorker(h: Pick<DbHandle, 'db' | 'dialect'>, fallbackBase: string, everyMs = 30_000, onError: (e: unknown) => void = () => {}) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    const clock = () => new Date();
    running = enqueueAllReminders({ h: h as DbHandle, clock }, fallbackBase)
      .then(() => dispatchMessages(h, clock))
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };
  timer = setTimeout(tick, 2_000);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
