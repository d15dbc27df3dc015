import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

/**
 * Issue 9 item 13: the web app asks "who is signed in?" on every start; for a signed-out visitor
 * that is a normal answer (200, me: null), not an error the browser logs. /auth/me stays the
 * signed-in user's resource (401 without a session).
 */
describe.each(DIALECTS)('GET /api/auth/session (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('answers a signed-out visitor 200 with me: null, and sets no cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ me: null });
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('answers an ended session with me: null and clears its cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: 'vizit_session=not-a-session' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ me: null });
    expect(String(res.headers['set-cookie'])).toMatch(/vizit_session=;/);
  });

  it('answers a signed-in user with the same body as /auth/me, and me: null after sign-out', async () => {
    const s = await signIn(t.app, t.fx.users.administrator.login);
    const call = as(t.app, s);
    const me = (await call('GET', '/api/auth/me')).json();
    const res = await call('GET', '/api/auth/session');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ me });
    expect(me.user.login).toBe(t.fx.users.administrator.login);
    expect((await call('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await call('GET', '/api/auth/session')).json()).toEqual({ me: null });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/auth/session'].get;
    expect(Object.keys(op.responses)).toEqual(['200']);
    expect(JSON.stringify(op.responses['200'])).toContain('csrfToken');
  });
});
