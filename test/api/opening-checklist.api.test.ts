import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST_ITEMS } from '../../src/domain/opening-checklist.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

// Moscow is UTC+3 all year: 08:40 in the clinic is 05:40Z. The test clock starts on Monday 2026-11-23.
const at = (date: string, hhmm: string) => Date.parse(`${date}T${hhmm}:00+03:00`);
type Day = { items: { itemId: string; text: string; doneAt: string | null; doneBy: { name: string } | null; note: string | null }[]; [k: string]: unknown };

describe.each(DIALECTS)('the daily opening checklist, DESK-1 (%s)', (dialect) => {
  let t: TestApp;
  let owner: ReturnType<typeof as>;
  let chief: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let dentist: ReturnType<typeof as>;
  let office: ReturnType<typeof as>;
  let second: string;
  const ticks = async () => (await t.h.db.selectFrom('audit_log').select('action').where('action', 'in', ['checklist_tick', 'checklist_untick', 'checklist_note']).execute()).length;

  /** Sessions end when the clock jumps days ahead: sign in again at the new time. */
  const signInAll = async () => {
    owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
    office = as(t.app, await signIn(t.app, t.fx.users.office_manager.login));
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    await signInAll();
    // A second branch that opens at 10:00 every day of the week.
    const b = await owner('POST', '/api/branches', { name: 'Васильевский', address: 'СПб, 7-я линия, 2', hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '10:00', closes: '20:00' })) });
    expect(b.statusCode, b.body).toBe(201);
    second = b.json().id;
  });
  afterAll(() => t.close());

  it('a branch starts with the seed’s six items; the desk reads today’s list, a doctor only while standing in', async () => {
    t.clock.t = at('2026-11-23', '08:40');
    await signInAll();
    const r = await admin('GET', `/api/opening-checklist?branchId=${t.fx.branchId}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ date: '2026-11-23', isToday: true, opensAt: '09:00', status: 'in_progress', openedAt: null, completedAt: null });
    expect(r.json().items.map((i: { text: string }) => i.text)).toEqual([...DEFAULT_CHECKLIST_ITEMS]);
    expect(r.json().items[3].text).toBe('Проверить наличие чистых бахил');
    expect((await dentist('GET', '/api/opening-checklist')).statusCode).toBe(403);
    expect((await office('GET', '/api/opening-checklist')).statusCode).toBe(403);
    expect((await dentist('POST', '/api/desk-cover')).statusCode).toBe(200);
    expect((await dentist('GET', '/api/opening-checklist')).statusCode).toBe(200);
    expect((await dentist('DELETE', '/api/desk-cover')).statusCode).toBe(200);
    // Items and the report are management's.
    expect((await admin('GET', '/api/opening-checklist/items')).statusCode).toBe(403);
    expect((await admin('GET', '/api/opening-checklist/report?from=2026-11-23')).statusCode).toBe(403);
    expect((await admin('PUT', '/api/opening-checklist/items', { branchId: t.fx.branchId, items: [{ text: 'x' }] })).statusCode).toBe(403);
  });

  it('ticks and unticks idempotently, each change audited once; a note explains an item that could not be done', async () => {
    const items = (await admin('GET', '/api/opening-checklist')).json().items as Day['items'];
    const [first, booklets] = items;
    const before = await ticks();
    const one = await admin('PUT', `/api/opening-checklist/items/${first.itemId}/today`, { done: true });
    expect(one.statusCode, one.body).toBe(200);
    const d1: Day = one.json();
    expect(d1.items[0]).toMatchObject({ doneAt: new Date(at('2026-11-23', '08:40')).toISOString(), doneBy: { name: expect.any(String) } });
    expect(d1).toMatchObject({ openedAt: new Date(at('2026-11-23', '08:40')).toISOString(), openedBy: { userId: t.fx.users.administrator.id } });
    t.clock.advance(60_000);
    const again: Day = (await admin('PUT', `/api/opening-checklist/items/${first.itemId}/today`, { done: true })).json();
    expect(again.items[0].doneAt).toBe(d1.items[0].doneAt);
    expect(await ticks()).toBe(before + 1);
    expect((await admin('PUT', `/api/opening-checklist/items/${first.itemId}/today`, { done: false })).json().items[0].doneAt).toBeNull();
    expect((await admin('PUT', `/api/opening-checklist/items/${first.itemId}/today`, { done: false })).statusCode).toBe(200);
    expect(await ticks()).toBe(before + 2);
    const noted: Day = (await admin('PUT', `/api/opening-checklist/items/${booklets.itemId}/today`, { done: false, note: '  буклеты закончились ' })).json();
    expect(noted.items[1]).toMatchObject({ doneAt: null, note: 'буклеты закончились' });
    expect(await ticks()).toBe(before + 3);
  });

  it('completed after opening is late by whole minutes; the other branch’s list is its own', async () => {
    t.clock.t = at('2026-11-23', '09:07');
    const items = (await admin('GET', '/api/opening-checklist')).json().items as Day['items'];
    let last: Day | undefined;
    for (const it of items.filter((i) => !i.note)) last = (await admin('PUT', `/api/opening-checklist/items/${it.itemId}/today`, { done: true })).json();
    expect(last).toMatchObject({ status: 'late', lateMinutes: 7, completedAt: '2026-11-23T06:07:00.000Z', completedBy: { userId: t.fx.users.administrator.id } });
    // A correction later in the morning does not move the opening: the first completion stays.
    t.clock.t = at('2026-11-23', '09:30');
    const fixed: Day = (await admin('PUT', `/api/opening-checklist/items/${items[2].itemId}/today`, { done: false })).json();
    expect(fixed).toMatchObject({ status: 'late', lateMinutes: 7, completedAt: '2026-11-23T06:07:00.000Z' });
    expect((await admin('PUT', `/api/opening-checklist/items/${items[2].itemId}/today`, { done: true })).json()).toMatchObject({ lateMinutes: 7 });
    const other = (await admin('GET', `/api/opening-checklist?branchId=${second}`)).json();
    expect(other).toMatchObject({ branchId: second, opensAt: '10:00', status: 'in_progress', openedAt: null });
    expect(other.items.every((i: Day['items'][0]) => i.doneAt === null)).toBe(true);
    expect(other.items.map((i: Day['items'][0]) => i.itemId)).not.toContain(items[0].itemId);
  });

  it('edited items: the next day reads the new wording, a past day keeps its own', async () => {
    t.clock.t = at('2026-11-24', '08:30');
    await signInAll();
    const cur = (await chief('GET', `/api/opening-checklist/items?branchId=${t.fx.branchId}`)).json();
    expect(cur.items).toHaveLength(6);
    const next = [{ id: cur.items[0].id, text: 'Выучить акции ноября' }, ...cur.items.slice(1, 5).map((i: { id: string; text: string }) => ({ id: i.id, text: i.text })), { text: 'Проверить терминал оплаты картой' }];
    const saved = await chief('PUT', '/api/opening-checklist/items', { branchId: t.fx.branchId, items: next });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().items.map((i: { text: string }) => i.text)).toEqual(next.map((i) => i.text));
    const today: Day = (await admin('GET', '/api/opening-checklist')).json();
    expect(today.items.map((i) => i.text)).toEqual(next.map((i) => i.text));
    const monday: Day = (await admin('GET', '/api/opening-checklist?date=2026-11-23')).json();
    expect(monday.items.map((i) => i.text)).toEqual([...DEFAULT_CHECKLIST_ITEMS]);
    expect(monday).toMatchObject({ isToday: false, status: 'late', lateMinutes: 7 });
    // Tuesday: all six done by 08:55, on time.
    t.clock.t = at('2026-11-24', '08:55');
    let last: Day | undefined;
    for (const it of today.items) last = (await admin('PUT', `/api/opening-checklist/items/${it.itemId}/today`, { done: true })).json();
    expect(last).toMatchObject({ status: 'on_time', lateMinutes: null, completedAt: '2026-11-24T05:55:00.000Z' });
    // A retired item cannot be ticked on a day that never had it.
    const retired = cur.items[5].id;
    const r = await admin('PUT', `/api/opening-checklist/items/${retired}/today`, { done: true });
    expect(r.statusCode).toBe(409);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
  });

  it('the owner’s report: per branch and day, late by N minutes, skipped, in progress, who — as computed by hand', async () => {
    t.clock.t = at('2026-11-26', '10:00'); // Thursday; Wednesday nobody ticked anything
    await signInAll();
    const r = await owner('GET', '/api/opening-checklist/report?from=2026-11-22&to=2026-11-27');
    expect(r.statusCode, r.body).toBe(200);
    const rep = r.json();
    const line = (x: { date: string; branchName: string; status: string; lateMinutes: number | null }) => `${x.date} ${x.branchName} ${x.status} ${x.lateMinutes ?? ''}`.trim();
    // The main branch is closed on Sunday the 22nd (hours Mon–Fri); the second opens every day. Days after today are not reported.
    expect(rep.rows.map(line)).toEqual([
      '2026-11-26 Васильевский in_progress', '2026-11-26 Центр in_progress',
      '2026-11-25 Васильевский skipped', '2026-11-25 Центр skipped',
      '2026-11-24 Васильевский skipped', '2026-11-24 Центр on_time',
      '2026-11-23 Васильевский skipped', '2026-11-23 Центр late 7',
      '2026-11-22 Васильевский skipped',
    ]);
    expect(rep.totals).toEqual({ days: 9, onTime: 1, late: 1, skipped: 5 });
    const monday = rep.rows.find((x: { date: string; branchId: string }) => x.date === '2026-11-23' && x.branchId === t.fx.branchId);
    expect(monday).toMatchObject({ opensAt: '09:00', completedAt: '2026-11-23T06:07:00.000Z', notes: [{ text: DEFAULT_CHECKLIST_ITEMS[1], note: 'буклеты закончились' }] });
    expect(monday.openedBy.name).toBe(monday.completedBy.name);
    const one = (await chief('GET', `/api/opening-checklist/report?from=2026-11-23&to=2026-11-24&branchId=${t.fx.branchId}`)).json();
    expect(one.rows.map(line)).toEqual(['2026-11-24 Центр on_time', '2026-11-23 Центр late 7']);
  });

  it('bad input answers problem+json with the field, never 500, and writes nothing', async () => {
    const items = (await admin('GET', '/api/opening-checklist')).json().items as Day['items'];
    const before = await ticks();
    const cases: [ReturnType<typeof as>, 'GET' | 'PUT', string, unknown, number, string][] = [
      [admin, 'PUT', `/api/opening-checklist/items/${items[0].itemId}/today`, { done: 'yes' }, 400, 'done'],
      [admin, 'PUT', `/api/opening-checklist/items/${items[0].itemId}/today`, { done: true, extra: 1 }, 400, ''],
      [admin, 'PUT', `/api/opening-checklist/items/${items[0].itemId}/today`, { done: false, note: 'я'.repeat(501) }, 400, 'note'],
      [admin, 'PUT', '/api/opening-checklist/items/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/today', { done: true }, 404, ''],
      [admin, 'PUT', '/api/opening-checklist/items/not-an-id/today', { done: true }, 400, 'id'],
      [admin, 'GET', '/api/opening-checklist?date=2026-11-27', undefined, 400, 'date'],
      [admin, 'GET', '/api/opening-checklist?date=2026-02-30', undefined, 400, 'date'],
      [owner, 'GET', '/api/opening-checklist/report?from=2026-11-26&to=2026-11-01', undefined, 400, 'to'],
      [owner, 'GET', '/api/opening-checklist/report?from=2026-01-01&to=2026-11-01', undefined, 400, 'to'],
      [owner, 'PUT', '/api/opening-checklist/items', { branchId: t.fx.branchId, items: [{ text: '  ' }, { text: 'Бахилы' }, { text: 'бахилы' }] }, 400, 'items.0.text'],
      [owner, 'PUT', '/api/opening-checklist/items', { branchId: t.fx.branchId, items: [] }, 400, 'items'],
      [owner, 'PUT', '/api/opening-checklist/items', { branchId: t.fx.branchId, items: [{ id: items[0].itemId, text: 'А' }, { id: items[0].itemId, text: 'Б' }] }, 400, 'items.1.id'],
    ];
    const itemsBefore = (await owner('GET', '/api/opening-checklist/items')).json();
    for (const [who, method, url, body, status, field] of cases) {
      const r = await who(method, url, body);
      const what = `${method} ${url} → ${r.statusCode} ${r.body.slice(0, 200)}`;
      expect(r.statusCode, what).toBe(status);
      expect(r.headers['content-type'], what).toMatch(/application\/problem\+json/);
      expect(r.json().detail_ru, what).toBeTruthy();
      if (field) expect(JSON.stringify(r.json().errors ?? []), what).toContain(`"${field}`);
    }
    const dup = await owner('PUT', '/api/opening-checklist/items', { branchId: t.fx.branchId, items: [{ text: 'Бахилы' }, { text: 'бахилы' }] });
    expect(JSON.stringify(dup.json().errors)).toContain('Такой пункт уже есть');
    expect(await ticks()).toBe(before);
    expect((await owner('GET', '/api/opening-checklist/items')).json()).toEqual(itemsBefore);
  });
});
