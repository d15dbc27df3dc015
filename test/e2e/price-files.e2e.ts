import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, startDemoServer, fillSignIn } from '../support/browser.js';

const HEADER = 'Код;Код МЗ;Наименование;Раздел;Цена, ₽;Цена до, ₽;Действует с;Примечание;Скрыта';
const csvFile = (...rows: string[]) => ({ name: 'прейскурант.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${[HEADER, ...rows].join('\r\n')}\r\n`) });

describe('browser: the price list to and from Excel (DESK-4)', () => {
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

  async function signedIn(login: string): Promise<Page> {
    const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/patients`);
    await fillSignIn(page, login);
    await page.getByTestId('nav-prices').click();
    await page.getByTestId('price-table').waitFor();
    return page;
  }

  it('admin: «Экспорт» → CSV for Excel downloads the list with its Russian header; no «Импорт»', async () => {
    const page = await signedIn('admin');
    expect(await page.getByTestId('price-import').count()).toBe(0);
    await page.getByTestId('price-export').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('price-export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^prajskurant-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.startsWith(`\ufeff${HEADER}\r\n`)).toBe(true);
    expect(text).toContain('Пломба из светоотверждаемого композита (1 поверхность)');

    // The export follows the page's date, not today: the list as it stood on the date chosen.
    await page.getByTestId('prices-date').fill('01.09.2026');
    await page.getByTestId('prices-on-date').getByText('Показаны цены на 01.09.2026').waitFor();
    await page.getByTestId('price-export').click();
    const [onDate] = await Promise.all([page.waitForEvent('download'), page.getByTestId('price-export-csv').click()]);
    expect(onDate.suggestedFilename()).toBe('prajskurant-2026-09-01.csv');
    await page.close();
  });

  it('chief: a file with a wrong amount shows the row and column and loads nothing; a good file is previewed, then loaded', async () => {
    const page = await signedIn('chief');
    await page.locator('input[type=file]').setInputFiles(csvFile('ФА-01;;Услуга из файла;Терапия;1 234;;;;', 'ФА-02;;Вторая;Терапия;сто;;;;'));
    const errors = page.getByTestId('price-import-errors');
    await errors.waitFor();
    await expect(errors.textContent()).resolves.toContain('Ничего не загружено');
    const row = errors.locator('tbody tr').first();
    await expect(row.locator('td').allTextContents()).resolves.toEqual(['3', 'Цена, ₽', 'Сумма в рублях, например 2 500 или 2 500,50']);
    expect(await page.getByTestId('price-import-apply').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'prices-import-errors.png') });
    await page.getByRole('button', { name: 'Отмена' }).click();
    await page.getByTestId('price-import-modal').waitFor({ state: 'hidden' });

    await page.locator('input[type=file]').setInputFiles(csvFile('ФА-01;;Услуга из файла;Терапия;1 234;;;;'));
    const counts = page.getByTestId('price-import-counts');
    await counts.waitFor();
    await expect(counts.locator('tr').first().locator('td').allTextContents()).resolves.toEqual(['Новых услуг', '1']);
    await page.screenshot({ path: path.join(SHOTS, 'prices-import-preview.png') });
    await page.getByTestId('price-import-apply').click();
    await page.getByTestId('price-import-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('prices-search').fill('услуга из файла');
    await page.getByTestId('price-row').filter({ hasText: 'Услуга из файла' }).waitFor();
    await page.close();
  });
});
