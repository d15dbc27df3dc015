import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { pdfText } from '../support/pdf-text.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at 2026-11-23 09:00 UTC (12:00 Moscow, the clinic's zone).
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe.each(DIALECTS)('documents from entry to exit, DOC-1..7 (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let owner: ReturnType<typeof as>;
  let chief: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let dentist: ReturnType<typeof as>;
  let office: ReturnType<typeof as>;
  let adult: string;
  let child: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    owner = f.owner;
    admin = f.admin;
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
    office = as(t.app, await signIn(t.app, t.fx.users.office_manager.login));
    adult = (await admin('POST', '/api/patients', { surname: 'Ёлкина', firstName: 'Наталья', patronymic: 'Игоревна', birthDate: '1980-05-04', phones: [{ number: '+79219990001' }] })).json().id;
    child = (await admin('POST', '/api/patients', { surname: 'Ёлкин', firstName: 'Миша', birthDate: '2018-02-01', phones: [{ number: '+79219990002' }] })).json().id;
  }, 60_000);
  afterAll(() => t.close());

  it('every patient template renders for an adult and for a child: the name and the Cyrillic title are in the PDF', async () => {
    await admin('PUT', `/api/patients/${child}/representative`, { fullName: 'Ёлкина Наталья Игоревна', document: 'паспорт 4000 123456', relation: 'мать', phone: null });
    const list = (await admin('GET', '/api/documents/templates')).json().items as { code: string; title: string; audience: string }[];
    expect(list.map((x) => x.code)).toContain('contract');
    for (const tpl of list.filter((x) => x.audience === 'patient')) {
      // The printed title is the body's first «# » line, with its «**» marks removed.
      const versions = (await admin('GET', `/api/documents/templates/${tpl.code}`)).json() as { current: { body: string } };
      const body = versions.current.body;
      const heading = flat((/^# (.*)$/m.exec(body)?.[1] ?? '').replace(/\*\*/g, '').split(' ').slice(0, 3).join(' '));
      expect(heading, tpl.code).toMatch(/[А-Яа-яЁё]{3}/);
      for (const [pid, name] of [[adult, 'Ёлкина Наталья Игоревна'], [child, 'Ёлкин Миша']] as const) {
        const r = await admin('POST', `/api/patients/${pid}/documents`, { templateCode: tpl.code });
        expect(r.statusCode, r.body).toBe(201);
        const res = await admin('GET', `/api/documents/${r.json().id}/pdf`);
        expect(res.statusCode).toBe(200);
        const text = flat(await pdfText(res.rawPayload));
        // A regulation for all patients (warranties) names nobody; every personal document does.
        if (body.includes('{{patient.fullName}}')) expect(text, tpl.code).toContain(name);
        expect(text, tpl.code).toContain(heading);
        expect(text).toMatch(/Страница 1 из \d+/);
      }
    }
  }, 120_000);

  it('a signed copy re-renders byte-identical from its snapshot after the template moves to v2', async () => {
    const issued = (await admin('POST', `/api/patients/${adult}/documents`, { templateCode: 'contract' })).json();
    expect(issued).toMatchObject({ status: 'issued', templateCode: 'contract' });
    const v1 = issued.templateVersion;
    const signed = await admin('POST', `/api/documents/${issued.id}/sign`, { signaturePng: PNG });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed_on_screen', signer: 'patient', signerName: 'Ёлкина Наталья Игоревна' });
    const before = (await admin('GET', `/api/documents/${issued.id}/pdf`)).rawPayload;
    const cur = (await chief('GET', '/api/documents/templates/contract')).json().current;
    const saved = await chief('PUT', '/api/documents/templates/contract', { title: cur.title, body: cur.body.replace(/^# .*$/m, '# Договор, редакция вторая') });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(v1 + 1);
    t.clock.advance(60_000);
    const after = (await admin('GET', `/api/documents/${issued.id}/pdf`)).rawPayload;
    expect(Buffer.compare(before, after)).toBe(0);
    expect(flat(await pdfText(after))).not.toContain('редакция вторая');
    const again = (await admin('POST', `/api/patients/${adult}/documents`, { templateCode: 'contract' })).json();
    expect(again.templateVersion).toBe(v1 + 1);
    expect(flat(await pdfText((await admin('GET', `/api/documents/${again.id}/pdf`)).rawPayload))).toContain('Договор, редакция вторая');
    // Once signed, it cannot be signed again or refused.
    expect((await admin('POST', `/api/documents/${issued.id}/refuse`, { reason: 'передумала' })).statusCode).toBe(409);
  }, 60_000);

  it('an unknown placeholder or directive is refused on save, naming it', async () => {
    const r = await owner('PUT', '/api/documents/templates/contract', { title: 'Договор', body: '# Договор\n\n{{patient.shoeSize}}\n\n[[stamp]]' });
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['body', 'body']);
    expect(JSON.stringify(body)).toContain('{{patient.shoeSize}}');
    expect(JSON.stringify(body)).toContain('[[stamp]]');
    const unclosed = await owner('POST', '/api/documents/templates/preview', { title: 'Т', body: '# Т\n[[if child]]\nтекст' });
    expect(unclosed.statusCode).toBe(400);
  });

  it('permissions: templates are the owner’s and the chief doctor’s; the desk and doctors issue and sign; the office manager neither', async () => {
    const body = { title: 'Согласие', body: '# Согласие\n\nТекст.' };
    expect((await dentist('PUT', '/api/documents/templates/contract', body)).statusCode).toBe(403);
    expect((await admin('PUT', '/api/documents/templates/contract', body)).statusCode).toBe(403);
    expect((await admin('POST', '/api/documents/templates/preview', body)).statusCode).toBe(403);
    const preview = await chief('POST', '/api/documents/templates/preview', { ...body, child: true });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toMatch(/application\/pdf/);
    expect((await office('POST', `/api/patients/${adult}/documents`, { templateCode: 'contract' })).statusCode).toBe(403);
    expect((await dentist('POST', `/api/patients/${adult}/documents`, { templateCode: 'contract' })).statusCode).toBe(201);
    expect((await office('GET', '/api/documents/tomorrow-pack')).statusCode).toBe(403);
  });

  it('a child’s document is signed by the legal representative; without one it cannot be signed', async () => {
    const p = (await admin('POST', '/api/patients', { surname: 'Малышев', firstName: 'Петя', birthDate: '2020-01-01', phones: [{ number: '+79219990003' }] })).json().id;
    const d = (await admin('POST', `/api/patients/${p}/documents`, { templateCode: 'contract' })).json();
    const no = await admin('POST', `/api/documents/${d.id}/sign`, { signaturePng: PNG });
    expect(no.statusCode).toBe(400);
    expect(no.json().errors[0].field).toBe('signer');
    await admin('PUT', `/api/patients/${p}/representative`, { fullName: 'Малышева Ольга Петровна', document: 'паспорт', relation: 'мать', phone: null });
    const ok = await admin('POST', `/api/documents/${d.id}/paper`, { date: '2026-11-23' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'signed_on_paper', signer: 'representative', signerName: 'Малышева Ольга Петровна', paperDate: '2026-11-23' });
    const reg = (await admin('GET', `/api/patients/${p}/documents`)).json();
    expect(reg.child).toBe(true);
    expect(reg.representative.fullName).toBe('Малышева Ольга Петровна');
    // The card (and the call card built on it) names who speaks and signs for the child; an adult's has none.
    expect((await admin('GET', `/api/patients/${p}`)).json().representative).toEqual({ fullName: 'Малышева Ольга Петровна', relation: 'мать', phone: null });
    const adult = (await admin('POST', '/api/patients', { surname: 'Взрослов', firstName: 'Иван', birthDate: '1980-01-01', phones: [{ number: '+79219990004' }] })).json();
    expect(adult.representative).toBeNull();
  });

  it('a visit shows its missing documents: first-visit set and the consent for the planned intervention; a refusal goes to SVC-5; tomorrow’s pack', async () => {
    const consent = await chief('PUT', '/api/documents/templates/test-consent-extraction', {
      title: 'Согласие на удаление зуба', kind: 'consent', serviceCodes: ['X-EXT-1'], body: '# Согласие на удаление зуба\n\nЯ, {{signer.fullName}}, согласен(на).\n\n[[services-table]]\n\n[[signatures]]',
    });
    expect(consent.statusCode, consent.body).toBe(200);
    const p = (await admin('POST', '/api/patients', { surname: 'Новикова', firstName: 'Ирина', birthDate: '1990-01-01', phones: [{ number: '+79219990004' }] })).json().id;
    const visit = (await admin('POST', '/api/appointments', { kind: 'primary', patientId: p, doctorId: f.orlova, startsAt: msk('2026-11-24', '10:00') })).json().id;
    let need = (await dentist('GET', `/api/appointments/${visit}/documents`)).json();
    expect(need.missing.map((m: { reason: string }) => m.reason)).not.toContain('planned_intervention');
    need = (await dentist('PUT', `/api/appointments/${visit}/planned-services`, { codes: ['X-EXT-1'] })).json();
    const m = need.missing.find((x: { templateCode: string }) => x.templateCode === 'test-consent-extraction');
    expect(m).toMatchObject({ reason: 'planned_intervention', issuedId: null });
    const pack = await admin('GET', '/api/documents/tomorrow-pack');
    expect(pack.statusCode).toBe(200);
    expect(Number(pack.headers['x-documents'])).toBeGreaterThanOrEqual(1);
    expect(flat(await pdfText(pack.rawPayload))).toContain('Согласие на удаление зуба');
    const d = (await dentist('POST', `/api/patients/${p}/documents`, { templateCode: 'test-consent-extraction', appointmentId: visit })).json();
    expect((await dentist('GET', `/api/appointments/${visit}/documents`)).json().missing.find((x: { templateCode: string }) => x.templateCode === 'test-consent-extraction').issuedId).toBe(d.id);
    const refused = await dentist('POST', `/api/documents/${d.id}/refuse`, { reason: 'Хочет прочитать дома' });
    expect(refused.statusCode, refused.body).toBe(200);
    const card = (await admin('GET', `/api/patients/${p}/service-card`)).json();
    expect(JSON.stringify(card)).toContain('Хочет прочитать дома');
    expect((await dentist('GET', `/api/appointments/${visit}/documents`)).json().missing.map((x: { templateCode: string }) => x.templateCode)).not.toContain('test-consent-extraction');
    const bad = await dentist('POST', `/api/documents/${d.id}/sign`, { signaturePng: 'data:image/png;base64,AAAA' });
    expect(bad.statusCode).toBe(400);
  });
});
