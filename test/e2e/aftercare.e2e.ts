import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, signedInPage, startDemoServer } from '../support/browser.js';

/**
 * DOC-7 and DOC-4 in the browser: a finished visit with a filling on its bill offers the filling leaflet and the
 * warranty coupons on the visit panel; one click issues the leaflet and opens its PDF; it is not offered again.
 */
describe('browser: after treatment — the leaflet and the warranty coupons offered on the visit panel (DOC-4, DOC-7)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let desk: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    desk = await signedInPage(browser, server.url, 'admin', '/');
    await desk.getByRole('button', { name: 'Выйти' }).waitFor();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('one click issues the leaflet and opens its PDF; the offer turns into «Выдано»', async () => {
    const db = server.h.db as unknown as Kysely<any>;
    // A finished visit of an earlier day (not depending on the hour) whose bill has a composite filling.
    const visit = await db
      .selectFrom('appointments as a')
      .innerJoin('bills', 'bills.appointment_id', 'a.id')
      .innerJoin('bill_lines as l', 'l.bill_id', 'bills.id')
      .select(['a.id', 'a.local_date', 'a.branch_id', 'a.patient_id'])
      .where('a.status', '=', 'done')
      .where('bills.status', '!=', 'cancelled')
      .where('l.code', '=', 'Т-01')
      .where('a.starts_at', '<', new Date(Date.now() - 2 * 86_400_000).toISOString())
      .orderBy('a.starts_at', 'desc')
      .executeTakeFirstOrThrow() as { id: string; local_date: string; branch_id: string; patient_id: string };
    await db.deleteFrom('patient_documents').where('appointment_id', '=', visit.id).where('kind', 'in', ['leaflet', 'warranty_coupon']).execute();

    await desk.goto(`${server.url}/schedule?date=${visit.local_date}&branch=${visit.branch_id}`);
    await desk.getByTestId(`appt-${visit.id}`).click();
    const box = desk.getByTestId('aftercare');
    const offer = box.locator('[data-testid="aftercare-offer"][data-template="leaflet-filling"]');
    await offer.waitFor();
    await expect(offer.textContent()).resolves.toContain('Памятка: после постановки постоянной пломбы');
    await box.locator('[data-testid="aftercare-offer"][data-template="warranty-coupon-card"]').waitFor();
    await box.locator('[data-testid="aftercare-offer"][data-template="warranty-coupon-patient"]').waitFor();
    await box.scrollIntoViewIfNeeded();
    await desk.screenshot({ path: path.join(SHOTS, 'aftercare-offers.png') });

    const [tab] = await Promise.all([desk.context().waitForEvent('page'), offer.getByTestId('aftercare-issue').click()]);
    await tab.waitForURL(/\/api\/documents\/[0-9a-f-]+\/pdf$/);
    const issued = box.locator('[data-testid="aftercare-issued"][data-template="leaflet-filling"]');
    await issued.waitFor();
    await expect(box.locator('[data-testid="aftercare-offer"][data-template="leaflet-filling"]').count()).resolves.toBe(0);
    const id = /\/api\/documents\/([0-9a-f-]+)\/pdf$/.exec(tab.url())![1];
    const pdf = await desk.request.get(`${server.url}/api/documents/${id}/pdf`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await tab.close();
    const rows = await db.selectFrom('patient_documents').select(['id', 'template_code', 'status']).where('appointment_id', '=', visit.id).where('kind', '=', 'leaflet').execute();
    expect(rows).toEqual([{ id, template_code: 'leaflet-filling', status: 'issued' }]);
    await desk.screenshot({ path: path.join(SHOTS, 'aftercare-issued.png') });
  }, 180_000);
});
