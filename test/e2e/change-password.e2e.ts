import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, launchBrowser, startDemoServer, signedInPage } from '../support/browser.js';

/** Issue 8, item 7: a weak new password is refused with the reason under the field. */
describe('browser: the change-password page says why a password is refused', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'office', '/password');
    await page.getByRole('heading', { name: 'Смена пароля' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const submit = async (next: string) => {
    await page.getByLabel('Текущий пароль').fill(DEMO_PASSWORD);
    await page.getByLabel('Новый пароль', { exact: true }).fill(next);
    await page.getByLabel('Повторите новый пароль').fill(next);
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
  };

  it('shows the Russian reason for password12 and the clinic name, then accepts a strong one', async () => {
    await submit('password12');
    await page.getByText(/^Пароль легко подобрать: это распространённый пароль\./).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'change-password-refused.png') });
    await submit('Ulybka-na-Nevskom-7');
    await page.getByText('Пароль не должен содержать название клиники').waitFor();
    await submit('Tramvai-Oblako-Chainik-42');
    await page.getByText('Пароль изменён').waitFor();
    const r = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'office', password: 'Tramvai-Oblako-Chainik-42' }) });
    expect(r.status).toBe(200);
  }, 180_000);
});
