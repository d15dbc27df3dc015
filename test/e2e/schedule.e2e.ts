import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, startDemoServer, fillSignIn } from '../support/browser.js';

/**
 * The desk books a first-time caller by the two-options script and marks the arrival; the
 * doctor's «Мой день» shows the arrival note live, without a reload. Independent of the wall clock:
 * whatever day the nearest option falls on, arriving before the start is "came early".
 */
describe('browser: two options for a new patient, arrival reaches the doctor live', () => {
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

  async function signIn(login: string, width: number, height: number): Promise<Page> {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width, height } });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/login`);
    await fillSignIn(page, login);
    return page;
  }

  it('admin books option 0 for a quick-created patient with the dentist; «Пришёл» shows on «Мой день»', async () => {
    const db = server.h.db;
    const dentist = await db
      .selectFrom('doctors')
      .innerJoin('users', 'users.id', 'doctors.user_id')
      .select(['doctors.id', 'doctors.surname'])
      .where('users.login', '=', 'dentist')
      .executeTakeFirstOrThrow();

    // The administrator lands on the DAY view (home page of schedule.write).
    const admin = await signIn('admin', 1366, 768);
    await admin.getByTestId('schedule-grid').waitFor();
    expect(admin.url()).toMatch(/\/schedule/);
    await admin.screenshot({ path: path.join(SHOTS, 'schedule-day.png') });

    // «Подобрать время» for a new caller, created in the drawer.
    await admin.getByTestId('open-two-options').click();
    await admin.getByTestId('quick-new-patient').click();
    const quick = admin.getByTestId('quick-create');
    await quick.getByRole('textbox', { name: 'Фамилия' }).fill('Звонарёва');
    await quick.getByRole('textbox', { name: 'Имя' }).fill('Алла');
    await quick.getByRole('textbox', { name: 'Отчество' }).fill('Сергеевна');
    await quick.getByRole('textbox', { name: 'Телефон' }).fill('+7 (921) 700-41-17');
    await admin.getByTestId('quick-create-save').click();
    await admin.getByTestId('picked-patient').filter({ hasText: 'Звонарёва Алла Сергеевна' }).waitFor();

    await admin.getByTestId('doctor-select').click();
    await admin.getByRole('option', { name: new RegExp(`^${dentist.surname}`) }).click();
    await admin.getByTestId('two-search').click();
    await admin.getByTestId('option-0').waitFor();
    await expect(admin.getByTestId('two-script').textContent()).resolves.toMatch(/^«Вам удобнее .+ или .+\?»$/);
    await expect(admin.getByTestId('option-0').textContent()).resolves.toContain(`${dentist.surname} `);
    await admin.getByTestId('hold-countdown').waitFor();
    await admin.screenshot({ path: path.join(SHOTS, 'schedule-two-options.png') });
    await admin.getByTestId('option-0').click();

    // The booking is in the database, with the dentist, and its block is on the board.
    const patient = await db.selectFrom('patients').select('id').where('surname', '=', 'Звонарёва').executeTakeFirstOrThrow();
    let appt: { id: string; doctor_id: string; status: string } | undefined;
    for (let i = 0; i < 60 && !appt; i++) {
      appt = await db.selectFrom('appointments').select(['id', 'doctor_id', 'status']).where('patient_id', '=', patient.id).executeTakeFirst();
      if (!appt) await admin.waitForTimeout(250);
    }
    expect(appt).toBeDefined();
    expect(appt!.doctor_id).toBe(dentist.id);
    expect(['booked', 'confirmed']).toContain(appt!.status);
    // The other held option was released with the booking.
    const holds = await db.selectFrom('slot_holds').select('id').execute();
    expect(holds.length).toBe(0);

    // The doctor signs in (another browser context) and is taken to «Мой день».
    const doctor = await signIn('dentist', 1366, 768);
    await doctor.getByTestId('my-day').waitFor();
    expect(doctor.url()).toMatch(/\/my-day$/);
    await doctor.getByTestId('notifications').waitFor();

    // The administrator marks the arrival on the board.
    const block = admin.getByTestId(`appt-${appt!.id}`);
    await block.waitFor();
    await block.click();
    await admin.getByTestId('act-arrived').click();
    await admin.getByTestId('appt-status').filter({ hasText: 'Пришёл' }).waitFor();

    // The doctor's page shows it without a reload.
    const note = doctor.getByTestId('notification').filter({ hasText: 'Звонарёва А. С.' });
    await note.waitFor();
    await expect(note.first().getAttribute('data-fresh')).resolves.toBe('true');
    await doctor.screenshot({ path: path.join(SHOTS, 'schedule-my-day.png') });

    const after = await db.selectFrom('appointments').select(['status', 'arrived_at']).where('id', '=', appt!.id).executeTakeFirstOrThrow();
    expect(after.status).toBe('arrived');
    expect(after.arrived_at).not.toBeNull();
  }, 180_000);
});
