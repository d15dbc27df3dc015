import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at Monday 2026-11-23 12:00 Moscow.
const TODAY = '2026-11-23';

describe.each(DIALECTS)('the price list (%s)', (dialect) => {
  let t: TestApp;
  let chief: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let fillingId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
  });
  afterAll(() => t.close());

  const filling = { code: 'Т-01', mohCode: 'A16.07.002.010', name: 'Пломба из светоотверждаемого композита (1 поверхность)', section: 'Терапия', note: 'без анестезии', priceMin: 550_000 };

  it('management approves it; the desk reads it and may not change it', async () => {
    expect((await admin('POST', '/api/price-list', filling)).statusCode).toBe(403);
    const r = await chief('POST', '/api/price-list', filling);
    expect(r.statusCode, r.body).toBe(201);
    fillingId = r.json().id;
    expect(r.json()).toMatchObject({ code: 'Т-01', price: { validFrom: TODAY, priceMin: 550_000, priceMax: null }, next: null, versions: [{ validFrom: TODAY }] });
    const list = await admin('GET', '/api/price-list');
    expect(list.json()).toMatchObject({ total: 1, date: TODAY, items: [{ name: filling.name, note: 'без анестезии', price: { priceMin: 550_000 } }] });
    expect((await admin('POST', `/api/price-list/${fillingId}/versions`, { validFrom: '2026-12-01', priceMin: 1 })).statusCode).toBe(403);
  });

  it('refuses bad codes, an upside-down range, a back-dated price and a taken code, field by field in Russian', async () => {
    const bad = await chief('POST', '/api/price-list', { ...filling, code: 'Х-01', mohCode: 'А16.07.002' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toHaveLength(1);
    expect(bad.json().errors[0].field).toBe('mohCode');
    expect(JSON.stringify(bad.json().errors[0])).toContain('Минздрава');
    const range = await chief('POST', '/api/price-list', { ...filling, code: 'И-01', priceMin: 5_000_000, priceMax: 3_500_000 });
    expect(range.statusCode).toBe(400);
    expect(JSON.stringify(range.json().errors)).toContain('priceMax');
    const past = await chief('POST', '/api/price-list', { ...filling, code: 'И-02', validFrom: '2026-11-22' });
    expect(past.statusCode).toBe(400);
    expect(JSON.stringify(past.json().errors)).toContain('validFrom');
    const taken = await chief('POST', '/api/price-list', { ...filling, name: 'Другая пломба' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().detail_ru).toContain('Т-01');
    expect((await chief('POST', '/api/price-list', { ...filling, code: 'Х-02', priceMin: 12.5 })).statusCode).toBe(400);
    // Nothing half-written.
    expect((await admin('GET', '/api/price-list?includeInactive=true')).json().total).toBe(1);
  });

  it('a new price from a later date leaves today’s as it is; on that date the new one is in force', async () => {
    const r = await chief('POST', `/api/price-list/${fillingId}/versions`, { validFrom: '2027-01-01', priceMin: 600_000 });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ price: { validFrom: TODAY, priceMin: 550_000 }, next: { validFrom: '2027-01-01', priceMin: 600_000 } });
    const then = await admin('GET', '/api/price-list?date=2027-01-01');
    expect(then.json().items[0].price).toEqual({ validFrom: '2027-01-01', priceMin: 600_000, priceMax: null });
    const before = await admin('GET', '/api/price-list?date=2026-11-01');
    expect(before.json().items[0].price).toBeNull();
    // A correction of the announced price replaces it; a price of a past day cannot be set.
    await chief('POST', `/api/price-list/${fillingId}/versions`, { validFrom: '2027-01-01', priceMin: 590_000 });
    const detail = await admin('GET', `/api/price-list/${fillingId}`);
    expect(detail.json().versions.map((v: { validFrom: string; priceMin: number }) => [v.validFrom, v.priceMin])).toEqual([['2027-01-01', 590_000], [TODAY, 550_000]]);
    expect((await chief('POST', `/api/price-list/${fillingId}/versions`, { validFrom: '2026-11-20', priceMin: 1 })).statusCode).toBe(400);
  });

  it('finds a service by words in any case, «е» for «ё», by its code and by the Ministry code', async () => {
    await chief('POST', '/api/price-list', { code: 'О-05', name: 'Съёмный протез, полный', section: 'Ортопедия', priceMin: 3_500_000, priceMax: 4_500_000 });
    const q = async (s: string) => (await admin('GET', `/api/price-list?q=${encodeURIComponent(s)}`)).json().items.map((i: { code: string }) => i.code);
    expect(await q('ПЛОМБ композит')).toEqual(['Т-01']);
    expect(await q('съемный')).toEqual(['О-05']);
    expect(await q('т-01')).toEqual(['Т-01']);
    expect(await q('A16.07.002')).toEqual(['Т-01']);
    expect(await q('100%_')).toEqual([]);
    expect((await admin('GET', '/api/price-list/sections')).json().items).toEqual(['Ортопедия', 'Терапия']);
    expect((await admin('GET', '/api/price-list?section=Ортопедия')).json().items[0].price).toMatchObject({ priceMin: 3_500_000, priceMax: 4_500_000 });
  });

  it('a hidden service leaves the list but keeps its history', async () => {
    const r = await chief('PATCH', `/api/price-list/${fillingId}`, { isActive: false, note: null });
    expect(r.json()).toMatchObject({ isActive: false, note: null, versions: [{}, {}] });
    expect((await admin('GET', '/api/price-list?q=пломба')).json().items).toEqual([]);
    expect((await admin('GET', '/api/price-list?q=пломба&includeInactive=true')).json().items).toHaveLength(1);
    const audit = await chief('GET', '/api/audit?objectType=price_item&limit=20');
    expect(audit.json().items.length).toBeGreaterThanOrEqual(5);
  });
});
