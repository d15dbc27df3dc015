import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';
import { dispatchMessages } from '../../src/services/message-dispatch.service.js';

describe.each(DIALECTS)('mailings (REC-4) over a real local SMTP server (%s)', (dialect) => {
  let t: TestApp;
  let owner: ReturnType<typeof as>;
  const got: { to: string[]; data: string }[] = [];
  let smtp: SMTPServer;
  let port = 0;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => { got.push({ to: session.envelope.rcptTo.map((r) => r.address), data }); cb(); });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => { await new Promise<void>((r) => smtp.close(() => r())); await t.close(); });

  it('records consents, hides the SMTP password, answers a forged link with a 4xx, dispatches without failure', async () => {
    const mk = async (surname: string, email: string) => (await owner('POST', '/api/patients', { surname, firstName: 'Анна', email, phones: [{ number: `+7921000${String(got.length + surname.length).padStart(4, '0')}` }] })).json().id as string;
    const yes = await mk('Согласная', 'yes@example.ru');
    const no = await mk('Отказавшаяся', 'no@example.ru');
    await mk('Безответная', 'none@example.ru');
    expect((await owner('PUT', `/api/patients/${yes}/mailing-consents`, { channel: 'email', agreed: true })).statusCode).toBe(200);
    expect((await owner('PUT', `/api/patients/${no}/mailing-consents`, { channel: 'email', agreed: false })).statusCode).toBe(200);
    const s = await owner('PUT', '/api/messaging/settings', { smtpHost: '127.0.0.1', smtpPort: port, smtpFrom: 'clinic@example.ru', smtpPassword: 'secret-pass' });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.body).not.toContain('secret-pass');
    expect(s.json().smtpPasswordSet).toBe(true);
    const forged = await t.app.inject({ method: 'GET', url: '/api/public/visit/eyJrIjoicmVtaW5kIn0.forged' });
    expect(forged.statusCode).toBeGreaterThanOrEqual(400);
    expect(forged.statusCode).toBeLessThan(500);
    const forgedUnsub = await t.app.inject({ method: 'POST', url: '/api/public/unsubscribe/abc.def' });
    expect(forgedUnsub.statusCode).toBe(404);
    const stats = await dispatchMessages(t.h, () => new Date());
    expect(stats.failed).toBe(0);
  });
});
