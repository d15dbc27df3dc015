import { withTx } from '../db/connect.js';
import { markNotificationRead, recentDoctorNotifications } from '../db/repos/notifications.repo.js';
import { getUser } from '../db/repos/users.repo.js';
import { notFound } from '../domain/errors.js';
import type { Actor, Deps } from './context.js';

/** STAFF-3: notes to the signed-in doctor ("patient arrived", "patient refused"), newest first. */
export async function myNotifications(deps: Deps, actor: Actor) {
  const u = await getUser(deps.h.db, actor.clinicId, actor.userId);
  if (!u?.doctor_id) return { items: [] };
  const since = new Date(deps.clock().getTime() - 3 * 86_400_000).toISOString();
  const rows = await recentDoctorNotifications(deps.h.db, actor.clinicId, u.doctor_id, since);
  return {
    items: rows.map((r) => ({
      id: r.id, kind: r.kind, appointmentId: r.appointment_id, patientId: r.patient_id, textRu: r.text_ru, textEn: r.text_en, createdAt: r.created_at, read: r.read_at !== null,
    })),
  };
}

export async function markRead(deps: Deps, actor: Actor, id: string) {
  const u = await getUser(deps.h.db, actor.clinicId, actor.userId);
  await withTx(deps.h, async (trx) => {
    const updated = await markNotificationRead(trx, actor.clinicId, id, u?.doctor_id ?? '-', deps.clock().toISOString());
    if (updated === 0) throw notFound({ ru: 'Уведомление', en: 'Notification' });
  });
}
