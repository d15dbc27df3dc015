import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { pdfText } from '../support/pdf-text.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at 2026-11-23 09:00 UTC (12:00 Moscow, the clinic's zone).
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe.each(DIALECTS)('template editor back end: versions, questionnaire table, renewal, demo consents (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let chief: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let dentist: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    admin = f.admin;
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
  }, 60_000);
  afterAll(() => t.close());

  it('the preview of the health questionnaire prints its questions grouped, with «Да» / «Нет» columns', async () => {
    const cur = (await chief('GET', '/api/documents/templates/health-questionnaire')).json().current;
    const r = await chief('POST', '/api/documents/templates/preview', { title: cur.title, body: cur.body, code: 'health-questionnaire' });
    expect(r.statusCode, r.body).toBe(200);
    const text = flat(await pdfText(r.rawPayload));
    expect(text).toContain('Вопрос Да Нет');
    expect(text).toContain('Свёртываемость крови и препараты, разжижающие кровь');
    expect(text).toContain('Аллергия на латекс');
    expect(text).toContain('Беременность и грудное вскармливание');
    const careful = (await chief('GET', '/api/documents/templates/careful-questionnaire')).json().current;
    const c = flat(await pdfText((await chief('POST', '/api/documents/templates/preview', { title: careful.title, body: careful.body, code: 'careful-questionnaire' })).rawPayload));
    expect(c).toContain('Я боюсь боли во время лечения');
    expect(c).not.toContain('Аллергия на латекс');
  });

  it('saving makes version N+1 and keeps every old version readable; an unknown placeholder names itself at the body', async () => {
    const before = (await chief('GET', '/api/documents/templates/leaflet-filling')).json();
    const n = before.current.version;
    const bad = await chief('PUT', '/api/documents/templates/leaflet-filling', { title: before.current.title, body: `${before.current.body}\n{{patient.shoeSize}}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body' });
    expect(JSON.stringify(bad.json())).toContain('Неизвестная подстановка {{patient.shoeSize}}');
    const ok = await chief('PUT', '/api/documents/templates/leaflet-filling', { title: before.current.title, body: before.current.body.replace(/^# .*$/m, '# Памятка после пломбы, редакция 2') });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(n + 1);
    const after = (await chief('GET', '/api/documents/templates/leaflet-filling')).json();
    expect(after.versions.map((v: { version: number }) => v.version)).toEqual([...before.versions.map((v: { version: number }) => v.version), n + 1]);
    expect(after.versions[0].body).toBe(before.versions[0].body);
  });

  it('legal references carry the «ПРОВЕРИТЬ» note until the clinic enters its own text', async () => {
    const items = (await chief('GET', '/api/documents/legal-references')).json().items as { key: string; check: string | null; override: string | null }[];
    expect(items.find((x) => x.key === 'paidServices')?.check).toContain('ПРОВЕРИТЬ');
    expect(items.find((x) => x.key === 'pd')?.check).toBeNull();
    const saved = (await chief('PUT', '/api/documents/legal-references/paidServices', { text: 'Правил … № 736 (проверено)' })).json().items as { key: string; override: string | null }[];
    expect(saved.find((x) => x.key === 'paidServices')?.override).toBe('Правил … № 736 (проверено)');
  });

  it('a consent fires for the demo price list’s codes: an extraction (Х-01) needs the surgery consent', async () => {
    const p = (await admin('POST', '/api/patients', { surname: 'Зубова', firstName: 'Алёна', birthDate: '1985-03-03', phones: [{ number: '+79219990101' }] })).json().id;
    const visit = (await admin('POST', '/api/appointments', { kind: 'primary', patientId: p, doctorId: f.orlova, startsAt: msk('2026-11-24', '11:00') })).json().id;
    const need = (await dentist('PUT', `/api/appointments/${visit}/planned-services`, { codes: ['Х-01', 'А-02'] })).json();
    const codes = need.missing.filter((m: { reason: string }) => m.reason === 'planned_intervention').map((m: { templateCode: string }) => m.templateCode);
    expect(codes.sort()).toEqual(['consent-anaesthesia', 'consent-surgery']);
  });

  it('the renewal period is a setting; a health questionnaire signed longer ago shows as expired and is needed again', async () => {
    expect((await chief('GET', '/api/documents/settings')).json()).toEqual({ questionnaireRenewalMonths: 12 });
    expect((await admin('PUT', '/api/documents/settings', { questionnaireRenewalMonths: 6 })).statusCode).toBe(403);
    const bad = await chief('PUT', '/api/documents/settings', { questionnaireRenewalMonths: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('questionnaireRenewalMonths');
    expect((await chief('PUT', '/api/documents/settings', { questionnaireRenewalMonths: 1 })).json()).toEqual({ questionnaireRenewalMonths: 1 });
    const p = (await admin('POST', '/api/patients', { surname: 'Анкетова', firstName: 'Вера', birthDate: '1970-07-07', phones: [{ number: '+79219990102' }] })).json().id;
    const q = (await admin('POST', `/api/patients/${p}/documents`, { templateCode: 'health-questionnaire' })).json();
    expect((await admin('POST', `/api/documents/${q.id}/paper`, { date: '2026-11-23' })).statusCode).toBe(200);
    const reg = (await admin('GET', `/api/patients/${p}/documents`)).json();
    expect(reg.items.find((d: { id: string }) => d.id === q.id).status).toBe('signed_on_paper');
    // A visit on 2026-12-24 (the 1-month renewal is 2026-12-23): the questionnaire is needed again, as expired.
    const later = (await admin('POST', '/api/appointments', { kind: 'primary', patientId: p, doctorId: f.orlova, startsAt: msk('2026-12-24', '10:00') })).json().id;
    const need = (await dentist('GET', `/api/appointments/${later}/documents`)).json();
    expect(need.missing.find((m: { kind: string }) => m.kind === 'health_questionnaire')).toMatchObject({ reason: 'expired' });
    const soon = (await admin('POST', '/api/appointments', { kind: 'primary', patientId: p, doctorId: f.orlova, startsAt: msk('2026-11-24', '12:00') })).json().id;
    expect((await dentist('GET', `/api/appointments/${soon}/documents`)).json().missing.map((m: { kind: string }) => m.kind)).not.toContain('health_questionnaire');
    t.clock.advance(31 * 86_400_000);
    // A month later the sessions have lapsed: sign in again.
    const later2 = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    const expired = (await later2('GET', `/api/patients/${p}/documents`)).json();
    expect(expired.items.find((d: { id: string }) => d.id === q.id).status).toBe('expired');
  });
});
