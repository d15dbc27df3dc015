import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

describe.each(DIALECTS)('health, API docs and migrations (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('reports health with the engine', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', engine: dialect });
  });

  it('publishes OpenAPI generated from the schemas, and the docs page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/patients', '/api/patients/{id}', '/api/auth/login', '/api/audit']));
    expect(doc.paths['/api/patients'].post.requestBody.content['application/json'].schema.properties.surname.maxLength).toBe(100);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers unknown API addresses with problem+json 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', detail_ru: 'Адрес не найден' });
  });

  it('has applied every migration and enforces the schema rules of the engine', async () => {
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(t.h.db);
    expect(rows.rows.map((r) => r.name)).toEqual(['001-foundation', '002-schedule', '003-day-index', '004-retention', '005-auth-throttle', '008-patient-search', '009-desk-cover', '010-price-list', '011-opening-checklist', '012-incidents', '013-money', '014-insurance', '016-team', '017-worklists', '018-call-desk', '020-statistics-indexes', '021-telephony', '023-surveys', '024-service-card-regulation', '025-documents', '026-mailings', '028-user-branch', '031-insurer-rejections', '032-questionnaire-answers', '034-reminder-visit-time']);
    // Foreign keys are on (SQLite needs the pragma).
    await expect(
      t.h.db.insertInto('chairs').values({ id: 'x', clinic_id: t.fx.clinicId, branch_id: 'no-such-branch', name: 'x', is_active: 1 }).execute(),
    ).rejects.toThrow();
    if (dialect === 'sqlite') {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(t.h.db);
      expect(['wal', 'memory']).toContain(mode.rows[0].journal_mode);
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(t.h.db);
      expect(sync.rows[0].synchronous).toBe(2);
    }
  });
});

describe('serving the web app', () => {
  it('serves index.html for / and client routes, files as they are, 404 for a missing asset, never a 500', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizit-web-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Визит</title>');
    const t = await startTestApp('sqlite', { webDir: dir });
    try {
      for (const url of ['/', '/patients', '/schedule?date=2026-11-23']) {
        const r = await t.app.inject({ method: 'GET', url });
        expect(r.statusCode, url).toBe(200);
        expect(r.body).toContain('<title>Визит</title>');
      }
      // A bundle built after the start is served at once.
      fs.writeFileSync(path.join(dir, 'assets', 'app-1.js'), 'console.log(1)');
      const js = await t.app.inject({ method: 'GET', url: '/assets/app-1.js' });
      expect(js.statusCode).toBe(200);
      expect(js.headers['content-type']).toContain('javascript');
      expect((await t.app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: '/assets' })).statusCode).toBeLessThan(500);
    } finally {
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
