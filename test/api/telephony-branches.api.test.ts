import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { as, signIn, startTestApp, type Session, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

/** Polls a condition (no fixed sleeps): the vitest timeout bounds it. */
async function waitFor(cond: () => boolean) {
  while (!cond()) await new Promise((r) => setTimeout(r, 50));
}

// The ring pops the call card only on the desks of the line's branch; a member with no branch gets every ring.
describe.each(DIALECTS)('the telephony ring reaches the line’s branch only (%s)', (dialect) => {
  let t: TestApp;
  let owner: ReturnType<typeof as>;
  let secret: string;
  let second: string;
  const sessions: Record<string, Session> = {};

  const send = (body: object) => {
    const raw = JSON.stringify(body);
    const ts = String(Math.floor(t.clock.t / 1000));
    const sig = `sha256=${createHmac('sha256', secret).update(`${ts}.${raw}`).digest('hex')}`;
    return t.app.inject({ method: 'POST', url: '/api/telephony/events', payload: raw, headers: { 'content-type': 'application/json', 'x-vizit-clinic': t.fx.clinicId, 'x-vizit-timestamp': ts, 'x-vizit-signature': sig } });
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    const b = await owner('POST', '/api/branches', { name: 'на Московском', address: 'Санкт-Петербург, Московский пр., 1' });
    expect(b.statusCode, b.body).toBe(201);
    second = b.json().id;
    secret = (await owner('POST', '/api/telephony/secret')).json().secret;
  }, 60_000);
  afterAll(() => t.close());

  it('a staff member’s branch is set and cleared from the staff list; another clinic’s or an unknown branch is refused', async () => {
    const set = await owner('PATCH', `/api/staff/${t.fx.users.administrator.id}`, { branchId: t.fx.branchId });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().branchId).toBe(t.fx.branchId);
    expect((await owner('PATCH', `/api/staff/${t.fx.users.senior_nurse.id}`, { branchId: second })).json().branchId).toBe(second);
    const bad = await owner('PATCH', `/api/staff/${t.fx.users.senior_nurse.id}`, { branchId: newId() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('branchId');
    const list = (await owner('GET', '/api/staff')).json();
    const items = (list.items ?? list) as { id: string; branchId: string | null }[];
    expect(items.find((u) => u.id === t.fx.users.chief_doctor.id)!.branchId).toBeNull();
  });

  it('lines typed as numbers in any Russian form are kept as E.164 and match the PBX’s own form', async () => {
    const r = await owner('PUT', '/api/telephony/lines', { lines: [{ line: '8 (812) 100-00-01', branchId: t.fx.branchId }, { line: 'trunk-moskovsky', branchId: second }] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().lines.map((l: { line: string }) => l.line).sort()).toEqual(['+78121000001', 'trunk-moskovsky']);
    const dup = await owner('PUT', '/api/telephony/lines', { lines: [{ line: '8 812 100-00-01', branchId: t.fx.branchId }, { line: '+7 812 100 00 01', branchId: second }] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0].field).toBe('lines.1.line');
  });

  it('the ring on a line pops on its branch’s desks and on those with no branch, not on the other branch’s', async () => {
    for (const role of ['administrator', 'senior_nurse', 'chief_doctor'] as const) sessions[role] = await signIn(t.app, t.fx.users[role].login);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    const text: Record<string, string> = { administrator: '', senior_nurse: '', chief_doctor: '' };
    const reqs = Object.keys(text).map((role) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { cookie: sessions[role]!.cookie } });
      req.on('response', (res) => { res.setEncoding('utf8'); res.on('data', (c: string) => (text[role] += c)); });
      return req;
    });
    try {
      await waitFor(() => Object.values(text).every((s) => s.includes('retry:')));
      const at = new Date(t.clock.t).toISOString();
      const main = await send({ event: 'ringing', callId: 'ring-main', from: '+7 921 555-00-01', line: '+78121000001', at });
      expect(main.statusCode, main.body).toBe(200);
      const other = await send({ event: 'ringing', callId: 'ring-second', from: '+7 921 555-00-02', line: 'trunk-moskovsky', at });
      expect(other.statusCode, other.body).toBe(200);
      const [m, o] = [main.json().callId as string, other.json().callId as string];
      // One poll fans an event out to every open screen: once the chief doctor has both, the others have had theirs.
      await waitFor(() => text.chief_doctor!.includes(m) && text.chief_doctor!.includes(o));
      await waitFor(() => text.administrator!.includes(m) && text.senior_nurse!.includes(o));
      expect(text.administrator).not.toContain(o);
      expect(text.senior_nurse).not.toContain(m);
    } finally {
      for (const r of reqs) r.destroy();
    }
  }, 60_000);
});
