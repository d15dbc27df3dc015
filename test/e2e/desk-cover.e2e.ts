import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, startDemoServer, signedInPage } from '../support/browser.js';

describe('browser: an assistant stands in at the desk (DESK-6)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'assistant', '/');
    await page.getByTestId('desk-take').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('takes the desk, gets the desk’s screens and the booking tools, hands it back', async () => {
    await page.getByTestId('nav-schedule').click();
    await page.getByRole('button', { name: 'Сегодня' }).first().waitFor();
    await expect(page.getByRole('button', { name: 'Подобрать время' }).count()).resolves.toBe(0);
    await page.getByTestId('desk-take').click();
    await page.getByTestId('desk-cover').getByText(/На стойке с \d{2}:\d{2}/).waitFor();
    await page.getByRole('button', { name: 'Подобрать время' }).first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'desk-cover-assistant.png') });

    await page.getByRole('button', { name: 'Вернуть стойку' }).click();
    await page.getByTestId('desk-take').waitFor();
    await page.getByTestId('nav-schedule').click();
    await page.getByRole('button', { name: 'Сегодня' }).first().waitFor();
    await expect(page.getByRole('button', { name: 'Подобрать время' }).count()).resolves.toBe(0);
    const covers = await server.h.db.selectFrom('desk_covers').selectAll().execute();
    expect(covers).toHaveLength(1);
    expect(covers[0].ended_at).not.toBeNull();
  }, 180_000);
});
