import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, launchBrowser, startDemoServer, fillSignIn } from '../support/browser.js';

/** Issue 9 items 5, 6, 7, 11 and 13, as the administrator meets them in the demo clinic. */
describe('browser: the patient card, the new-patient form, two options for a known patient, sign-in', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
    page = await (await browser.newContext({ locale: 'ru-RU', viewport: { width: 1366, height: 768 } })).newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/patients`);
    await fillSignIn(page, 'admin');
    await page.getByLabel('Фамилия, телефон или номер карты').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('13: the sign-in page logs no console error for a signed-out visitor', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1366, height: 768 } });
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(`${server.url}/`);
    await p.getByLabel('Логин').waitFor();
    await p.goto(`${server.url}/patients`);
    await p.getByLabel('Логин').waitFor();
    await p.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    // Signing in still works from there.
    await fillSignIn(p, 'admin');
    await p.getByLabel('Фамилия, телефон или номер карты').waitFor();
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('5: «В расписании» opens the visit’s branch and day and highlights the visit', async () => {
    const db = server.h.db;
    const moskovsky = await db.selectFrom('branches').select('id').where('name', 'like', '%Московском%').executeTakeFirstOrThrow();
    const visit = await db
      .selectFrom('appointments')
      .select(['id', 'patient_id', 'local_date'])
      .where('branch_id', '=', moskovsky.id)
      .where('status', 'in', ['booked', 'confirmed'])
      .where('starts_at', '>', new Date().toISOString())
      .orderBy('starts_at')
      .executeTakeFirstOrThrow();
    await page.goto(`${server.url}/patients/${visit.patient_id}`);
    const row = page.locator(`[data-testid="visit-row"][data-id="${visit.id}"]`);
    await row.getByTestId('visit-schedule-link').click();
    const block = page.getByTestId(`appt-${visit.id}`);
    await block.waitFor();
    expect(await block.getAttribute('data-highlighted')).toBe('true');
    expect(page.url()).toContain(`date=${visit.local_date}`);
    expect(page.url()).toContain(`branch=${moskovsky.id}`);
    await page.waitForTimeout(1000); // the smooth scroll
    expect(await block.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'patient-visit-in-schedule.png') });
  });

  it('7: the new-patient form clears «Поле не может быть пустым» on typing and warns of another card’s phone', async () => {
    const smirnova = await server.h.db.selectFrom('patients').select(['id', 'card_number']).where('surname', '=', 'Смирнова').where('first_name', '=', 'Анна').where('patronymic', '=', 'Сергеевна').executeTakeFirstOrThrow();
    await page.goto(`${server.url}/patients/new`);
    const form = page.getByTestId('patient-form');
    await page.getByTestId('patient-save').click();
    const surname = form.getByRole('textbox', { name: 'Фамилия' });
    const surnameError = form.locator(`#${await surname.getAttribute('id')}-error`);
    await surnameError.waitFor();
    expect(await surnameError.innerText()).toBe('Поле не может быть пустым');
    await surname.fill('Смирнов');
    await surnameError.waitFor({ state: 'detached', timeout: 2000 });
    // The other empty field keeps its message until it is filled too.
    const firstName = form.getByRole('textbox', { name: 'Имя' });
    expect(await form.locator(`#${await firstName.getAttribute('id')}-error`).count()).toBe(1);
    await firstName.fill('Пётр');
    await form.getByRole('textbox', { name: 'Телефон 1' }).fill('8 (921) 555-12-34');
    const warning = page.getByTestId('same-phone');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Смирнова Анна Сергеевна');
    expect(await warning.innerText()).toContain(`№ ${smirnova.card_number}`);
    expect(await warning.getByRole('link').first().getAttribute('href')).toBe(`/patients/${smirnova.id}`);
    await warning.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'patient-new-same-phone.png') });
    // A family shares the phone: the card is still created, on purpose.
    await page.getByTestId('patient-save').click();
    await page.getByRole('heading', { name: /Смирнов Пётр/ }).waitFor();
  });

  it('6: «Подобрать время» for Смирнова: her visit type and treating doctor, and her future visits', async () => {
    const db = server.h.db;
    const anna = await db.selectFrom('patients').select('id').where('surname', '=', 'Смирнова').where('first_name', '=', 'Анна').where('patronymic', '=', 'Сергеевна').executeTakeFirstOrThrow();
    // The demo draws her visits around today: give her one visit ahead at Московский, booked as the desk would.
    const moskovsky = await db.selectFrom('branches').select('id').where('name', 'like', '%Московском%').executeTakeFirstOrThrow();
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin2', password: DEMO_PASSWORD }) });
    const headers = { 'content-type': 'application/json', cookie: login.headers.getSetCookie()[0].split(';')[0], 'x-csrf-token': (await login.json()).csrfToken };
    const offer = await (await fetch(`${server.url}/api/schedule/proposals`, { method: 'POST', headers, body: JSON.stringify({ specialty: 'therapist', kind: 'repeat', branchId: moskovsky.id, hold: false }) })).json();
    const o = offer.options[0];
    const booked = await fetch(`${server.url}/api/appointments`, { method: 'POST', headers, body: JSON.stringify({ patientId: anna.id, doctorId: o.doctorId, startsAt: o.startsAt, endsAt: o.endsAt, chairId: o.chairId, branchId: o.branchId, kind: 'repeat' }) });
    expect(booked.status, await booked.clone().text()).toBe(201);

    const done = await db.selectFrom('appointments').select(['doctor_id', 'kind']).where('patient_id', '=', anna.id).where('status', '=', 'done').orderBy('starts_at', 'desc').execute();
    const upcoming = await db
      .selectFrom('appointments')
      .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
      .select(['appointments.id', 'local_date', 'doctors.surname'])
      .where('patient_id', '=', anna.id)
      .where('status', 'in', ['booked', 'confirmed'])
      .where('ends_at', '>', new Date().toISOString())
      .execute();
    expect(done.length).toBeGreaterThan(0);
    expect(upcoming.length).toBeGreaterThan(0);

    await page.goto(`${server.url}/schedule`);
    await page.getByTestId('open-two-options').click();
    await page.getByTestId('patient-picker').fill('Смирнова Анна');
    await page.getByTestId('patient-option').filter({ hasText: 'Смирнова Анна Сергеевна' }).first().click();
    const panel = page.getByTestId('two-options');
    const future = panel.getByTestId('patient-upcoming');
    await future.waitFor();
    const text = await future.innerText();
    for (const u of upcoming) {
      expect(text).toContain(u.local_date.split('-').reverse().join('.'));
      expect(text).toContain(u.surname);
    }
    expect(text).toContain('«Улыбка» на Московском');
    const kind = await panel.getByTestId('kind-select').inputValue();
    expect(kind).not.toBe('Первичная консультация');
    expect(kind).toBe(done[0].kind === 'checkup' ? 'Профилактический осмотр' : 'Повторный приём / продолжение лечения');
    const context = await page.evaluate(async (id) => (await fetch(`/api/patients/${id}/booking-context`)).json(), anna.id);
    const doctor = await db.selectFrom('doctors').select('surname').where('id', '=', context.doctorId).executeTakeFirstOrThrow();
    expect(await panel.getByTestId('doctor-select').inputValue()).toContain(doctor.surname);
    await panel.getByTestId('from-history').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'two-options-known-patient.png') });
  });

  it('11: the search box takes a phone’s last 7 digits, name before surname, «№1» and a birth date', async () => {
    await page.goto(`${server.url}/patients`);
    const search = page.getByLabel('Фамилия, телефон или номер карты');
    for (const q of ['555-12-34', 'Анна Смирнова', '№1', '14.03.1988']) {
      await search.fill(q);
      await page.getByTestId('patient-row').filter({ hasText: 'Смирнова Анна Сергеевна' }).first().waitFor({ timeout: 5000 });
    }
    await search.fill('Анна Смирнова');
    await page.getByTestId('patient-row').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'patients-search-name-first.png') });
  });
});
