import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, startDemoServer, signedInPage } from '../support/browser.js';

describe('browser: the front desk — service card, waiting list, tomorrow’s cards', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'admin', '/patients', 768);
    // Wherever the role lands (the schedule, for the desk), the menu leads to the patients.
    await page.getByTestId('nav-patients').click();
    await page.getByLabel('Фамилия, телефон или номер карты').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a signed entry to Смирнова’s service card in «Предпочтения»', async () => {
    await page.getByLabel('Фамилия, телефон или номер карты').fill('Смирнова');
    await page.getByTestId('patient-row').filter({ hasText: 'Смирнова Анна Сергеевна' }).first().click();
    await page.getByRole('heading', { name: /Смирнова Анна Сергеевна/ }).waitFor();
    await page.getByTestId('service-card').waitFor();

    await page.getByTestId('svc-add').click();
    await page.getByTestId('svc-section').click();
    await page.getByRole('option', { name: /^Предпочтения/ }).click();
    await page.getByTestId('svc-text').fill('Любит зелёный чай');
    await page.getByTestId('svc-save').click();

    const entry = page.getByTestId('svc-entry').filter({ hasText: 'Любит зелёный чай' });
    await entry.waitFor();
    const block = page.locator('[data-testid="svc-section-block"][data-section="svc4"]');
    await expect(block.getByTestId('svc-entry').count()).resolves.toBe(1);
    const signature = await entry.getByTestId('svc-entry-signature').innerText();
    expect(signature).toMatch(/^\d{2}\.\d{2}\.\d{4} — Миронова Е\. А\., администратор-кассир$/);
    await page.getByTestId('patient-visits').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'desk-service-card.png'), fullPage: true });

    const rows = await server.h.db
      .selectFrom('service_card_entries')
      .select(['section', 'text', 'author_name'])
      .where('text', '=', 'Любит зелёный чай')
      .execute();
    expect(rows).toEqual([{ section: 'svc4', text: 'Любит зелёный чай', author_name: 'Миронова Екатерина Андреевна' }]);
  }, 180_000);

  it('puts her on the waiting list and finds her there', async () => {
    await page.getByTestId('nav-desk-waiting').click();
    await page.getByTestId('waiting-table').waitFor();
    await page.getByTestId('waiting-add').click();
    await page.getByTestId('patient-picker').fill('Смирнова Анна');
    await page.getByRole('option', { name: /Смирнова Анна Сергеевна/ }).click();
    await page.getByLabel('Примечание').fill('Может прийти за 30 минут');
    await page.getByTestId('waiting-submit').click();

    const row = page.getByTestId('waiting-row').filter({ hasText: 'Смирнова Анна Сергеевна' });
    await row.waitFor();
    expect(await row.innerText()).toContain('+7 (921) 555-12-34');
    expect(await row.innerText()).toContain('Может прийти за 30 минут');
    await page.screenshot({ path: path.join(SHOTS, 'desk-waiting-list.png') });
  }, 180_000);

  it('shows tomorrow’s card-pull list per doctor, and its print view', async () => {
    await page.getByTestId('nav-desk-card-pull').click();
    await page.getByTestId('cardpull-doctor').first().waitFor();
    expect(await page.getByTestId('cardpull-doctor').count()).toBeGreaterThan(0);
    const first = page.getByTestId('cardpull-doctor').first();
    expect(await first.getByTestId('cardpull-row').count()).toBeGreaterThan(0);
    expect(await first.getByTestId('cardpull-row').first().innerText()).toMatch(/\d{2}:\d{2}/);
    await page.screenshot({ path: path.join(SHOTS, 'desk-card-pull.png') });

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.mantine-AppShell-navbar').isVisible()).toBe(false);
    expect(await page.getByTestId('cardpull-print-all').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, 'desk-card-pull-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  }, 180_000);
});
