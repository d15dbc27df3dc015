import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/demo/demo-staff.js';
import { buildApp } from '../../src/server/app.js';
import { isLoopbackHost, loadConfig } from '../../src/server/config.js';
import { bootstrap } from '../../src/services/bootstrap.service.js';
import { as, signIn, startTestApp } from '../support/app.js';
import { DIALECTS, freshDb, type TestDb } from '../support/test-db.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const NEW_PASSWORD = 'violet-harbour-quartz-7291';

describe('where the server listens', () => {
  it('listens on loopback unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({}).exposed).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', exposed: true });
    expect(loadConfig({ HOST: '::1' }).exposed).toBe(false);
    // Behind a reverse proxy on loopback the clinic's network still reaches it.
    expect(loadConfig({ VIZIT_TRUST_PROXY: '1' }).exposed).toBe(true);
    for (const h of ['127.0.0.1', '127.0.0.2', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.5', 'clinic.local', '']) expect(isLoopbackHost(h), h).toBe(false);
  });
});

describe.each(DIALECTS)('the demo clinic when exposed on purpose (%s)', (dialect) => {
  let h: TestDb | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await h?.cleanup();
    app = h = undefined;
  });

  const start = async () => {
    app = await buildApp({ h: h!, clock: () => NOW, loginRateLimit: false });
    await app.ready();
    return app;
  };
  const meOf = async (a: FastifyInstance, login: string) => {
    const s = await signIn(a, login, DEMO_PASSWORD);
    return { s, me: (await as(a, s)('GET', '/api/auth/me')).json() };
  };

  it('a first start on a non-loopback address makes every demo account change its published password', async () => {
    h = await freshDb(dialect);
    const boot = await bootstrap(h, { demo: true, exposed: true, now: NOW, demoPatients: 30 });
    expect(boot.kind).toBe('demo');
    expect(boot.mustChangePassword).toContain('admin');
    const a = await start();
    for (const login of ['owner', 'admin', 'dentist']) {
      const { s, me } = await meOf(a, login);
      expect(me.user.mustChangePassword, login).toBe(true);
      expect(me.clinic.demo).toBe(true);
      expect((await as(a, s)('GET', '/api/patients')).statusCode, login).toBe(403);
    }
  });

  it('a demo created on loopback is forced to change the passwords once the server is exposed; changed ones stay', async () => {
    h = await freshDb(dialect);
    await bootstrap(h, { demo: true, exposed: false, now: NOW, demoPatients: 30 });
    let a = await start();
    const admin = await meOf(a, 'admin');
    expect(admin.me.user.mustChangePassword).toBe(false);
    expect(admin.me.clinic.demo).toBe(true);
    const owner = await meOf(a, 'owner');
    const changed = await as(a, owner.s)('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.statusCode, changed.body).toBe(200);
    await a.close();

    const again = await bootstrap(h, { demo: true, exposed: true, now: NOW });
    expect(again.kind).toBe('existing');
    expect(again.mustChangePassword).toContain('admin');
    expect(again.mustChangePassword).not.toContain('owner');
    a = await start();
    expect((await meOf(a, 'admin')).me.user.mustChangePassword).toBe(true);
    const ownerAgain = await signIn(a, 'owner', NEW_PASSWORD);
    expect((await as(a, ownerAgain)('GET', '/api/auth/me')).json().user.mustChangePassword).toBe(false);
  });

  it('a real clinic is not a demo and is left alone', async () => {
    const t = await startTestApp(dialect);
    try {
      const s = await signIn(t.app, t.fx.users.administrator.login);
      expect((await as(t.app, s)('GET', '/api/auth/me')).json().clinic.demo).toBe(false);
      expect((await bootstrap(t.h, { demo: true, exposed: true, now: NOW })).mustChangePassword).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
