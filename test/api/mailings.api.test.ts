import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';
import { claimMessage } from '../../src/db/repos/message-outbox.repo.js';
import { MESSAGE_LEASE_MS } from '../../src/services/message-dispatch.service.js';

type Got = { to: string[]; raw: string };

/** RFC 2047 encoded words of a header («=?UTF-8?B?…?=» / «=?UTF-8?Q?…?=») back to text. */
function decodeWords(v: string): string {
  return v.replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  ).trim();
}
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0];
  const m = new RegExp(`^${name}:(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return m ? decodeWords(m[1].trim()) : '';
}
/** The text of a single-part message, its transfer encoding undone. */
function bodyText(raw: string): string {
  const i = raw.search(/\r?\n\r?\n/);
  const body = raw.slice(i).trim().replace(/\r?\n\.\r?\n?$/, '');
  const enc = header(raw, 'Content-Transfer-Encoding').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return body;
}

describe.each(DIALECTS)('mailings and reminders (REC-4) over a real local SMTP server (%s)', (dialect) => {
  let t: TestApp;
  let smtp: SMTPServer;
  let port = 0;
  const got: Got[] = [];
  let owner: ReturnType<typeof as>;
  let chief: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let fx: Awaited<ReturnType<typeof scheduleFixture>>;
  const ids: Record<'yes' | 'no' | 'none', string> = { yes: '', no: '', none: '' };
  const anon = (method: 'GET' | 'POST', url: string) => t.app.inject({ method, url, ...(method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' } : {}) });
  const linkOf = (text: string, kind: 'visit' | 'unsubscribe') => new RegExp(`https?://[^\\s]+/api/public/${kind}/[^\\s]+`).exec(text)![0].replace(/^https?:\/\/[^/]+/, '');

  /** Sessions end after idle hours: after moving the clock everyone signs in again. */
  const signInAll = async () => {
    owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    fx = await scheduleFixture(t.app, t.fx);
    await signInAll();
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'], allowInsecureAuth: true, logger: false,
      onAuth(auth, _session, cb) {
        // The stored password reaches the server: written once, never shown, still used.
        if (auth.username === 'clinic' && auth.password === 'секрет-пароль-42') cb(null, { user: 'clinic' });
        else cb(new Error('Invalid username or password'));
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => { got.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') }); cb(); });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    port = (smtp.server.address() as AddressInfo).port;
    let n = 0;
    for (const k of ['yes', 'no', 'none'] as const) {
      const r = await admin('POST', '/api/patients', { surname: `Рассылкина-${k}`, firstName: 'Алёна', patronymic: 'Сергеевна', email: `${k}@example.ru`, phones: [{ number: `+7921555000${n++}` }] });
      expect(r.statusCode, r.body).toBe(201);
      ids[k] = r.json().id;
    }
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((r) => smtp.close(() => r()));
    await t.close();
  });

  it('keeps the SMTP settings the owner’s and never returns the password', async () => {
    expect((await chief('GET', '/api/messaging/settings')).statusCode).toBe(403);
    expect((await admin('POST', '/api/mailings/preview', { segment: { kind: 'all' }, channel: 'email' })).statusCode).toBe(403);
    const s = await owner('PUT', '/api/messaging/settings', { smtpHost: '127.0.0.1', smtpPort: port, smtpFrom: 'clinic@example.ru', smtpUser: 'clinic', smtpPassword: 'секрет-пароль-42' });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.body).not.toContain('секрет-пароль-42');
    expect(s.json()).toMatchObject({ smtpPasswordSet: true, smsDriver: 'outbox', remindersEmail: false });
    expect((await owner('GET', '/api/messaging/settings')).body).not.toContain('секрет');
    const bad = await owner('PUT', '/api/messaging/settings', { smtpPort: 70_000, smtpFrom: 'not an address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const test = await owner('POST', '/api/messaging/test-email', { to: 'owner@example.ru' });
    expect(test.json()).toEqual({ ok: true, error: null });
    expect(header(got.at(-1)!.raw, 'Subject')).toMatch(/^Проверка почты: .+$/);
    expect(got.at(-1)!.to).toEqual(['owner@example.ru']);
  });

  it('sends a mailing only to who agreed, with the Cyrillic subject intact and an unsubscribe link that works once', async () => {
    expect((await owner('PUT', `/api/patients/${ids.yes}/mailing-consents`, { channel: 'email', agreed: true })).statusCode).toBe(200);
    const refused = await admin('PUT', `/api/patients/${ids.no}/mailing-consents`, { channel: 'email', agreed: false });
    expect(refused.json().consents).toEqual([expect.objectContaining({ channel: 'email', agreed: false, recordedBy: expect.any(String) })]);
    const preview = (await chief('POST', '/api/mailings/preview', { segment: { kind: 'all' }, channel: 'email' })).json();
    expect(preview.receiving).toBe(1);
    const byId = Object.fromEntries(preview.members.map((m: { patientId: string }) => [m.patientId, m]));
    expect(byId[ids.no]).toMatchObject({ willReceive: false, reason: 'refused' });
    expect(byId[ids.none]).toMatchObject({ willReceive: false, reason: 'no_consent' });
    const subject = 'Скидка 10 % на профгигиену в декабре — «Улыбка» ждёт Вас';
    const m = await chief('POST', '/api/mailings', { segment: { kind: 'all' }, channel: 'email', subject, body: '{имя}, приглашаем на профессиональную гигиену до 31 декабря.' });
    expect(m.statusCode, m.body).toBe(201);
    expect(m.json()).toMatchObject({ queued: 1, skipped: preview.count - 1 });
    const before = got.length;
    const d = await chief('POST', '/api/messages/dispatch');
    expect(d.json()).toMatchObject({ sent: 1, failed: 0 });
    const mail = got.slice(before).find((g) => g.to.includes('yes@example.ru'))!;
    expect(got.slice(before).map((g) => g.to).flat()).toEqual(['yes@example.ru']);
    expect(header(mail.raw, 'Subject')).toBe(subject);
    const text = bodyText(mail.raw);
    expect(text).toContain('Алёна Сергеевна, приглашаем на профессиональную гигиену');
    expect(text).toContain('Отписаться от рассылки:');
    expect(header(mail.raw, 'List-Unsubscribe')).toContain('/api/public/unsubscribe/');
    const link = linkOf(text, 'unsubscribe');
    const page = await anon('GET', link);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Отписаться');
    // The page alone changes nothing (mail scanners open links); the button does.
    expect((await owner('GET', `/api/patients/${ids.yes}/mailing-consents`)).json().consents[0].agreed).toBe(true);
    const done = await anon('POST', link);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Вы отписаны от рассылки');
    expect((await anon('POST', link)).body).toContain('Вы отписаны от рассылки');
    expect((await owner('GET', `/api/patients/${ids.yes}/mailing-consents`)).json().consents[0]).toMatchObject({ agreed: false, recordedBy: 'пациент по ссылке' });
    // A second mailing reaches no one now.
    expect((await chief('POST', '/api/mailings', { segment: { kind: 'all' }, channel: 'email', subject: 'Ещё', body: 'Текст' })).json().queued).toBe(0);
    expect((await chief('GET', '/api/mailings')).json().mailings[1]).toMatchObject({ subject, sent: 1 });
  });

  it('answers forged, damaged and unknown links with 4xx, never 500', async () => {
    const forged = await anon('GET', `/api/public/unsubscribe/01900000-0000-7000-8000-000000000000.${'A'.repeat(43)}`);
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain('Ссылка недействительна');
    expect((await anon('POST', `/api/public/visit/01900000-0000-7000-8000-000000000000.${'A'.repeat(43)}/confirm`)).statusCode).toBe(404);
    for (const bad of ['abc.def', 'x'.repeat(300), '%00', 'eyJrIjoicmVtaW5kIn0.forged']) {
      const r = await anon('GET', `/api/public/visit/${encodeURIComponent(bad)}`);
      expect(r.statusCode, bad).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, bad).toBeLessThan(500);
    }
  });

  it('reminds the day before by the confirmation rule; «Подтверждаю» confirms the visit once; «Перенести» asks the desk to call', async () => {
    expect((await owner('PUT', `/api/patients/${ids.none}/mailing-consents`, { channel: 'email', agreed: true })).statusCode).toBe(200);
    // «yes» unsubscribed by the link, then asked at the desk for e-mails again.
    expect((await owner('PUT', `/api/patients/${ids.yes}/mailing-consents`, { channel: 'email', agreed: true })).statusCode).toBe(200);
    const book = async (patientId: string, at: string) => {
      const r = await admin('POST', '/api/appointments', { patientId, doctorId: fx.belov, startsAt: msk('2026-11-25', at), kind: 'repeat' });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const v1 = await book(ids.none, '10:00');
    const v2 = await book(ids.yes, '11:00');
    const v3 = await book(ids.no, '12:00');
    // Off: nothing is queued.
    expect((await owner('POST', '/api/messages/dispatch')).json().reminders).toBe(0);
    await owner('PUT', '/api/messaging/settings', { remindersEmail: true, remindersSms: true });
    // Booked two days ahead (a visit booked the day before counts as confirmed): reminded on the evening before.
    expect((await owner('POST', '/api/messages/dispatch')).json().reminders).toBe(0);
    t.clock.advance(24 * 3600_000);
    await signInAll();
    const before = got.length;
    const d = (await owner('POST', '/api/messages/dispatch')).json();
    // «no» refused e-mails: no reminder either.
    // SMS: no gateway, so the three SMS reminders wait for a person (nobody refused SMS).
    expect(d).toMatchObject({ reminders: 5, sent: 2 });
    expect((await owner('POST', '/api/messages/dispatch')).json().reminders).toBe(0);
    const mails = got.slice(before);
    expect(mails.map((g) => g.to[0]).sort()).toEqual(['none@example.ru', 'yes@example.ru']);
    const mine = mails.find((g) => g.to[0] === 'none@example.ru')!;
    expect(header(mine.raw, 'Subject')).toBe('Напоминание о визите 25.11.2026 в 10:00');
    const text = bodyText(mine.raw);
    expect(text).toContain('Алёна Сергеевна, напоминаем: 25.11.2026 в 10:00 у Вас визит к доктору Белову Игорю (Санкт-Петербург, Невский пр., 1).');
    const link = linkOf(text, 'visit');
    const page = await anon('GET', link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Подтверждаю');
    expect(page.body).toContain('Перенести');
    expect(page.body).toContain('Белову Игорю');
    const ok = await anon('POST', `${link}/confirm`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Визит подтверждён');
    expect((await admin('GET', `/api/appointments/${v1}`)).json().status).toBe('confirmed');
    // Twice, or the other button afterwards: the first answer stands.
    expect((await anon('POST', `${link}/confirm`)).body).toContain('Визит подтверждён');
    expect((await anon('POST', `${link}/move`)).body).toContain('Визит подтверждён');
    const other = linkOf(bodyText(mails.find((g) => g.to[0] === 'yes@example.ru')!.raw), 'visit');
    const moved = await anon('POST', `${other}/move`);
    expect(moved.statusCode).toBe(200);
    expect(moved.body).toContain('Мы Вам перезвоним');
    const v2After = (await admin('GET', `/api/appointments/${v2}`)).json();
    expect(v2After).toMatchObject({ status: 'booked', needsCall: true });
    const cb = (await admin('GET', '/api/worklists/callbacks')).json();
    expect(JSON.stringify(cb)).toContain(ids.yes);
    expect((await admin('GET', `/api/appointments/${v3}`)).json().status).toBe('booked');
    // After the visit's start an unanswered link has expired; an answered one still shows its answer.
    const reminders = (await owner('GET', '/api/messages')).json().messages.filter((m: { purpose: string }) => m.purpose === 'reminder');
    expect(reminders.map((m: { channel: string; status: string }) => `${m.channel}:${m.status}`).sort()).toEqual(['email:sent', 'email:sent', 'sms:manual', 'sms:manual', 'sms:manual']);
    const unanswered = linkOf(reminders.find((m: { recipient: string }) => m.recipient === '+79215550001').body, 'visit');
    t.clock.advance(2 * 24 * 3600_000);
    try {
      expect((await anon('GET', other)).statusCode).toBe(200);
      expect((await anon('GET', other)).body).toContain('Мы Вам перезвоним');
      const late = await anon('POST', `${unanswered}/confirm`);
      expect(late.statusCode).toBe(410);
      expect(late.body).toContain('Срок действия ссылки истёк');
    } finally {
      t.clock.advance(-3 * 24 * 3600_000);
      await signInAll();
    }
  });

  it('loses no message of a server killed mid-send: the claimed row is taken again after the lease', async () => {
    await owner('PUT', `/api/patients/${ids.none}/mailing-consents`, { channel: 'email', agreed: true });
    const m = await chief('POST', '/api/mailings', { segment: { kind: 'all' }, channel: 'email', subject: 'Аренда', body: 'Текст' });
    expect(m.statusCode).toBe(201);
    // A server claims the message and dies before settling it: the row stays 'sending'.
    const claimed = await claimMessage(t.h, t.clock.now().toISOString(), new Date(t.clock.now().getTime() - MESSAGE_LEASE_MS).toISOString());
    expect(claimed?.status).toBe('sending');
    // The other patient's e-mail goes; the claimed one waits out the dead server's lease.
    expect((await chief('POST', '/api/messages/dispatch')).json().sent).toBe(1);
    expect((await chief('GET', '/api/messages')).json().messages.find((x: { id: string }) => x.id === claimed!.id).status).toBe('sending');
    t.clock.advance(MESSAGE_LEASE_MS + 1000);
    try {
      await signInAll();
      const before = got.length;
      expect((await chief('POST', '/api/messages/dispatch')).json().sent).toBe(1);
      expect(got.slice(before).some((g) => header(g.raw, 'Subject') === 'Аренда')).toBe(true);
      const row = (await chief('GET', '/api/messages?status=sent')).json().messages.find((x: { id: string }) => x.id === claimed!.id);
      expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      t.clock.advance(-(MESSAGE_LEASE_MS + 1000));
      await signInAll();
    }
  });

  it('sends SMS through an HTTP gateway when one is configured (the adapter), the token as a bearer and never shown', async () => {
    const hits: { auth: string | undefined; body: { to: string; text: string } }[] = [];
    const gw = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString('utf8')));
      req.on('end', () => { hits.push({ auth: req.headers.authorization, body: JSON.parse(data) }); res.writeHead(hits.length === 1 ? 503 : 200).end('{}'); });
    });
    await new Promise<void>((r) => gw.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(gw.address() as AddressInfo).port}/send`;
      const saved = await owner('PUT', '/api/messaging/settings', { smsDriver: 'http', smsUrl: url, smsToken: 'gw-Key_7.secret' });
      expect(saved.body).not.toContain('gw-Key_7.secret');
      // A header value is ASCII: a token in Cyrillic is refused at once, not at the first send.
      expect((await owner('PUT', '/api/messaging/settings', { smsToken: 'ключ' })).statusCode).toBe(400);
      expect(saved.json()).toMatchObject({ smsDriver: 'http', smsTokenSet: true });
      await owner('PUT', `/api/patients/${ids.yes}/mailing-consents`, { channel: 'sms', agreed: true });
      expect((await chief('POST', '/api/mailings', { segment: { kind: 'all' }, channel: 'sms', body: '{имя}, ждём Вас на осмотр.' })).json().queued).toBeGreaterThanOrEqual(1);
      // The gateway answers 503 first: the SMS waits and goes on the next attempt.
      expect((await chief('POST', '/api/messages/dispatch')).json().retried).toBe(1);
      t.clock.advance(2 * 60_000);
      await signInAll();
      await chief('POST', '/api/messages/dispatch');
      const ok = hits.filter((h) => h.body.to === '+79215550000');
      expect(ok.length).toBeGreaterThanOrEqual(1);
      expect(ok.at(-1)).toEqual({ auth: 'Bearer gw-Key_7.secret', body: { to: '+79215550000', text: 'Алёна Сергеевна, ждём Вас на осмотр.' } });
    } finally {
      await owner('PUT', '/api/messaging/settings', { smsDriver: 'outbox' });
      await new Promise<void>((r) => gw.close(() => r()));
    }
  });

  it('keeps SMS without a gateway in the outbox for a person, and retries a failing SMTP with backoff', async () => {
    await owner('PUT', `/api/patients/${ids.none}/mailing-consents`, { channel: 'sms', agreed: true });
    const m = await chief('POST', '/api/mailings', { segment: { kind: 'all' }, channel: 'sms', body: '{имя}, в декабре скидка на гигиену. {клиника}' });
    expect(m.json().queued).toBe(2);
    const list = { messages: (await chief('GET', '/api/messages?status=manual')).json().messages.filter((x: { purpose: string; recipient: string }) => x.purpose === 'mailing' && x.recipient === '+79215550002') };
    expect(list.messages).toHaveLength(1);
    expect(list.messages[0]).toMatchObject({ channel: 'sms', recipient: '+79215550002', status: 'manual' });
    expect((await chief('POST', '/api/messages/dispatch')).json().sent).toBe(0);
    const sent = await chief('POST', `/api/messages/${list.messages[0].id}/status`, { status: 'sent' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect((await chief('POST', `/api/messages/${list.messages[0].id}/status`, { status: 'sent' })).statusCode).toBe(409);
    expect((await chief('POST', '/api/messages/01900000-0000-7000-8000-000000000000/status', { status: 'sent' })).statusCode).toBe(404);
    // SMTP down: the message waits and is tried again later, not lost.
    await owner('PUT', `/api/patients/${ids.none}/mailing-consents`, { channel: 'email', agreed: true });
    await owner('PUT', '/api/messaging/settings', { smtpPort: 1 });
    expect((await chief('POST', '/api/mailings', { segment: { kind: 'all' }, channel: 'email', subject: 'Тема', body: 'Текст' })).json().queued).toBe(2);
    expect((await chief('POST', '/api/messages/dispatch')).json()).toMatchObject({ sent: 0, retried: 2 });
    const waiting = (await chief('GET', '/api/messages?status=pending')).json().messages[0];
    expect(waiting.attempts).toBe(1);
    expect(Date.parse(waiting.nextAttemptAt)).toBeGreaterThan(t.clock.now().getTime());
    expect((await chief('POST', '/api/messages/dispatch')).json().retried).toBe(0);
    await owner('PUT', '/api/messaging/settings', { smtpPort: port });
    t.clock.advance(2 * 60_000);
    expect((await chief('POST', '/api/messages/dispatch')).json().sent).toBe(2);
    expect((await chief('GET', '/api/messages?status=pending')).json().messages).toEqual([]);
  });
});
