import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, SHOTS, signedInPage, startDemoServer } from '../support/browser.js';

/**
 * «Рассылки» walked with hostile input on the demo clinic: wrong settings are marked on their fields
 * (not one vague toast, twice); the outbox fits the desk's 1366-px screen; the preview shows phones
 * in the Russian form; an SMS text says how many paid parts it takes and warns of placeholders that
 * would reach patients as written; HTML in a text stays text.
 */
describe('mailings screens under hostile input (issue #10)', () => {
  let s: Awaited<ReturnType<typeof startDemoServer>>;
  let b: Browser;
  beforeAll(async () => {
    s = await startDemoServer('sqlite');
    b = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });

  it('marks each wrong setting on its field, once, and saves nothing', async () => {
    const p = await signedInPage(b, s.url, 'owner', '/settings/mailings', 1300);
    await p.getByTestId('smtp-host').fill('<script>alert(1)</script>');
    await p.getByTestId('smtp-from').fill('не адрес');
    await p.getByTestId('public-url').fill('javascript:alert(1)');
    await p.getByTestId('messaging-save').click();
    await p.getByTestId('messaging-errors').waitFor();
    expect(await p.getByTestId('messaging-errors').textContent()).toContain('исправьте поля, отмеченные красным');
    for (const id of ['smtp-host', 'smtp-from', 'public-url']) expect(await p.getByTestId(id).getAttribute('aria-invalid'), id).toBe('true');
    expect(await p.getByText('Неверный адрес электронной почты').count()).toBe(1);
    expect(await p.locator('.mantine-Notification-root').count()).toBe(0);
    await p.screenshot({ path: `${SHOTS}/mailings-settings-errors.png`, fullPage: true });
    // Nothing was stored.
    expect((await s.h.db.selectFrom('messaging_settings').select('smtp_host').executeTakeFirstOrThrow()).smtp_host).toBeNull();
    // Corrected, it saves and the marks go.
    await p.getByTestId('smtp-host').fill('smtp.example.ru');
    await p.getByTestId('smtp-from').fill('info@example.ru');
    await p.getByTestId('public-url').fill('https://vizit.example.ru');
    await p.getByTestId('messaging-save').click();
    await expect.poll(() => p.getByTestId('messaging-errors').count()).toBe(0);
    expect(await p.getByTestId('smtp-from').getAttribute('aria-invalid')).not.toBe('true');
  }, 60_000);

  it('fits the outbox on the screen; the SMS preview and text speak the desk’s language', async () => {
    const p = await signedInPage(b, s.url, 'owner', '/mailings', 1000);
    await p.getByTestId('tab-outbox').click();
    await p.getByTestId('outbox-table').waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const box = await p.getByTestId('outbox-mark-sent').first().boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
    await p.screenshot({ path: `${SHOTS}/mailings-outbox-fits.png` });

    await p.getByText('Новая рассылка').click();
    await p.getByTestId('mailing-channel').getByText('SMS').click();
    await expect.poll(async () => p.getByTestId('mailing-preview').locator('tbody tr').first().textContent(), { timeout: 20_000 }).toMatch(/\+7 \(\d{3}\) \d{3}-\d{2}-\d{2}/);
    expect(await p.getByTestId('mailing-preview').locator('tbody').textContent()).not.toMatch(/\+7\d{10}/);
    await p.getByTestId('mailing-body').fill('<script>alert("x")</script> {имя}, {дата} скидка');
    expect(await p.getByTestId('unknown-placeholders').textContent()).toContain('{дата}');
    expect(await p.getByTestId('sms-parts').textContent()).toMatch(/Символов: 48, частей SMS: 1/);
    await p.getByTestId('mailing-body').fill(`{имя}, ${'скидка '.repeat(20)}`);
    expect(await p.getByTestId('sms-parts').textContent()).toMatch(/частей SMS: 3/);
    expect(await p.getByTestId('unknown-placeholders').count()).toBe(0);
    await p.screenshot({ path: `${SHOTS}/mailings-sms-parts.png`, fullPage: true });
  }, 60_000);
});
