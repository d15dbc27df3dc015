import type { z } from 'zod';
import type { InboxItem, MessageInput, MessageQuery } from '../contracts/team.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { addLiveEvent } from '../db/repos/live.repo.js';
import { markNotificationRead, recentDoctorNotifications } from '../db/repos/notifications.repo.js';
import * as repo from '../db/repos/team-messages.repo.js';
import { getUser } from '../db/repos/users.repo.js';
import { notFound } from '../domain/errors.js';
import { isRole, INBOX_DAYS } from '../domain/team/messages.js';
import { checkAddressee, checkLinks, patientNameFor } from './team-links.js';
import { auditEntry, type Actor, type Deps } from './context.js';

const WHAT = { ru: 'Сообщение', en: 'Message' };
/** The automatic notes keep the window «Мой день» always had (src/services/notifications.service.ts). */
const AUTO_DAYS = 3;

const since = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

/**
 * STAFF-3, one inbox: colleagues' messages to me or my role, and the automatic notes a doctor
 * gets (the notifications table). Those stay where their writers put them (the arrival and the
 * walk-in write them in their own transactions, and «Мой день» and its tests read them there):
 * the inbox reads both and marks either read, so there is one list and one unread count.
 */
export async function listMessages(deps: Deps, actor: Actor, q: z.infer<typeof MessageQuery>): Promise<{ items: InboxItem[]; unread: number }> {
  const now = deps.clock();
  const sent = q.box === 'sent';
  const rows = sent
    ? await repo.sentMessages(deps.h.db, actor.clinicId, actor.userId, since(now, INBOX_DAYS))
    : await repo.inboxMessages(deps.h.db, actor.clinicId, actor.userId, actor.role, since(now, INBOX_DAYS));
  const ids = rows.map((r) => r.id);
  const [reads, tasks] = await Promise.all([repo.readsOf(deps.h.db, actor.clinicId, ids), repo.tasksFromMessages(deps.h.db, actor.clinicId, ids)]);
  const items: InboxItem[] = rows.map((r) => {
    const mine = reads.filter((x) => x.message_id === r.id);
    return {
      id: r.id, source: 'message', template: r.template, text: r.text, textEn: null,
      from: { id: r.from_user_id, name: r.from_name }, toUser: r.to_user_id ? { id: r.to_user_id, name: r.to_name ?? '' } : null, toRole: isRole(r.to_role) ? r.to_role : null,
      patientId: r.patient_id, patientName: patientNameFor(actor.role, r), appointmentId: r.appointment_id, createdAt: r.created_at,
      readAt: mine.find((x) => x.user_id === actor.userId)?.read_at ?? null,
      reads: mine.map((x) => ({ userId: x.user_id, name: x.full_name, at: x.read_at })),
      taskId: tasks.find((t) => t.source_message_id === r.id)?.id ?? null,
    };
  });
  if (!sent) {
    const u = await getUser(deps.h.db, actor.clinicId, actor.userId);
    if (u?.doctor_id) {
      const auto = await recentDoctorNotifications(deps.h.db, actor.clinicId, u.doctor_id, since(now, AUTO_DAYS));
      for (const n of auto) {
        items.push({
          id: n.id, source: 'auto', template: n.kind, text: n.text_ru, textEn: n.text_en, from: null, toUser: { id: actor.userId, name: u.full_name }, toRole: null,
          patientId: n.patient_id, patientName: null, appointmentId: n.appointment_id, createdAt: n.created_at, readAt: n.read_at, reads: n.read_at ? [{ userId: actor.userId, name: u.full_name, at: n.read_at }] : [], taskId: null,
        });
      }
      items.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    }
  }
  return { items, unread: await unreadCount(deps, actor) };
}

