import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { seedSecondClinic } from '../support/second-clinic.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at 2026-11-23 09:00 UTC (12:00 Moscow).
const NOW = '2026-11-23T09:00:00.000Z';
const isProblem = (r: { headers: Record<string, unknown> }) => /application\/problem\+json/.test(String(r.headers['content-type']));

describe.each(DIALECTS)('incidents at the desk, DESK-5 (%s)', (dialect) => {
  let t: TestApp;
  let admin: ReturnType<typeof as>;
  let owner: ReturnType<typeof as>;
  let dentist: ReturnType<typeof as>;
  let nurse: ReturnType<typeof as>;
  let office: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
    nurse = as(t.app, await signIn(t.app, t.fx.users.senior_nurse.login));
    office = as(t.app, await signIn(t.app, t.fx.users.office_manager.login));
  }, 60_000);
  afterAll(() => t.close());

  it('the desk reports, notes and resolves; everyone sees it open; the log shows it resolved with its timeline', async () => {
    const r = await admin('POST', '/api/incidents', {
      branchId: t.fx.branchId, kind: 'equipment', equipment: 'compressor', description: 'Компрессор не набирает давление', affectsVisits: true, startedAt: '2026-11-23T11:30:00+03:00',
    });
    expect(r.statusCode, r.body).toBe(201);
    const inc = r.json();
    expect(inc).toMatchObject({ kind: 'equipment', equipment: 'compressor', affectsVisits: true, startedAt: '2026-11-23T08:30:00.000Z', loggedAt: NOW, resolvedAt: null, downtimeMinutes: 30, notes: [] });
    expect(inc.loggedBy.id).toBe(t.fx.users.administrator.id);
    // A doctor must know the compressor is down; so must the office manager.
    for (const who of [dentist, office]) {
      const open = await who('GET', '/api/incidents');
      expect(open.statusCode, open.body).toBe(200);
      expect(open.json().items.map((i: { id: string }) => i.id)).toEqual([inc.id]);
    }
    t.clock.advance(10 * 60_000);
    const note = await admin('POST', `/api/incidents/${inc.id}/notes`, { text: 'Вызвали техника, приедет к 13:00' });
    expect(note.statusCode, note.body).toBe(200);
    expect(note.json().notes).toMatchObject([{ text: 'Вызвали техника, приедет к 13:00', userId: t.fx.users.administrator.id, at: '2026-11-23T09:10:00.000Z' }]);
    t.clock.advance(50 * 60_000);
    const done = await admin('POST', `/api/incidents/${inc.id}/resolve`, { resolution: 'Техник заменил фильтр' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ resolvedAt: '2026-11-23T10:00:00.000Z', resolution: 'Техник заменил фильтр', downtimeMinutes: 90, resolvedBy: { id: t.fx.users.administrator.id } });
    // Resolved: off everyone's open list, into the owner's log and report.
    expect((await dentist('GET', '/api/incidents')).json().items).toEqual([]);
    const log = (await owner('GET', '/api/incidents?status=all')).json();
    expect(log.items.map((i: { id: string }) => i.id)).toContain(inc.id);
    expect(log.summary).toContainEqual({ kind: 'equipment', count: 1, downtimeMinutes: 90 });
    // Read-only but for a note: a second resolution is refused, a later note is kept.
    const again = await admin('POST', `/api/incidents/${inc.id}/resolve`, { resolution: 'Ещё раз' });
    expect(again.statusCode).toBe(409);
    expect(isProblem(again)).toBe(true);
    expect(again.json().detail_ru).toBe('Инцидент уже устранён');
    const late = await admin('POST', `/api/incidents/${inc.id}/notes`, { text: 'Через час давление в норме' });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json().notes).toHaveLength(2);
    const audit = (await owner('GET', '/api/audit?limit=100')).json().items.filter((e: { objectId: string }) => e.objectId === inc.id);
    expect(audit).toHaveLength(4);
    // Other screens learn of it live: one event per change, the last one says it is closed.
    const events = await t.h.db.selectFrom('live_events').select(['kind', 'payload_json']).where('clinic_id', '=', t.fx.clinicId).where('kind', '=', 'incident').orderBy('seq').execute();
    expect(events.map((e) => JSON.parse(e.payload_json))).toEqual([
      { id: inc.id, branchId: t.fx.branchId, open: true }, { id: inc.id, branchId: t.fx.branchId, open: true },
      { id: inc.id, branchId: t.fx.branchId, open: false }, { id: inc.id, branchId: t.fx.branchId, open: false },
    ]);
  });

  it('open first, newest first; filters by branch, kind and period', async () => {
    t.clock.advance(60 * 60_000);
    const old = (await admin('POST', '/api/incidents', { branchId: t.fx.branchId, kind: 'power', description: 'Отключили свет во всём здании', startedAt: '2026-11-20T10:00:00+03:00' })).json();
    await admin('POST', `/api/incidents/${old.id}/resolve`, { resolution: 'Включили', resolvedAt: '2026-11-20T11:00:00+03:00' });
    const a = (await admin('POST', '/api/incidents', { branchId: t.fx.branchId, kind: 'internet', description: 'Нет интернета', startedAt: '2026-11-22T10:00:00+03:00' })).json();
    const b = (await admin('POST', '/api/incidents', { branchId: t.fx.branchId, kind: 'phone', description: 'Не работает телефон' })).json();
    const log = (await owner('GET', '/api/incidents?status=all')).json().items.map((i: { id: string }) => i.id);
    expect(log.slice(0, 2)).toEqual([b.id, a.id]);
    expect(log.at(-1)).toBe(old.id);
    expect((await owner('GET', '/api/incidents?status=all&kind=power')).json().items.map((i: { id: string }) => i.id)).toEqual([old.id]);
    // Clinic-local days: 2026-11-20 Moscow holds the power cut only.
    expect((await owner('GET', '/api/incidents?status=all&from=2026-11-20&to=2026-11-21')).json().items.map((i: { id: string }) => i.id)).toEqual([old.id]);
    expect((await owner('GET', `/api/incidents?status=all&branchId=${t.fx.branchId}`)).json().items).toHaveLength(4);
    for (const id of [a.id, b.id]) await admin('POST', `/api/incidents/${id}/resolve`, { resolution: 'Починили' });
  });

  it('rules: not resolved before it started, not started in the future, equipment named; bad input is problem+json by field', async () => {
    const inc = (await admin('POST', '/api/incidents', { branchId: t.fx.branchId, kind: 'water', description: 'Нет воды' })).json();
    const before = await admin('POST', `/api/incidents/${inc.id}/resolve`, { resolution: 'Дали воду', resolvedAt: '2026-11-20T10:00:00Z' });
    expect(before.statusCode).toBe(400);
    expect(before.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'resolvedAt', message_ru: 'Сбой не может быть устранён раньше, чем начался' }] });
    const cases: [object, string][] = [
      [{ branchId: t.fx.branchId, kind: 'power', description: 'Свет', startedAt: '2027-01-01T10:00:00Z' }, 'startedAt'],
      [{ branchId: t.fx.branchId, kind: 'equipment', description: 'Сломалось' }, 'equipment'],
      [{ branchId: t.fx.branchId, kind: 'power', equipment: 'xray', description: 'Свет' }, 'equipment'],
      [{ branchId: t.fx.branchId, kind: 'flood', description: 'Потоп' }, 'kind'],
      [{ branchId: t.fx.branchId, kind: 'power', description: '   ' }, 'description'],
      [{ branchId: t.fx.branchId, kind: 'power', description: 'Свет', extra: 1 }, ''],
      [{ branchId: '0190a0b0-0000-7000-8000-000000000000', kind: 'power', description: 'Свет' }, 'branchId'],
    ];
    for (const [body, field] of cases) {
      const r = await admin('POST', '/api/incidents', body);
      expect(r.statusCode, `${JSON.stringify(body)} → ${r.body}`).toBe(400);
      expect(isProblem(r)).toBe(true);
      expect(r.json().detail_ru).toBeTruthy();
      if (field) expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await admin('POST', `/api/incidents/${inc.id}/notes`, { text: '' })).statusCode).toBe(400);
    expect((await admin('GET', '/api/incidents?from=2026-13-01')).statusCode).toBe(400);
    await admin('POST', `/api/incidents/${inc.id}/resolve`, { resolution: 'Дали воду' });
  });

  it('permissions: doctors, nurse and office manager read but do not report; a nurse covering the desk does; the whole log is management’s', async () => {
    // The clock moved on by hours above: fresh sessions.
    for (const [role, set] of [['administrator', (x: typeof admin) => (admin = x)], ['owner', (x: typeof admin) => (owner = x)], ['dentist', (x: typeof admin) => (dentist = x)], ['senior_nurse', (x: typeof admin) => (nurse = x)], ['office_manager', (x: typeof admin) => (office = x)]] as const) {
      set(as(t.app, await signIn(t.app, t.fx.users[role].login)));
    }
    const body = { branchId: t.fx.branchId, kind: 'phone', description: 'Телефон молчит' };
    for (const who of [dentist, nurse, office]) expect((await who('POST', '/api/incidents', body)).statusCode).toBe(403);
    for (const who of [admin, dentist, office]) expect((await who('GET', '/api/incidents?status=all')).statusCode).toBe(403);
    expect((await as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login))('GET', '/api/incidents?status=all')).statusCode).toBe(200);
    expect((await nurse('POST', '/api/desk-cover')).statusCode).toBe(200);
    const r = await nurse('POST', '/api/incidents', body);
    expect(r.statusCode, r.body).toBe(201);
    expect((await nurse('POST', `/api/incidents/${r.json().id}/resolve`, { resolution: 'Перезагрузили АТС' })).statusCode).toBe(200);
    await nurse('DELETE', '/api/desk-cover');
    expect((await nurse('POST', '/api/incidents', body)).statusCode).toBe(403);
    // Resolved ones are the log's: a doctor does not open them one by one either.
    expect((await dentist('GET', `/api/incidents/${r.json().id}`)).statusCode).toBe(404);
    expect((await owner('GET', `/api/incidents/${r.json().id}`)).statusCode).toBe(200);
  });

  it('another clinic sees none of it and reaches none of it', async () => {
    const mine = (await admin('POST', '/api/incidents', { branchId: t.fx.branchId, kind: 'internet', description: 'Нет интернета: роутер' })).json();
    const B = await seedSecondClinic(t.app, t.h, 'Инцидент-Б', 9_100_001);
    const bOwner = as(t.app, await signIn(t.app, B.fx.users.owner.login));
    const bAdmin = as(t.app, await signIn(t.app, B.fx.users.administrator.login));
    expect((await bOwner('GET', '/api/incidents?status=all')).json().items.map((i: { id: string }) => i.id)).not.toContain(mine.id);
    for (const [m, url, body] of [['GET', `/api/incidents/${mine.id}`], ['POST', `/api/incidents/${mine.id}/notes`, { text: 'Чужое' }], ['POST', `/api/incidents/${mine.id}/resolve`, { resolution: 'Чужое' }]] as const) {
      const r = await bAdmin(m, url, body);
      expect(r.statusCode, `${m} ${url}`).toBe(404);
      expect(isProblem(r)).toBe(true);
    }
    // Nor can B report into A's branch.
    expect((await bAdmin('POST', '/api/incidents', { branchId: t.fx.branchId, kind: 'power', description: 'Чужой филиал' })).statusCode).toBe(400);
    expect((await admin('GET', `/api/incidents/${mine.id}`)).json().notes).toEqual([]);
  }, 60_000);
});
