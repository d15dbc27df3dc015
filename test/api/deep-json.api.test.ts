import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

describe.each(DIALECTS)('deeply nested JSON bodies (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('anonymous sign-in answers 400 problem+json, never 500', async () => {
    for (const payload of [deep(5000), deepObject(5000), deep(100_000)]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      const p = res.json();
      expect(p.code).toBe('validation_failed');
      expect(p.detail_ru).toMatch(/вложен/);
      expect(p.detail_en).toMatch(/nest/i);
      expect(p.errors[0].field).toBe('body');
    }
  });

  it('an authenticated body route answers 400 too, and ordinary bodies still work', async () => {
    const admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    const res = await admin('POST', '/api/patients', deep(5000), { 'content-type': 'application/json' });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    // Brackets and braces inside strings are text, not nesting.
    const ok = await admin('POST', '/api/patients', { surname: '['.repeat(50) + '{'.repeat(50), firstName: 'Анна' });
    expect(ok.statusCode, ok.body).toBe(201);
    // Nesting within the limit is parsed as before (and refused by the schema, not the guard).
    const nested = await admin('POST', '/api/patients', JSON.stringify({ surname: 'Иванов', phones: deepArrayValue(20) }), { 'content-type': 'application/json' });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().errors.some((e: { field: string }) => e.field.startsWith('phones'))).toBe(true);
  });

  it('malformed and empty JSON keep their existing answers', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"login": ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail_en).toMatch(/Malformed JSON/);
    const proto = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"__proto__": {"x": 1}, "login": "a", "password": "b"}' });
    expect(proto.statusCode).toBe(400);
  });
});

function deepArrayValue(n: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = [v];
  return v;
}
