import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillSignIn, launchBrowser, startDemoServer } from '../support/browser.js';

const SHOT = process.env.VIZIT_SHOTS_PREFIX;

describe('browser: call quality control (CALL-8) and the telephony settings', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the chief doctor scores a call from the call base against the checklist and finds it in «Контроль качества»', async () => {
    const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/calls`);
    await fillSignIn(page, 'chief');
    const row = page.getByTestId('call-row').filter({ has: page.getByTestId('call-rate') }).first();
    await row.waitFor();
    const adminName = (await row.locator('td').nth(6).innerText()).trim();
    expect(adminName).not.toBe('');
    await row.getByTestId('call-rate').click();
    const dialog = page.getByTestId('quality-dialog');
    await page.getByTestId('quality-item-second_ring').waitFor();
    expect(await page.getByTestId('quality-item-second_ring').innerText()).toContain('Ответил не позже второго звонка');
    await page.getByTestId('quality-item-no_forbidden').getByText('Нет', { exact: true }).click();
    await page.getByTestId('quality-item-price_last').getByText('Нет', { exact: true }).click();
    await page.getByTestId('quality-item-directions').getByText('Не относится', { exact: true }).click();
    await expect.poll(() => page.getByTestId('quality-total').innerText()).toBe('Итог: 13 из 15 · 86,7 %');
    const comment = 'Сказала «я могу вам предложить», цену назвала до презентации';
    await page.getByTestId('quality-comment').fill(comment);
    if (SHOT) await page.screenshot({ path: `${SHOT}-dialog.png` });
    await page.getByTestId('quality-save').click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByTestId('tab-quality').click();
    await page.getByTestId('quality-panel').waitFor();
    const scores = page.getByTestId('quality-scores');
    await scores.getByText(comment).waitFor();
    const scored = scores.locator('tr', { hasText: comment });
    expect(await scored.innerText()).toContain('13/15');
    expect(await scored.innerText()).toContain(adminName);
    expect(await page.getByTestId('quality-admins').innerText()).toContain(adminName);
    expect(await page.getByTestId('quality-weakest').innerText()).toMatch(/запрещённую фразу|мини-презентации|альтернативным вопросом|итог потребности/);
    await page.locator('.recharts-line').first().waitFor();
    if (SHOT) await page.screenshot({ path: `${SHOT}-panel.png` });

    // The administrator sees the call base but neither the action nor the tab.
    const admin = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1440, height: 1000 } });
    await admin.goto(`${server.url}/calls`);
    await fillSignIn(admin, 'admin');
    await admin.getByTestId('call-row').first().waitFor();
    expect(await admin.getByTestId('call-rate').count()).toBe(0);
    expect(await admin.getByTestId('tab-quality').count()).toBe(0);
  }, 120_000);

  it('the owner generates the PBX secret (shown once, with a warning) and maps a line typed the Russian way to a branch', async () => {
    const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/settings/telephony`);
    await fillSignIn(page, 'owner');
    expect(await page.getByTestId('telephony-status').innerText()).toBe('Не подключена');
    expect(await page.getByTestId('telephony-webhook').innerText()).toBe(`${server.url}/api/telephony/events`);
    await page.getByTestId('telephony-rotate').click();
    const secret = (await page.getByTestId('telephony-secret').innerText()).trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await page.getByText('Vizit больше его не покажет', { exact: false }).waitFor();
    if (SHOT) await page.screenshot({ path: `${SHOT}-secret.png` });
    await page.getByTestId('telephony-secret-done').click();
    expect(await page.content()).not.toContain(secret);

    await page.getByTestId('telephony-add-line').click();
    await page.getByTestId('telephony-line').last().fill('8 (812) 100-00-01');
    await page.getByTestId('telephony-branch').last().click();
    await page.getByRole('option').first().click();
    await page.getByTestId('telephony-save-lines').click();
    await expect.poll(() => page.getByTestId('telephony-status').innerText()).toBe('Подключена');
    await page.reload();
    await expect.poll(() => page.getByTestId('telephony-line').first().inputValue()).toBe('+7 (812) 100-00-01');
    if (SHOT) await page.screenshot({ path: `${SHOT}-telephony.png`, fullPage: true });
    const db = server.h.db;
    expect((await db.selectFrom('telephony_lines').select('line').execute()).map((l) => l.line)).toEqual(['+78121000001']);
  }, 120_000);
});
