import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/db/repos/audit.repo.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { seedClinic } from '../support/fixtures.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS, freshDb } from '../support/test-db.js';

const YEAR = 365.25 * 86_400_000;

describe.each(DIALECTS)('destruction of personal data, 152-FZ art. 21 (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let chief: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
  });
  afterAll(() => t.close());

  /** A patient with contacts, notes, a service-card entry, a call-back wish and one finished visit today. */
  async function treatedPatient(surname: string, time: string) {
    const p = (await f.admin('POST', '/api/patients', {
      surname, firstName: 'Мария', patronymic: 'Ивановна', sex: 'female', birthDate: '1980-05-17', email: 'maria@example.ru', note: 'приходит с сыном Петей', addressAs: 'Мария Ивановна',
      phones: [{ number: '+7 921 700-11-22' }, { number: '8 (812) 555-66-77', kind: 'home' }],
    })).json();
    const entry = await f.admin('POST', `/api/patients/${p.id}/service-card`, { section: 'svc4', text: 'Любит зелёный чай, боится звука бормашины', eventDate: '2026-11-23' });
    expect(entry.statusCode, entry.body).toBe(201);
    const visit = await f.admin('POST', '/api/appointments', { patientId: p.id, doctorId: f.orlova, startsAt: msk('2026-11-23', time), kind: 'primary', walkIn: true, comment: 'Сын Петя ждёт в холле' });
    expect(visit.statusCode, visit.body).toBe(201);
    for (const to of ['in_chair', 'done']) expect((await f.admin('POST', `/api/appointments/${visit.json().id}/status`, { to })).statusCode).toBe(200);
    return { p, visitId: visit.json().id as string };
  }

  it('on a withdrawn consent destroys all but the medical record, blocks the card and writes the act', async () => {
    const { p, visitId } = await treatedPatient('Уничтожаемова', '11:00');
    expect((await f.admin('POST', `/api/patients/${p.id}/destruction`, { reason: 'consent_withdrawn', basis: 'Заявление', confirmCardNumber: p.cardNumber })).statusCode).toBe(403);
    const wrong = await chief('POST', `/api/patients/${p.id}/destruction`, { reason: 'consent_withdrawn', basis: 'Заявление', confirmCardNumber: p.cardNumber + 1 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toContain('confirmCardNumber');

    const r = await chief('POST', `/api/patients/${p.id}/destruction`, { reason: 'consent_withdrawn', basis: 'Заявление пациентки вх. № 12 от 23.11.2026', confirmCardNumber: p.cardNumber });
    expect(r.statusCode, r.body).toBe(201);
    const act = r.json();
    expect(act).toMatchObject({ number: 1, scope: 'blocked', retainUntil: '2051-11-23', subjectName: 'Уничтожаемова Мария Ивановна', cardNumber: p.cardNumber, actKeptUntil: '2029-11-23' });
    expect(act.categories).toEqual(expect.arrayContaining(['contacts', 'service_card', 'notes', 'visit_notes']));
    expect(act.categories).not.toContain('identity');
    expect(act.counts.phones).toBe(2);
    expect(act.counts.serviceCard).toBe(1);

    const card = (await f.admin('GET', `/api/patients/${p.id}`)).json();
    expect(card).toMatchObject({ pdState: 'blocked', surname: 'Уничтожаемова', birthDate: '1980-05-17', phones: [], email: null, note: null, addressAs: null, retainUntil: '2051-11-23' });
    expect((await f.admin('GET', `/api/patients/${p.id}/service-card`)).json().items ?? []).toHaveLength(0);
    const visits = (await f.admin('GET', `/api/patients/${p.id}/appointments`)).json().items;
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ id: visitId, status: 'done', comment: null });
    expect((await f.admin('GET', '/api/patients?q=' + encodeURIComponent('921 700-11'))).json().items).toHaveLength(0);
    expect((await f.admin('GET', '/api/patients?q=Уничтожаемова')).json().items[0].pdState).toBe('blocked');

    const again = await f.admin('POST', '/api/appointments', { patientId: p.id, doctorId: f.orlova, startsAt: msk('2026-11-25', '10:00'), kind: 'repeat' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail_ru).toContain('заблокированы');
    expect((await f.admin('PATCH', `/api/patients/${p.id}`, { note: 'снова' })).statusCode).toBe(409);
    expect((await f.admin('POST', '/api/waiting-list', { patientId: p.id, kind: 'repeat', dateFrom: '2026-11-24', dateTo: '2026-11-30', partOfDay: 'any' })).statusCode).toBeGreaterThanOrEqual(400);

    const full = await chief('GET', `/api/pd-destructions/${act.id}`);
    expect(full.statusCode).toBe(200);
    expect(full.json().log).toEqual([expect.objectContaining({ action: 'block', userLogin: t.fx.users.chief_doctor.login })]);
    expect(full.json().operator.name).toBeTruthy();
    expect((await chief('GET', '/api/pd-destructions')).json().items.map((a: { id: string }) => a.id)).toContain(act.id);
    expect((await chief('GET', `/api/pd-destructions?patientId=${p.id}`)).json().items).toEqual([expect.objectContaining({ id: act.id, performerRole: 'chief_doctor' })]);
    expect((await chief('POST', `/api/patients/${p.id}/destruction`, { reason: 'consent_withdrawn', basis: 'Повторно', confirmCardNumber: p.cardNumber })).statusCode).toBe(409);
    const early = await chief('POST', `/api/patients/${p.id}/destruction`, { reason: 'purpose_achieved', basis: 'Проверка', confirmCardNumber: p.cardNumber });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].message_ru).toContain('23.11.2051');
    expect((await verifyChain(t.h.db, t.fx.clinicId)).ok).toBe(true);
  });

  it('destroys everything at once when there is no medical record, and refuses while visits are booked', async () => {
    const caller = (await f.admin('POST', '/api/patients', { surname: 'Звонилова', firstName: 'Ольга', phones: [{ number: '+7 921 700-33-44' }] })).json();
    const booked = await f.admin('POST', '/api/appointments', { patientId: caller.id, doctorId: f.belov, startsAt: msk('2026-11-26', '11:00'), kind: 'primary' });
    expect(booked.statusCode).toBe(201);
    const refused = await chief('POST', `/api/patients/${caller.id}/destruction`, { reason: 'subject_request', basis: 'Звонок', confirmCardNumber: caller.cardNumber });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail_ru).toContain('будущие записи (1)');
    const cancelled = await f.admin('POST', `/api/appointments/${booked.json().id}/status`, { to: 'cancelled', cancel: { reason: 'patient_request', callbackDate: '2026-12-01', note: 'Перезвонить Ольге вечером' } });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const r = await chief('POST', `/api/patients/${caller.id}/destruction`, { reason: 'subject_request', basis: 'Звонок', confirmCardNumber: caller.cardNumber });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ scope: 'destroyed', retainUntil: null, subjectName: 'Звонилова Ольга' });
    const card = (await f.admin('GET', `/api/patients/${caller.id}`)).json();
    expect(card).toMatchObject({ pdState: 'destroyed', surname: '', firstName: '', patronymic: null, birthDate: null, phones: [] });
    expect((await f.admin('GET', '/api/patients?q=Звонилова')).json().items).toHaveLength(0);
    const rows = await t.h.db.selectFrom('patients').selectAll().where('id', '=', caller.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(rows)).not.toMatch(/Звонилова|7003344/);
  });

  it('lists what is due after the retention period and destroys the rest of a blocked card then', async () => {
    const { p } = await treatedPatient('Давнишняя', '11:30');
    await chief('POST', `/api/patients/${p.id}/destruction`, { reason: 'consent_withdrawn', basis: 'Заявление', confirmCardNumber: p.cardNumber });
    const before = (await chief('GET', '/api/pd-destructions/due')).json();
    expect(before.items.map((x: { id: string }) => x.id)).not.toContain(p.id);
    t.clock.advance(25 * YEAR + 2 * 86_400_000);
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    const due = (await chief('GET', '/api/pd-destructions/due')).json();
    expect(due.items.find((x: { id: string }) => x.id === p.id)).toMatchObject({ pdState: 'blocked', lastVisit: '2026-11-23' });
    const r = await chief('POST', `/api/patients/${p.id}/destruction`, { reason: 'purpose_achieved', basis: 'Истёк срок хранения', confirmCardNumber: p.cardNumber });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ scope: 'destroyed', subjectName: 'Давнишняя Мария Ивановна' });
    expect((await chief('GET', `/api/pd-destructions/${r.json().id}`)).json().log.map((l: { action: string }) => l.action)).toEqual(['block', 'destroy']);
    expect((await verifyChain(t.h.db, t.fx.clinicId)).ok).toBe(true);
  });
});

