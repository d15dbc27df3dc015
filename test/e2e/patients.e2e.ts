import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, startDemoServer, fillSignIn } from '../support/browser.js';

describe('browser: the administrator finds a patient by phone and opens the card', () => {
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

  it('signs in, searches "8 (921) 555-12-34" and opens Смирнова Анна Сергеевна', async () => {
    const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/patients`);
    await fillSignIn(page, 'admin');
    const search = page.getByLabel('Фамилия, телефон или номер карты');
    await search.waitFor();
    await search.fill('8 (921) 555-12-34');
    const row = page.getByTestId('patient-row').filter({ hasText: 'Смирнова' });
    await row.first().waitFor();
    expect(await page.getByTestId('patient-row').count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'patients-search.png') });
    await row.first().click();
    await page.getByRole('heading', { name: /Смирнова Анна Сергеевна/ }).waitFor();
    expect(page.url()).toMatch(/\/patients\/[0-9a-f-]{36}$/);
    await expect(page.getByText('+7 (921) 555-12-34').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'patient-card.png'), fullPage: true });
    // The card read is in the audit log.
    const reads = await server.h.db.selectFrom('audit_log').select(['action', 'user_login']).where('object_type', '=', 'patient').where('action', '=', 'read').execute();
    expect(reads).toEqual([{ action: 'read', user_login: 'admin' }]);
  });
});
