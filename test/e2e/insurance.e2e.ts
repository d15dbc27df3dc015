import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../src/domain/schedule/time.js';
import { SHOTS, launchBrowser, signedInPage, startDemoServer } from '../support/browser.js';

describe('browser: «Страховые» (ДМС journal, registers) and the ДМС and tax blocks of the patient card', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let today: string;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    const clinic = await server.h.db.selectFrom('clinics').select('time_zone').executeTakeFirstOrThrow();
    today = localDateOf(Date.now(), clinic.time_zone);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('admin: the journal of insured visits, this month’s register sent and then paid by the insurer', async () => {
    const page = await signedInPage(browser, server.url, 'admin', '/patients');
    await page.getByTestId('nav-insurance').click();
    await page.getByTestId('ins-journal-table').waitFor();
    await expect(page.getByTestId('ins-journal-total').textContent()).resolves.toMatch(/^Визитов: \d+, на сумму [\d\u202f]+,\d\d ₽$/);
    await page.screenshot({ path: path.join(SHOTS, 'insurance-journal.png'), fullPage: true });

    // This month's visits billed to an insurer are not in a register yet: send one and record the payment.
    const open = await server.h.db.selectFrom('bill_insurance as bi').innerJoin('insurers as i', 'i.id', 'bi.insurer_id')
      .select(['i.name']).where('bi.register_id', 'is', null).where('bi.service_date', '>=', `${today.slice(0, 7)}-01`).executeTakeFirst();
    // The demo has one whatever the day (test/api/demo-insurance.api.test.ts checks the 1st, the 31st and 1 January).
    expect(open, 'the demo bills some of this month’s visits to an insurer').toBeTruthy();
    await page.getByTestId('ins-tab-registers').click();
    await page.getByTestId('ins-reg-insurer').click();
    await page.getByRole('option', { name: open!.name }).click();
    await page.getByTestId('ins-reg-month').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('ins-reg-draft').getByText(/^Визитов: \d+, услуг: \d+, на сумму/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'insurance-register-draft.png'), fullPage: true });
    await page.getByTestId('ins-reg-send').click();
    await page.getByTestId('ins-reg-send-confirm').click();
    await page.getByText(/^Реестр № \d+ отправлен$/).waitFor();
    const sent = await server.h.db.selectFrom('insurance_registers').select(['number', 'total']).orderBy('number', 'desc').executeTakeFirstOrThrow();
    await page.getByTestId(`ins-reg-pay-${sent.number}`).click();
    // Marking a bill the insurer's experts refused recomputes the payment; unmarking restores the total.
    const amount = page.getByTestId('ins-pay-amount');
    const full = (sent.total / 100).toFixed(2).replace('.', ',');
    await expect.poll(() => amount.inputValue()).toBe(full);
    await page.getByTestId('ins-pay-refusing').click();
    await page.getByTestId('ins-pay-bill').first().waitFor();
    const firstSum = Number((await page.getByTestId('ins-pay-bill').first().locator('td').nth(2).textContent())!.replace(/[^\d,]/g, '').replace(',', '.'));
    await page.getByTestId('ins-pay-refuse-0').click();
    await page.getByTestId('ins-pay-reason-0').fill('Нет показаний к лечению');
    await expect.poll(() => amount.inputValue()).toBe((sent.total / 100 - firstSum).toFixed(2).replace('.', ','));
    await page.screenshot({ path: path.join(SHOTS, 'insurance-register-refused.png') });
    await page.getByTestId('ins-pay-refusing').click();
    await expect.poll(() => amount.inputValue()).toBe(full);
    await page.getByTestId('ins-pay-save').click();
    await page.getByTestId('ins-reg-list').getByText(/^Оплачен \d\d\.\d\d\.\d{4}$/).first().waitFor();
    await expect.poll(async () => (await server.h.db.selectFrom('insurance_registers').select('status').where('number', '=', sent.number).executeTakeFirstOrThrow()).status).toBe('paid');
    await page.screenshot({ path: path.join(SHOTS, 'insurance-registers.png'), fullPage: true });
  });

  it('the patient card: policies with letters and what is left, an expired policy marked; a tax certificate issued from the year’s payments', async () => {
    const expired = await server.h.db.selectFrom('insurance_policies').select('patient_id').where('valid_to', '<', today).executeTakeFirstOrThrow();
    const page = await signedInPage(browser, server.url, 'admin', `/patients/${expired.patient_id}`);
    await page.getByTestId('patient-dms').getByTestId('dms-policy').first().waitFor();
    await expect(page.getByTestId('dms-policy-state').first().textContent()).resolves.toBe('Истёк');
    await expect(page.getByTestId('dms-letter').first().textContent()).resolves.toMatch(/Осталось [\d\u202f]+,\d\d ₽ из [\d\u202f]+,\d\d ₽/);
    await page.getByTestId('patient-dms').screenshot({ path: path.join(SHOTS, 'insurance-patient-dms.png') });

    // A patient who paid by transfer this year and has no certificate yet.
    const payer = await server.h.db.selectFrom('payments as p').select('p.patient_id').where('p.method', 'in', ['cash', 'card', 'transfer']).where('p.kind', '=', 'payment')
      .where('p.created_at', '>=', `${today.slice(0, 4)}-01-01`)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('tax_certificates as c').select('c.id').whereRef('c.patient_id', '=', 'p.patient_id'))))
      .executeTakeFirstOrThrow();
    await page.goto(`${server.url}/patients/${payer.patient_id}`);
    await page.getByTestId('tax-issue-open').click();
    await page.getByTestId('tax-year').click();
    await page.getByRole('option', { name: today.slice(0, 4) }).click();
    await page.getByTestId('tax-preview').getByText(new RegExp(`^Оплачено за ${today.slice(0, 4)} год: [\\d\\u202f]+,\\d\\d ₽`)).waitFor();
    await page.getByTestId('tax-document').fill('Паспорт РФ 40 12 345678, выдан 01.02.2015');
    await page.getByTestId('tax-issue-form').screenshot({ path: path.join(SHOTS, 'insurance-tax-form.png') });
    await page.getByTestId('tax-issue-save').click();
    await page.getByText(/^Справка № \d+ выдана$/).waitFor();
    await page.getByTestId('patient-tax').getByTestId('tax-cert-table').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'insurance-patient-tax.png'), fullPage: true });
  });

  it('admin: an insurer’s new programme is added from its card, Enter adds it without closing the form', async () => {
    const page = await signedInPage(browser, server.url, 'admin', '/patients');
    await page.getByTestId('nav-insurance').click();
    await page.getByTestId('ins-tab-insurers').click();
    const card = page.getByTestId('ins-insurer-card').first();
    await card.getByRole('button', { name: 'Изменить' }).click();
    const programmes = page.getByTestId('ins-programmes');
    await programmes.waitFor();
    const before = await programmes.getByTestId('ins-programme').count();
    await page.getByTestId('ins-programme-name').fill('Стоматология «Оптимум»');
    await page.getByTestId('ins-programme-name').press('Enter');
    await expect.poll(() => programmes.getByTestId('ins-programme').count()).toBe(before + 1);
    // Enter added the programme and did not submit (and close) the insurer's form around it.
    await expect(page.getByTestId('ins-insurer-form').isVisible()).resolves.toBe(true);
    await programmes.getByTestId('ins-programme').filter({ hasText: /^Стоматология «Оптимум»$/ }).waitFor();
    await programmes.screenshot({ path: path.join(SHOTS, 'insurance-programmes.png') });
    const stored = await server.h.db.selectFrom('insurance_programmes').select('name').where('name', '=', 'Стоматология «Оптимум»').execute();
    expect(stored).toHaveLength(1);
  });
});
