import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, startDemoServer, fillSignIn } from '../support/browser.js';

describe('browser: «Новый звонок» — the call card, booking from the call, the call base and conversion (CALL-1..5)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(login: string): Promise<Page> {
    const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/patients`);
    await fillSignIn(page, login);
    await page.getByTestId('nav-calls').waitFor();
    return page;
  }

  it('F2 opens the card with the greeting; a first-time caller is created, booked on one of two options, and shows as booked and converted', async () => {
    const db = server.h.db;
    const dentist = await db.selectFrom('doctors').innerJoin('users', 'users.id', 'doctors.user_id').select(['doctors.id', 'doctors.surname']).where('users.login', '=', 'dentist').executeTakeFirstOrThrow();
    const admin = await signIn('admin');
    await admin.keyboard.press('F2');
    await admin.getByTestId('call-card').waitFor();
    await expect(admin.getByTestId('call-greeting').textContent()).resolves.toMatch(/^«(Доброе утро|Добрый день|Добрый вечер), Стоматологическая клиника «Улыбка», .+, администратор Екатерина, слушаю Вас\.»$/);
    await admin.getByTestId('script-prompter').waitFor();
    await expect(admin.getByTestId('forbidden-phrases').textContent()).resolves.toContain('я могу вам предложить');
    await admin.getByTestId('call-timer').waitFor();

    // A price question answered from the card.
    await admin.getByTestId('call-price-search').fill('пломба');
    await admin.getByTestId('call-prices').getByText('без анестезии').first().waitFor();

    // A first-time caller: created from the card.
    await admin.getByTestId('quick-new-patient').click();
    const quick = admin.getByTestId('quick-create');
    await quick.getByRole('textbox', { name: 'Фамилия' }).fill('Звонкова');
    await quick.getByRole('textbox', { name: 'Имя' }).fill('Дарья');
    await quick.getByRole('textbox', { name: 'Телефон' }).fill('8 921 700-55-18');
    await admin.getByTestId('quick-create-save').click();
    await admin.getByTestId('picked-patient').filter({ hasText: 'Звонкова Дарья' }).waitFor();
    await admin.screenshot({ path: path.join(SHOTS, 'call-card.png'), fullPage: true });

    // Two options without leaving the card.
    await admin.getByTestId('call-book').click();
    await admin.getByTestId('doctor-select').click();
    await admin.getByRole('option', { name: new RegExp(`^${dentist.surname}`) }).click();
    await admin.getByTestId('two-search').click();
    // The demo's dentist is booked weeks ahead: some hours of the day the search finds one option within
    // its horizon, not two (the test failed by the hour of the run). The first is there either way.
    await admin.getByTestId('option-0').click();
    await admin.getByTestId('call-booked').waitFor();
    expect(admin.url()).toMatch(/\/calls\/new$/);
    await expect.poll(() => admin.getByTestId('patient-balance').textContent()).toBe('Расчёты закрыты'); // the balance on the call card (#13)
    await admin.screenshot({ path: path.join(SHOTS, 'call-card-booked.png'), fullPage: true });
    await admin.getByTestId('call-finish').click();

    // The call base: the call is there, booked, linked to the visit.
    await admin.getByTestId('calls-table').waitFor();
    const row = admin.getByTestId('call-row').filter({ hasText: 'Звонкова Дарья' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Записан');
    const patient = await db.selectFrom('patients').select('id').where('surname', '=', 'Звонкова').executeTakeFirstOrThrow();
    const call = await db.selectFrom('calls').select(['id', 'outcome', 'caller_type', 'appointment_id']).where('patient_id', '=', patient.id).executeTakeFirstOrThrow();
    expect(call).toMatchObject({ outcome: 'booked', caller_type: 'primary' });
    const visit = await db.selectFrom('appointments').select(['call_id', 'doctor_id']).where('id', '=', call.appointment_id!).executeTakeFirstOrThrow();
    expect(visit).toEqual({ call_id: call.id, doctor_id: dentist.id });
    await admin.screenshot({ path: path.join(SHOTS, 'calls-base.png'), fullPage: true });
    await admin.close();

    // The chief doctor: the conversion counts it (the demo sits between 60 and 80 %).
    const chief = await signIn('chief');
    await chief.getByTestId('nav-calls').click();
    await chief.getByTestId('tab-conversion').click();
    await chief.getByTestId('conversion-admins').getByText('Миронова Екатерина Андреевна').waitFor();
    const rate = (await chief.getByTestId('conversion-rate').textContent()) ?? '';
    const pct = Number(rate.replace(/[^\d,]/g, '').replace(',', '.'));
    expect(pct).toBeGreaterThanOrEqual(60);
    expect(pct).toBeLessThan(80);
    await chief.waitForTimeout(500); // the chart's animation
    await chief.screenshot({ path: path.join(SHOTS, 'calls-conversion.png'), fullPage: true });
    // Issue #14: the booked figure opens its calls, exactly that many, each patient linked to the card.
    const booked = Number(await chief.getByTestId('conversion-booked').textContent());
    expect(booked).toBeGreaterThan(0);
    await chief.getByTestId('conversion-booked-open').click();
    await chief.getByTestId('conversion-list').getByTestId('drill-table').waitFor();
    expect(await chief.getByTestId('conversion-list-row').count()).toBe(booked);
    expect(await chief.getByTestId('conversion-list').getByTestId('drill-patient').count()).toBe(booked);
    await expect(chief.getByTestId('conversion-list').getByTestId('drill-count').textContent()).resolves.toContain(String(booked));
    await chief.screenshot({ path: path.join(SHOTS, 'calls-conversion-list.png') });
    await chief.keyboard.press('Escape');
    await chief.getByTestId('conversion-list-row').first().waitFor({ state: 'detached' });
    await chief.getByTestId('tab-script').click();
    await chief.getByTestId('script-editor').waitFor();
    await chief.screenshot({ path: path.join(SHOTS, 'calls-script.png'), fullPage: true });
  }, 240_000);
});
