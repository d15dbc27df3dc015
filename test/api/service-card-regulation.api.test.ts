import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leavingStats } from '../../src/services/visit-leaving.service.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at 2026-11-23 09:00 UTC; visits are booked on fixed dates.
type Call = ReturnType<typeof as>;

describe.each(DIALECTS)('service card regulation (SVC-11) and the leaving record (DESK-2/3) (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let chief: Call;
  let assistant: Call;
  let dentist: Call;
  let office: Call;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    assistant = as(t.app, await signIn(t.app, t.fx.users.assistant.login));
    dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
    office = as(t.app, await signIn(t.app, t.fx.users.office_manager.login));
  }, 60_000);
  afterAll(() => t.close());

  it('version 1 is the built-in text; staff confirm it; a new version asks again; each version kept with date and author', async () => {
    const v1 = (await assistant('GET', '/api/service-card-regulation')).json();
    expect(v1).toMatchObject({ version: 1, currentVersion: 1, createdBy: null, confirmedAt: null });
    expect(v1.body).toContain('# Назначение');
    expect(v1.bodyEn).toContain('# Purpose');
    expect((await assistant('GET', '/api/service-card-regulation/mine')).json()).toEqual({ version: 1, pending: true, confirmedAt: null });
    // The office manager does not write in the service card: not asked.
    expect((await office('GET', '/api/service-card-regulation/mine')).json().pending).toBe(false);
    expect((await assistant('POST', '/api/service-card-regulation/mine/confirm', { version: 1 })).json()).toEqual({ version: 1, pending: false, confirmedAt: '2026-11-23T09:00:00.000Z' });

    // The assistant adds a preference to the card but cannot edit the regulation.
    expect((await assistant('POST', `/api/patients/${f.patients[0]}/service-card`, { section: 'svc4', text: 'Предпочитает зелёный чай', eventDate: '2026-11-23' })).statusCode).toBe(201);
    const denied = await assistant('POST', '/api/service-card-regulation', { body: 'Новый текст' });
    expect(denied.statusCode).toBe(403);
    expect((await assistant('GET', '/api/service-card-regulation/confirmations')).statusCode).toBe(403);

    t.clock.advance(60 * 60_000);
    const saved = await chief('POST', '/api/service-card-regulation', { body: `${v1.body}\n- Пишите фамилию пациента полностью.`, note: 'Добавлено правило' });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ version: 2, currentVersion: 2, note: 'Добавлено правило', createdAt: '2026-11-23T10:00:00.000Z', createdBy: { id: t.fx.users.chief_doctor.id }, bodyEn: null });
    expect(saved.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // The same text again makes no version.
    expect((await chief('POST', '/api/service-card-regulation', { body: saved.json().body })).statusCode).toBe(409);
    // A new version asks again; the old one is kept and readable.
    expect((await assistant('GET', '/api/service-card-regulation/mine')).json()).toMatchObject({ version: 2, pending: true });
    expect((await assistant('GET', '/api/service-card-regulation/versions/1')).json()).toMatchObject({ version: 1, confirmedAt: '2026-11-23T09:00:00.000Z' });
    expect((await assistant('GET', '/api/service-card-regulation/versions/3')).statusCode).toBe(404);
    // Confirming the old version is refused: read the new one.
    expect((await assistant('POST', '/api/service-card-regulation/mine/confirm', { version: 1 })).statusCode).toBe(409);
    // The author has read what they wrote.
    expect((await chief('GET', '/api/service-card-regulation/mine')).json().pending).toBe(false);
    const list = (await chief('GET', '/api/service-card-regulation/confirmations')).json();
    expect(list.version).toBe(2);
    const row = (id: string) => list.items.find((i: { userId: string }) => i.userId === id);
    expect(row(t.fx.users.assistant.id).confirmedAt).toBeNull();
    expect(row(t.fx.users.chief_doctor.id).confirmedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(row(t.fx.users.office_manager.id)).toBeUndefined();
    expect((await assistant('POST', '/api/service-card-regulation/mine/confirm', { version: 2 })).json().pending).toBe(false);
  });

  it('the leaving record: one save per finished visit, replaced on a second save, shown, counted', async () => {
    const a = (await f.admin('POST', '/api/appointments', { kind: 'primary', patientId: f.patients[1], doctorId: f.orlova, startsAt: msk('2026-11-25', '10:00') })).json();
    const body = { nextVisit: 'agreed', reviewSite: '2ГИС', flyers: true, gift: false };
    // Not finished yet: refused.
    expect((await f.admin('PUT', `/api/appointments/${a.id}/leaving`, body)).statusCode).toBe(409);
    await t.h.db.updateTable('appointments').set({ status: 'done' }).where('id', '=', a.id).execute();
    expect((await f.admin('GET', `/api/appointments/${a.id}/leaving`)).json()).toEqual({ leaving: null });
    // A site off the clinic's list: the field is named.
    const bad = await f.admin('PUT', `/api/appointments/${a.id}/leaving`, { ...body, reviewSite: 'Отзовик' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('reviewSite');
    // The office manager does not work the desk.
    expect((await office('PUT', `/api/appointments/${a.id}/leaving`, body)).statusCode).toBe(403);
    const r = await f.admin('PUT', `/api/appointments/${a.id}/leaving`, body);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ appointmentId: a.id, nextVisit: 'agreed', reviewAsked: true, reviewSite: '2ГИС', flyers: true, gift: false, recordedBy: { id: t.fx.users.administrator.id } });
    const visit = (await dentist('GET', `/api/appointments/${a.id}`)).json();
    expect(visit.reviewRequested).toBe(true);
    expect(visit.followUpBooked).toBe(false);
    expect((await dentist('GET', `/api/appointments/${a.id}/leaving`)).json().leaving.reviewSite).toBe('2ГИС');
    // The second save replaces the first.
    const again = await f.admin('PUT', `/api/appointments/${a.id}/leaving`, { nextVisit: 'booked', reviewSite: null, flyers: true, gift: true });
    expect(again.json()).toMatchObject({ nextVisit: 'booked', reviewAsked: false, reviewSite: null, gift: true });
    expect((await dentist('GET', `/api/appointments/${a.id}`)).json().followUpBooked).toBe(true);
    const stats = await leavingStats(t, t.fx.clinicId, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
    expect(stats).toEqual({ recorded: 1, nextBooked: 1, nextAgreed: 0, reviewAsked: 0, bySite: {}, flyers: 1, gifts: 1 });
  });

  it('the clinic keeps its own list of review sites', async () => {
    expect((await f.admin('GET', '/api/clinic/review-sites')).json().sites).toEqual(['Яндекс Карты', '2ГИС', 'ПроДокторов', 'Google Maps']);
    expect((await f.admin('PUT', '/api/clinic/review-sites', { sites: ['НаПоправку'] })).statusCode).toBe(403);
    const r = await f.owner('PUT', '/api/clinic/review-sites', { sites: ['Яндекс Карты', ' НаПоправку ', 'Яндекс Карты'] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().sites).toEqual(['Яндекс Карты', 'НаПоправку']);
    expect((await f.owner('PUT', '/api/clinic/review-sites', { sites: [] })).statusCode).toBe(400);
  });
});
