import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at 2026-11-23 09:00 UTC; events are dated around it.
const isProblem = (r: { headers: Record<string, unknown> }) => /application\/problem\+json/.test(String(r.headers['content-type']));

describe.each(DIALECTS)('the telephony webhook (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let secret: string;
  const now = () => Math.floor(t.clock.t / 1000);
  const send = (body: unknown, o: { secret?: string; ts?: number; sig?: string | null; clinic?: string } = {}) => {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const ts = String(o.ts ?? now());
    const sig = o.sig === undefined ? `sha256=${createHmac('sha256', o.secret ?? secret).update(`${ts}.${raw}`).digest('hex')}` : o.sig;
    return t.app.inject({
      method: 'POST', url: '/api/telephony/events', payload: raw,
      headers: { 'content-type': 'application/json', 'x-vizit-clinic': o.clinic ?? t.fx.clinicId, 'x-vizit-timestamp': ts, ...(sig !== null && { 'x-vizit-signature': sig }) },
    });
  };
  const ev = (event: string, callId: string, atIso: string, extra: object = {}) => ({ event, callId, from: '8 (921) 000-00-00', to: '+78120000000', line: 'desk-1', at: atIso, ...extra });
  const callsOf = async (pbx: string) => t.h.db.selectFrom('calls').selectAll().where('pbx_call_id', '=', pbx).execute();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
  }, 60_000);
  afterAll(() => t.close());

  it('the owner generates the secret (shown once) and maps lines to branches; the administrator may not', async () => {
    expect((await f.admin('POST', '/api/telephony/secret')).statusCode).toBe(403);
    expect((await f.admin('GET', '/api/telephony/settings')).statusCode).toBe(403);
    const r = await f.owner('POST', '/api/telephony/secret');
    expect(r.statusCode, r.body).toBe(200);
    secret = r.json().secret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const foreign = await f.owner('PUT', '/api/telephony/lines', { lines: [{ line: 'desk-1', branchId: newId() }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('lines.0.branchId');
    const saved = await f.owner('PUT', '/api/telephony/lines', { lines: [{ line: 'desk-1', branchId: t.fx.branchId }] });
    expect(saved.statusCode, saved.body).toBe(200);
    const s = (await f.owner('GET', '/api/telephony/settings')).json();
    expect(s).toMatchObject({ hasSecret: true, lines: [{ line: 'desk-1', branchId: t.fx.branchId }] });
    expect(JSON.stringify(s)).not.toContain(secret);
  });

  it('a bad, missing or foreign-secret signature and a stale timestamp answer 401 problem+json and record nothing', async () => {
    const body = ev('ringing', 'bad-1', '2026-11-23T09:00:00.000Z');
    for (const r of [
      await send(body, { sig: null }),
      await send(body, { sig: 'sha256=' + '0'.repeat(64) }),
      await send(body, { sig: 'garbage' }),
      await send(body, { secret: 'another secret' }),
      await send(body, { ts: now() - 301 }),
      await send(body, { ts: now() + 301 }),
      await send(body, { clinic: newId() }),
      await send(body, { clinic: 'not-an-id' }),
    ]) {
      expect(r.statusCode, r.body).toBe(401);
      expect(isProblem(r)).toBe(true);
    }
    expect(await callsOf('bad-1')).toHaveLength(0);
  });

  it('ringing creates one incoming call with the caller matched by phone in any form, announced live; a repeat changes nothing', async () => {
    const r = await send(ev('ringing', 'pbx-1', '2026-11-23T09:00:00.000Z'));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().duplicate).toBe(false);
    const again = await send(ev('ringing', 'pbx-1', '2026-11-23T09:00:00.000Z'));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ callId: r.json().callId, duplicate: true });
    const rows = await callsOf('pbx-1');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: r.json().callId, direction: 'in', phone: '+79210000000', patient_id: f.patients[0], branch_id: t.fx.branchId, outcome: 'unfilled' });
    const live = await t.h.db.selectFrom('live_events').selectAll().where('kind', '=', 'call.ringing').execute();
    expect(live.filter((l) => JSON.parse(l.payload_json).callId === r.json().callId)).toHaveLength(1);
    expect(JSON.parse(live.at(-1)!.payload_json)).toMatchObject({ branchId: t.fx.branchId, patientId: f.patients[0] });
    await send(ev('answered', 'pbx-1', '2026-11-23T09:00:04.000Z'));
    await send(ev('ended', 'pbx-1', '2026-11-23T09:02:04.000Z'));
    await send(ev('ended', 'pbx-1', '2026-11-23T09:02:04.000Z'));
    const done = (await callsOf('pbx-1'))[0]!;
    expect(done).toMatchObject({ answer_sec: 4, duration_sec: 120 });
    const view = await f.admin('GET', `/api/calls/${done.id}`);
    expect(view.json()).toMatchObject({ answerSec: 4, durationSec: 120, outcome: 'unfilled' });
  });

  it('events out of order: the end before the answer first reads as missed, then the answer fills the figures in', async () => {
    expect((await send(ev('ended', 'pbx-2', '2026-11-23T09:01:10.000Z', { from: '+7 999 111-22-33' }))).statusCode).toBe(200);
    expect((await callsOf('pbx-2'))[0]).toMatchObject({ outcome: 'missed', patient_id: null, phone: '+79991112233' });
    await send(ev('ringing', 'pbx-2', '2026-11-23T09:00:00.000Z', { from: '+7 999 111-22-33' }));
    await send(ev('answered', 'pbx-2', '2026-11-23T09:00:10.000Z', { from: '+7 999 111-22-33' }));
    const rows = await callsOf('pbx-2');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'unfilled', answer_sec: 10, duration_sec: 60 });
    expect(new Date(rows[0]!.started_at).toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('a line not mapped to the clinic, garbage and a malformed event answer 4xx problem+json, never 500', async () => {
    const foreign = await send(ev('ringing', 'pbx-3', '2026-11-23T09:00:00.000Z', { line: 'other-clinic-line' }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('line');
    for (const body of ['{', 'null', '[]', '{"event":"ringing"}', JSON.stringify(ev('hangup', 'x', '2026-11-23T09:00:00.000Z')), JSON.stringify(ev('ringing', 'x', 'yesterday')), JSON.stringify(ev('ringing', 'x', '2020-01-01T00:00:00Z'))]) {
      const r = await send(body);
      expect(r.statusCode, body).toBe(400);
      expect(isProblem(r)).toBe(true);
    }
    expect(await callsOf('pbx-3')).toHaveLength(0);
  });

  it('a rotated secret replaces the old one at once', async () => {
    const old = secret;
    secret = (await f.owner('POST', '/api/telephony/secret')).json().secret;
    expect((await send(ev('ringing', 'pbx-4', '2026-11-23T09:00:00.000Z'), { secret: old })).statusCode).toBe(401);
    expect((await send(ev('ringing', 'pbx-4', '2026-11-23T09:00:00.000Z'))).statusCode).toBe(200);
  });
  it('the card popped by the ring completes the same call row with the booking: one call, booked, the PBX figures kept', async () => {
    const ring = await send(ev('ringing', 'pbx-5', '2026-11-23T09:00:00.000Z'));
    const callId = ring.json().callId;
    await send(ev('answered', 'pbx-5', '2026-11-23T09:00:03.000Z'));
    const booked = await f.admin('POST', '/api/appointments', { kind: 'primary', patientId: f.patients[0], doctorId: f.orlova, startsAt: '2026-11-25T07:00:00.000Z' });
    expect(booked.statusCode, booked.body).toBe(201);
    const body = { callId, callerType: 'primary', purpose: 'booking', patientId: f.patients[0], outcome: 'booked', appointmentId: booked.json().id, startedAt: '2026-11-23T09:00:03.000Z' };
    const r = await f.admin('POST', '/api/calls', body);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ id: callId, outcome: 'booked', answerSec: 3, appointmentId: booked.json().id });
    expect(await callsOf('pbx-5')).toHaveLength(1);
    expect((await f.admin('POST', '/api/calls', body)).statusCode).toBe(409);
    await send(ev('ended', 'pbx-5', '2026-11-23T09:01:03.000Z'));
    expect((await callsOf('pbx-5'))[0]).toMatchObject({ outcome: 'booked', duration_sec: 60 });
    expect((await f.admin('POST', '/api/calls', { ...body, callId: newId() })).statusCode).toBe(400);
  });
});
