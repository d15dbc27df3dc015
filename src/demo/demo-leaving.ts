/**
 * #12 in the demo: the service card regulation on version 2 (the chief doctor added a rule three
 * days ago; the administrators and the chief confirmed it, the others still see the banner), and
 * «Пациент уходит» recorded for most finished visits of the last five weeks (next visit, review
 * site, flyers, gift) so the visit panel and the statistics have something to show.
 */
import type { DbHandle } from '../db/connect.js';
import { DEFAULT_REVIEW_SITES, DEFAULT_SVC_REGULATION } from '../domain/service-card-regulation.js';
import { DAY_MS, iso } from './demo-time.js';

interface Opts { h: DbHandle; clinicId: string; nowMs: number; userId: (login: string) => string | undefined; adminName: string; id: () => string }

export async function seedDemoLeaving(o: Opts): Promise<{ leavings: number }> {
  const { h, clinicId, nowMs, userId: u, id } = o;
  const ago = (days: number) => iso(nowMs - days * DAY_MS);
  const chief = u('chief');
  const admin = u('admin');
  if (!chief || !admin) return { leavings: 0 };
  await h.db.insertInto('svc_regulations').values({
    id: id(), clinic_id: clinicId, version: 2, created_by: chief, created_at: ago(3), note: 'Добавлено правило о записи пожеланий по телефону',
    body: `${DEFAULT_SVC_REGULATION.ru}\n- Пожелание, услышанное по телефону, записывайте сразу после разговора, не откладывая до конца смены.`,
  }).execute();
  const reads: { clinic_id: string; user_id: string; version: number; confirmed_at: string }[] = [];
  for (const login of ['chief', 'admin', 'admin2', 'dentist', 'hygienist', 'assistant', 'nurse']) {
    const user = u(login);
    if (user) reads.push({ clinic_id: clinicId, user_id: user, version: 1, confirmed_at: ago(200) });
  }
  for (const login of ['chief', 'admin', 'admin2']) {
    const user = u(login);
    if (user) reads.push({ clinic_id: clinicId, user_id: user, version: 2, confirmed_at: ago(login === 'chief' ? 3 : 2) });
  }
  await h.db.insertInto('svc_regulation_reads').values(reads).execute();

  const visits = await h.db
    .selectFrom('appointments')
    .select(['id', 'patient_id', 'status_changed_at', 'follow_up_booked', 'review_requested'])
    .where('clinic_id', '=', clinicId)
    .where('status', '=', 'done')
    .where('starts_at', '>=', ago(35))
    .orderBy('starts_at')
    .execute();
  const sites = DEFAULT_REVIEW_SITES;
  // Every sixth finished visit is left unrecorded (a busy desk); the rest follow a fixed pattern.
  const rows = visits.filter((_, i) => i % 6 !== 5).map((v, i) => ({
    appointment_id: v.id, clinic_id: clinicId, patient_id: v.patient_id,
    next_visit: v.follow_up_booked === 1 ? 'booked' : i % 3 === 0 ? 'agreed' : 'none',
    review_asked: v.review_requested === 1 ? 1 as const : 0 as const,
    review_site: v.review_requested === 1 ? sites[i % sites.length] : null,
    flyers: i % 4 === 0 ? 1 as const : 0 as const, gift: i % 9 === 0 ? 1 as const : 0 as const,
    recorded_by: admin, recorded_by_name: o.adminName, recorded_at: v.status_changed_at,
  }));
  for (let i = 0; i < rows.length; i += 200) await h.db.insertInto('visit_leavings').values(rows.slice(i, i + 200)).execute();
  return { leavings: rows.length };
}
