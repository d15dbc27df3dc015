import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { rubles } from '../../src/domain/prices.js';
import { localDateOf } from '../../src/domain/schedule/time.js';
import { SHOTS, launchBrowser, startDemoServer, fillSignIn } from '../support/browser.js';

/** '2027-01-01' → '01.01.2027', as the screen writes dates. */
const ru = (iso: string) => iso.split('-').reverse().join('.');
/** A whole-ruble amount as the screen writes it (narrow no-break spaces), e.g. «5 500 ₽». */
const rub = (r: number) => `${rubles(r * 100)} ₽`;

describe('browser: «Прейскурант», the desk’s price list (CALL-6)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let today: string;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
    const clinic = await server.h.db.selectFrom('clinics').select('time_zone').executeTakeFirstOrThrow();
    today = localDateOf(Date.now(), clinic.time_zone);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(login: string): Promise<Page> {
    const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/patients`);
    await fillSignIn(page, login);
    await page.getByTestId('nav-prices').click();
    await page.getByTestId('price-table').waitFor();
    return page;
  }

  it('admin: one click from the menu, types at once; the filling with «без анестезии», its price and the announced change; a range with the doctor’s-examination hint; no «Добавить услугу»', async () => {
    const page = await signedIn('admin');
    // The cursor is already in the search box: the administrator just types.
    await page.keyboard.type('пломба');
    await page.locator('[data-testid=price-table][data-answers="пломба"]').waitFor();
    const filling = page.getByTestId('price-row').filter({ hasText: 'Пломба из светоотверждаемого композита (1 поверхность)' });
    await filling.waitFor();
    await expect(filling.getByTestId('price-note').textContent()).resolves.toBe('без анестезии');
    await expect(filling.getByTestId('price-now').textContent()).resolves.toBe(rub(5_500));
    await expect(filling.getByTestId('price-next').textContent()).resolves.toBe(`с 01.01.${Number(today.slice(0, 4)) + 1} — ${rub(5_900)}`);
    expect(await page.getByTestId('price-row').filter({ hasText: 'Удаление' }).count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'prices-desk.png'), fullPage: true });

    // «Сколько стоило в прошлом месяце»: the price in force then, with the change that followed it.
    const monthStart = `${today.slice(0, 8)}01`;
    const before = addDays(monthStart, -15);
    await page.getByTestId('prices-date').fill(ru(before));
    await page.getByTestId('prices-on-date').getByText(`Показаны цены на ${ru(before)}`).waitFor();
    await expect.poll(() => filling.getByTestId('price-now').textContent()).toBe(rub(5_000));
    await expect(filling.getByTestId('price-next').textContent()).resolves.toBe(`с ${ru(monthStart)} — ${rub(5_500)}`);
    await page.getByRole('button', { name: 'На сегодня' }).click();
    await expect.poll(() => filling.getByTestId('price-now').textContent()).toBe(rub(5_500));

    await page.getByTestId('prices-search').fill('имплант');
    await page.locator('[data-testid=price-table][data-answers="имплант"]').waitFor();
    const implant = page.getByTestId('price-row').filter({ hasText: 'Установка дентального имплантата' });
    await implant.waitFor();
    await expect(implant.getByTestId('price-now').textContent()).resolves.toBe(`от ${rubles(3_500_000)} до ${rubles(6_000_000)} ₽`);
    await expect(implant.getByTestId('price-range-hint').textContent()).resolves.toBe('Окончательная стоимость — после осмотра врача');
    await page.screenshot({ path: path.join(SHOTS, 'prices-desk-range.png'), fullPage: true });

    expect(await page.getByTestId('price-add').count()).toBe(0);
    // The history is open to the desk too, read-only.
    await implant.click();
    await page.getByTestId('price-history').waitFor();
    expect(await page.getByTestId('price-version-form').count()).toBe(0);
    expect(await page.getByTestId('price-edit-form').count()).toBe(0);
    await page.keyboard.press('Escape');

    // A free consultation is said as such, not «0 ₽».
    await page.getByTestId('prices-search').fill('первичная терапевта');
    await page.locator('[data-testid=price-table][data-answers="первичная терапевта"]').waitFor();
    await expect(page.locator('[data-testid=price-row][data-code="К-01"]').getByTestId('price-now').textContent()).resolves.toBe('бесплатно');
    await page.close();
  }, 180_000);

  it('chief: adds a service with a range, sets a new price from a future date (a typed «12,345» refused on the field); it is announced in the list and in the history', async () => {
    const page = await signedIn('chief');
    await page.getByTestId('price-add').click();
    await page.getByTestId('price-form-code').fill('Х-99');
    await page.getByTestId('price-form-name').fill('Удаление зуба мудрости сложное (проверка)');
    await page.getByTestId('price-form-section').fill('Хирургия');
    await page.getByTestId('price-form-note').fill('без анестезии');
    await page.getByTestId('price-form-min').fill('10 000');
    await page.getByTestId('price-form-max').fill('15000');
    // The server's field messages land on their fields: a malformed Ministry code, then a code in use.
    await page.getByTestId('price-form-moh').fill('A16.07');
    await page.getByTestId('price-form-code').fill('Т-01');
    await page.getByTestId('price-form-submit').click();
    await page.getByText('Код номенклатуры Минздрава вида A16.07.002.010 или B01.065.001').waitFor();
    await expect(page.getByTestId('price-form-moh').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByTestId('price-form-moh').fill('A16.07.024');
    await page.getByTestId('price-form-submit').click();
    await page.getByText('Такой код уже есть в прейскуранте').waitFor();
    await expect(page.getByTestId('price-form-code').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByTestId('price-form-code').fill('Х-99');
    await page.getByTestId('price-form-submit').click();

    const drawer = page.getByTestId('price-drawer');
    await drawer.getByTestId('price-history').waitFor();
    await expect(drawer.getByTestId('drawer-price-now').textContent()).resolves.toBe(`от ${rubles(1_000_000)} до ${rubles(1_500_000)} ₽`);

    const from = addDays(today, 40);
    await drawer.getByTestId('price-version-from').fill(ru(from));
    await drawer.getByTestId('price-version-min').fill('12,345');
    await drawer.getByTestId('price-version-submit').click();
    await drawer.getByText('Сумма в рублях: 2 500 или 2 500,50').waitFor();
    await expect(drawer.getByTestId('price-version-min').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await server.h.db.selectFrom('price_versions').select('id').where('price_min', '=', 1_234_500).execute()).toHaveLength(0);

    await drawer.getByTestId('price-version-min').fill('12 000');
    await drawer.getByTestId('price-version-submit').click();
    const announced = drawer.getByTestId('price-history-row').filter({ hasText: ru(from) });
    await announced.waitFor();
    await expect(announced.textContent()).resolves.toContain('объявлена');
    await expect(announced.textContent()).resolves.toContain(rub(12_000));
    await expect(announced.textContent()).resolves.toContain('Белов Андрей Николаевич');
    await expect(drawer.getByTestId('drawer-price-next').textContent()).resolves.toBe(`с ${ru(from)} — ${rub(12_000)}`);
    await page.screenshot({ path: path.join(SHOTS, 'prices-chief-drawer.png') });

    await page.keyboard.press('Escape');
    await page.getByTestId('prices-search').fill('мудрости проверка');
    const row = page.getByTestId('price-row').filter({ hasText: 'Удаление зуба мудрости сложное (проверка)' });
    await row.waitFor();
    await expect(row.getByTestId('price-next').textContent()).resolves.toBe(`с ${ru(from)} — ${rub(12_000)}`);
    await expect(row.getByTestId('price-range-hint').count()).resolves.toBe(1);
    await page.close();
  }, 180_000);
});
