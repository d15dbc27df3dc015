import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as repo from '../../src/db/repos/statistics.repo.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

// The heavy pass of the dashboard (the period's visits grouped by status, doctor and chair) is
// counted: once per computation of the summary.
vi.mock('../../src/db/repos/statistics.repo.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/db/repos/statistics.repo.js')>();
  return { ...m, visitAggregates: vi.fn(m.visitAggregates) };
});
const heavy = vi.mocked(repo.visitAggregates);
const original = heavy.getMockImplementation()!;

const N = 8;
const PATH = '/api/statistics?from=2026-01-01&to=2026-12-31';

interface Answer {
  status: number;
  body: string;
}

/** Open keep-alive sockets to the server, each answering the one request written to it. */
async function sockets(port: number, n: number) {
  const list = await Promise.all(Array.from({ length: n }, () => new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  })));
  // Let the server accept every connection before anything is written.
  await new Promise((r) => setTimeout(r, 50));
  return list.map((s) => ({
    write: (cookie: string) => s.write(`GET ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\n\r\n`),
    answer: new Promise<Answer>((resolve, reject) => {
      let text = '';
      s.setEncoding('utf8');
      s.on('data', (chunk: string) => {
        text += chunk;
        const head = text.indexOf('\r\n\r\n');
        const len = /content-length: (\d+)/i.exec(text.slice(0, head));
        if (head >= 0 && len && Buffer.byteLength(text.slice(head + 4)) >= Number(len[1])) {
          s.destroy();
          resolve({ status: Number(text.slice(9, 12)), body: text.slice(head + 4) });
        }
      });
      s.once('error', reject);
    }),
  }));
}

/**
 * N requests on N open keep-alive sockets, written in one tick: the bytes of all of them are in
 * the server's sockets before it reads any — the 09:00 case of every desk opening the dashboard.
 */
async function burst(port: number, cookies: string[]): Promise<Answer[]> {
  const list = await sockets(port, cookies.length);
  list.forEach((s, i) => s.write(cookies[i]!));
  return Promise.all(list.map((s) => s.answer));
}

describe.each(DIALECTS)('the dashboard: identical concurrent requests share one computation (%s)', (dialect) => {
  let t: TestApp;
  let port: number;
  let owner: string;
  let chief: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = (await signIn(t.app, t.fx.users.owner.login)).cookie;
    chief = (await signIn(t.app, t.fx.users.chief_doctor.login)).cookie;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    heavy.mockClear();
  });

  it(`${N} requests of the same period by two users, on the wire at once: one pass over the visits, the same answer to all`, async () => {
    const answers = await burst(port, Array.from({ length: N }, (_, i) => (i % 2 ? chief : owner)));
    expect(answers.map((a) => a.status)).toEqual(Array(N).fill(200));
    expect(new Set(answers.map((a) => JSON.parse(a.body).visits.total)).size).toBe(1);
    expect(heavy).toHaveBeenCalledTimes(1);
  });

  it('a request that comes while the computation runs joins it (on SQLite the server reads it between the statements)', async () => {
    const [a, b] = await sockets(port, 2);
    // The second desk asks once the first computation has begun its pass over the visits.
    heavy.mockImplementationOnce((...args) => {
      b!.write(chief);
      return original(...args);
    });
    a!.write(owner);
    const answers = await Promise.all([a!.answer, b!.answer]);
    expect(answers.map((x) => x.status)).toEqual([200, 200]);
    expect(answers[1]!.body).toBe(answers[0]!.body);
    expect(heavy).toHaveBeenCalledTimes(1);
  });

  it('nothing is kept once it is answered: the next request computes afresh', async () => {
    const ask = as(t.app, { cookie: owner, csrf: '' });
    expect((await ask('GET', PATH)).statusCode).toBe(200);
    expect((await ask('GET', PATH)).statusCode).toBe(200);
    expect(heavy).toHaveBeenCalledTimes(2);
  });

  it('a different period or branch is a computation of its own', async () => {
    const ask = as(t.app, { cookie: owner, csrf: '' });
    const [a, b, c] = await Promise.all([ask('GET', PATH), ask('GET', '/api/statistics?from=2026-01-01&to=2026-06-30'), ask('GET', `${PATH}&branchId=${t.fx.branchId}`)]);
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([200, 200, 200]);
    expect(heavy).toHaveBeenCalledTimes(3);
  });
});
