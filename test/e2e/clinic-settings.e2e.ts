import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleSettings } from '../../src/domain/schedule/settings.js';
import { SHOTS, launchBrowser, startDemoServer, signedInPage } from '../support/browser.js';

describe('browser: the clinic’s schedule settings', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'chief', '/settings/clinic');
    await page.getByTestId('nav-clinic').click();
    await page.getByTestId('schedule-settings').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('saves a new usual length and step and keeps them; refuses a length off the 5-minute step with the reason', async () => {
    const form = page.getByTestId('schedule-settings');
    await page.getByTestId('settings-duration-primary').fill('47');
    await page.getByTestId('settings-schedule-save').click();
    await form.getByText('Значение должно быть кратно 5').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'clinic-schedule-settings-error.png'), fullPage: true });

    await page.getByTestId('settings-duration-primary').fill('45');
    await page.getByTestId('settings-slot-step').click();
    await page.getByRole('option', { name: '30 мин' }).click();
    await page.getByTestId('settings-schedule-save').click();
    await page.getByText('Сохранено').first().waitFor();
    const row = await server.h.db.selectFrom('clinics').select('settings_json').executeTakeFirstOrThrow();
    expect(scheduleSettings(row.settings_json)).toMatchObject({ slotStepMin: 30, durationByKind: { primary: 45 } });
    await page.screenshot({ path: path.join(SHOTS, 'clinic-schedule-settings.png'), fullPage: true });

    await page.reload();
    await expect(page.getByTestId('settings-duration-primary').inputValue()).resolves.toBe('45');
  }, 180_000);
});
