import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type RouteAccess } from '../../src/domain/permissions.js';
import { ROLES, type Role } from '../../src/domain/roles.js';
import { signIn, startTestApp, type Session, type TestApp } from '../support/app.js';
import { scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

type Schema = { properties?: Record<string, unknown> };
type Op = { requestBody?: { content?: Record<string, { schema: Schema }> } };

/** A few values of the wrong kind, cycled over a body's properties (the full sweep as the owner lives in bad-input.api.test.ts). */
const NASTY: unknown[] = [null, 'x'.repeat(5000), '<script>alert(1)</script>', -1, {}, "' OR 1=1 --", '\u0000', [], '2026-02-30', '𝕍 🦷'];
const PARAMS = ['01900000-0000-7000-8000-000000000000', 'not-a-uuid', "1' or '1'='1"];
const QUERIES = ['', '?date=2026-02-30&limit=-1', `?q=${encodeURIComponent('%00<svg onload=1>')}&year=abc`];
/** Never sent by the sweep: signing out would end the session the rest of the sweep uses. */
const SKIP = new Set(['POST /api/auth/logout']);

function bodies(schema: Schema | undefined): { payload: unknown; raw?: string }[] {
  const out: { payload: unknown; raw?: string }[] = [{ payload: undefined }, { payload: [] }, { payload: { unknownField: 1 } }, { payload: undefined, raw: '{"broken": ' }];
  Object.keys(schema?.properties ?? {}).slice(0, 6).forEach((key, i) => {
    out.push({ payload: { [key]: NASTY[i % NASTY.length] } }, { payload: { [key]: NASTY[(i + 5) % NASTY.length] } });
  });
  return out;
}

describe.each(DIALECTS)('bad input as every role: no 5xx, problem+json, 403 before the body (%s)', (dialect) => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Op>> };
  const sessions = {} as Record<Role, Session>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    await scheduleFixture(t.app, t.fx);
    for (const role of ROLES) sessions[role] = await signIn(t.app, t.fx.users[role].login);
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  }, 120_000);
  afterAll(() => t?.close());

  const accessOf = (method: string, path: string): RouteAccess => {
    const url = path.replace(/\{(\w+)\}/g, ':$1');
    const r = t.app.routeAccess.find((x) => x.method === method && x.url === url);
    if (!r) throw new Error(`no declared access for ${method} ${url}`);
    return r.access;
  };

  it.each(ROLES)('%s', async (role) => {
    const s = sessions[role];
    let denied = 0;
    let sent = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(methods)) {
        const method = m.toUpperCase() as 'GET';
        if (SKIP.has(`${method} ${path}`)) continue;
        const access = accessOf(method, path);
        const allowed = can(role, access);
        // The event stream of an allowed role never ends; its refusal to the others is checked.
        if (path === '/api/events' && allowed) continue;
        const urls = PARAMS.map((v) => path.replace(/\{[^}]+\}/g, encodeURIComponent(v)));
        const cases: { url: string; payload?: unknown; raw?: string }[] = [];
        for (const u of urls) for (const q of QUERIES) cases.push({ url: u + q });
        if (method !== 'GET' && method !== 'DELETE') for (const b of bodies(op.requestBody?.content?.['application/json']?.schema)) cases.push({ url: urls[0], ...b });
        for (const c of cases) {
          const res: LightMyRequestResponse = await t.app.inject({
            method,
            url: c.url,
            ...(c.raw !== undefined ? { body: c.raw } : { payload: c.payload as object }),
            headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(c.raw !== undefined && { 'content-type': 'application/json' }) },
          });
          sent++;
          const what = `${role} ${method} ${c.url.slice(0, 120)} ${c.raw ?? JSON.stringify(c.payload)?.slice(0, 60)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          expect(res.statusCode, what).toBeLessThan(500);
          // /api/public/* are pages for patients: a link that is not the clinic's (cut, garbled) gets a Russian HTML page, as in bad-input.api.test.ts.
          if (res.statusCode >= 400) expect(res.headers['content-type'], what).toMatch(path.startsWith('/api/public/') ? /text\/html|application\/problem\+json/ : /application\/problem\+json/);
          if (!allowed) {
            // Refused on the permission alone, whatever the parameters and body: nothing about the route leaks.
            expect(res.statusCode, what).toBe(403);
            expect(res.json().code, what).toBe('forbidden');
            denied++;
          } else if (path === '/api/telephony/events') {
            // The PBX's webhook knows no sessions: without the clinic's signature every body is refused.
            expect(res.statusCode, what).toBe(401);
          } else {
            expect(res.statusCode, what).not.toBe(401);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(400);
    if (role !== 'owner' && role !== 'chief_doctor') expect(denied).toBeGreaterThan(50);
  });
});
