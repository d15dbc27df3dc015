import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

type Op = { security?: Record<string, string[]>[]; responses: Record<string, { description: string; content?: Record<string, { schema: { $ref?: string } }> }> };
type Doc = { paths: Record<string, Record<string, Op>>; components: { securitySchemes: Record<string, { type: string; in: string; name: string }>; schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> } };

const fourxx = (op: Op) => Object.keys(op.responses).filter((s) => s.startsWith('4')).sort();

/** The OpenAPI document tells an integrator how each operation is secured and how it fails. */
describe('OpenAPI: security and problem answers per operation', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(() => t.close());

  it('an authenticated route needs the session cookie and lists its 4xx as problem+json', () => {
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'vizit_session' });
    const patch = doc.paths['/api/patients/{id}'].patch;
    expect(patch.security).toEqual([{ session: [] }]);
    expect(fourxx(patch)).toEqual(['400', '401', '403', '404', '409']);
    for (const s of fourxx(patch)) {
      const content = patch.responses[s].content!;
      expect(Object.keys(content), s).toEqual(['application/problem+json']);
      expect(content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
      expect(patch.responses[s].description).toMatch(/[а-яё].* \/ [A-Za-z]/);
    }
    const problem = doc.components.schemas.Problem;
    expect(problem.required).toEqual(expect.arrayContaining(['code', 'detail', 'detail_ru', 'detail_en', 'errors']));
    // A list read: bad query, no session, no permission; nothing to conflict with or miss.
    expect(fourxx(doc.paths['/api/patients'].get)).toEqual(['400', '401', '403']);
    // Open to every signed-in user, no body or parameters: only the missing session.
    expect(fourxx(doc.paths['/api/auth/me'].get)).toEqual(['401']);
  });

  it('a public route needs no security and lists only what can happen to anyone', () => {
    const health = doc.paths['/api/health'].get;
    expect(health.security).toEqual([]);
    expect(fourxx(health)).toEqual([]);
    const login = doc.paths['/api/auth/login'].post;
    expect(login.security).toEqual([]);
    expect(fourxx(login)).toEqual(['400', '401', '409', '429']);
    const ical = doc.paths['/api/ical/{file}'].get;
    expect(ical.security).toEqual([]);
    expect(fourxx(ical)).toEqual(['400', '404']);
  });

  it('every operation declares its security, and the statuses follow it', () => {
    const access = new Map(t.app.routeAccess.map((r) => [`${r.method.toLowerCase()} ${r.url.replace(/:(\w+)/g, '{$1}')}`, r.access]));
    let n = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const a = access.get(`${method} ${path}`);
        expect(a, `${method} ${path}`).toBeDefined();
        n++;
        if (a === 'public') {
          expect(op.security, `${method} ${path}`).toEqual([]);
          expect(fourxx(op), `${method} ${path}`).not.toContain('403');
        } else {
          expect(op.security, `${method} ${path}`).toEqual([{ session: [] }]);
          expect(fourxx(op), `${method} ${path}`).toContain('401');
        }
        if (path.includes('{')) expect(fourxx(op), `${method} ${path}`).toContain('404');
        if (method !== 'get') expect(fourxx(op), `${method} ${path}`).toContain('409');
      }
    }
    expect(n).toBeGreaterThan(50);
  });

  it('the docs page serves the same document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/patients/{id}'].patch.security).toEqual([{ session: [] }]);
  });
});
