import { TOKEN_FORM } from '../contracts/mailings.js';
import type { Db } from '../db/connect.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import * as appts from '../db/repos/appointments.repo.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings, getClinic, listBranches } from '../db/repos/clinic.repo.js';
import { addLiveEvent } from '../db/repos/live.repo.js';
import { clinicsWithReminders, consentsOf, writeConsent } from '../db/repos/mailings.repo.js';
import * as outbox from '../db/repos/message-outbox.repo.js';
import { confirmationVisits, insertAttempt } from '../db/repos/worklists.repo.js';
import type { MessageLinksTable } from '../db/schema.js';
import { reminderAllowed, reminderText, visitWhen } from '../domain/mailings.js';
import { localDateOf, localTimeOf } from '../domain/schedule/time.js';
import { branchOpenOn, confirmationPlan, halfBoundaryOf, inHalf } from '../domain/worklists/confirmation-worklist.js';
import { dativeFullName } from '../domain/worklists/dative.js';
import { addressName } from '../domain/worklists/scripts.js';
import type { Deps } from './context.js';
import { linkIdOf, linkSigned, signLink } from './link-tokens.js';
import { publicBase, settingsRow } from './mailings.service.js';
import { calendarAround, phonesOf } from './worklist-common.js';

/**
 * Reminders (issue #10): when the clinic switched them on, from its «reminders from» time the visits
 * the desk would call to confirm today (CONF-1/2, the same plan as «Обзвон»: the evening list of the
 * next working day, after closed days the morning list) get an e-mail and/or SMS with a signed link.
 * Booked visits; a patient who refused the channel gets none. One reminder per visit time and
 * channel however often this runs (numbered per visit, a unique index guards two servers): a visit
 * moved after its reminder gets one for the new time (even when confirmed meanwhile), and the
 * waiting one for the old time is dropped, as are those of a cancelled visit (here each round, and
 * by the dispatcher before sending).
 */
export async function enqueueReminders(deps: Deps, clinicId: string, fallbackBase: string): Promise<number> {
  const db = deps.h.db;
  const now = deps.clock();
  await outbox.cancelStaleReminders(db, clinicId, now.toISOString());
  const s = await settingsRow(db, clinicId, now);
  const channels = [...(Number(s.reminders_email) ? ['email' as const] : []), ...(Number(s.reminders_sms) ? ['sms' as const] : [])];
  if (!channels.length) return 0;
  const { time_zone: tz, settings_json } = await clinicTimeAndSettings(db, clinicId);
  if (localTimeOf(now.getTime(), tz) < s.reminders_from) return 0;
  const today = localDateOf(now.getTime(), tz);
  const boundary = halfBoundaryOf(settings_json);
  const calendar = await calendarAround(db, clinicId, today);
  const clinic = (await getClinic(db, clinicId))?.name ?? '';
  const base = publicBase(s, fallbackBase);
  let n = 0;
  for (const b of (await listBranches(db, clinicId)).filter((x) => x.isActive)) {
    for (const t of confirmationPlan(today, (d) => branchOpenOn(d, calendar, b.hours))) {
      const rows = (await confirmationVisits(db, clinicId, [t.visitDate], b.id))
        .filter((r) => ['booked', 'confirmed'].includes(r.status) && inHalf(localTimeOf(Date.parse(r.starts_at), tz), t.half, boundary) && Date.parse(r.starts_at) > now.getTime());
      const ids = rows.map((r) => r.patient_id);
      const [phones, emails] = await Promise.all([phonesOf(db, ids), outbox.patientEmails(db, clinicId, ids)]);
      for (const ch of channels) {
        const consents = await consentsOf(db, clinicId, ids, ch);
        for (const r of rows) {
          const address = ch === 'email' ? emails.get(r.patient_id)?.trim() || null : phones.get(r.patient_id) ?? null;
          if (!reminderAllowed(consents.get(r.patient_id), address)) continue;
          const startsMs = Date.parse(r.starts_at);
          const at = now.toISOString();
          const status = ch === 'sms' && s.sms_driver !== 'http' ? 'manual' : 'pending';
          const latest = await outbox.latestReminder(db, r.id, ch);
          if (latest && latest.visit_starts_at && Date.parse(latest.visit_starts_at) === startsMs) {
            // Already reminded of this time; or moved away and back before the new time's reminder was queued.
            if (latest.status === 'cancelled') await outbox.reviveReminder(db, latest.id, status, at);
            continue;
          }
          // A confirmed visit is reminded only when it moved after an earlier reminder (the patient knows the old time).
          if (!latest && r.status !== 'booked') continue;
          const seq = Number(latest?.seq ?? 0) + 1;
          const linkId = newId();
          const when = visitWhen(r.local_date, localTimeOf(startsMs, tz));
          const body = reminderText({
            who: addressName({ addressAs: r.address_as, firstName: r.first_name, patronymic: r.patronymic }), when, clinic,
            doctorDative: dativeFullName({ surname: r.d_surname, firstName: r.d_first_name, patronymic: r.d_patronymic }), address: b.address || null,
            link: `${base}/api/public/visit/${signLink(s.token_secret, linkId, 'reminder')}`,
          });
          try {
            await withTx(deps.h, async (trx) => {
              await outbox.insertLink(trx, {
                id: linkId, clinic_id: clinicId, kind: 'reminder', patient_id: r.patient_id, appointment_id: r.id, channel: ch, expires_at: new Date(startsMs).toISOString(), created_at: at,
                used_at: null, answer: null, visit_starts_at: r.starts_at,
              });
              await outbox.insertMessage(trx, {
                id: newId(), clinic_id: clinicId, channel: ch, purpose: 'reminder', mailing_id: null, appointment_id: r.id, patient_id: r.patient_id, recipient: address!,
                subject: ch === 'email' ? `Напоминание о визите ${when}` : null, body, unsubscribe_url: null,
                status, attempts: 0, next_attempt_at: at, last_error: null, created_at: at, updated_at: at, sent_at: null, visit_starts_at: r.starts_at, seq,
              });
            });
            n++;
          } catch (e) {
            // Another server enqueued it first (the unique index): one reminder it is.
            if (Number((await outbox.latestReminder(db, r.id, ch))?.seq ?? 0) < seq) throw e;
          }
        }
      }
    }
  }
  return n;
}

