import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import * as appts from '../db/repos/appointments.repo.js';
import { clinicTimeAndSettings, getClinic, listBranches } from '../db/repos/clinic.repo.js';
import { addLiveEvent } from '../db/repos/live.repo.js';
import { confirmationVisits, insertAttempt } from '../db/repos/worklists.repo.js';
import { localDateOf, localTimeOf } from '../domain/schedule/time.js';
import { branchOpenOn, confirmationPlan, halfBoundaryOf, inHalf } from '../domain/worklists/confirmation-worklist.js';
import { addressName } from '../domain/worklists/scripts.js';
import { signToken, tokenClinic, verifyToken } from './link-tokens.js';
import { fullName } from '../domain/names.js';
import { mdb, publicBase, settingsRow, writeConsent } from './mailings.service.js';
import { calendarAround, phonesOf } from './worklist-common.js';
import type { Deps } from './context.js';

/**
 * Reminders (issue #10): when the clinic switched them on, the visits the desk would call to
 * confirm today (CONF-1/2, the same plan as «Обзвон»: the evening list, and after closed days
 * the morning list) get an e-mail or SMS with a signed link. Booked visits only; a patient who
 * refused the channel gets none; one reminder per visit and channel however often this runs.
 */
export async function enqueueReminders(deps: Deps, clinicId: string, fallbackBase: string): Promise<number> {
  const db = deps.h.db;
  const now = deps.clock();
  const s = await settingsRow(db, clinicId, now);
  const channels = [...(Number(s.reminders_email) ? ['email' as const] : []), ...(Number(s.reminders_sms) ? ['sms' as const] : [])];
  if (!channels.length) return 0;
  const { time_zone: tz, settings_json } = await clinicTimeAndSettings(db, clinicId);
  const today = localDateOf(now.getTime(), tz);
  const boundary = halfBoundaryOf(settings_json);
  const calendar = await calendarAround(db, clinicId, today);
  const clinic = await getClinic(db, clinicId);
  const branches = (await listBranches(db, clinicId)).filter((b) => b.isActive);
  const base = publicBase(s, fallbackBase);
  let n = 0;
  for (const b of branches) {
    for (const t of confirmationPlan(today, (d) => branchOpenOn(d, calendar, b.hours))) {
      const rows = (await confirmationVisits(db, clinicId, [t.visitDate], b.id))
        .filter((r) => r.status === 'booked' && inHalf(localTimeOf(Date.parse(r.starts_at), tz), t.half, boundary) && Date.parse(r.starts_at) > now.getTime());
      const phones = await phonesOf(db, rows.map((r) => r.patient_id));
      const emails = new Map((await db.selectFrom('patients').select(['id', 'email']).where('id', 'in', rows.length ? rows.map((r) => r.patient_id) : ['-']).execute()).map((p) => [p.id, p.email]));
      for (const r of rows) {
        for (const ch of channels) {
          const address = ch === 'email' ? emails.get(r.patient_id)?.trim() || null : phones.get(r.patient_id) ?? null;
          if (!address) continue;
          const refused = await mdb(db).selectFrom('mailing_consents').select('agreed').where('patient_id', '=', r.patient_id).where('channel', '=', ch).executeTakeFirst();
          if (refused && !Number(refused.agreed)) continue;
          const exists = await mdb(db).selectFrom('message_outbox').select('id').where('appointment_id', '=', r.id).where('channel', '=', ch).where('purpose', '=', 'reminder').executeTakeFirst();
          if (exists) continue;
          const startsMs = Date.parse(r.starts_at);
          const token = signToken(s.token_secret, { k: 'remind', c: clinicId, p: r.patient_id, a: r.id, exp: startsMs });
          const who = addressName({ addressAs: r.address_as, firstName: r.first_name, patronymic: r.patronymic });
          const when = `${r.local_date.split('-').reverse().join('.')} в ${localTimeOf(startsMs, tz)}`;
          const body = `${who}, напоминаем: ${when} Вы записаны в клинику «${clinic?.name ?? ''}» к доктору ${fullName({ surname: r.d_surname, firstName: r.d_first_name, patronymic: r.d_patronymic })}. Подтвердить или перенести: ${base}/api/public/visit/${token}`;
          const at = now.toISOString();
          try {
            await mdb(db).insertInto('message_outbox').values({
              id: newId(), clinic_id: clinicId, channel: ch, purpose: 'reminder', mailing_id: null, appointment_id: r.id, patient_id: r.patient_id, recipient: address,
              subject: ch === 'email' ? `Напоминание о визите ${when}` : null, body, status: 'pending', attempts: 0, last_error: null, created_at: at, updated_at: at, sent_at: null,
            }).execute();
            n++;
          } catch {
            // Another server enqueued it first (the unique index): one reminder it is.
          }
        }
      }
    }
  }
  return n;
}

export type LinkState =
  | { state: 'invalid' }
  | { state: 'expired' }
  | { state: 'unsubscribed'; clinic: string }
  | { state: 'visit'; clinic: string; when: string; doctor: string; status: string; appointmentId: string; patientId: string; clinicId: string };

async function secretFor(db: Db, token: string): Promise<{ clinicId: string; secret: string } | null> {
  const c = tokenClinic(token);
  if (!c) return null;
  const s = await mdb(db).selectFrom('messaging_settings').select('token_secret').where('clinic_id', '=', c).executeTakeFirst();
  return s ? { clinicId: c, secret: s.token_secret } : null;
}

