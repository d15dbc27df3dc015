import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchFiscal, FISCAL_LEASE_MS } from '../../src/services/fiscal-dispatch.service.js';
import { atolWebDriver, noneDriver } from '../../src/services/fiscal-drivers.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';
import { generateMoney } from '../support/money-data.js';
import { scheduleFixture } from '../support/schedule-fixture.js';

/**
 * A local stand-in for ATOL Web Server over real HTTP: accepts tasks (409 for a known uuid),
 * answers «inProgress» once, then «ready» with a fiscal sign; amounts of 1,00 ₽ are refused.
 */
function atolPeer() {
  const tasks = new Map<string, { body: { request: { total: number; type: string }[] }; polls: number }>();
  const posts: string[] = [];
  let down = false;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const send = (status: number, body?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      if (down) return send(503, {});
      if (req.method === 'POST' && req.url === '/api/v2/requests') {
        const body = JSON.parse(raw);
        posts.push(body.uuid);
        if (tasks.has(body.uuid)) return send(409, { error: { code: 409, description: 'Задание с таким uuid уже существует' } });
        tasks.set(body.uuid, { body, polls: 0 });
        return send(201);
      }
      const m = /^\/api\/v2\/requests\/(.+)$/.exec(req.url ?? '');
      if (req.method === 'GET' && m) {
        const t = tasks.get(decodeURIComponent(m[1]!));
        if (!t) return send(404, {});
        if (t.polls++ === 0) return send(200, { results: [{ status: 'inProgress', errorCode: 0 }] });
        if (t.body.request[0]!.total === 1) return send(200, { results: [{ status: 'error', errorCode: 68, errorDescription: 'Неверная сумма' }] });
        return send(200, { results: [{ status: 'ready', errorCode: 0, result: { fiscalParams: { fiscalDocumentNumber: tasks.size, fiscalDocumentSign: String(1000000000 + posts.length) } } }] });
      }
      send(404, {});
    });
  });
  return {
    tasks, posts,
    setDown: (v: boolean) => (down = v),
    async start() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.each(DIALECTS)('fiscal outbox on %s', (dialect) => {
  let t: TestApp;
  let owner: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let gen: Awaited<ReturnType<typeof generateMoney>>;
  const peer = atolPeer();
  let url: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.t = Date.parse('2026-11-10T09:00:00Z');
    const f = await scheduleFixture(t.app, t.fx);
    owner = f.owner;
    admin = f.admin;
    gen = await generateMoney(t.h, t.fx, { doctors: [f.orlova, f.belov], patients: f.patients, days: ['2026-11-02', '2026-11-03', '2026-11-04'], seed: 5 });
    url = await peer.start();
  });
  afterAll(async () => {
    await peer.close();
    await t?.close();
  });

  it('without a register every receipt waits, visible to the administrator and management', async () => {
    expect(await dispatchFiscal(t.h, noneDriver, t.clock.now)).toEqual({ done: 0, rejected: 0, unavailable: 0 });
    const r = await admin('GET', '/api/fiscal-outbox?limit=100');
    expect(r.statusCode).toBe(200);
    const fiscal = gen.payments.filter((p) => p.method === 'cash' || p.method === 'card');
    expect(r.json().driver).toBe('none');
    expect(r.json().counts).toEqual({ pending: fiscal.length });
    expect(r.json().items[0]).toMatchObject({ status: 'pending', attempts: 0 });
    const one = await owner('GET', `/api/fiscal-outbox/${r.json().items[0].id}`);
    expect(one.json().registerTask).toMatchObject({ items: [{ tax: { type: 'none' } }] });
    const office = as(t.app, await signIn(t.app, t.fx.users.office_manager.login));
    expect((await office('GET', '/api/fiscal-outbox')).statusCode).toBe(403);
  });

  it('the register offline: rows stay waiting with the error and the attempt counted', async () => {
    peer.setDown(true);
    const s = await dispatchFiscal(t.h, atolWebDriver({ url, pollMs: 5, timeoutMs: 2000 }), t.clock.now);
    peer.setDown(false);
    expect(s).toEqual({ done: 0, rejected: 0, unavailable: 1 });
    const items = (await admin('GET', '/api/fiscal-outbox?status=pending&limit=100')).json().items;
    const tried = items.filter((i: { attempts: number }) => i.attempts === 1);
    expect(tried).toHaveLength(1);
    expect(tried[0].lastError).toContain('HTTP 503');
  });

  it('two dispatchers at once (two app servers) never send one receipt twice', async () => {
    const other = { ...t.h };
    const d1 = atolWebDriver({ url, pollMs: 2, timeoutMs: 5000 });
    const d2 = atolWebDriver({ url, pollMs: 2, timeoutMs: 5000 });
    const [a, b] = await Promise.all([dispatchFiscal(t.h, d1, t.clock.now, 1000), dispatchFiscal(other, d2, t.clock.now, 1000)]);
    const fiscal = gen.payments.filter((p) => p.method === 'cash' || p.method === 'card');
    expect(a.done + b.done).toBe(fiscal.length);
    expect(a.done).toBeGreaterThan(0);
    expect(b.done).toBeGreaterThan(0);
    expect(peer.posts.length).toBe(new Set(peer.posts).size);
    expect(peer.tasks.size).toBe(fiscal.length);
    const list = (await owner('GET', '/api/fiscal-outbox?limit=100')).json();
    expect(list.counts).toEqual({ done: fiscal.length });
    expect(list.items.every((i: { fiscalSign: string }) => /^ФД \d+, ФП \d{10}$/.test(i.fiscalSign))).toBe(true);
  });

  it('a stuck «sent» row is taken again after the lease under the same uuid: the register answers with the first receipt', async () => {
    const row = await t.h.db.selectFrom('fiscal_outbox').selectAll().orderBy('created_at').executeTakeFirstOrThrow();
    await t.h.db.updateTable('fiscal_outbox').set({ status: 'sent', fiscal_sign: null }).where('id', '=', row.id).execute();
    const driver = atolWebDriver({ url, pollMs: 2, timeoutMs: 2000 });
    expect((await dispatchFiscal(t.h, driver, t.clock.now)).done).toBe(0);
    const later = () => new Date(t.clock.t + FISCAL_LEASE_MS + 1000);
    expect((await dispatchFiscal(t.h, driver, later)).done).toBe(1);
    expect(peer.tasks.size).toBe(new Set(peer.posts).size);
    expect(peer.posts.filter((u) => u === row.id)).toHaveLength(2);
    const again = await t.h.db.selectFrom('fiscal_outbox').select(['status', 'fiscal_sign']).where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(again.status).toBe('done');
  });

  it('a refused receipt fails visibly; «Повторить» and «Пробит вручную» with a reason, audited', async () => {
    const row = await t.h.db.selectFrom('fiscal_outbox').selectAll().orderBy('created_at').executeTakeFirstOrThrow();
    const doc = JSON.parse(row.payload_json);
    const cheap = { ...doc, total: 100, items: [{ ...doc.items[0], price: 100, amount: 100 }], payment: { ...doc.payment, amount: 100 } };
    const id = '01930000-0000-7000-8000-000000000001';
    await t.h.db.insertInto('fiscal_outbox').values({ ...row, id, payment_id: gen.payments.find((p) => p.method === 'transfer')!.id, payload_json: JSON.stringify(cheap), status: 'pending', attempts: 0, fiscal_sign: null, created_at: '2026-11-09T10:00:00.000Z' }).execute();
    const s = await dispatchFiscal(t.h, atolWebDriver({ url, pollMs: 2, timeoutMs: 2000 }), t.clock.now);
    expect(s.rejected).toBe(1);
    let item = (await admin('GET', `/api/fiscal-outbox/${id}`)).json();
    expect(item).toMatchObject({ status: 'failed', attempts: 1, lastError: 'ATOL error 68: Неверная сумма' });
    expect((await admin('POST', `/api/fiscal-outbox/${id}/retry`)).json().status).toBe('pending');
    const noReason = await admin('POST', `/api/fiscal-outbox/${id}/manual`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    item = (await admin('POST', `/api/fiscal-outbox/${id}/manual`, { reason: 'Касса была без связи, чек пробит на кассе', fiscalSign: '2876543210' })).json();
    expect(item).toMatchObject({ status: 'manual', fiscalSign: '2876543210' });
    expect(item.lastError).toContain('Касса была без связи');
    expect((await admin('POST', `/api/fiscal-outbox/${id}/retry`)).statusCode).toBe(409);
    const audit = await t.h.db.selectFrom('audit_log').select('action').where('object_id', '=', id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['fiscal_manual', 'fiscal_retry']);
    expect((await admin('GET', '/api/fiscal-outbox/01930000-0000-7000-8000-0000000000ff')).statusCode).toBe(404);
  });
});

