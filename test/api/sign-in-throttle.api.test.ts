import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { PASSWORD } from '../support/fixtures.js';
import { DIALECTS } from '../support/test-db.js';

/** A stranger must not be able to lock staff out (issue 8, item 6): two source addresses on loopback. */
describe.each(DIALECTS)('sign-in throttle per login and address (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  const attempt = (login: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, remoteAddress });

  it('50 wrong passwords on the owner from 127.0.0.2: that pair is stopped, the owner signs in from 127.0.0.1', async () => {
    const owner = t.fx.users.owner.login;
    const codes: number[] = [];
    for (let i = 0; i < 50; i++) codes.push((await attempt(owner, `guess-${i}`, '127.0.0.2')).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(codes.slice(5))).toEqual(new Set([429]));
    // The attacker's pair is not even checked, the right password included: guessing from it has stopped.
    const stopped = await attempt(owner, PASSWORD, '127.0.0.2');
    expect(stopped.statusCode).toBe(429);
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(0);
    expect(stopped.json().detail_ru).toMatch(/^Слишком много неудачных попыток входа под этим логином с этого адреса\. Повторите через \d+ мин\.$/);
    expect((await attempt(owner, PASSWORD, '127.0.0.1')).statusCode).toBe(200);
    // Refused attempts tested nothing and do not count: 5 failures stored, not 50.
    const stored = await t.h.db.selectFrom('login_attempts').select('id').where('login', '=', owner).where('ip', '=', '127.0.0.2').execute();
    expect(stored).toHaveLength(5);
    t.clock.advance(16 * 60_000);
    expect((await attempt(owner, PASSWORD, '127.0.0.2')).statusCode).toBe(200);
  });

  it('a login attacked from many addresses is slowed, not locked: a clean address gets in, failing ones wait sooner', async () => {
    const chief = t.fx.users.chief_doctor.login;
    for (let i = 3; i < 13; i++) expect((await attempt(chief, `guess-${i}`, `127.0.0.${i}`)).statusCode).toBe(401);
    // Under attack a failing pair waits after 2 wrong passwords instead of 5.
    expect((await attempt(chief, 'guess-again', '127.0.0.3')).statusCode).toBe(401);
    expect((await attempt(chief, PASSWORD, '127.0.0.3')).statusCode).toBe(429);
    // The chief's own desk: one typo is forgiven, the right password is checked and let in.
    expect((await attempt(chief, 'typo-typo-typo', '127.0.0.1')).statusCode).toBe(401);
    expect((await attempt(chief, PASSWORD, '127.0.0.1')).statusCode).toBe(200);
  });

  it('an address failing on many logins (one NAT for the clinic) does not lock a colleague out, and its own guesses wait sooner', async () => {
    const nat = '127.0.0.20';
    for (let i = 0; i < 30; i++) expect((await attempt(`nobody-${i}`, 'wrong-password', nat)).statusCode).toBe(401);
    expect((await attempt(t.fx.users.administrator.login, PASSWORD, nat)).statusCode).toBe(200);
    const nurse = t.fx.users.senior_nurse.login;
    expect((await attempt(nurse, 'wrong-1', nat)).statusCode).toBe(401);
    expect((await attempt(nurse, 'wrong-2', nat)).statusCode).toBe(401);
    expect((await attempt(nurse, PASSWORD, nat)).statusCode).toBe(429);
    // The nurse at another desk is not affected by the guesses at her login from that address.
    expect((await attempt(nurse, PASSWORD, '127.0.0.1')).statusCode).toBe(200);
  });

  it('a browser that signed in before keeps its way in while its login is guessed from the same NAT address', async () => {
    const nat = '127.0.0.30';
    const dentist = t.fx.users.dentist.login;
    const first = await attempt(dentist, PASSWORD, nat);
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name === 'vizit_device')!;
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth/login' });
    const withDevice = (password: string, value = device.value) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: dentist, password }, remoteAddress: nat, headers: { cookie: `vizit_device=${value}` } });
    // Someone behind the same address guesses the dentist's password: that (login, address) pair stops.
    for (let i = 0; i < 5; i++) expect((await attempt(dentist, `guess-${i}`, nat)).statusCode).toBe(401);
    expect((await attempt(dentist, PASSWORD, nat)).statusCode).toBe(429);
    expect((await withDevice(PASSWORD, 'x'.repeat(43))).statusCode).toBe(429);
    // The dentist's own browser is counted on its own and gets in.
    expect((await withDevice(PASSWORD)).statusCode).toBe(200);
    // A browser is a pair too: guessing from it stops after 5.
    for (let i = 0; i < 5; i++) expect((await withDevice(`guess-${i}`)).statusCode).toBe(401);
    const stopped = await withDevice(PASSWORD);
    expect(stopped.statusCode).toBe(429);
    expect(stopped.json().detail_ru).toMatch(/под этим логином в этом браузере/);
  });

  it('parallel guesses from one pair cannot slip under the limit while passwords are hashed', async () => {
    const login = t.fx.users.assistant.login;
    const codes = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(login, `parallel-${i}`, '127.0.0.99').then((r) => r.statusCode)));
    expect(codes.filter((c) => c !== 401 && c !== 429)).toEqual([]);
    // Racing attempts may be refused rather than checked, never the other way: 5 checked guesses in all.
    let checked = codes.filter((c) => c === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    for (let i = 0; i < 6; i++) {
      const code = (await attempt(login, `sequential-${i}`, '127.0.0.99')).statusCode;
      if (code === 401) checked++;
      else expect(code).toBe(429);
    }
    expect(checked).toBe(5);
    expect((await attempt(login, PASSWORD, '127.0.0.99')).statusCode).toBe(429);
  });

  it('old attempts are forgotten: failures after a day, successes after the device cookie\'s year; recent ones stay', async () => {
    t.clock.advance(2 * 86_400_000);
    const now = t.clock.now().getTime();
    const at = (ms: number) => new Date(now - ms).toISOString();
    const rows = [
      { id: 'prune-recent-failure', login: 'made-up-1', ip: '127.0.0.9', at: at(3_600_000), success: 0 as const, device: null },
      { id: 'prune-ancient-success', login: t.fx.users.owner.login, ip: '127.0.0.9', at: at(401 * 86_400_000), success: 1 as const, device: 'x'.repeat(64) },
      { id: 'prune-young-success', login: t.fx.users.owner.login, ip: '127.0.0.9', at: at(300 * 86_400_000), success: 1 as const, device: 'y'.repeat(64) },
    ];
    await t.h.db.insertInto('login_attempts').values(rows).execute();
    const oldFailures = () => t.h.db.selectFrom('login_attempts').select('id').where('success', '=', 0).where('at', '<', at(86_400_000)).execute();
    expect((await oldFailures()).length).toBeGreaterThan(30); // the guesses of the tests above, two days ago
    expect((await attempt('made-up-2', 'wrong-password', '127.0.0.9')).statusCode).toBe(401);
    expect(await oldFailures()).toEqual([]);
    const left = (await t.h.db.selectFrom('login_attempts').select('id').where('id', 'like', 'prune-%').execute()).map((r) => r.id).sort();
    expect(left).toEqual(['prune-recent-failure', 'prune-young-success']);
  });
});

/** Over real HTTP with the per-request limiter on, as in production: the attacker's address is 127.0.0.2. */
describe.each(DIALECTS)('sign-in throttle over real HTTP from two addresses (%s)', (dialect) => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    const app = await buildApp({ h: t.h, clock: t.clock.now, loginRateLimit: { max: 20, timeWindow: '1 minute' } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
    const close = t.close;
    t.close = async () => {
      await app.close();
      await close();
    };
  });
  afterAll(() => t.close());

  const post = (login: string, password: string, localAddress: string) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ login, password });
      const req = http.request(
        { host: '127.0.0.1', port, localAddress, method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('30 guesses on the owner from 127.0.0.2: the owner gets in from 127.0.0.1, a colleague from 127.0.0.2', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) codes.push(await post(t.fx.users.owner.login, `guess-${i}`, '127.0.0.2'));
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(codes.slice(5))).toEqual(new Set([429]));
    expect(await post(t.fx.users.owner.login, PASSWORD, '127.0.0.1')).toBe(200);
    expect(await post(t.fx.users.dentist.login, PASSWORD, '127.0.0.2')).toBe(200);
  });
});
