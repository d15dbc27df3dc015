import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { scheduleSettings } from '../../src/domain/schedule/settings.js';
import { localDateOf, localTimeOf, MINUTE } from '../../src/domain/schedule/time.js';
import { openAllDay } from '../support/open-all-day.js';
import { SHOTS, launchBrowser, startDemoServer, fillSignIn } from '../support/browser.js';

const TZ = 'Europe/Moscow';

/**
 * Issue 9, items 1–4 in the browser, on the demo clinic at the wall clock: the visits the test
 * needs are written straight into the database relative to "now", so it passes at any hour.
 */
describe('browser: walk-in over a booking, its note to the doctor, «Не пришёл» too early, call-backs', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let admin: Page;
  const today = () => localDateOf(Date.now(), TZ);

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
    admin = await signIn('admin');
    await admin.getByTestId('schedule-grid').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(login: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/login`);
    await fillSignIn(page, login);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    return page;
  }

  /** An active patient with a phone and no visit at all in the last and next weeks. */
  async function quietPatient(skip: string[] = []) {
    const db = server.h.db;
    const from = localDateOf(Date.now() - 7 * 86_400_000, TZ);
    const to = localDateOf(Date.now() + 7 * 86_400_000, TZ);
    const rows = await db
      .selectFrom('patients')
      .innerJoin('patient_phones', 'patient_phones.patient_id', 'patients.id')
      .select(['patients.id', 'patients.clinic_id', 'patients.surname', 'patients.first_name', 'patients.patronymic', 'patient_phones.number'])
      .where('patients.pd_state', '=', 'active')
      .where('patient_phones.position', '=', 0)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('appointments').select('appointments.id').whereRef('appointments.patient_id', '=', 'patients.id').where('appointments.local_date', '>=', from).where('appointments.local_date', '<=', to))))
      .orderBy('patients.card_number')
      .limit(40)
      .execute();
    // A name that is unique, so the picker shows one option.
    for (const r of rows) {
      if (skip.includes(r.id)) continue;
      const same = await db.selectFrom('patients').select('id').where('surname', '=', r.surname).where('first_name', '=', r.first_name).execute();
      if (same.length === 1) return r;
    }
    throw new Error('no quiet patient in the demo');
  }

  async function doctorByLogin(login: string) {
    return server.h.db.selectFrom('doctors').innerJoin('users', 'users.id', 'doctors.user_id').select(['doctors.id', 'doctors.surname']).where('users.login', '=', login).executeTakeFirstOrThrow();
  }

  async function branch(name: string) {
    return server.h.db.selectFrom('branches').select(['id', 'name']).where('name', 'like', `%${name}%`).executeTakeFirstOrThrow();
  }

  async function insertVisit(v: { clinicId: string; patientId: string; doctorId: string; branchId: string; start: number; minutes: number; status: string; extra?: Record<string, unknown> }) {
    const id = newId();
    const at = new Date().toISOString();
    await server.h.db.insertInto('appointments').values({
      id, clinic_id: v.clinicId, branch_id: v.branchId, doctor_id: v.doctorId, chair_id: null, patient_id: v.patientId,
      starts_at: new Date(v.start).toISOString(), ends_at: new Date(v.start + v.minutes * MINUTE).toISOString(), local_date: localDateOf(v.start, TZ),
      kind: 'repeat', status: v.status, squeeze_in: 0, needs_call: 0, comment: null, services: null, walk_in: 0, created_at: at, created_by: null, updated_at: at, status_changed_at: at,
      ...v.extra,
    }).execute();
    return id;
  }

  async function pickPatient(page: Page, p: { surname: string; first_name: string }) {
    await page.getByTestId('patient-picker').fill(`${p.surname} ${p.first_name}`);
    await page.getByTestId('patient-option').filter({ hasText: `${p.surname} ${p.first_name}` }).first().click();
  }

  it('1. «Пришёл без записи» for a patient booked later today offers the arrival on that visit first', async () => {
    const p = await quietPatient();
    const moskovsky = await branch('Московск');
    const doctor = await server.h.db.selectFrom('doctors').select(['id', 'surname', 'first_name', 'patronymic']).where('is_active', '=', 1).orderBy('surname', 'desc').executeTakeFirstOrThrow();
    // Later today if the day has room, else an hour ago: still today, still waiting for the patient.
    const soon = Math.ceil(Date.now() / (5 * MINUTE)) * 5 * MINUTE + 60 * MINUTE;
    const start = localDateOf(soon + 30 * MINUTE, TZ) === today() ? soon : Math.floor(Date.now() / (5 * MINUTE)) * 5 * MINUTE - 60 * MINUTE;
    const booked = await insertVisit({ clinicId: p.clinic_id, patientId: p.id, doctorId: doctor.id, branchId: moskovsky.id, start, minutes: 30, status: 'confirmed' });
    const time = localTimeOf(start, TZ);

    await admin.getByTestId('open-walkin').click();
    const modal = admin.getByTestId('walkin-modal');
    await pickPatient(admin, p);
    const visit = modal.getByTestId('walkin-visit');
    await visit.waitFor();
    const text = await visit.innerText();
    expect(text).toContain(`${time}–`);
    expect(text).toContain(doctor.surname);
    expect(text).toContain(moskovsky.name);
    await expect(modal.getByTestId('walkin-arrive').innerText()).resolves.toBe(`Отметить приход на запись ${time}`);
    // A new visit is only the secondary way: no doctor field and no submit until asked for.
    expect(await modal.getByTestId('walkin-submit').count()).toBe(0);
    await expect(modal.getByTestId('walkin-second').innerText()).resolves.toBe('Нужен ещё один визит сегодня');
    await admin.screenshot({ path: path.join(SHOTS, 'desk-fixes-walkin-booked-today.png') });

    // On purpose: the form opens, and the button says it is a second visit.
    await modal.getByTestId('walkin-second').click();
    await expect(modal.getByTestId('walkin-submit').innerText()).resolves.toBe('Записать второй визит и отметить «Пришёл»');
    await admin.screenshot({ path: path.join(SHOTS, 'desk-fixes-walkin-second.png') });

    // The arrival on the booked visit: no second visit, the doctor gets the note.
    await modal.getByTestId('walkin-arrive').click();
    await modal.waitFor({ state: 'detached' });
    const rows = await server.h.db.selectFrom('appointments').select(['id', 'status', 'arrived_at']).where('patient_id', '=', p.id).where('local_date', '=', today()).execute();
    expect(rows).toEqual([{ id: booked, status: 'arrived', arrived_at: expect.any(String) }]);
    const note = await server.h.db.selectFrom('notifications').select(['kind', 'doctor_id']).where('appointment_id', '=', booked).executeTakeFirstOrThrow();
    expect(note).toEqual({ kind: 'arrived', doctor_id: doctor.id });
    // The board opened the visit's branch and day.
    await admin.getByTestId(`appt-${booked}`).waitFor();

    // Already marked: the dialog shows the visit as information and books a new one only on purpose.
    await admin.getByTestId('open-walkin').click();
    await pickPatient(admin, p);
    const again = admin.getByTestId('walkin-modal');
    await again.getByTestId('walkin-visit').filter({ hasText: 'Пришёл' }).waitFor();
    await again.getByText('Визиты пациента сегодня:').waitFor();
    expect(await again.getByTestId('walkin-arrive').count()).toBe(0);
    await again.getByTestId('walkin-submit').waitFor();
    await admin.keyboard.press('Escape');
    await again.waitFor({ state: 'detached' });
  }, 180_000);

  it('2. a walk-in reaches the doctor’s «Мой день» live', async () => {
    const dentist = await doctorByLogin('dentist');
    // Whatever the hour, weekday or holiday of the run: the branch is open and the doctor works.
    await openAllDay(server.h.db, dentist.id, today());
    const doctorPage = await signIn('dentist');
    await doctorPage.getByTestId('notifications').waitFor();
    const p = await quietPatient();
    await admin.goto(`${server.url}/schedule`);
    await admin.getByTestId('open-walkin').click();
    const modal = admin.getByTestId('walkin-modal');
    await pickPatient(admin, p);
    await admin.getByTestId('doctor-select').click();
    await admin.getByRole('option', { name: new RegExp(`^${dentist.surname}`) }).click();
    await modal.getByTestId('walkin-submit').click();
    // Busy or off duty at this hour: the desk squeezes the patient in, as the dialog offers.
    const refused = modal.getByTestId('walkin-refused');
    await Promise.race([modal.waitFor({ state: 'detached' }), refused.waitFor()]);
    if (await refused.count()) await modal.getByTestId('walkin-squeeze').click();
    await modal.waitFor({ state: 'detached' });

    const initials = `${p.first_name[0]}.${p.patronymic ? ` ${p.patronymic[0]}.` : ''}`;
    const note = doctorPage.getByTestId('notification').filter({ hasText: `${p.surname} ${initials}` });
    await note.waitFor();
    expect(await note.first().innerText()).toContain('без записи');
    await doctorPage.screenshot({ path: path.join(SHOTS, 'desk-fixes-walkin-my-day.png') });
    await doctorPage.context().close();
  }, 180_000);

  it('3. «Не пришёл» is disabled until the start plus the grace period, with the time it becomes possible', async () => {
    const p = await quietPatient();
    const petro = await branch('Петроград');
    const doctor = await server.h.db.selectFrom('doctors').select('id').where('is_active', '=', 1).orderBy('surname').executeTakeFirstOrThrow();
    const start = Math.floor(Date.now() / MINUTE) * MINUTE;
    const id = await insertVisit({ clinicId: p.clinic_id, patientId: p.id, doctorId: doctor.id, branchId: petro.id, start, minutes: 30, status: 'confirmed' });
    await admin.goto(`${server.url}/schedule?date=${localDateOf(start, TZ)}&branch=${petro.id}`);
    await admin.getByTestId(`appt-${id}`).click();
    const noShow = admin.getByTestId('act-no-show');
    await noShow.waitFor();
    expect(await noShow.isDisabled()).toBe(true);
    await expect(admin.getByTestId('no-show-hint').innerText()).resolves.toBe(`Отметить неявку можно с ${localTimeOf(start + 15 * MINUTE, TZ)}`);
    await admin.screenshot({ path: path.join(SHOTS, 'desk-fixes-no-show-early.png') });
    await admin.keyboard.press('Escape');
  }, 180_000);

  it('3b. the grace period is a clinic setting', async () => {
    const chief = await signIn('chief');
    await chief.goto(`${server.url}/settings/clinic`);
    await chief.getByTestId('settings-no-show-grace').waitFor();
    await expect(chief.getByTestId('settings-no-show-grace').inputValue()).resolves.toBe('15');
    await chief.getByTestId('settings-no-show-grace').fill('10');
    await chief.getByTestId('settings-schedule-save').click();
    await chief.getByText('Сохранено').first().waitFor();
    const row = await server.h.db.selectFrom('clinics').select('settings_json').executeTakeFirstOrThrow();
    expect(scheduleSettings(row.settings_json).noShowGraceMin).toBe(10);
    await chief.getByTestId('schedule-settings').screenshot({ path: path.join(SHOTS, 'desk-fixes-settings-grace.png') });
    await chief.context().close();
  }, 180_000);

  it('4. «Окна и обзвон» starts with the call-backs due, with the phone and the reason of the cancellation', async () => {
    const p = await quietPatient();
    const petro = await branch('Петроград');
    const doctor = await server.h.db.selectFrom('doctors').select('id').where('is_active', '=', 1).orderBy('surname').executeTakeFirstOrThrow();
    const week = Date.now() + 7 * 86_400_000;
    const earlier = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const id = await insertVisit({
      clinicId: p.clinic_id, patientId: p.id, doctorId: doctor.id, branchId: petro.id, start: Math.floor(week / MINUTE / 60) * 60 * MINUTE, minutes: 30, status: 'cancelled',
      extra: { cancel_reason: 'illness', cancel_note: 'Температура, просила перезвонить', callback_date: today(), created_at: earlier, status_changed_at: earlier },
    });
    await admin.goto(`${server.url}/desk/gaps`);
    const card = admin.getByTestId('callbacks');
    await card.waitFor();
    const row = card.getByTestId('callback').filter({ hasText: 'Температура, просила перезвонить' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(`${p.surname} ${p.first_name}`);
    expect(text).toContain('Болезнь пациента — Температура, просила перезвонить');
    const digits = p.number.slice(-4);
    expect(text).toContain(`${digits.slice(0, 2)}-${digits.slice(2)}`);
    expect(await row.getByTestId('callback-phone').getAttribute('href')).toBe(`tel:${p.number}`);
    // First on the page: above every doctor's gaps.
    const cardTop = (await card.boundingBox())!.y;
    const firstGap = admin.getByTestId('gap-doctor').first();
    if (await firstGap.count()) expect(cardTop).toBeLessThan((await firstGap.boundingBox())!.y);
    expect(id).toBeTruthy();
    await admin.screenshot({ path: path.join(SHOTS, 'desk-fixes-gaps-callbacks.png') });
  }, 180_000);
});
