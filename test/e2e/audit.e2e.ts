import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, signedInPage, startDemoServer } from '../support/browser.js';

/** Issue 9 item 8: the audit log names people and says changes in words. */
describe('browser: the audit log reads like a journal', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the patient by name and card, the change in Russian words, and finds the patient by surname', async () => {
    // The desk confirms a visit of a known patient through the app.
    const visit = await server.h.db
      .selectFrom('appointments as a')
      .innerJoin('patients as p', 'p.id', 'a.patient_id')
      .select(['a.id', 'a.local_date', 'a.branch_id', 'p.surname', 'p.first_name', 'p.card_number'])
      .where('a.status', '=', 'booked')
      .where('a.starts_at', '>', new Date(Date.now() + 86_400_000).toISOString())
      .where('p.pd_state', '=', 'active')
      .orderBy('a.starts_at')
      .executeTakeFirstOrThrow();
    page = await signedInPage(browser, server.url, 'chief', `/schedule?date=${visit.local_date}&branch=${visit.branch_id}`);
    await page.getByTestId(`appt-${visit.id}`).click();
    await page.getByTestId('act-confirm').click();
    await page.getByTestId('appt-status').filter({ hasText: 'Визит подтверждён' }).waitFor();
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-audit').click();
    const row = page.getByTestId('audit-row').filter({ hasText: 'Статус: Записан → Визит подтверждён' }).first();
    await row.waitFor();
    await expect(row.getByTestId('audit-patient').textContent()).resolves.toContain(`${visit.surname} ${visit.first_name[0]}.`);
    await expect(row.getByTestId('audit-patient').textContent()).resolves.toContain(`карта № ${visit.card_number}`);
    await expect(page.getByTestId('audit-table').textContent()).resolves.not.toMatch(/[0-9a-f]{8}…|\{"/);

    // Find the patient by surname, not by an internal id.
    const filter = page.getByTestId('audit-patient-filter');
    await filter.fill(visit.surname.slice(0, 5));
    await page.getByRole('option', { name: new RegExp(`карта № ${visit.card_number},`) }).click();
    await page.getByTestId('audit-apply').click();
    await expect.poll(async () => {
      const names = await page.getByTestId('audit-patient').allTextContents();
      return names.length > 0 && names.every((n) => n.includes(`карта № ${visit.card_number}`));
    }).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'audit-log.png'), fullPage: false });
  }, 180_000);
});
