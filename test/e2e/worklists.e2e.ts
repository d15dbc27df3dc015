import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { localDateOf } from '../../src/domain/schedule/time.js';
import { SHOTS, launchBrowser, signedInPage, startDemoServer } from '../support/browser.js';

type Item = { appointmentId: string; status: string; visitDate: string; name: string; attempts: { outcome: string }[] };

describe('browser: «Обзвон» — the confirmation list (CONF-1..3)', () => {
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

  it('admin: the demo list is partly called; a call → «Подтвердил визит» → «ВИЗИТ ПОДТВЕРЖДЁН» on the list and on the schedule', async () => {
    const page = await signedInPage(browser, server.url, 'admin', '/desk/calls');
    await page.getByTestId('tab-confirmations').waitFor();
    // The nearest calling day (today, or the next open one) with a visit still to confirm.
    let date = today;
    let target: Item | undefined;
    let called = 0;
    for (let k = 0; k < 8 && !target; k++, date = addDays(today, k)) {
      const r = await page.request.get(`${server.url}/api/worklists/confirmations?date=${date}`);
      expect(r.status()).toBe(200);
      const items: Item[] = (await r.json()).sessions.flatMap((s: { items: Item[] }) => s.items);
      if (date === today) called = items.filter((i) => i.attempts.length > 0).length;
      target = items.find((i) => i.status === 'booked' && i.attempts.length === 0);
      if (target) break;
    }
    expect(target, 'a visit to confirm in the demo').toBeDefined();
    await page.goto(`${server.url}/desk/calls?tab=confirmations&date=${date}`);
    const row = page.getByTestId(`confirm-${target!.appointmentId}`);
    await row.waitFor();
    if (date === today) expect(called).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'worklists-confirmations.png'), fullPage: true });
    await row.getByTestId('outcome-confirmed').click();
    await row.getByTestId('mark-confirmed').waitFor();
    await expect(row.getByTestId('attempts').textContent()).resolves.toContain('Подтвердил визит');
    await page.screenshot({ path: path.join(SHOTS, 'worklists-confirmed.png'), fullPage: false });

    await page.goto(`${server.url}/schedule?date=${target!.visitDate}&branch=all&visit=${target!.appointmentId}`);
    const block = page.getByTestId(`appt-${target!.appointmentId}`);
    await block.waitFor();
    await expect(block.getAttribute('data-status')).resolves.toBe('confirmed');
    await page.screenshot({ path: path.join(SHOTS, 'worklists-schedule.png'), fullPage: false });

    // The other tabs answer too: call-backs promised for today, recall due by the demo's rules.
    await page.goto(`${server.url}/desk/calls?tab=callbacks`);
    await page.getByTestId('callbacks-list').waitFor();
    await page.goto(`${server.url}/desk/calls?tab=recall`);
    await page.getByTestId('recall-list').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'worklists-recall.png'), fullPage: false });
  }, 300_000);
});
