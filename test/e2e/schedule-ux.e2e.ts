import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, startDemoServer, signedInPage } from '../support/browser.js';

/** Issue 9, items 10 and 12: the arrows, the notifications, the branch selector and the follow-up buttons. */
describe('browser: the schedule as a tired administrator meets it', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'admin', '/schedule');
    await page.getByTestId('schedule-grid').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shownDate = () => page.evaluate(() => new URL(location.href).searchParams.get('date'));
  const mode = () => page.getByTestId('mode-switch').locator('input:checked').getAttribute('value');

  it('←/→ change the day even after a click on «День», and never switch the view', async () => {
    // The date picker shows the day once the page has re-rendered (the URL changes a moment earlier).
    const shown = () => page.getByTestId('date-picker').textContent();
    const step = async (key: 'ArrowLeft' | 'ArrowRight') => {
      const before = await shown();
      await page.keyboard.press(key);
      await expect.poll(shown).not.toBe(before);
    };
    await page.getByTestId('date-next').click();
    await expect.poll(shownDate).not.toBeNull();
    const start = await shownDate();
    expect(start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByTestId('mode-switch').getByText('День', { exact: true }).click();
    await step('ArrowRight');
    expect(await shownDate()).not.toBe(start);
    expect(await mode()).toBe('day');
    expect(page.url()).not.toContain('/week');
    await step('ArrowLeft');
    expect(await shownDate()).toBe(start);
    expect(await mode()).toBe('day');
    expect(page.url()).not.toContain('/week');
  }, 120_000);

  it('shows the whole branch name in the selector', async () => {
    const input = page.getByTestId('branch-select');
    const value = await input.inputValue();
    expect(value.length).toBeGreaterThan(10);
    // An <input> does not report its text overflowing: measure the text in the input's own font.
    const cut = await input.evaluate((el) => {
      const css = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${css.fontWeight} ${css.fontSize} ${css.fontFamily}`;
      const room = el.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight);
      return ctx.measureText((el as HTMLInputElement).value).width > room;
    });
    expect(cut, `«${value}» is cut`).toBe(false);
  });

  it('a notification never covers the visit panel’s patient name', async () => {
    const visit = await server.h.db
      .selectFrom('appointments')
      .select(['id', 'local_date', 'branch_id'])
      .where('status', '=', 'booked')
      .where('starts_at', '>', new Date(Date.now() + 86_400_000).toISOString())
      .orderBy('starts_at')
      .executeTakeFirstOrThrow();
    await page.goto(`${server.url}/schedule?date=${visit.local_date}&branch=${visit.branch_id}`);
    await page.getByTestId(`appt-${visit.id}`).click();
    await page.getByTestId('act-confirm').click();
    await page.getByTestId('appt-status').filter({ hasText: 'Подтверждён' }).waitFor();
    const note = page.locator('.mantine-Notification-root').first();
    await note.waitFor();
    const title = page.locator('.mantine-Drawer-title');
    const [a, b] = [await note.boundingBox(), await title.boundingBox()];
    expect(a && b).toBeTruthy();
    const overlap = a!.x < b!.x + b!.width && b!.x < a!.x + a!.width && a!.y < b!.y + b!.height && b!.y < a!.y + a!.height;
    await page.screenshot({ path: path.join(SHOTS, 'schedule-panel-notification.png') });
    expect(overlap).toBe(false);
    await page.keyboard.press('Escape');
  }, 120_000);

  it('after a done visit, «Записать на следующий визит» and the mark of one booked elsewhere read differently', async () => {
    const done = await server.h.db
      .selectFrom('appointments')
      .select(['id', 'local_date', 'branch_id'])
      .where('status', '=', 'done')
      .where('follow_up_booked', '=', 0)
      .orderBy('starts_at', 'desc')
      .executeTakeFirstOrThrow();
    await page.goto(`${server.url}/schedule?date=${done.local_date}&branch=${done.branch_id}`);
    await page.getByTestId(`appt-${done.id}`).click();
    const book = page.getByTestId('act-follow-up');
    const mark = page.getByTestId('act-follow-up-mark');
    await book.waitFor();
    const [x, y] = [await book.textContent(), await mark.textContent()];
    expect(x).toBe('Записать на следующий визит');
    expect(y).toBe('Уже записан — отметить');
    await page.screenshot({ path: path.join(SHOTS, 'schedule-follow-up-buttons.png') });
  }, 120_000);

  it('cancelled and no-show visits take no width from live ones: hidden by default, a thin mark when shown', async () => {
    // A cancelled visit whose time a live visit of the same doctor took (the demo has them).
    const rows = await server.h.db
      .selectFrom('appointments as g')
      .innerJoin('appointments as l', (j) => j.onRef('l.doctor_id', '=', 'g.doctor_id').onRef('l.local_date', '=', 'g.local_date'))
      .select(['g.id as goneId', 'l.id as liveId', 'g.local_date', 'g.branch_id', 'g.starts_at as gs', 'g.ends_at as ge', 'l.starts_at as ls', 'l.ends_at as le'])
      .where('g.status', 'in', ['cancelled', 'no_show'])
      .where('l.status', 'not in', ['cancelled', 'no_show'])
      .orderBy('g.starts_at', 'desc')
      .limit(2000)
      .execute();
    const pair = rows.find((r) => new Date(r.gs) < new Date(r.le) && new Date(r.ls) < new Date(r.ge));
    expect(pair, 'a cancelled visit under a live one in the demo').toBeTruthy();
    await page.evaluate(() => localStorage.removeItem('vizit.schedule.showGone'));
    await page.goto(`${server.url}/schedule?date=${pair!.local_date}&branch=${pair!.branch_id}`);
    const live = page.getByTestId(`appt-${pair!.liveId}`);
    await live.waitFor();
    await expect(page.getByTestId(`appt-${pair!.goneId}`).count()).resolves.toBe(0);
    const column = live.locator('xpath=..');
    const full = (await column.boundingBox())!.width;
    const before = (await live.boundingBox())!.width;
    expect(before).toBeGreaterThan(full * 0.9);
    await page.screenshot({ path: path.join(SHOTS, 'schedule-gone-hidden.png') });

    await page.getByRole('switch', { name: /Отменённые и неявки/ }).check({ force: true });
    const gone = page.getByTestId(`appt-${pair!.goneId}`);
    await gone.waitFor();
    expect((await gone.boundingBox())!.width).toBeLessThanOrEqual(10);
    expect((await live.boundingBox())!.width).toBeCloseTo(before, 0);
    await page.screenshot({ path: path.join(SHOTS, 'schedule-gone-shown.png') });
    await gone.click({ force: true });
    await page.getByTestId('appt-status').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('switch', { name: /Отменённые и неявки/ }).uncheck({ force: true });
  }, 120_000);

  it('one live stream per tab, however many parts of the screen listen (the schedule and the incidents banner)', async () => {
    const streams: string[] = [];
    const count = (r: { url(): string }) => r.url().endsWith('/api/events') && streams.push(r.url());
    page.on('request', count);
    await page.goto(`${server.url}/schedule`);
    await page.getByTestId('schedule-grid').waitFor();
    await page.getByTestId('incident-banner').waitFor();
    await page.getByTestId('nav-prices').click();
    await page.getByTestId('nav-schedule').click();
    await page.getByTestId('schedule-grid').waitFor();
    await page.waitForTimeout(1000);
    page.off('request', count);
    // One on load; moving between screens keeps it, because the banner above every screen still listens.
    expect(streams).toHaveLength(1);
  }, 120_000);
});
