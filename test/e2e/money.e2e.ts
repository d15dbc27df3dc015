import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, signedInPage, startDemoServer } from '../support/browser.js';

/** «Деньги» (the owner's view of money) and «Фискальные чеки» on the demo clinic. */
describe('browser: the owner’s money and the fiscal receipts', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let owner: Page;
  let admin: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    owner = await signedInPage(browser, server.url, 'owner', '/money', 1300);
    admin = await signedInPage(browser, server.url, 'admin', '/fiscal-receipts', 1000);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('last month: revenue, billed and paid, by day, method, doctor and service; a figure opens its payments', async () => {
    await owner.getByTestId('money-prev-month').click();
    const revenue = owner.getByTestId('money-revenue-value');
    await revenue.waitFor();
    await owner.waitForFunction(() => !/^0,00/.test(document.querySelector('[data-testid="money-revenue-value"]')?.textContent ?? '0,00'));
    const text = (await revenue.textContent())!;
    expect(text).toMatch(/^\d{1,3}(\u202f\d{3})*,\d{2}\u00a0₽$/);
    const cash = await owner.getByTestId('money-method-cash').textContent();
    expect(cash).toMatch(/₽$/);
    await expect(owner.getByTestId('money-doctor-row').count()).resolves.toBeGreaterThan(5);
    // A day the clinic was closed is a bar of no height (hidden): wait for a day with revenue, not the 1st
    // (1 November 2026 is a Sunday: the test failed in December only).
    await owner.locator('.recharts-bar-rectangle').filter({ visible: true }).first().waitFor();
    await owner.screenshot({ path: path.join(SHOTS, 'money-revenue.png'), fullPage: true });
    await owner.getByTestId('money-method-card').click();
    const drill = owner.getByRole('dialog');
    await drill.getByTestId('drill-row').first().waitFor();
    await expect(drill.getByText(/Показано \d+ из \d+/).count()).resolves.toBe(1);
    await owner.screenshot({ path: path.join(SHOTS, 'money-drill.png') });
    await owner.keyboard.press('Escape');
  }, 90_000);

  it('debts with phones and the oldest unpaid bill; shifts with the discrepancy and its note', async () => {
    await owner.getByTestId('money-tab-debts').click();
    await owner.getByTestId('debt-row').first().waitFor();
    await expect(owner.getByTestId('debt-row').first().getByText(/№ \d+ от \d{2}\.\d{2}\.\d{4}, долг/).count()).resolves.toBe(1);
    await owner.screenshot({ path: path.join(SHOTS, 'money-debts.png'), fullPage: true });
    await owner.getByTestId('money-tab-shifts').click();
    await owner.getByTestId('shift-row').first().waitFor();
    await owner.getByTestId('money-from').fill('01.08.2026');
    await owner.keyboard.press('Enter');
    await owner.keyboard.press('Escape');
    const odd = owner.getByTestId('shift-row').filter({ has: owner.getByTestId('shift-discrepancy') }).first();
    await odd.waitFor();
    await expect(odd.getByText(/Недостача 100 ₽|Излишек 50 ₽/).count()).resolves.toBe(1);
    await odd.scrollIntoViewIfNeeded();
    await owner.screenshot({ path: path.join(SHOTS, 'money-shifts.png') });
  }, 90_000);

  it('the administrator has no «Деньги» but runs the fiscal receipts: waiting ones marked punched by hand with a reason', async () => {
    await expect(admin.getByTestId('nav-money').count()).resolves.toBe(0);
    await admin.getByTestId('fiscal-driver').getByText(/Касса не подключена/).waitFor();
    const pending = admin.getByTestId('fiscal-row').filter({ hasText: 'ожидает' });
    await pending.first().waitFor();
    const before = await pending.count();
    await pending.first().getByTestId('fiscal-manual').click();
    await admin.getByTestId('fiscal-manual-save').click();
    await admin.getByText('Заполните поле').or(admin.getByText('Поле не может быть пустым')).first().waitFor();
    await admin.getByTestId('fiscal-reason').fill('Касса была без связи, чек пробит на кассе');
    await admin.getByTestId('fiscal-manual-save').click();
    await admin.getByText('Отмечено: пробит вручную').waitFor();
    await expect.poll(() => admin.getByTestId('fiscal-row').filter({ hasText: 'ожидает' }).count()).toBe(before - 1);
    await admin.getByTestId('fiscal-row').filter({ hasText: 'Касса была без связи' }).first().waitFor();
    await admin.screenshot({ path: path.join(SHOTS, 'fiscal-receipts.png') });
    await admin.goto(`${server.url}/money`);
    await admin.getByText(/нет доступа|Нет доступа/i).first().waitFor();
  }, 90_000);
});
