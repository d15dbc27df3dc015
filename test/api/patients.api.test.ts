import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

describe.each(DIALECTS)('patients: card, search, validation (%s)', (dialect) => {
  let t: TestApp;
  let call: ReturnType<typeof as>;
  let semenov: { id: string; cardNumber: number };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    call = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    const res = await call('POST', '/api/patients', {
      surname: 'Семёнов', firstName: 'Пётр', patronymic: 'Ильич', birthDate: '1980-05-17', sex: 'male', addressAs: 'Пётр Ильич',
      phones: [{ number: '8 (921) 322-00-31' }, { number: '+7 812 555 44 33', kind: 'home' }], email: 'petr@example.ru',
      sourceId: t.fx.sourceId, pdConsentVersion: '1.0', pdConsentDate: '2026-11-01', note: 'Аллергия на лидокаин',
    });
    expect(res.statusCode).toBe(201);
    semenov = res.json();
    await call('POST', '/api/patients', { surname: 'Семенова', firstName: 'Анна', phones: [{ number: '9213220099' }] });
    await call('POST', '/api/patients', { surname: 'Петров', firstName: 'Иван', phones: [{ number: '+79110001122' }] });
  });
  afterAll(() => t.close());

  it('creates a card with the next card number and phones in E.164', async () => {
    expect(semenov.cardNumber).toBe(1);
    const res = await call('GET', `/api/patients/${semenov.id}`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.phones.map((x: { number: string }) => x.number)).toEqual(['+79213220031', '+78125554433']);
    expect(p.phones[0].display).toBe('+7 (921) 322-00-31');
    expect(p.sourceName).toBe('Сайт клиники');
    const next = await call('POST', '/api/patients', { surname: 'Новиков', firstName: 'Олег' });
    expect(next.json().cardNumber).toBe(4);
  });

  const names = async (q: string) => (await call('GET', `/api/patients?q=${encodeURIComponent(q)}`)).json().items.map((i: { surname: string }) => i.surname).sort();

  it('finds by surname prefix, folding ё and case', async () => {
    expect(await names('семен')).toEqual(['Семенова', 'Семёнов']);
    expect(await names('СЕМЁНОВ')).toEqual(['Семенова', 'Семёнов']);
    expect(await names('Семёнов П')).toEqual(['Семёнов']);
    expect(await names('Пет')).toEqual(['Петров']);
    expect(await names('Сидоров')).toEqual([]);
  });

  it('finds by phone typed in any format', async () => {
    for (const q of ['8 (921) 322-00-31', '+7 921 322 00 31', '921 322', '89213220031', '7921322', '+7 (921) 322-00']) {
      expect(await names(q), q).toContain('Семёнов');
    }
    expect(await names('921 322')).toEqual(['Семенова', 'Семёнов']);
    expect(await names('8 812 555')).toEqual(['Семёнов']);
  });

  it('finds by card number', async () => {
    expect(await names(String(semenov.cardNumber))).toContain('Семёнов');
  });

  it('updates a card and keeps phones normalised', async () => {
    const res = await call('PATCH', `/api/patients/${semenov.id}`, { phones: [{ number: '8-921-000-11-22' }], addressAs: 'Пётр' });
    expect(res.statusCode).toBe(200);
    expect(res.json().phones[0].number).toBe('+79210001122');
    expect(await names('921 000 11')).toEqual(['Семёнов']);
    expect(await names('921 322 00 31')).toEqual([]);
  });

  it('rejects bad input with problem+json naming each field, in Russian and English', async () => {
    const res = await call('POST', '/api/patients', {
      surname: '', firstName: 'x'.repeat(101), birthDate: '2026-02-30', phones: [{ number: '12' }], email: 'nope', hacker: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    const fields = Object.fromEntries(body.errors.map((e: { field: string; message_ru: string; message_en: string }) => [e.field, e]));
    expect(Object.keys(fields).sort()).toEqual(['birthDate', 'email', 'firstName', 'hacker', 'phones.0.number', 'surname']);
    expect(fields['phones.0.number'].message_ru).toMatch(/Неверный номер телефона/);
    expect(fields['firstName'].message_ru).toBe('Не более 100 символов');
    expect(fields['hacker'].message_en).toBe('Unknown field');
    const count = await t.h.db.selectFrom('patients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4);
  });

  it('refuses a future birth date and an unknown source with a field error', async () => {
    const future = await call('POST', '/api/patients', { surname: 'Будущий', firstName: 'Пациент', birthDate: '2030-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('birthDate');
    const src = await call('POST', '/api/patients', { surname: 'Иной', firstName: 'Пациент', sourceId: '01900000-0000-7000-8000-000000000000' });
    expect(src.statusCode).toBe(400);
    expect(src.json().errors[0].field).toBe('sourceId');
  });

  it('answers malformed JSON, wrong ids and wrong content types without a 500', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/patients', headers: { ...(await hdrs()), 'content-type': 'application/json' }, payload: '{"surname": ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    const notUuid = await call('GET', '/api/patients/not-a-uuid');
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().errors[0].field).toBe('id');
    const missing = await call('GET', '/api/patients/01900000-0000-7000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    const xml = await t.app.inject({ method: 'POST', url: '/api/patients', headers: { ...(await hdrs()), 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    const limit = await call('GET', '/api/patients?limit=100000');
    expect(limit.statusCode).toBe(400);
  });

  async function hdrs() {
    const s = await signIn(t.app, t.fx.users.administrator.login);
    return { cookie: s.cookie, 'x-csrf-token': s.csrf };
  }

  it('pages the list with a hard maximum', async () => {
    const page = await call('GET', '/api/patients?limit=2');
    expect(page.json().items).toHaveLength(2);
    expect(page.json().hasMore).toBe(true);
  });
});
