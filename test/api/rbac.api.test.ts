import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../../src/domain/permissions.js';
import { ROLES } from '../../src/domain/roles.js';
import { as, signIn, startTestApp, type Session, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

const SOME_ID = '01900000-0000-7000-8000-000000000000';

describe.each(DIALECTS)('permission matrix on every route (%s)', (dialect) => {
  let t: TestApp;
  const sessions = {} as Record<(typeof ROLES)[number], Session>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    for (const role of ROLES) sessions[role] = await signIn(t.app, t.fx.users[role].login);
  });
  afterAll(() => t.close());

  it('every /api route declares its access', () => {
    expect(t.app.routeAccess.length).toBeGreaterThan(20);
    for (const r of t.app.routeAccess) expect(r.access).toBeTruthy();
  });

  it('answers 403 to every role for every route its permissions do not cover, and not 403 otherwise', async () => {
    let denied = 0;
    let allowed = 0;
    for (const role of ROLES) {
      const call = as(t.app, sessions[role]);
      for (const r of t.app.routeAccess) {
        if (r.access === 'public' || r.url.includes('logout')) continue;
        // The event stream never ends by itself; its 403 is checked, its 200 lives in live.api.test.ts.
        if (r.url === '/api/events' && can(role, r.access)) continue;
        const url = r.url.replace(/:date/g, '2026-12-31').replace(/:[a-zA-Z]+/g, SOME_ID).replace(/\/calendar(\/reset)?$/, '/calendar$1?year=2026');
        const res = await call(r.method as 'GET', url, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        if (can(role, r.access)) {
          expect(res.statusCode, `${role} ${r.method} ${url}`).not.toBe(403);
          allowed++;
        } else {
          expect(res.statusCode, `${role} ${r.method} ${url}`).toBe(403);
          expect(res.json().code).toBe('forbidden');
          denied++;
        }
      }
    }
    expect(denied).toBeGreaterThan(50);
    expect(allowed).toBeGreaterThan(50);
  });

  it('a user of another clinic cannot see this clinic\'s patient (404, not the data)', async () => {
    const admin = as(t.app, sessions.administrator);
    const created = await admin('POST', '/api/patients', { surname: 'Чужой', firstName: 'Пациент' });
    expect(created.statusCode).toBe(201);
    const { seedClinic } = await import('../support/fixtures.js');
    const other = await seedClinic(t.h, 'Другая клиника');
    const foreign = as(t.app, await signIn(t.app, other.users.administrator.login));
    const res = await foreign('GET', `/api/patients/${created.json().id}`);
    expect(res.statusCode).toBe(404);
    const search = await foreign('GET', '/api/patients?q=Чужой');
    expect(search.json().items).toHaveLength(0);
    const patch = await foreign('PATCH', `/api/patients/${created.json().id}`, { note: 'x' });
    expect(patch.statusCode).toBe(404);
  });
});
