import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, SHOTS, signedInPage, startDemoServer } from '../support/browser.js';

/**
 * «Рассылки» in a real browser on the demo clinic: the owner sees who will receive a mailing (those
 * who agreed first), sends an SMS mailing into the outbox, marks one SMS sent by hand; the desk records
 * a patient's consent on the card; the owner's «Почта и SMS» never shows the password.
 */
describe('mailings screens (REC-4)', () => {
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

  it('previews a segment, sends an SMS mailing into the outbox and marks one sent by hand', async () => {
    const p = await signedInPage(b, s.url, 'owner', '/mailings', 1100);
    await p.getByTestId('mailing-channel').getByText('SMS').click();
    await expect.poll(async () => p.getByTestId('preview-count').textContent(), { timeout: 20_000 }).toMatch(/получат: [1-9]/);
    const firstBadge = await p.getByTestId('mailing-preview').locator('tbody tr').first().textContent();
    expect(firstBadge).toContain('получит');
    await p.getByTestId('mailing-body').fill('{имя}, в декабре скидка 15 % на профгигиену.');
    p.once('dialog', (d) => void d.accept());
    await p.getByTestId('mailing-send').click();
    await p.getByTestId('mailings-table').waitFor();
    expect(await p.getByTestId('mailings-table').locator('tbody tr').first().textContent()).toContain('в декабре скидка 15 %');
    await p.screenshot({ path: `${SHOTS}/mailings-history.png` });
    await p.getByTestId('tab-outbox').click();
    await p.getByTestId('outbox-table').waitFor();
    const manual = p.getByTestId('outbox-mark-sent');
    const before = await manual.count();
    expect(before).toBeGreaterThan(0);
    await manual.first().click();
    await expect.poll(() => manual.count()).toBe(before - 1);
    await p.screenshot({ path: `${SHOTS}/mailings-outbox.png` });
  }, 90_000);

  it('records the consent to mailings on the patient card', async () => {
    const pid = (await s.h.db.selectFrom('patients').select('id').where('pd_state', '=', 'active').orderBy('card_number', 'desc').limit(1).executeTakeFirstOrThrow()).id;
    await s.h.db.deleteFrom('mailing_consents').where('patient_id', '=', pid).execute();
    const p = await signedInPage(b, s.url, 'admin', `/patients/${pid}`, 1100);
    const row = p.getByTestId('mailing-consent-sms');
    await row.waitFor();
    expect(await row.textContent()).toContain('не спрашивали');
    await p.getByTestId('consent-sms-agree').click();
    await expect.poll(() => row.textContent()).toContain('согласен');
    expect(await row.textContent()).toContain('Миронова');
    await row.scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${SHOTS}/mailings-consent.png` });
  }, 60_000);

  it('keeps «Почта и SMS» the owner’s and the password write-only', async () => {
    const p = await signedInPage(b, s.url, 'owner', '/settings/mailings', 1300);
    await p.getByTestId('smtp-host').fill('smtp.example.ru');
    await p.getByTestId('smtp-password').fill('очень-секретно');
    await p.getByTestId('reminders-email').click();
    await p.getByTestId('public-url-warning').waitFor();
    await p.getByTestId('public-url').fill('https://vizit.ulybka.ru');
    expect(await p.getByTestId('public-url-warning').count()).toBe(0);
    await p.getByTestId('messaging-save').click();
    await expect.poll(() => p.getByText('Пароль сохранён').count()).toBe(1);
    expect(await p.getByTestId('smtp-password').inputValue()).toBe('');
    await p.screenshot({ path: `${SHOTS}/mailings-settings.png`, fullPage: true });
    const chief = await signedInPage(b, s.url, 'chief', '/settings/mailings', 900);
    await chief.getByText('Нет доступа').first().waitFor();
    expect(await chief.getByTestId('smtp-host').count()).toBe(0);
    expect(await chief.getByTestId('nav-mailing-settings').count()).toBe(0);
    expect(await chief.getByTestId('nav-mailings').count()).toBe(1);
  }, 60_000);
});