/** Every clinic with reminders on (the dispatcher's round). */
export async function enqueueAllReminders(deps: Deps, fallbackBase: string): Promise<number> {
  let n = 0;
  for (const s of await clinicsWithReminders(deps.h.db)) n += await enqueueReminders(deps, s.clinic_id, fallbackBase);
  return n;
}

// ——— The patient's answers by link ———

export type LinkPage =
  | { state: 'invalid' }
  | { state: 'expired'; clinic: string }
  | { state: 'unsubscribe'; clinic: string; done: boolean }
  | { state: 'visit'; clinic: string; when: string; doctor: string; visitStatus: string; answer: MessageLinksTable['answer'] }
  /** The visit moved since the reminder: the link answers nothing, the page names the new time. */
  | { state: 'moved'; clinic: string; when: string; doctor: string };

/** The link's row when the token is the clinic's signature over it; null for a forged, damaged or unknown one. */
async function linkOf(db: Db, token: string, kind: 'reminder' | 'unsubscribe') {
  if (!TOKEN_FORM.test(token)) return null;
  const link = await outbox.getLink(db, linkIdOf(token));
  if (!link || link.kind !== kind) return null;
  const secret = await outbox.linkSecret(db, link.clinic_id);
  return secret && linkSigned(secret, token, kind) ? link : null;
}

async function visitPage(db: Db, link: MessageLinksTable): Promise<LinkPage> {
  const clinic = (await getClinic(db, link.clinic_id))?.name ?? '';
  const a = link.appointment_id ? await outbox.linkVisit(db, link.clinic_id, link.appointment_id) : undefined;
  if (!a || a.patient_id !== link.patient_id) return { state: 'invalid' };
  const { time_zone: tz } = await clinicTimeAndSettings(db, link.clinic_id);
  if (link.visit_starts_at && Date.parse(link.visit_starts_at) !== Date.parse(a.starts_at) && ['booked', 'confirmed'].includes(a.status)) {
    return { state: 'moved', clinic, when: visitWhen(a.local_date, localTimeOf(Date.parse(a.starts_at), tz)), doctor: dativeFullName({ surname: a.surname, firstName: a.first_name, patronymic: a.patronymic }) };
  }
  return {
    state: 'visit', clinic, when: visitWhen(a.local_date, localTimeOf(Date.parse(a.starts_at), tz)),
    doctor: dativeFullName({ surname: a.surname, firstName: a.first_name, patronymic: a.patronymic }), visitStatus: a.status, answer: link.answer,
  };
}

/** A reminder link: the visit and the answer already given, or why the link no longer works. Never throws on a bad token. */
export async function visitByToken(deps: Deps, token: string): Promise<LinkPage> {
  const link = await linkOf(deps.h.db, token, 'reminder');
  if (!link) return { state: 'invalid' };
  const page = await visitPage(deps.h.db, link);
  if (page.state === 'moved') return page;
  if (!link.used_at && deps.clock().toISOString() >= link.expires_at) return { state: 'expired', clinic: (await getClinic(deps.h.db, link.clinic_id))?.name ?? '' };
  return page;
}

const VIA_LINK = 'пациент по ссылке';

