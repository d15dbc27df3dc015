import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.js';
import { PASSWORD } from '../support/fixtures.js';
import { SHOTS, WEB_DIR, fillSignIn, launchBrowser, startDemoServer } from '../support/browser.js';

describe('browser: the «Демо-клиника» banner', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows on every screen while the demo clinic is loaded, in Russian and in English', async () => {
    const server = await startDemoServer();
    try {
      const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1366, height: 800 } });
      page.setDefaultTimeout(60_000);
      await page.goto(`${server.url}/patients`);
      await fillSignIn(page, 'admin');
      const banner = page.getByTestId('demo-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toBe('Демо-клиника');
      await page.screenshot({ path: path.join(SHOTS, 'demo-banner.png') });
      await page.getByTestId('language-switch').getByText('EN').click();
      await expect.poll(() => banner.textContent()).toBe('Demo clinic');
      // A phone's header has no room: the demo is named above the page there.
      await page.setViewportSize({ width: 390, height: 700 });
      const mobile = page.getByTestId('demo-banner-mobile');
      await mobile.waitFor();
      expect(await mobile.textContent()).toMatch(/^Demo clinic: /);
      expect(await banner.isVisible()).toBe(false);
      await page.screenshot({ path: path.join(SHOTS, 'demo-banner-phone.png') });
      // Not on paper (printed card lists and acts are as narrow as a phone).
      await page.emulateMedia({ media: 'print' });
      expect(await mobile.isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
      await page.close();
    } finally {
      await server.close();
    }
  }, 180_000);

  it('is absent for a real clinic', async () => {
    const t = await startTestApp('sqlite', { webDir: WEB_DIR });
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1366, height: 800 } });
      page.setDefaultTimeout(60_000);
      await page.goto(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/patients`);
      await fillSignIn(page, t.fx.users.administrator.login, PASSWORD);
      await page.getByTestId('clinic-name').waitFor();
      expect(await page.getByTestId('demo-banner').count()).toBe(0);
      await page.close();
    } finally {
      await t.close();
    }
  }, 120_000);
});
