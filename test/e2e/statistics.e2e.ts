import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { localDateOf } from '../../src/domain/schedule/time.js';
import { SHOTS, launchBrowser, startDemoServer, signedInPage } from '../support/browser.js';

describe('browser: the owner’s statistics and the desk’s «Сегодня» board (issue 14)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let owner: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    owner = await signedInPage(browser, server.url, 'owner', '/', 1400);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the owner opens «Статистика»: a month of the demo clinic in charts and tables', async () => {
    await owner.getByTestId('nav-statistics').click();
    await owner.getByRole('heading', { name: 'Статистика клиники' }).waitFor();
    await owner.getByTestId('stats-preset-lastMonth').click();
    const dash = owner.getByTestId('stats-dashboard');
    await dash.waitFor();
    await owner.waitForFunction(() => Number(document.querySelector('[data-testid="stats-total-value"]')?.textContent) > 100);
    // Real-looking figures: visits, a no-show rate, load per doctor, sources.
    await expect(owner.getByTestId('stats-noshow-value').textContent()).resolves.toMatch(/^\d+(,\d)? %$/);
    await expect(owner.getByTestId('stats-load-total-value').textContent()).resolves.toMatch(/^\d+(,\d)? %$/);
    expect(await owner.getByTestId('stats-load-doctors').locator('tbody tr').count()).toBeGreaterThan(3);
    expect(await owner.getByTestId('stats-sources-table').locator('tbody tr').count()).toBeGreaterThan(1);
    await owner.locator('.recharts-bar-rectangle').first().waitFor({ state: 'attached' });
    expect(await owner.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(7);
    await owner.locator('.recharts-pie-sector').first().waitFor({ state: 'attached' });
    // The calls issue's conversion sits on the same dashboard, for the same period.
    const conversion = owner.getByTestId('stats-conversion').getByTestId('conversion-rate');
    await conversion.waitFor();
    await expect(conversion.textContent()).resolves.toMatch(/\d+(,\d)? %/);
    // And the post-treatment survey's NPS for the same month (#12), its full results a click away.
    await expect(owner.getByTestId('stats-surveys-nps-value').textContent()).resolves.toMatch(/^-?\d+$/);
    expect(Number(await owner.getByTestId('stats-surveys-count-value').textContent())).toBeGreaterThan(0);
    await owner.screenshot({ path: path.join(SHOTS, 'statistics-owner-month.png'), fullPage: true });
  }, 120_000);

  it('a figure opens the visits behind it, with the patient card a click away; the table downloads as CSV', async () => {
    const noShows = Number((await owner.getByTestId('stats-status-no_show').textContent()) ?? '0');
    expect(noShows).toBeGreaterThan(0);
    await owner.getByTestId('stats-noshow').click();
    const modal = owner.getByRole('dialog');
    await modal.getByTestId('drill-table').waitFor();
    await expect(modal.getByTestId('drill-count').textContent()).resolves.toContain(`Всего: ${noShows}`);
    await expect(modal.getByTestId('drill-table').locator('tbody tr').count()).resolves.toBe(Math.min(noShows, 500));
    await expect(modal.getByText('Не пришёл').first().isVisible()).resolves.toBe(true);
    await owner.screenshot({ path: path.join(SHOTS, 'statistics-drill-no-shows.png') });
    const download = owner.waitForEvent('download');
    await modal.getByTestId('drill-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^list_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const name = (await modal.getByTestId('drill-patient').first().textContent())!;
    await modal.getByTestId('drill-patient').first().click();
    await owner.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
    await owner.getByText(name.split(' ')[0]).first().waitFor();
    await owner.goBack();
    await owner.getByTestId('stats-dashboard').waitFor();
    const csv = owner.waitForEvent('download');
    await owner.getByTestId('stats-load-csv').click();
    expect((await csv).suggestedFilename()).toMatch(/^load-doctors_/);
  }, 120_000);

  it('the administrator has no «Статистика»; her «Сегодня» board shows waiting, late and the chairs, live', async () => {
    // Whatever the hour of the run: at the first branch one patient waits 12 minutes, one is 7 minutes late, one is in chair 2.
    const db = server.h.db;
    const clinic = await db.selectFrom('clinics').select(['id', 'time_zone']).executeTakeFirstOrThrow();
    const branch = await db.selectFrom('branches').select('id').where('clinic_id', '=', clinic.id).orderBy('created_at').orderBy('id').executeTakeFirstOrThrow();
    const chairs = await db.selectFrom('chairs').select(['id', 'name']).where('branch_id', '=', branch.id).orderBy('name').execute();
    const doctor = await db.selectFrom('doctors').select('id').where('clinic_id', '=', clinic.id).executeTakeFirstOrThrow();
    const patients = await db.selectFrom('patients').select(['id', 'surname']).where('clinic_id', '=', clinic.id).where('pd_state', '=', 'active').orderBy('card_number').limit(3).execute();
    const now = Date.now();
    const iso = (min: number) => new Date(now + min * 60_000).toISOString();
    const today = localDateOf(now, clinic.time_zone);
    const put = async (i: number, chairId: string, start: number, status: string, arrived: number | null) => {
      const id = newId();
      await db.insertInto('appointments').values({
        id, clinic_id: clinic.id, branch_id: branch.id, doctor_id: doctor.id, chair_id: chairId, patient_id: patients[i].id, starts_at: iso(start), ends_at: iso(start + 30), local_date: today,
        kind: 'repeat', status, squeeze_in: 1, needs_call: 0, comment: null, created_at: iso(-600), created_by: null, updated_at: iso(-1), status_changed_at: iso(-1), services: null, call_id: null,
        arrived_at: arrived === null ? null : iso(arrived),
      }).execute();
      return id;
    };
    await put(0, chairs[0].id, 3, 'arrived', -12.2);
    const late = await put(1, chairs[0].id, -7.2, 'confirmed', null);
    // A chair the demo's own live day has nobody in right now (at 09:30 its chairs fill up), else its patient shows.
    const busy = new Set((await db.selectFrom('appointments').select('chair_id').where('branch_id', '=', branch.id).where('status', '=', 'in_chair').execute()).map((r) => r.chair_id));
    const freeChair = chairs.find((c, i) => i > 0 && !busy.has(c.id)) ?? chairs[1];
    await put(2, freeChair.id, -20, 'in_chair', -25);

    const admin = await signedInPage(browser, server.url, 'admin', '/', 1000);
    await expect(admin.getByTestId('nav-statistics').count()).resolves.toBe(0);
    await admin.getByTestId('nav-desk-today').click();
    await admin.getByRole('heading', { name: 'Сегодня' }).waitFor();
    await admin.getByTestId('today-chairs').waitFor();
    expect(await admin.getByTestId('today-chair-row').count()).toBeGreaterThan(0);
    await admin.getByTestId('today-clock').getByText(/Обновлено в \d{2}:\d{2}/).waitFor();
    const waiting = admin.getByTestId('today-waiting-row').filter({ hasText: patients[0].surname });
    await waiting.getByText(/ждёт 1[23] мин/).waitFor();
    await admin.getByTestId('today-late-row').filter({ hasText: patients[1].surname }).getByText(/опаздывает на [78] мин/).waitFor();
    await admin.getByTestId('today-chair-row').filter({ hasText: freeChair.name }).getByText(`В кресле: ${patients[2].surname}`, { exact: false }).waitFor();
    await admin.screenshot({ path: path.join(SHOTS, 'today-board-admin.png'), fullPage: true });
    // The late patient comes: the mark reaches the board over the live stream, without a reload.
    await admin.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
    await db.updateTable('appointments').set({ status: 'arrived', arrived_at: new Date().toISOString() }).where('id', '=', late).execute();
    await db.insertInto('live_events').values({ clinic_id: clinic.id, at: new Date().toISOString(), kind: 'arrival', payload_json: JSON.stringify({ id: late, date: today }) }).execute();
    await admin.getByTestId('today-waiting-row').filter({ hasText: patients[1].surname }).waitFor({ timeout: 20_000 });
    await admin.getByTestId('today-late-row').filter({ hasText: patients[1].surname }).waitFor({ state: 'detached' });
    expect(await admin.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
    await admin.goto(`${server.url}/statistics`);
    await admin.getByText(/нет доступа|Нет доступа/i).first().waitFor();
  }, 120_000);
});
