import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/demo/demo-staff.js';
import { SHOTS, launchBrowser, signedInPage, startDemoServer } from '../support/browser.js';

const NEW_ITEM = 'Проверить терминал оплаты картой';

describe('browser: the daily opening checklist (DESK-1)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let owner: Page;
  let admin: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    owner = await signedInPage(browser, server.url, 'owner', '/desk/opening?tab=items', 1000);
    admin = await signedInPage(browser, server.url, 'admin', '/desk/opening', 1000);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the owner adds an item to the first branch; it joins today’s list at once', async () => {
    const items = owner.getByTestId('checklist-items');
    await items.getByRole('textbox').first().waitFor();
    await expect(items.getByRole('textbox').count()).resolves.toBe(6);
    await expect(items.getByRole('textbox').nth(3).inputValue()).resolves.toBe('Проверить наличие чистых бахил');
    await owner.getByRole('button', { name: 'Добавить пункт' }).click();
    await items.getByRole('textbox').nth(6).fill(NEW_ITEM);
    await owner.getByTestId('checklist-items-save').click();
    await owner.getByText('Чек-лист сохранён').waitFor();
    await owner.screenshot({ path: path.join(SHOTS, 'checklist-items.png') });
  }, 60_000);

  it('the administrator ticks it with one click and sees who and when; a note explains what could not be done', async () => {
    // The desk's page was open before the owner saved: it shows the new item on its next load.
    await admin.reload();
    await admin.getByTestId('checklist-today').waitFor();
    const row = admin.getByTestId('checklist-item').filter({ hasText: NEW_ITEM });
    await row.waitFor();
    // A controlled box: it shows the tick the server stored, a moment after the click.
    await row.getByRole('checkbox').click();
    const name = DEMO_USERS.find((u) => u.login === 'admin')!.fullName;
    await row.getByText(new RegExp(`${name}, \\d{2}:\\d{2}`)).waitFor();
    await expect(row.getByRole('checkbox').isChecked()).resolves.toBe(true);
    await admin.screenshot({ path: path.join(SHOTS, 'checklist-today-ticked.png'), fullPage: true });
    await row.getByRole('checkbox').click();
    await row.getByRole('button', { name: 'Не получилось' }).waitFor();
    await row.getByRole('button', { name: 'Не получилось' }).click();
    await row.getByRole('textbox').fill('Терминал не включается, вызвали банк');
    await row.getByRole('button', { name: 'Сохранить пометку' }).click();
    await row.getByTestId('checklist-note').getByText(/Пометка: Терминал не включается, вызвали банк/).waitFor();
    const stored = await server.h.db.selectFrom('checklist_marks').select(['note', 'done_at']).where('text', '=', NEW_ITEM).execute();
    expect(stored).toEqual([{ note: 'Терминал не включается, вызвали банк', done_at: null }]);
    await admin.screenshot({ path: path.join(SHOTS, 'checklist-today-note.png'), fullPage: true });
    // The items and the report are not the desk's.
    await expect(admin.getByTestId('checklist-tab-report').count()).resolves.toBe(0);
  }, 60_000);

  it('the owner’s report shows the demo’s two late openings and the skipped day highlighted', async () => {
    await owner.getByTestId('checklist-tab-report').click();
    await owner.getByTestId('checklist-totals').waitFor();
    await expect(owner.getByTestId('checklist-row-late').count()).resolves.toBe(2);
    await expect(owner.getByTestId('checklist-row-skipped').count()).resolves.toBe(1);
    await expect(owner.getByTestId('checklist-totals').textContent()).resolves.toMatch(/с опозданием: 2 · пропущено: 1/);
    await owner.getByTestId('checklist-row-late').first().getByText(/опоздание \d+ мин/).waitFor();
    await owner.getByText('Буклеты закончились, заказали в типографии', { exact: false }).waitFor();
    await owner.screenshot({ path: path.join(SHOTS, 'checklist-report.png'), fullPage: true });
    // The problems only: two late days, the skipped one, and the two days with notes.
    await owner.getByTestId('checklist-problems-only').click();
    await expect(owner.getByRole('row').count()).resolves.toBe(1 + 5);
    await owner.screenshot({ path: path.join(SHOTS, 'checklist-report-problems.png'), fullPage: true });
  }, 60_000);
});