describe('npm run retention (the command line, SQLite)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizit-retention-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('destroys by card number as the chief doctor, and refuses an administrator', async () => {
    const h = await freshDb('sqlite', { sqlitePath: path.join(dir, 'vizit.sqlite') });
    const fx = await seedClinic(h);
    await h.db.insertInto('patients').values({ id: '019a0000-0000-7000-8000-00000000abcd', clinic_id: fx.clinicId, card_number: 77, surname: 'Клиентова', first_name: 'Вера', name_key: 'клиентова вера', created_at: '2026-11-01T10:00:00.000Z', updated_at: '2026-11-01T10:00:00.000Z' }).execute();
    await h.cleanup();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/retention.ts', ...args], { env: { ...process.env, VIZIT_DATA_DIR: dir, DATABASE_URL: '' }, encoding: 'utf8' });
    const denied = run('destroy', '--card', '77', '--reason', 'consent_withdrawn', '--basis', 'Заявление', '--by', fx.users.administrator.login);
    expect(denied.status).toBe(1);
    expect(denied.stderr).toContain('владелец или главный врач');
    const ok = run('destroy', '--card', '77', '--reason', 'consent_withdrawn', '--basis', 'Заявление вх. № 3', '--by', fx.users.chief_doctor.login);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Акт № 1');
    expect(ok.stdout).toContain('персональные данные уничтожены');
    const acts = run('acts', '--by', fx.users.chief_doctor.login);
    expect(acts.stdout).toContain('Клиентова Вера');
  }, 60_000);
});
