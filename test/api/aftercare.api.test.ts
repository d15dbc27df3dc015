import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at Monday 2026-11-23 12:00 Moscow.
const TODAY = '2026-11-23';
/** The PDF's text laid out as printed (pdftotext -layout): one table row a line, cells apart by spaces. */
function layoutLines(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'vizit-aftercare-'));
  const file = join(dir, 'document.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return text.split('\n').map((l) => l.trim().replace(/\s{2,}/g, ' | ').replace(/^(\d+) (\d\d) \| /, '$1 | $2 | ')).filter(Boolean);
}

type Offer = { templateCode: string; kind: string; codes: string[] };

describe.each(DIALECTS)('after treatment: leaflets offered and warranty coupons from the performed services, DOC-4 and DOC-7 (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let dentist: ReturnType<typeof as>;
  const item: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    const chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
    for (const [code, name, section] of [
      ['А-02', 'Инфильтрационная анестезия', 'Анестезия'], ['Т-01', 'Пломба из композита (1 поверхность)', 'Терапия'],
      ['О-01', 'Металлокерамическая коронка', 'Ортопедия'], ['Э-01', 'Обработка хорошо проходимого канала', 'Эндодонтия'], ['Э-03', 'Пломбирование корневого канала гуттаперчей', 'Эндодонтия'],
    ]) {
      const r = await chief('POST', '/api/price-list', { code, name, section, priceMin: 100_000 });
      expect(r.statusCode, r.body).toBe(201);
      item[code] = r.json().id;
    }
  }, 60_000);
  afterAll(() => t.close());

  const aftercare = async (id: string) => {
    const r = await f.admin('GET', `/api/appointments/${id}/aftercare`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { performed: { code: string; tooth: string | null }[]; offers: Offer[]; issued: { id: string; templateCode: string }[] };
  };

  it('an adult: nothing before treatment; the bill\'s lines bring the leaflets and both coupons; an issued one is not offered again', async () => {
    const patient = (await f.admin('POST', '/api/patients', { surname: 'Ёжикова', firstName: 'Алёна', patronymic: 'Петровна', birthDate: '1984-06-02', phones: [{ number: '+79219990101' }] })).json().id;
    const visit = (await f.admin('POST', '/api/appointments', { patientId: patient, doctorId: f.orlova, startsAt: msk(TODAY, '13:00'), kind: 'repeat' })).json().id;
    expect((await dentist('PUT', `/api/appointments/${visit}/planned-services`, { codes: ['А-02', 'Т-01', 'О-01'] })).statusCode).toBe(200);
    // Planned is not performed: nothing to offer while the patient is still in the chair with no bill.
    for (const to of ['arrived', 'in_chair']) expect((await f.admin('POST', `/api/appointments/${visit}/status`, { to })).statusCode).toBe(200);
    expect(await aftercare(visit)).toMatchObject({ performed: [], offers: [], issued: [] });

    const bill = (await dentist('POST', '/api/bills', { appointmentId: visit })).json().id;
    const lines = await dentist('PUT', `/api/bills/${bill}/lines`, { lines: [{ priceItemId: item['А-02'], quantity: 1, tooth: '16' }, { priceItemId: item['Т-01'], quantity: 1, tooth: '16' }, { priceItemId: item['О-01'], quantity: 1, tooth: '36' }] });
    expect(lines.statusCode, lines.body).toBe(200);
    let a = await aftercare(visit);
    expect(a.performed).toEqual([{ code: 'А-02', name: 'Инфильтрационная анестезия', tooth: '16' }, { code: 'Т-01', name: 'Пломба из композита (1 поверхность)', tooth: '16' }, { code: 'О-01', name: 'Металлокерамическая коронка', tooth: '36' }]);
    expect(a.offers.map((o) => o.templateCode).sort()).toEqual(['leaflet-anaesthesia', 'leaflet-filling', 'warranty-coupon-card', 'warranty-coupon-patient']);
    expect(a.offers.find((o) => o.templateCode === 'leaflet-filling')?.codes).toEqual(['Т-01']);

    const leaflet = await f.admin('POST', `/api/patients/${patient}/documents`, { templateCode: 'leaflet-filling', appointmentId: visit });
    expect(leaflet.statusCode, leaflet.body).toBe(201);
    a = await aftercare(visit);
    expect(a.offers.map((o) => o.templateCode)).not.toContain('leaflet-filling');
    expect(a.issued).toEqual([{ id: leaflet.json().id, templateCode: 'leaflet-filling', kind: 'leaflet', title: 'Памятка: после постановки постоянной пломбы' }]);
    const leafletText = layoutLines((await f.admin('GET', `/api/documents/${leaflet.json().id}/pdf`)).rawPayload).join('\n');
    expect(leafletText).toContain('Памятка пациенту: после постановки постоянной пломбы');
    expect(leafletText).toContain('Ёжикова Алёна Петровна');
    expect(leafletText).toContain('Чего быть не должно');

    // The coupon for the card lists the performed services with their teeth and the clinic's terms; anaesthesia carries none.
    for (const code of ['warranty-coupon-card', 'warranty-coupon-patient']) {
      const c = await f.admin('POST', `/api/patients/${patient}/documents`, { templateCode: code, appointmentId: visit });
      expect(c.statusCode, c.body).toBe(201);
      const rows = layoutLines((await f.admin('GET', `/api/documents/${c.json().id}/pdf`)).rawPayload);
      expect(rows, code).toContain('№ | Зуб (FDI) | Выполненная работа | Гарантийный срок | Срок службы');
      expect(rows.filter((l) => /^\d+ \| \d\d \| /.test(l)), rows.join('\n')).toEqual([
        '1 | 16 | Пломба из композита (1 поверхность) Т-01 | 1 год | 2 года',
        '2 | 36 | Металлокерамическая коронка О-01 | 1 год | 5 лет',
      ]);
      expect(rows.join('\n')).not.toContain('анестезия');
    }
    // Once all are issued for the visit, the anaesthesia leaflet is the only one left to offer.
    expect((await aftercare(visit)).offers.map((o) => o.templateCode)).toEqual(['leaflet-anaesthesia']);
  });

  it('a child at «Завершён»: the planned services count as performed; the coupon names the representative who signs', async () => {
    const child = (await f.admin('POST', '/api/patients', { surname: 'Ёжиков', firstName: 'Тимофей', birthDate: '2017-09-10', phones: [{ number: '+79219990102' }] })).json().id;
    await f.admin('PUT', `/api/patients/${child}/representative`, { fullName: 'Ёжикова Алёна Петровна', document: 'паспорт 4000 654321', relation: 'мать', phone: '+79219990101' });
    const visit = (await f.admin('POST', '/api/appointments', { patientId: child, doctorId: f.orlova, startsAt: msk(TODAY, '15:00'), kind: 'repeat' })).json().id;
    await dentist('PUT', `/api/appointments/${visit}/planned-services`, { codes: ['Э-01', 'Э-03'] });
    for (const to of ['arrived', 'in_chair']) expect((await f.admin('POST', `/api/appointments/${visit}/status`, { to })).statusCode).toBe(200);
    expect((await aftercare(visit)).offers).toEqual([]);
    expect((await f.admin('POST', `/api/appointments/${visit}/status`, { to: 'done' })).statusCode).toBe(200);
    const a = await aftercare(visit);
    expect(a.performed.map((p) => p.code)).toEqual(['Э-01', 'Э-03']);
    expect(a.offers.map((o) => o.templateCode).sort()).toEqual(['leaflet-endo', 'warranty-coupon-card', 'warranty-coupon-patient']);
    const c = (await f.admin('POST', `/api/patients/${child}/documents`, { templateCode: 'warranty-coupon-patient', appointmentId: visit })).json();
    const rows = layoutLines((await f.admin('GET', `/api/documents/${c.id}/pdf`)).rawPayload);
    // No tooth on a planned service: the cell is left for the doctor's hand.
    expect(rows.filter((l) => /^\d+ \| /.test(l))).toEqual([
      '1 | Обработка хорошо проходимого канала Э-01 | 1 год | 2 года',
      '2 | Пломбирование корневого канала гуттаперчей Э-03 | 1 год | 2 года',
    ]);
    const text = rows.join(' ');
    expect(text).toContain('Ёжиков Тимофей');
    expect(text).toContain('Законный представитель (мать) пациента Ёжиков Тимофей: Ёжикова Алёна Петровна');
  });

  it('a cancelled visit offers nothing; another clinic\'s or an unknown visit is 404', async () => {
    const visit = (await f.admin('POST', '/api/appointments', { patientId: f.patients[1], doctorId: f.orlova, startsAt: msk(TODAY, '18:00'), kind: 'repeat' })).json().id;
    await dentist('PUT', `/api/appointments/${visit}/planned-services`, { codes: ['Т-01'] });
    const cancelled = await f.admin('POST', `/api/appointments/${visit}/status`, { to: 'cancelled', cancel: { reason: 'patient_request', callbackDate: '2026-11-30' } });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await aftercare(visit)).offers).toEqual([]);
    expect((await f.admin('GET', '/api/appointments/00000000-0000-4000-8000-000000000000/aftercare')).statusCode).toBe(404);
  });
});
