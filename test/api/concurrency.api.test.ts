import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, signIn, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

describe.each(DIALECTS)('no double-booking under concurrency, over real HTTP (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('50 parallel attempts at one slot: exactly one 201, the rest 409', async () => {
    const s = await signIn(t.app, t.fx.users.administrator.login);
    const attempts = Array.from({ length: 50 }, (_, i) =>
      fetch(`${base}/api/appointments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
        // Different patients and shifted starts: every attempt overlaps the 10:00-11:00 visit of another.
        body: JSON.stringify({ kind: 'repeat', patientId: f.patients[i % 4], doctorId: f.orlova, startsAt: msk('2026-11-25', i % 2 ? '10:00' : '10:30'), durationMin: 60 }),
      }).then((r) => r.status),
    );
    const codes = await Promise.all(attempts);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    const rows = await t.h.db.selectFrom('appointments').select(['starts_at']).where('doctor_id', '=', f.orlova).execute();
    expect(rows).toHaveLength(1);
    const audit = await t.h.db.selectFrom('audit_log').select('object_id').where('object_type', '=', 'appointment').execute();
    expect(audit).toHaveLength(1);
  });

  it('delivers a booking to another open screen as a server-sent event', async () => {
    const s = await signIn(t.app, t.fx.users.dentist.login);
    const ctrl = new AbortController();
    const res = await fetch(`${base}/api/events`, { headers: { cookie: s.cookie }, signal: ctrl.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const seen: string[] = [];
    const reading = (async () => {
      const dec = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        seen.push(dec.decode(value));
        if (seen.join('').includes('event: appointment')) return;
      }
    })();
    await new Promise((r) => setTimeout(r, 700));
    const admin = await signIn(t.app, t.fx.users.administrator.login);
    const booked = await fetch(`${base}/api/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: JSON.stringify({ kind: 'checkup', patientId: f.patients[0], doctorId: f.orlova, startsAt: msk('2026-11-26', '16:00') }),
    });
    const id = (await booked.json()).id;
    await Promise.race([reading, new Promise((_, rej) => setTimeout(() => rej(new Error('no event in 5 s')), 5000))]);
    ctrl.abort();
    expect(seen.join('')).toContain(`"id":"${id}"`);
  });
});
