import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchMessages } from '../../src/services/message-dispatch.service.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

/** «Напоминание о визите …» of a raw message (the subject is RFC 2047 encoded). */
function subjectOf(raw: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0];
  const m = /^Subject:(.*(?:\r?\n[ \t].*)*)/im.exec(head)!;
  return m[1].replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')).trim();
}

/**
 * Reminders follow the visit (issue #10): a visit moved after its reminder gets one for the new time
 * (confirmed meanwhile or not) and never the stale one; a cancelled visit gets none; one time is
 * reminded once however often the dispatcher runs, also when the visit moves away and back. Over a
 * real local SMTP server; SMS without a gateway wait in the outbox for a person.
 */
describe.each(DIALECTS)('reminders of moved and cancelled visits (%s)', (dialect) => {
  let t: TestApp;
  let smtp: SMTPServer;
  let owner: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let fx: Awaited<ReturnType<typeof scheduleFixture>>;
  const got: { to: string; subject: string; raw: string }[] = [];
  const refuse = new Set<string>();
  const P: Record<string, string> = {};
  const V: Record<string, string> = {};
  const anon = (method: 'GET' | 'POST', url: string) => t.app.inject({ method, url, ...(method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' } : {}) });
  const linkOf = (text: string) => /https?:\/\/[^\s]+\/api\/public\/visit\/[^\s]+/.exec(text)![0].replace(/^https?:\/\/[^/]+/, '');
  const signInAll = async () => {
    owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
  };
  const dispatch = async () => {
    const r = await owner('POST', '/api/messages/dispatch');
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { sent: number; retried: number; reminders: number };
  };
  /** Each reminder of a patient as `channel seq status time` (the time the message announces). */
  const outbox = async (k: string) => {
    const rows = await t.h.db.selectFrom('message_outbox').select(['channel', 'seq', 'status', 'body', 'last_error']).where('patient_id', '=', P[k]).where('purpose', '=', 'reminder').orderBy('channel').orderBy('seq').execute();
    return rows.map((r) => `${r.channel} ${r.seq} ${r.status} ${/в (\d\d:\d\d)/.exec(r.body)![1]}${r.last_error ? ` (${r.last_error})` : ''}`);
  };
  /** The link of a patient's e-mail reminder number `seq`, from the outbox (the mail's body is encoded). */
  const emailLink = async (k: string, seq: number) => linkOf((await t.h.db.selectFrom('message_outbox').select('body').where('patient_id', '=', P[k]).where('purpose', '=', 'reminder').where('channel', '=', 'email').where('seq', '=', seq).executeTakeFirstOrThrow()).body);
  const mailsTo = (k: string) => got.filter((g) => g.to === `${k}@example.ru`).map((g) => g.subject.replace('Напоминание о визите ', ''));
  const move = async (k: string, date: string, time: string) => {
    const r = await admin('PATCH', `/api/appointments/${V[k]}`, { startsAt: msk(date, time) });
    expect(r.statusCode, r.body).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.t = Date.parse(msk('2026-11-23', '09:00'));
    fx = await scheduleFixture(t.app, t.fx);
    await signInAll();
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
      onRcptTo(address, _s, cb) {
        if (refuse.has(address.address)) cb(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 452 }));
        else cb();
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          got.push({ to: session.envelope.rcptTo[0].address, subject: subjectOf(raw), raw });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    const port = (smtp.server.address() as AddressInfo).port;
    expect((await owner('PUT', '/api/messaging/settings', { smtpHost: '127.0.0.1', smtpPort: port, smtpFrom: 'clinic@example.ru', remindersEmail: true, remindersSms: true })).statusCode).toBe(200);
    // Booked on Monday for Wednesday 25 November: reminded on Tuesday from 10:00 (the evening list's plan).
    const times: Record<string, string> = { stay: '10:00', move: '11:00', cancel: '12:00', late: '13:00', back: '14:00' };
    let n = 0;
    for (const [k, time] of Object.entries(times)) {
      const p = await admin('POST', '/api/patients', { surname: `Напоминаева-${k}`, firstName: 'Алёна', patronymic: 'Сергеевна', email: `${k}@example.ru`, phones: [{ number: `+7921777000${n++}` }] });
      expect(p.statusCode, p.body).toBe(201);
      P[k] = p.json().id;
      const a = await admin('POST', '/api/appointments', { patientId: P[k], doctorId: fx.belov, startsAt: msk('2026-11-25', time), kind: 'repeat' });
      expect(a.statusCode, a.body).toBe(201);
      V[k] = a.json().id;
    }
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((r) => smtp.close(() => r()));
    await t.close();
  });

  it('moved after the reminder: a new one for the new time, none stale; cancelled: none; each time once', async () => {
    // Tuesday noon: every visit reminded by e-mail and SMS; two mailboxes are busy, so those two wait.
    t.clock.t = Date.parse(msk('2026-11-24', '12:00'));
    await signInAll();
    refuse.add('late@example.ru').add('back@example.ru');
    expect(await dispatch()).toMatchObject({ reminders: 10, sent: 3, retried: 2 });
    expect(got.map((g) => `${g.to} ${g.subject}`).sort()).toEqual([
      'cancel@example.ru Напоминание о визите 25.11.2026 в 12:00', 'move@example.ru Напоминание о визите 25.11.2026 в 11:00', 'stay@example.ru Напоминание о визите 25.11.2026 в 10:00',
    ]);
    // «move» confirms by the link, then rings to move the visit to 15:00: the confirmation was of the old time.
    const oldLink = await emailLink('move', 1);
    expect((await anon('POST', `${oldLink}/confirm`)).body).toContain('Визит подтверждён');
    await move('move', '2026-11-25', '15:00');
    expect((await admin('POST', `/api/appointments/${V.cancel}/status`, { to: 'cancelled', cancel: { reason: 'patient_request', callbackDate: '2026-11-30' } })).statusCode).toBe(200);
    await move('late', '2026-11-25', '16:00');
    await move('back', '2026-11-26', '14:00');
    // The old link now tells the patient the time changed and answers nothing.
    const page = await anon('GET', oldLink);
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('Время визита изменилось');
    expect(page.body).toContain('перенесён на 25.11.2026 в 15:00');
    expect((await anon('POST', `${oldLink}/move`)).statusCode).toBe(409);
    expect((await admin('GET', `/api/appointments/${V.move}`)).json()).toMatchObject({ status: 'confirmed', needsCall: false });

    // The mailboxes answer again. A dispatcher round that queues nothing (another server's, say)
    // still never sends the two waiting reminders of the old times: it drops them.
    refuse.clear();
    t.clock.advance(10 * 60_000);
    await signInAll();
    const before = got.length;
    expect(await dispatchMessages(t.h, t.clock.now)).toMatchObject({ sent: 0 });
    expect(got.length).toBe(before);
    // The full round: the new times are reminded (the confirmed «move» too), nothing for the cancelled visit.
    expect(await dispatch()).toMatchObject({ reminders: 4, sent: 2 });
    expect(got.slice(before).map((g) => `${g.to} ${g.subject}`).sort()).toEqual([
      'late@example.ru Напоминание о визите 25.11.2026 в 16:00', 'move@example.ru Напоминание о визите 25.11.2026 в 15:00',
    ]);
    expect(await outbox('move')).toEqual(['email 1 sent 11:00', 'email 2 sent 15:00', 'sms 1 cancelled 11:00 (визит перенесён на другое время)', 'sms 2 manual 15:00']);
    expect(await outbox('cancel')).toEqual(['email 1 sent 12:00', 'sms 1 cancelled 12:00 (визит отменён или уже начался)']);
    expect(await outbox('late')).toEqual(['email 1 cancelled 13:00 (визит перенесён на другое время)', 'email 2 sent 16:00', 'sms 1 cancelled 13:00 (визит перенесён на другое время)', 'sms 2 manual 16:00']);
    // Thursday's visits are reminded on Wednesday: «back» has nothing waiting now.
    expect(await outbox('back')).toEqual(['email 1 cancelled 14:00 (визит перенесён на другое время)', 'sms 1 cancelled 14:00 (визит перенесён на другое время)']);

    // «back» returns to Wednesday 14:00: the reminder of that time, never sent, goes now — once.
    await move('back', '2026-11-25', '14:00');
    t.clock.advance(10 * 60_000);
    await signInAll();
    expect(await dispatch()).toMatchObject({ reminders: 0, sent: 1 });
    expect(await outbox('back')).toEqual(['email 1 sent 14:00', 'sms 1 manual 14:00']);
    // More rounds add nothing: each time of each visit is reminded once.
    for (let i = 0; i < 3; i++) {
      t.clock.advance(10 * 60_000);
      expect(await dispatch()).toMatchObject({ reminders: 0, sent: 0 });
    }
    expect(Object.fromEntries(['stay', 'move', 'cancel', 'late', 'back'].map((k) => [k, mailsTo(k)]))).toEqual({
      stay: ['25.11.2026 в 10:00'], move: ['25.11.2026 в 11:00', '25.11.2026 в 15:00'], cancel: ['25.11.2026 в 12:00'], late: ['25.11.2026 в 16:00'], back: ['25.11.2026 в 14:00'],
    });
    // The new link of the moved visit works for the new time.
    const newLink = await emailLink('move', 2);
    const fresh = await anon('GET', newLink);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.body).toContain('Визит 25.11.2026 в 15:00');
  });

  it('a link cut or garbled on the way opens the patient page «Ссылка недействительна», not a JSON error', async () => {
    const link = await emailLink('stay', 1);
    for (const bad of [link.slice(0, -10), `${link}).`, '/api/public/visit/%3Cscript%3Ealert(1)%3C%2Fscript%3E', '/api/public/unsubscribe/abc', `/api/public/visit/${'x'.repeat(90)}`]) {
      const r = await anon('GET', bad);
      expect(r.statusCode, bad).toBe(404);
      expect(r.headers['content-type'], bad).toMatch(/text\/html/);
      expect(r.body, bad).toContain('Ссылка недействительна');
      expect(r.body, bad).not.toContain('<script>');
    }
    expect((await anon('POST', `${link.slice(0, -10)}/confirm`)).statusCode).toBe(404);
    // The whole link still works.
    expect((await anon('GET', link)).statusCode).toBe(200);
  });

  it('«Повторить» never sends what was stopped for a reason: a stale reminder, a mailing after the refusal', async () => {
    const chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    const messages = async () => (await owner('GET', '/api/messages')).json().messages as { id: string; purpose: string; recipient: string; status: string; lastError: string | null; body: string }[];
    const stale = (await messages()).find((m) => m.purpose === 'reminder' && m.recipient === '+79217770001' && m.status === 'cancelled')!;
    expect(stale.lastError).toBe('визит перенесён на другое время');
    const r = await owner('POST', `/api/messages/${stale.id}/status`, { status: 'pending' });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().detail_ru).toContain('напоминание о прежнем времени не отправить');
    // A mailing e-mail waiting when the patient refused e-mails at the desk is dropped; retrying it is refused.
    expect((await owner('PUT', `/api/patients/${P.stay}/mailing-consents`, { channel: 'email', agreed: true })).statusCode).toBe(200);
    const m = await chief('POST', '/api/mailings', { segment: { kind: 'all' }, channel: 'email', subject: 'Акция', body: '{имя}, скидка на гигиену.' });
    expect(m.json()).toMatchObject({ queued: 1 });
    expect((await admin('PUT', `/api/patients/${P.stay}/mailing-consents`, { channel: 'email', agreed: false })).statusCode).toBe(200);
    const dropped = (await messages()).find((x) => x.purpose === 'mailing' && x.recipient === 'stay@example.ru')!;
    expect(dropped).toMatchObject({ status: 'cancelled', lastError: 'отказ от рассылки' });
    const again = await chief('POST', `/api/messages/${dropped.id}/status`, { status: 'pending' });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().detail_ru).toContain('повторить отправку нельзя');
    // With the consent given again, «Повторить» works.
    expect((await admin('PUT', `/api/patients/${P.stay}/mailing-consents`, { channel: 'email', agreed: true })).statusCode).toBe(200);
    expect((await chief('POST', `/api/messages/${dropped.id}/status`, { status: 'pending' })).statusCode).toBe(200);
  });
});
