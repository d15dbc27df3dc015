/**
 * REC-4 in the demo (issue #10): consents to mailings recorded at the desk for most patients (some
 * refused, a few unsubscribed by the link), two past mailings — an e-mail for the hygiene month
 * delivered, an SMS about the new branch's hours of which part was sent by hand and part still waits
 * in the outbox — and yesterday's reminders. SMTP is not configured (the owner enters the clinic's
 * own in «Почта и SMS»), so nothing leaves the demo.
 */
import type { DbHandle } from '../db/connect.js';
import type { MailingConsentsTable, MessageOutboxTable } from '../db/schema.js';
import type { Rng } from './demo-random.js';
import { DAY_MS, iso } from './demo-time.js';

interface Opts { h: DbHandle; clinicId: string; nowMs: number; rng: Rng; id: () => string; ownerId: string; chiefId: string; adminId: string; clinicName: string }

export async function seedDemoMailings(o: Opts): Promise<{ consents: number; messages: number }> {
  const { h, clinicId, nowMs, rng, id } = o;
  const ago = (days: number, hours = 0) => iso(nowMs - days * DAY_MS - hours * 3600_000);
  await h.db.insertInto('messaging_settings').values({
    clinic_id: clinicId, smtp_host: null, smtp_port: 587, smtp_secure: 0, smtp_user: null, smtp_password: null, smtp_from: null, sms_driver: 'outbox', sms_url: null, sms_token: null,
    reminders_email: 0, reminders_sms: 0, reminders_from: '10:00', public_url: null, token_secret: `${id()}${id()}`.replace(/-/g, ''), updated_at: ago(40),
  }).execute();
  const patients = await h.db.selectFrom('patients as p').leftJoin('patient_phones as ph', (j) => j.onRef('ph.patient_id', '=', 'p.id').on('ph.position', '=', 0))
    .select(['p.id', 'p.email', 'p.first_name', 'p.patronymic', 'ph.number']).where('p.clinic_id', '=', clinicId).where('p.pd_state', '=', 'active').orderBy('p.card_number').limit(3000).execute();
  const consents: MailingConsentsTable[] = [];
  const emailYes: typeof patients = [];
  const smsYes: typeof patients = [];
  for (const p of patients) {
    const roll = rng.next();
    if (roll < 0.15) continue; // not asked yet
    const by = roll < 0.6 ? o.adminId : o.chiefId;
    const at = ago(30 + Math.floor(rng.next() * 300));
    const emailAgreed = p.email ? (rng.next() < 0.8 ? 1 : 0) : 0;
    const smsAgreed = p.number ? (rng.next() < 0.7 ? 1 : 0) : 0;
    const unsubscribed = emailAgreed === 0 && p.email && rng.next() < 0.3;
    if (p.email) consents.push({ clinic_id: clinicId, patient_id: p.id, channel: 'email', agreed: emailAgreed as 0 | 1, recorded_at: unsubscribed ? ago(5) : at, recorded_by: unsubscribed ? null : by, recorded_via: unsubscribed ? 'patient_link' : 'staff' });
    if (p.number) consents.push({ clinic_id: clinicId, patient_id: p.id, channel: 'sms', agreed: smsAgreed as 0 | 1, recorded_at: at, recorded_by: by, recorded_via: 'staff' });
    if (emailAgreed && !unsubscribed) emailYes.push(p);
    if (smsAgreed) smsYes.push(p);
  }
  for (let i = 0; i < consents.length; i += 200) await h.db.insertInto('mailing_consents').values(consents.slice(i, i + 200)).execute();

  const messages: MessageOutboxTable[] = [];
  const who = (p: (typeof patients)[number]) => [p.first_name, p.patronymic].filter(Boolean).join(' ');
  const emailMailing = id();
  const emailAt = ago(12, 3);
  const subject = 'Декабрь — месяц профессиональной гигиены';
  const emailBody = '{имя}, в декабре профессиональная гигиена полости рта со скидкой 15 %. Запишитесь по телефону клиники или ответьте на это письмо.';
  const smsMailing = id();
  const smsAt = ago(2, 5);
  const smsBody = '{имя}, {клиника}: с 1 декабря филиал на Васильевском работает и по субботам, с 10:00 до 16:00.';
  await h.db.insertInto('mailings').values([
    { id: emailMailing, clinic_id: clinicId, channel: 'email', segment_json: JSON.stringify({ kind: 'regular', minVisits: 3 }), subject, body: emailBody, queued: Math.min(emailYes.length, 40), skipped: 12, created_by: o.chiefId, created_at: emailAt },
    { id: smsMailing, clinic_id: clinicId, channel: 'sms', segment_json: JSON.stringify({ kind: 'all' }), subject: null, body: smsBody, queued: Math.min(smsYes.length, 24), skipped: 31, created_by: o.ownerId, created_at: smsAt },
  ]).execute();
  const fill = (text: string, p: (typeof patients)[number]) => text.replaceAll('{имя}', who(p)).replaceAll('{клиника}', o.clinicName);
  emailYes.slice(0, 40).forEach((p, i) => {
    const failed = i === 7;
    messages.push({
      id: id(), clinic_id: clinicId, channel: 'email', purpose: 'mailing', mailing_id: emailMailing, appointment_id: null, patient_id: p.id, recipient: p.email!,
      subject, body: `${fill(emailBody, p)}\n\n—\nВы получили это письмо, потому что дали согласие на рассылку клиники.\nОтписаться от рассылки: (ссылка)`, unsubscribe_url: null,
      status: failed ? 'failed' : 'sent', attempts: failed ? 5 : 1, next_attempt_at: emailAt, last_error: failed ? '550 Mailbox unavailable' : null, created_at: emailAt, updated_at: emailAt, sent_at: failed ? null : emailAt, visit_starts_at: null, seq: 1,
    });
  });
  smsYes.slice(0, 24).forEach((p, i) => {
    const sent = i < 15;
    messages.push({
      id: id(), clinic_id: clinicId, channel: 'sms', purpose: 'mailing', mailing_id: smsMailing, appointment_id: null, patient_id: p.id, recipient: p.number!,
      subject: null, body: fill(smsBody, p), unsubscribe_url: null, status: sent ? 'sent' : 'manual', attempts: 0, next_attempt_at: smsAt, last_error: null,
      created_at: smsAt, updated_at: sent ? ago(1, 20) : smsAt, sent_at: sent ? ago(1, 20) : null, visit_starts_at: null, seq: 1,
    });
  });
  for (let i = 0; i < messages.length; i += 100) await h.db.insertInto('message_outbox').values(messages.slice(i, i + 100)).execute();
  return { consents: consents.length, messages: messages.length };
}
