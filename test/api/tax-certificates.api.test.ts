import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { payment } from '../support/insurance-bills.js';
import { pdfText } from '../support/pdf-text.js';
import { DIALECTS } from '../support/test-db.js';

const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

describe.each(DIALECTS)('tax-deduction certificate, form КНД 1151156 (%s)', (dialect) => {
  let t: TestApp;
  let admin: ReturnType<typeof as>;
  let owner: ReturnType<typeof as>;
  let manager: ReturnType<typeof as>;
  let patientId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    manager = as(t.app, await signIn(t.app, t.fx.users.office_manager.login));
    const p = await admin('POST', '/api/patients', { surname: 'Семёнова', firstName: 'Дарья', patronymic: 'Игоревна', birthDate: '2012-04-09', phones: [{ number: '+79213002001' }], sourceId: t.fx.sourceId });
    expect(p.statusCode, p.body).toBe(201);
    patientId = p.json().id;
    let n = 0;
    const pay = (at: string, kind: 'payment' | 'refund', method: 'cash' | 'card' | 'transfer' | 'insurer' | 'advance', amount: number) =>
      payment(t.h.db, { clinicId: t.fx.clinicId, branchId: t.fx.branchId, patientId, userId: t.fx.users.administrator.id, number: ++n, at, kind, method, amount });
    // Moscow clinic: 2025-12-31 22:30 Moscow is 19:30 UTC (last year); 2026-01-01 00:30 Moscow is 2025-12-31 21:30 UTC (this year).
    await pay('2025-12-31T19:30:00.000Z', 'payment', 'cash', 999_999);
    await pay('2025-12-31T21:30:00.000Z', 'payment', 'cash', 500_000);
    await pay('2026-03-10T08:00:00.000Z', 'payment', 'card', 1_234_567);
    await pay('2026-04-10T08:00:00.000Z', 'payment', 'transfer', 300_000);
    await pay('2026-05-10T08:00:00.000Z', 'refund', 'card', 34_567);
    await pay('2026-06-10T08:00:00.000Z', 'payment', 'insurer', 2_000_000);
    await pay('2026-06-11T08:00:00.000Z', 'payment', 'advance', 100_000);
  });
  afterAll(() => t.close());

  // 5 000,00 + 12 345,67 + 3 000,00 − 345,67 = 20 000,00 ₽: not last year's, not the insurer's, not the credit moved onto a bill.
  const EXPECTED = 500_000 + 1_234_567 + 300_000 - 34_567;

  it('sums the year’s payments less refunds, money methods only, in the clinic’s year', async () => {
    const r = await admin('GET', `/api/patients/${patientId}/tax-certificates/preview?year=2026`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ year: 2026, amount: EXPECTED, payments: 3, refunds: 1 });
    expect((await admin('GET', `/api/patients/${patientId}/tax-certificates/preview?year=2025`)).json().amount).toBe(999_999);
  });

  it('needs the clinic’s INN first; then issues a numbered certificate to the parent with the PDF saying it', async () => {
    const body = { year: 2026, serviceCode: 1, taxpayer: { relation: 'child', fullName: 'Семёнов Игорь Петрович', inn: '500100732259', birthDate: '1984-02-11' } };
    const noInn = await admin('POST', `/api/patients/${patientId}/tax-certificates`, body);
    expect(noInn.statusCode).toBe(409);
    expect(noInn.json().detail_ru).toContain('ИНН');
    expect((await admin('PUT', '/api/clinic/tax-details', { inn: '2536000001', kpp: '253601001' })).statusCode).toBe(403);
    expect((await owner('PUT', '/api/clinic/tax-details', { inn: '2536000001', kpp: '253601001' })).statusCode).toBe(200);
    const r = await admin('POST', `/api/patients/${patientId}/tax-certificates`, body);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ number: 1, year: 2026, amount: EXPECTED, taxpayerName: 'Семёнов Игорь Петрович', relation: 'child', patientName: 'Семёнова Дарья Игоревна' });
    const pdf = await admin('GET', `/api/tax-certificates/${r.json().id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = flat(await pdfText(pdf.rawPayload));
    expect(text).not.toContain('\u0000');
    expect(text).toContain('Справка об оплате медицинских услуг для представления в налоговый орган');
    expect(text).toContain('КНД 1151156');
    expect(text).toContain('Номер справки: 1');
    expect(text).toContain('Отчётный год: 2026');
    expect(text).toContain('2536000001 / 253601001');
    expect(text).toContain('Семёнов Игорь Петрович');
    expect(text).toContain('500100732259');
    expect(text).toContain('Семёнова Дарья Игоревна');
    expect(text).toContain('09.04.2012');
    expect(text).toMatch(/Код услуги 1 \(руб\. коп\.\) 20 000,00/);
    expect(text).toContain('0 — нет');
    const list = await admin('GET', '/api/tax-certificates?year=2026');
    expect(list.json().items).toHaveLength(1);
  });

  it('refuses a bad INN, no INN without a document, a future year, a year without payments; the office manager may not issue', async () => {
    const base = { year: 2026, serviceCode: 1, taxpayer: { relation: 'self', fullName: 'Семёнова Дарья Игоревна', birthDate: '2012-04-09' } };
    const badInn = await admin('POST', `/api/patients/${patientId}/tax-certificates`, { ...base, taxpayer: { ...base.taxpayer, inn: '500100732250' } });
    expect(badInn.statusCode).toBe(400);
    expect(badInn.json().errors[0].field).toBe('taxpayer.inn');
    const noDoc = await admin('POST', `/api/patients/${patientId}/tax-certificates`, base);
    expect(noDoc.statusCode).toBe(400);
    expect(noDoc.json().errors[0].field).toBe('taxpayer.document');
    const future = await admin('POST', `/api/patients/${patientId}/tax-certificates`, { ...base, year: 2027, taxpayer: { ...base.taxpayer, document: 'свидетельство о рождении' } });
    expect(future.json().errors[0].field).toBe('year');
    const empty = await admin('POST', `/api/patients/${patientId}/tax-certificates`, { ...base, year: 2024, taxpayer: { ...base.taxpayer, document: 'свидетельство о рождении' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].message_ru).toContain('оплат пациента нет');
    expect((await manager('GET', `/api/patients/${patientId}/tax-certificates/preview?year=2026`)).statusCode).toBe(403);
    expect((await admin('GET', '/api/tax-certificates')).json().items).toHaveLength(1);
  });
});
