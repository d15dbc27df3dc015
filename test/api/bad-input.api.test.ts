import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; enum?: unknown[]; format?: string };

const NASTY: unknown[] = [
  null, 0, -1, 1e308, true, [], {}, '', ' ', 'x'.repeat(20_000), "' OR 1=1 --", '"; drop table patients; --',
  '<script>alert(1)</script>', '\u0000', 'nul\u0000inside', '𝕍𝕚𝕫𝕚𝕥 🦷', '\u202Eтекст', 'a\u200Bb', '2026-13-45', '2026-02-30T25:61:00Z', '+7 (999) 000', '../../etc/passwd',
  '01900000-0000-7000-8000-000000000000', 'не-uuid',
];

/** Values of the wrong kind for each property, one property at a time, plus whole-body oddities. */
function bodies(schema: Schema | undefined): unknown[] {
  const out: unknown[] = [undefined, null, [], 'text', 42, { unknownField: 1 }];
  const props = schema?.properties ?? {};
  for (const key of Object.keys(props)) for (const v of NASTY) out.push({ [key]: v });
  return out;
}

describe.each(DIALECTS)('bad input on every route never yields a 5xx (%s)', (dialect) => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: Schema }> }; parameters?: { in: string; name: string }[] }>> };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    await scheduleFixture(t.app, t.fx);
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(() => t.close());

  it('answers problem+json 4xx to garbage in bodies, params and queries, as the owner and anonymously', async () => {
    const owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    const anon = as(t.app, null);
    let sent = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (path === '/api/events' || path === '/api/auth/logout' || path === '/api/auth/password') continue;
      for (const [method, op] of Object.entries(methods)) {
        const m = method.toUpperCase() as 'GET';
        const schema = op.requestBody?.content?.['application/json']?.schema;
        const urls = ['01900000-0000-7000-8000-000000000000', 'not-a-uuid', "1' or '1'='1", '%00', 'x'.repeat(300)].map((v) => path.replace(/\{[^}]+\}/g, encodeURIComponent(v)));
        const queries = ['', '?q=%00', '?limit=-1', '?date=2026-02-30', `?q=${encodeURIComponent("'; select 1; --")}`, '?year=abc', '?unknown=1'];
        const cases: [string, unknown][] = [];
        for (const u of urls) for (const q of queries) cases.push([u + q, undefined]);
        if (m !== 'GET' && m !== 'DELETE') for (const b of bodies(schema)) cases.push([urls[0], b]);
        for (const [url, body] of cases) {
          const res = await owner(m, url, body);
          sent++;
          expect(res.statusCode, `${m} ${url} ${JSON.stringify(body)?.slice(0, 80)} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
          // /api/public/* are pages for patients (a reminder's or an unsubscribe link): a link that is not the clinic's gets a Russian HTML page.
          const errorType = path.startsWith('/api/public/') ? /text\/html|application\/problem\+json/ : /application\/problem\+json/;
          if (res.statusCode >= 400) expect(res.headers['content-type'], `${m} ${url}`).toMatch(errorType);
        }
        const a = await anon(m, urls[0], {});
        expect(a.statusCode, `anonymous ${m} ${path}`).toBeLessThan(500);
        if (!path.startsWith('/api/auth/login') && path !== '/api/auth/session' && path !== '/api/health' && path !== '/api/openapi.json' && !path.startsWith('/api/ical') && !path.startsWith('/api/public/') && path !== '/api/telephony/events') {
          expect(a.statusCode, `anonymous ${m} ${path}`).toBe(401);
        }
      }
    }
    expect(sent).toBeGreaterThan(2000);
    // Thousands of requests over every route: minutes on a busy 2-core machine, not the default minute.
  }, 300_000);

  it('stores hostile strings verbatim and returns them as data, not markup', async () => {
    const admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    const r = await admin('POST', '/api/patients', { surname: '<img src=x onerror=alert(1)>', firstName: "O'Brien; DROP TABLE patients", patronymic: '𝕍 🦷' });
    expect(r.statusCode).toBe(201);
    const got = (await admin('GET', `/api/patients/${r.json().id}`)).json();
    expect(got.surname).toBe('<img src=x onerror=alert(1)>');
    expect(got.firstName).toBe("O'Brien; DROP TABLE patients");
    expect((await admin('GET', '/api/patients?q=' + encodeURIComponent('<img'))).json().items).toHaveLength(1);
  });
});