/** A reminder link: the visit it concerns, or why it no longer works (forged, expired, cancelled). Never throws on a bad token. */
export async function visitByToken(deps: Deps, token: string): Promise<LinkState> {
  const db = deps.h.db;
  const k = await secretFor(db, token);
  const t = k && verifyToken(k.secret, token);
  if (!k || !t || t.k !== 'remind' || t.c !== k.clinicId) return { state: 'invalid' };
  if (deps.clock().getTime() > t.exp) return { state: 'expired' };
  const a = await db.selectFrom('appointments as a').innerJoin('doctors as d', 'd.id', 'a.doctor_id')
    .select(['a.id', 'a.patient_id', 'a.starts_at', 'a.local_date', 'a.status', 'd.surname', 'd.first_name', 'd.patronymic'])
    .where('a.clinic_id', '=', k.clinicId).where('a.id', '=', t.a).executeTakeFirst();
  if (!a || a.patient_id !== t.p) return { state: 'invalid' };
  const { time_zone: tz } = await clinicTimeAndSettings(db, k.clinicId);
  const clinic = (await getClinic(db, k.clinicId))?.name ?? '';
  return {
    state: 'visit', clinic, when: `${a.local_date.split('-').reverse().join('.')} в ${localTimeOf(Date.parse(a.starts_at), tz)}`,
    doctor: fullName({ surname: a.surname, firstName: a.first_name, patronymic: a.patronymic }), status: a.status, appointmentId: a.id, patientId: a.patient_id, clinicId: k.clinicId,
  };
}

const VIA_LINK = 'пациент по ссылке';

/** «Подтверждаю»: the visit is confirmed as by a confirmation call, recorded as made by the patient through the link. */
export async function confirmByToken(deps: Deps, token: string): Promise<LinkState & { done?: 'confirmed' | 'already' | 'not_possible' }> {
  const v = await visitByToken(deps, token);
  if (v.state !== 'visit') return v;
  if (v.status !== 'booked') return { ...v, done: v.status === 'confirmed' ? 'already' : 'not_possible' };
  const at = deps.clock().toISOString();
  await withTx(deps.h, async (trx) => {
    const fresh = await appts.rawAppointment(trx, v.clinicId, v.appointmentId);
    if (fresh?.status !== 'booked') return;
    await insertAttempt(trx, {
      id: newId(), clinic_id: v.clinicId, branch_id: fresh.branch_id, direction: 'out', caller_type: 'repeat', purpose: 'confirmation', patient_id: v.patientId, phone: null,
      caller_name: VIA_LINK, source_id: null, outcome: 'confirmed', outcome_reason: null, appointment_id: v.appointmentId, user_id: null, started_at: at, duration_sec: 0, note: VIA_LINK, callback_at: null,
    });
    await appts.updateAppointment(trx, v.clinicId, v.appointmentId, { status: 'confirmed', status_changed_at: at, needs_call: 0, updated_at: at });
    await appts.addHistory(trx, { id: newId(), clinicId: v.clinicId, appointmentId: v.appointmentId, at, userId: null, action: 'confirmation_call', from: 'booked', to: 'confirmed', details: { outcome: 'confirmed', via: 'patient_link' } });
    await addLiveEvent(trx, { clinicId: v.clinicId, at, kind: 'appointment', payload: { id: v.appointmentId, date: fresh.local_date, doctorId: fresh.doctor_id, status: 'confirmed' } });
  });
  return { ...v, status: 'confirmed', done: 'confirmed' };
}

/** «Перенести»: the visit stays as it is; the desk gets a call-back now among the call-backs of «Обзвон». */
export async function rescheduleByToken(deps: Deps, token: string): Promise<LinkState & { done?: 'callback' }> {
  const v = await visitByToken(deps, token);
  if (v.state !== 'visit') return v;
  const at = deps.clock().toISOString();
  await withTx(deps.h, async (trx) => {
    await insertAttempt(trx, {
      id: newId(), clinic_id: v.clinicId, branch_id: null, direction: 'out', caller_type: 'repeat', purpose: 'confirmation', patient_id: v.patientId, phone: null,
      caller_name: VIA_LINK, source_id: null, outcome: 'callback', outcome_reason: null, appointment_id: v.appointmentId, user_id: null, started_at: at, duration_sec: 0,
      note: 'Пациент просит перенести визит (ссылка из напоминания)', callback_at: at,
    });
    await appts.updateAppointment(trx, v.clinicId, v.appointmentId, { needs_call: 1, updated_at: at });
  });
  return { ...v, done: 'callback' };
}

/** The unsubscribe link: the patient's consent on the channel becomes «отказ», recorded as by the patient through the link. */
export async function unsubscribeByToken(deps: Deps, token: string): Promise<LinkState> {
  const db = deps.h.db;
  const k = await secretFor(db, token);
  const t = k && verifyToken(k.secret, token);
  if (!k || !t || t.k !== 'unsub' || t.c !== k.clinicId) return { state: 'invalid' };
  const p = await db.selectFrom('patients').select(['id', 'pd_state']).where('clinic_id', '=', k.clinicId).where('id', '=', t.p).executeTakeFirst();
  if (!p) return { state: 'invalid' };
  if (p.pd_state === 'active') await withTx(deps.h, (trx) => writeConsent(trx, k.clinicId, t.p, t.ch, false, deps.clock().toISOString(), null, 'patient_link'));
  return { state: 'unsubscribed', clinic: (await getClinic(db, k.clinicId))?.name ?? '' };
}