/** The header's counter: unread team messages of the week and unread automatic notes. */
export async function unreadCount(deps: Deps, actor: Actor): Promise<number> {
  const now = deps.clock();
  const u = await getUser(deps.h.db, actor.clinicId, actor.userId);
  const messages = await repo.countUnreadMessages(deps.h.db, actor.clinicId, actor.userId, actor.role, since(now, INBOX_DAYS));
  const auto = u?.doctor_id ? await repo.countUnreadNotifications(deps.h.db, actor.clinicId, u.doctor_id, since(now, AUTO_DAYS)) : 0;
  return messages + auto;
}

/** Sends a note to a person or a role, optionally about a patient or a visit; live to open screens. */
export async function sendMessage(deps: Deps, actor: Actor, input: MessageInput): Promise<InboxItem> {
  const now = deps.clock();
  await checkAddressee(deps.h.db, actor.clinicId, input.toUserId, input.toRole, 'toUserId');
  const patientId = await checkLinks(deps.h.db, actor.clinicId, input.patientId, input.appointmentId);
  const id = newId();
  await withTx(deps.h, async (trx) => {
    await repo.insertMessage(trx, {
      id, clinic_id: actor.clinicId, from_user_id: actor.userId, to_user_id: input.toUserId ?? null, to_role: input.toRole ?? null,
      template: input.template ?? null, text: input.text.trim(), patient_id: patientId, appointment_id: input.appointmentId ?? null, created_at: now.toISOString(),
    });
    // Who and to whom, never the text: a note may name a patient's complaint.
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'team_message', objectId: id, patientId, details: { toUserId: input.toUserId ?? null, toRole: input.toRole ?? null } }));
    await addLiveEvent(trx, { clinicId: actor.clinicId, at: now.toISOString(), kind: 'team_message', payload: { id, toUserId: input.toUserId ?? null, toRole: input.toRole ?? null } });
  });
  const row = await repo.getMessage(deps.h.db, actor.clinicId, id);
  if (!row) throw notFound(WHAT);
  return {
    id, source: 'message', template: row.template, text: row.text, textEn: null, from: { id: actor.userId, name: row.from_name },
    toUser: row.to_user_id ? { id: row.to_user_id, name: row.to_name ?? '' } : null, toRole: isRole(row.to_role) ? row.to_role : null,
    patientId, patientName: patientNameFor(actor.role, row), appointmentId: row.appointment_id, createdAt: row.created_at, readAt: null, reads: [], taskId: null,
  };
}

/**
 * Marks a message read by me (a team message to me or my role) or my automatic note. Only the
 * addressees read: the sender opening their own sent note does not mark it.
 */
export async function markRead(deps: Deps, actor: Actor, id: string): Promise<void> {
  const now = deps.clock();
  const m = await repo.getMessage(deps.h.db, actor.clinicId, id);
  if (m) {
    const toMe = m.to_user_id ? m.to_user_id === actor.userId : m.to_role === actor.role;
    if (!toMe) throw notFound(WHAT);
    await withTx(deps.h, async (trx) => {
      if (await repo.markMessageRead(trx, actor.clinicId, id, actor.userId, now.toISOString())) {
        await addLiveEvent(trx, { clinicId: actor.clinicId, at: now.toISOString(), kind: 'team_message', payload: { id, readBy: actor.userId } });
      }
    });
    return;
  }
  const u = await getUser(deps.h.db, actor.clinicId, actor.userId);
  await withTx(deps.h, async (trx) => {
    if ((await markNotificationRead(trx, actor.clinicId, id, u?.doctor_id ?? '-', now.toISOString())) === 0) throw notFound(WHAT);
  });
}

/** Marks everything in my inbox read (the «Прочитать все» button). */
export async function markAllRead(deps: Deps, actor: Actor): Promise<number> {
  const { items } = await listMessages(deps, actor, {});
  const unread = items.filter((i) => !i.readAt);
  for (const i of unread) await markRead(deps, actor, i.id);
  return unread.length;
}

/** Active colleagues to address. */
export async function people(deps: Deps, actor: Actor) {
  const rows = await repo.activePeople(deps.h.db, actor.clinicId);
  return { items: rows.filter((r) => isRole(r.role)).map((r) => ({ id: r.id, name: r.full_name, role: r.role as never })) };
}
