import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { PASSWORD } from '../support/fixtures.js';
import { DIALECTS } from '../support/test-db.js';

describe.each(DIALECTS)('sign-in and sessions (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('signs in with an HttpOnly SameSite cookie stored hashed, and /me answers', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: t.fx.users.administrator.login, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'vizit_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
    const stored = await t.h.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.some((s) => s.token_hash === c.value)).toBe(false);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `vizit_session=${c.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.role).toBe('administrator');
    expect(me.json().permissions).toContain('patients.write');
    expect(me.json().permissions).not.toContain('audit.read');
  });

  it('login is case-insensitive; a wrong password is 401 problem+json in Russian and English', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: t.fx.users.dentist.login.toUpperCase(), password: 'wrong-password' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'invalid_credentials', detail_ru: 'Неверный логин или пароль', detail_en: 'Wrong login or password' });
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: t.fx.users.dentist.login.toUpperCase(), password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
  });

  it('anonymous requests get 401, writes without the CSRF token get 403', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/patients' })).statusCode).toBe(401);
    const s = await signIn(t.app, t.fx.users.administrator.login);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/patients', headers: { cookie: s.cookie }, payload: { surname: 'Иванов', firstName: 'Иван' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_failed');
    const bad = await t.app.inject({ method: 'POST', url: '/api/patients', headers: { cookie: s.cookie, 'x-csrf-token': 'x' + s.csrf.slice(1) }, payload: { surname: 'Иванов', firstName: 'Иван' } });
    expect(bad.statusCode).toBe(403);
    const good = await as(t.app, s)('POST', '/api/patients', { surname: 'Иванов', firstName: 'Иван' });
    expect(good.statusCode).toBe(201);
  });

  it('logout revokes the session', async () => {
    const s = await signIn(t.app, t.fx.users.assistant.login);
    const call = as(t.app, s);
    expect((await call('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await call('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await call('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('idle and absolute expiry end a session', async () => {
    const s = await signIn(t.app, t.fx.users.hygienist.login);
    const call = as(t.app, s);
    t.clock.advance(119 * 60_000);
    expect((await call('GET', '/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(119 * 60_000); // active within the idle window each time
    expect((await call('GET', '/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(121 * 60_000); // idle too long
    expect((await call('GET', '/api/auth/me')).statusCode).toBe(401);

    const s2 = await signIn(t.app, t.fx.users.hygienist.login);
    const call2 = as(t.app, s2);
    for (let i = 0; i < 11; i++) {
      t.clock.advance(60 * 60_000);
      expect((await call2('GET', '/api/auth/me')).statusCode).toBe(200);
    }
    t.clock.advance(61 * 60_000); // past 12 h since sign-in, though never idle
    expect((await call2('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('locks a login after 5 failures, with Retry-After, and lets it in after the lock', async () => {
    const login = t.fx.users.office_manager.login;
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: `bad-${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(16 * 60_000);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
  });

  it('changes the password: old one stops working, other sessions end', async () => {
    const login = t.fx.users.senior_nurse.login;
    const other = await signIn(t.app, login);
    const s = await signIn(t.app, login);
    const weak = await as(t.app, s)('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: '1234567890' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0].field).toBe('newPassword');
    const wrong = await as(t.app, s)('POST', '/api/auth/password', { currentPassword: 'nope-nope-nope', newPassword: 'Brand-new-pass-7' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const ok = await as(t.app, s)('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Brand-new-pass-7' });
    expect(ok.statusCode).toBe(200);
    expect((await as(t.app, other)('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await as(t.app, s)('GET', '/api/auth/me')).statusCode).toBe(200);
    const old = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
    expect(old.statusCode).toBe(401);
    await signIn(t.app, login, 'Brand-new-pass-7');
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
