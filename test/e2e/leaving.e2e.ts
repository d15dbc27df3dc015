import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { SHOTS, launchBrowser, startDemoServer, signedInPage } from '../support/browser.js';

describe('browser: the patient leaves — one panel, one save (DESK-2/3); the alert in the booking picker (SVC-12)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let admin: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    admin = await signedInPage(browser, server.url, 'admin', '/');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finishes a visit, fills the leaving panel in one go and sees it in the visit panel', async () => {
    const db = server.h.db;
    // A future booked visit put «в кресле» directly: the test does not depend on the hour.
    const visit = await db
      .selectFrom('appointments')
      .select(['id', 'local_date', 'branch_id', 'patient_id'])
      .where('status', '=', 'booked')
      .where('starts_at', '>', new Date(Date.now() + 86_400_000).toISOString())
      .orderBy('starts_at')
      .executeTakeFirstOrThrow();
    await db.updateTable('appointments').set({ status: 'in_chair' }).where('id', '=', visit.id).execute();
    // The consent is asked only while unknown.
    await db.deleteFrom('survey_consents').where('patient_id', '=', visit.patient_id).execute();
    await admin.goto(`${server.url}/schedule?date=${visit.local_date}&branch=${visit.branch_id}`);
    await admin.getByTestId(`appt-${visit.id}`).click();
    await admin.getByTestId('act-done').click();
    const panel = admin.getByTestId('leaving-panel');
    await panel.waitFor();
    await panel.getByText('Договорились, без даты').click();
    await panel.getByTestId('leaving-review').click();
    await admin.getByRole('option', { name: '2ГИС' }).click();
    await panel.getByTestId('leaving-flyers').check();
    await panel.getByTestId('leaving-consent').getByText('Да', { exact: true }).click();
    await panel.getByLabel('Когда удобно звонить').fill('после 18:00');
    await admin.screenshot({ path: path.join(SHOTS, 'leaving-panel.png') });
    await panel.getByTestId('leaving-save').click();
    const summary = admin.getByTestId('leaving-summary');
    await summary.filter({ hasText: 'отзыв — 2ГИС' }).waitFor();
    await expect(summary.textContent()).resolves.toMatch(/договорились, без даты.*листовки/);
    const row = await db.selectFrom('visit_leavings').selectAll().where('appointment_id', '=', visit.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ next_visit: 'agreed', review_site: '2ГИС', flyers: 1, gift: 0 });
    const consent = await db.selectFrom('survey_consents').selectAll().where('patient_id', '=', visit.patient_id).execute();
    expect(consent.map((c) => c.status)).toEqual(['agreed']);
  }, 120_000);

  it('the patient’s alert and staff recommendation show in the walk-in picker', async () => {
    const db = server.h.db;
    const p = await db.selectFrom('patients').select(['id', 'card_number', 'clinic_id']).where('pd_state', '=', 'active').orderBy('surname').executeTakeFirstOrThrow();
    const author = await db.selectFrom('users').select(['id', 'full_name']).where('login', '=', 'admin').executeTakeFirstOrThrow();
    const entry = (section: string, text: string) => ({
      id: newId(), clinic_id: p.clinic_id, patient_id: p.id, section, text, event_date: '2026-01-10', minutes: null, is_alert: 1 as const,
      appointment_id: null, author_id: author.id, author_name: author.full_name, author_role: 'administrator', created_at: new Date().toISOString(),
    });
    await db.insertInto('service_card_entries').values([entry('svc7', 'Плохо слышит: говорите громче'), entry('svc10', 'Предлагайте утренние часы')]).execute();
    await admin.goto(`${server.url}/schedule`);
    await admin.getByTestId('open-walkin').click();
    await admin.getByTestId('patient-picker').fill(String(p.card_number));
    await admin.getByTestId('patient-option').first().click();
    const alerts = admin.getByTestId('patient-alerts');
    await alerts.getByText('Плохо слышит: говорите громче').waitFor();
    await alerts.getByText('Предлагайте утренние часы').waitFor();
    await admin.screenshot({ path: path.join(SHOTS, 'leaving-picker-alerts.png') });
  }, 120_000);
});
