import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedClinic } from '../support/fixtures.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { pdfText } from '../support/pdf-text.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at 2026-11-23 09:00 UTC (12:00 Moscow, the clinic's zone); the visits are booked on fixed later days.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const flat = (s: string) => s.replace(/\s+/g, ' ');
type Call = ReturnType<typeof as>;
type Flag = { label: string; text: string | null };

describe.each(DIALECTS)('questionnaire answers as data, red flags, renewal, DOC-3 → service card (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let admin: Call, dentist: Call, assistant: Call, owner: Call, office: Call;
  let patient: string;
  let visit: string;
  let health: { id: string; contentSha256: string };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    admin = f.admin;
    owner = f.owner;
    dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
    assistant = as(t.app, await signIn(t.app, t.fx.users.assistant.login));
    office = as(t.app, await signIn(t.app, t.fx.users.office_manager.login));
    patient = (await admin('POST', '/api/patients', { surname: 'Анкетова', firstName: 'Вера', birthDate: '1975-03-02', phones: [{ number: '+79219991001' }] })).json().id;
    const v = await admin('POST', '/api/appointments', { kind: 'primary', patientId: patient, doctorId: f.orlova, startsAt: msk('2026-11-24', '10:00') });
    expect(v.statusCode, v.body).toBe(201);
    visit = v.json().id;
    health = (await admin('POST', `/api/patients/${patient}/documents`, { templateCode: 'health-questionnaire', appointmentId: visit })).json();
  }, 60_000);
  afterAll(() => t.close());

  it('before the questionnaire is signed the appointment shows the reminder, never flags; the open questionnaire is offered to fill', async () => {
    const a = (await dentist('GET', `/api/appointments/${visit}/anamnesis`)).json();
    expect(a).toMatchObject({ state: 'missing', documentId: null, redFlags: null, openDocumentId: health.id });
    const form = (await admin('GET', `/api/documents/${health.id}/answers`)).json();
    expect(form).toMatchObject({ questionnaire: 'health-questionnaire', editable: true, answers: [] });
    expect(form.groups.map((g: { title: string }) => g.title)).toContain('Аллергия');
  });

  it('bad input: unknown or repeated question, «да» to an open question, too long a text, a contract: 400 with the field and both languages', async () => {
    const put = (id: string, answers: unknown[]) => admin('PUT', `/api/documents/${id}/answers`, { source: 'staff', answers });
    let r = await put(health.id, [{ questionId: 'allergy-latex', yes: true, text: null }, { questionId: 'no-such-question', yes: true, text: null }]);
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    expect(r.json().errors).toEqual([expect.objectContaining({ field: 'answers.1.questionId', message_ru: 'В этой анкете нет такого вопроса', message_en: 'This questionnaire has no such question' })]);
    r = await put(health.id, [{ questionId: 'allergy-latex', yes: true, text: null }, { questionId: 'allergy-latex', yes: false, text: null }]);
    expect(r.json().errors[0].field).toBe('answers.1.questionId');
    r = await put(health.id, [{ questionId: 'medicines-list', yes: true, text: 'аспирин' }]);
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].field).toBe('answers.0.yes');
    // A DOC-3 question is not in the health questionnaire.
    expect((await put(health.id, [{ questionId: 'chair-gag', yes: true, text: null }])).statusCode).toBe(400);
    expect((await put(health.id, [{ questionId: 'allergy-other', yes: null, text: 'я'.repeat(1001) }])).statusCode).toBe(400);
    expect((await admin('PUT', `/api/documents/${health.id}/answers`, { source: 'tablet', answers: [] })).statusCode).toBe(400);
    const contract = (await admin('POST', `/api/patients/${patient}/documents`, { templateCode: 'contract' })).json();
    r = await put(contract.id, []);
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].field).toBe('id');
    // Nothing was stored by the refused saves.
    expect((await admin('GET', `/api/documents/${health.id}/answers`)).json().answers).toEqual([]);
  });

  it('answers are saved, printed in the PDF and hashed; signing freezes them; the doctor sees the red flags with the date, the administrator and owner do not', async () => {
    const saved = await admin('PUT', `/api/documents/${health.id}/answers`, {
      source: 'patient',
      answers: [
        { questionId: 'cardio-hypertension', yes: false, text: null },
        { questionId: 'bleeding-anticoagulants', yes: true, text: 'варфарин 5 мг' },
        { questionId: 'allergy-latex', yes: true, text: null },
        { questionId: 'medicines-list', yes: null, text: 'Варфарин, омепразол' },
        { questionId: 'other-extra', yes: null, text: '   ' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const form = saved.json();
    expect(form.answers).toHaveLength(4);
    expect(form.answers.filter((a: { redFlag: boolean }) => a.redFlag).map((a: { questionId: string }) => a.questionId).sort()).toEqual(['allergy-latex', 'bleeding-anticoagulants']);
    expect(form.contentSha256).not.toBe(health.contentSha256);
    const pdf = flat(await pdfText((await admin('GET', `/api/documents/${health.id}/pdf`)).rawPayload));
    expect(pdf).toContain('варфарин 5 мг');
    expect(pdf).toContain('Варфарин, омепразол');
    const signed = await admin('POST', `/api/documents/${health.id}/sign`, { signaturePng: PNG });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().contentSha256).toBe(form.contentSha256);

    const frozen = await admin('PUT', `/api/documents/${health.id}/answers`, { source: 'staff', answers: [] });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().detail_ru).toContain('выдайте новую анкету');
    // The signed answers are health data: the doctor reads them, the administrator who typed them no longer does.
    expect((await dentist('GET', `/api/documents/${health.id}/answers`)).json().answers).toHaveLength(4);
    expect((await admin('GET', `/api/documents/${health.id}/answers`)).json().answers).toBeNull();
    expect((await admin('GET', `/api/documents/${health.id}/pdf`)).statusCode).toBe(403);
    expect((await owner('GET', `/api/documents/${health.id}/pdf`)).statusCode).toBe(403);
    expect(flat(await pdfText((await dentist('GET', `/api/documents/${health.id}/pdf`)).rawPayload))).toContain('варфарин 5 мг');

    const a = (await dentist('GET', `/api/appointments/${visit}/anamnesis`)).json();
    expect(a).toMatchObject({ state: 'valid', documentId: health.id, signedDate: '2026-11-23', validUntil: '2027-11-23', answered: true, openDocumentId: null });
    expect(a.redFlags.map((x: Flag) => x.label).sort()).toEqual(['аллергия на латекс', 'принимает антикоагулянты']);
    expect(a.redFlags.find((x: Flag) => x.label === 'принимает антикоагулянты').text).toBe('варфарин 5 мг');
    expect((await assistant('GET', `/api/appointments/${visit}/anamnesis`)).json().redFlags).toHaveLength(2);
    for (const who of [admin, owner]) expect((await who('GET', `/api/appointments/${visit}/anamnesis`)).json()).toMatchObject({ state: 'valid', redFlags: null });
    const day = (await dentist('GET', `/api/anamnesis/day?date=2026-11-24&doctorId=${f.orlova}`)).json();
    expect(day.items.find((i: { appointmentId: string }) => i.appointmentId === visit).redFlags).toHaveLength(2);
    // The journal records that the doctor read the health answers, without the answers.
    const audit = (await owner('GET', `/api/audit?patientId=${patient}&limit=100`)).json();
    const reads = audit.items.filter((e: { action: string; objectType: string }) => e.action === 'read' && e.objectType === 'patient_document');
    expect(reads.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain('варфарин');
  });

  it('past the renewal period on the visit’s day: the reminder instead of the flags', async () => {
    const later = await admin('POST', '/api/appointments', { kind: 'repeat', patientId: patient, doctorId: f.orlova, startsAt: msk('2026-12-28', '11:00') });
    expect(later.statusCode, later.body).toBe(201);
    expect((await owner('PUT', '/api/documents/settings', { questionnaireRenewalMonths: 1 })).statusCode).toBe(200);
    try {
      const a = (await dentist('GET', `/api/appointments/${later.json().id}/anamnesis`)).json();
      expect(a).toMatchObject({ state: 'expired', signedDate: '2026-11-23', validUntil: '2026-12-23', redFlags: null });
      const day = (await admin('GET', '/api/anamnesis/day?date=2026-12-28')).json();
      expect(day.items.find((i: { appointmentId: string }) => i.appointmentId === later.json().id).state).toBe('expired');
      // The visit before the renewal date still has a valid questionnaire.
      expect((await dentist('GET', `/api/appointments/${visit}/anamnesis`)).json().state).toBe('valid');
    } finally {
      await owner('PUT', '/api/documents/settings', { questionnaireRenewalMonths: 12 });
    }
  });

  it('«Обращайтесь со мной внимательно»: answers with a section land in the service card once; a changed answer updates or removes its entry', async () => {
    const careful = (await admin('POST', `/api/patients/${patient}/documents`, { templateCode: 'careful-questionnaire', appointmentId: visit })).json();
    const answers = [
      { questionId: 'chair-gag', yes: true, text: null },
      { questionId: 'dislike-drill', yes: false, text: null },
      { questionId: 'wishes-preferences', yes: null, text: 'зелёный чай, тишина' },
    ];
    const fromQ = async () => {
      const card = (await admin('GET', `/api/patients/${patient}/service-card`)).json() as { items?: { text: string; section: string; isAlert: boolean }[] } | { text: string; section: string; isAlert: boolean }[];
      const items = Array.isArray(card) ? card : card.items ?? [];
      return items.filter((e) => e.text.startsWith('Анкета «Внимательно»: '));
    };
    for (let i = 0; i < 2; i++) expect((await admin('PUT', `/api/documents/${careful.id}/answers`, { source: 'patient', answers })).statusCode).toBe(200);
    let entries = await fromQ();
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.section === 'svc6')).toMatchObject({ isAlert: true });
    expect(entries.find((e) => e.section === 'svc4')!.text).toContain('зелёный чай, тишина');
    // The administrator reads DOC-3 answers (they are the service card's, not health data) even after signing.
    const changed = [{ ...answers[0], yes: false }, answers[1], { ...answers[2], text: 'кофе' }];
    expect((await admin('PUT', `/api/documents/${careful.id}/answers`, { source: 'staff', answers: changed })).statusCode).toBe(200);
    entries = await fromQ();
    expect(entries).toHaveLength(1);
    expect(entries[0].text).toContain('кофе');
    expect((await admin('POST', `/api/documents/${careful.id}/paper`, { date: '2026-11-23' })).statusCode).toBe(200);
    expect((await admin('GET', `/api/documents/${careful.id}/answers`)).json().answers).toHaveLength(3);
    expect(await fromQ()).toHaveLength(1);
  });

  it('permissions and another clinic: the office manager neither fills nor reads; another clinic gets 404 and changes nothing', async () => {
    const fresh = (await admin('POST', `/api/patients/${patient}/documents`, { templateCode: 'health-questionnaire' })).json();
    const body = { source: 'staff', answers: [{ questionId: 'allergy-latex', yes: true, text: null }] };
    expect((await office('PUT', `/api/documents/${fresh.id}/answers`, body)).statusCode).toBe(403);
    expect((await office('GET', `/api/documents/${fresh.id}/answers`)).statusCode).toBe(403);
    expect((await office('GET', `/api/appointments/${visit}/anamnesis`)).statusCode).toBe(403);
    expect((await assistant('PUT', `/api/documents/${fresh.id}/answers`, body)).statusCode).toBe(200);
    const other = await seedClinic(t.h, 'Другая клиника анкет');
    const foreign = as(t.app, await signIn(t.app, other.users.administrator.login));
    const foreignDoctor = as(t.app, await signIn(t.app, other.users.dentist.login));
    expect((await foreign('PUT', `/api/documents/${fresh.id}/answers`, { ...body, answers: [] })).statusCode).toBe(404);
    expect((await foreignDoctor('GET', `/api/documents/${health.id}/answers`)).statusCode).toBe(404);
    expect((await foreignDoctor('GET', `/api/appointments/${visit}/anamnesis`)).statusCode).toBe(404);
    expect((await foreignDoctor('GET', '/api/anamnesis/day?date=2026-11-24')).json().items).toEqual([]);
    expect((await admin('GET', `/api/documents/${fresh.id}/answers`)).json().answers).toHaveLength(1);
  });
});