/**
 * «Подтверждаю» confirms a booked visit as a confirmation call would (history, live update, the call
 * base); «Перенести» keeps the visit and puts a call-back for now among the call-backs of «Обзвон»
 * with the visit marked «ПОЗВОНИТЬ». The first answer stands: a second click, or the other button
 * afterwards, changes nothing and shows the answer given.
 */
export async function answerByToken(deps: Deps, token: string, answer: 'confirmed' | 'move'): Promise<LinkPage> {
  const page = await visitByToken(deps, token);
  if (page.state !== 'visit' || page.answer) return page;
  if (!['booked', 'confirmed'].includes(page.visitStatus)) return page;
  const link = (await outbox.getLink(deps.h.db, linkIdOf(token)))!;
  const now = deps.clock();
  const at = now.toISOString();
  await withTx(deps.h, async (trx) => {
    if (!(await outbox.useLink(trx, link.id, answer, at))) return;
    const fresh = await appts.rawAppointment(trx, link.clinic_id, link.appointment_id!);
    if (!fresh) return;
    const confirm = answer === 'confirmed' && fresh.status === 'booked';
    await insertAttempt(trx, {
      id: newId(), clinic_id: link.clinic_id, branch_id: fresh.branch_id, direction: 'in', caller_type: 'repeat', purpose: 'confirmation', patient_id: link.patient_id, phone: null,
      caller_name: VIA_LINK, source_id: null, outcome: answer === 'confirmed' ? 'confirmed' : 'callback', outcome_reason: null, appointment_id: fresh.id, user_id: null,
      started_at: at, duration_sec: 0, note: answer === 'confirmed' ? 'Подтвердил по ссылке из напоминания' : 'Просит перенести визит (ссылка из напоминания)',
      callback_at: answer === 'move' ? at : null,
    });
    await appts.updateAppointment(trx, link.clinic_id, fresh.id, {
      updated_at: at, needs_call: answer === 'confirmed' ? 0 : 1, ...(confirm ? { status: 'confirmed', status_changed_at: at } : {}),
    });
    await appts.addHistory(trx, {
      id: newId(), clinicId: link.clinic_id, appointmentId: fresh.id, at, userId: null, action: 'confirmation_call',
      ...(confirm ? { from: 'booked', to: 'confirmed' } : {}), details: { outcome: answer === 'confirmed' ? 'confirmed' : 'callback', via: 'patient_link' },
    });
    await addLiveEvent(trx, { clinicId: link.clinic_id, at, kind: 'appointment', payload: { id: fresh.id, date: fresh.local_date, doctorId: fresh.doctor_id, ...(confirm ? { status: 'confirmed' } : {}) } });
    await appendAudit(trx, {
      clinicId: link.clinic_id, at, userId: null, userLogin: null, role: null, ip: null, patientId: link.patient_id,
      action: answer === 'confirmed' ? 'confirm' : 'update', objectType: 'appointment', objectId: fresh.id, details: { via: 'patient_link', answer },
    });
  });
  return visitPage(deps.h.db, (await outbox.getLink(deps.h.db, link.id))!);
}

/** The unsubscribe link's page (GET changes nothing: mail scanners follow links). */
export async function unsubscribePage(deps: Deps, token: string): Promise<LinkPage> {
  const link = await linkOf(deps.h.db, token, 'unsubscribe');
  if (!link) return { state: 'invalid' };
  return { state: 'unsubscribe', clinic: (await getClinic(deps.h.db, link.clinic_id))?.name ?? '', done: !!link.used_at };
}

/** «Отписаться»: the patient's consent on the channel becomes a refusal, recorded as given by the patient through the link. */
export async function unsubscribeByToken(deps: Deps, token: string): Promise<LinkPage> {
  const link = await linkOf(deps.h.db, token, 'unsubscribe');
  if (!link) return { state: 'invalid' };
  const clinic = (await getClinic(deps.h.db, link.clinic_id))?.name ?? '';
  if (link.used_at) return { state: 'unsubscribe', clinic, done: true };
  if (deps.clock().toISOString() >= link.expires_at) return { state: 'expired', clinic };
  const at = deps.clock().toISOString();
  await withTx(deps.h, async (trx) => {
    if (!(await outbox.useLink(trx, link.id, 'unsubscribed', at))) return;
    await writeConsent(trx, { clinic_id: link.clinic_id, patient_id: link.patient_id, channel: link.channel, agreed: 0, recorded_at: at, recorded_by: null, recorded_via: 'patient_link' });
    await outbox.cancelWaitingMailings(trx, link.clinic_id, link.patient_id, link.channel, at);
    await appendAudit(trx, {
      clinicId: link.clinic_id, at, userId: null, userLogin: null, role: null, ip: null, patientId: link.patient_id,
      action: 'update', objectType: 'mailing_consent', objectId: link.patient_id, details: { channel: link.channel, agreed: false, via: 'patient_link' },
    });
  });
  return { state: 'unsubscribe', clinic, done: true };
}
