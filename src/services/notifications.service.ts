import { withTx } from '../db/connect.js';
import { getUser } from '../db/repos/users.repo.js';
import { notFound } from '../domain/errors.js';
import type { Actor, Deps } from './context.js';

/** STAFF-3: notes to the signed-in doctor ("patient arrived", "patient refused"), newest first. */
export async function myNotifications(deps: Deps, actor: Actor) {
  const u = await getUser(deps.h.db, actor.clinicId, actor.userId);
  if (!u?.doctor_id) return { items: [] };
  const since = new Date(deps.clock().getTime() - 3 * 86_400_000).toISOString();
  const rows = await deps.h.db.selectFrom('notifications').selectAll()
    .where('clinic_id', '=', actor.clinicId).where('doctor_id', '=', u.doctor_id).where('created_at', '>=', since)
    .orderBy('created_at', 'desc').limit(100).execute();
  return {
    items: rows.map((r) => ({
      id: r.id, kind: r.kind, appointmentId: r.appointment_id, patientId: r.patient_id, textRu: r.text_ru, textEn: r.text_en, createdAt: r.created_at, read: r.read_at !== null,
    })),
  };
}

export async function markRead(deps: Deps, actor: Actor, id: string) {
  const u = await getUser(deps.h.db, actor.clinicId, actor.userId);
  await withTx(deps.h, async (trx) => {
    const r = await trx.updateTable('notifications').set({ read_at: deps.clock().toISOString() })
      .where('clinic_id', '=', actor.clinicId).where('id', '=', id).where('doctor_id', '=', u?.doctor_id ?? '-').executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound({ ru: 'Уведомление', en: 'Notification' });
  });
}
