import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, signedInPage, startDemoServer } from '../support/browser.js';

/**
 * Issue #11 on the schedule: a child's appointment shows the legal representative — a mark on the grid block with
 * name, relation and phone in its tooltip, the full line in the visit panel; a child with none entered gets an orange
 * mark, the panel's warning, and the warning in the booking drawer.
 */
describe('browser: the legal representative on the schedule (issue #11)', () => {
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

  /** Two children's booked visits from tomorrow on (not depending on the hour), of different children. */
  async function childrensVisits() {
    const db = server.h.db as unknown as Kysely<any>;
    const rows = await db
      .selectFrom('appointments as a')
      .innerJoin('patients as p', 'p.id', 'a.patient_id')
      .select(['a.id', 'a.local_date', 'a.branch_id', 'a.doctor_id', 'a.patient_id', 'p.surname', 'p.first_name', 'p.rep_full_name', 'p.rep_phone'])
      .where('a.status', 'in', ['booked', 'confirmed'])
      .where('a.starts_at', '>', new Date(Date.now() + 86_400_000).toISOString())
      .where('p.birth_date', '>', new Date(Date.now() - 14 * 365.25 * 86_400_000).toISOString().slice(0, 10))
      .where('p.rep_full_name', 'is not', null)
      .orderBy('a.starts_at')
      .execute() as { id: string; local_date: string; branch_id: string; doctor_id: string; patient_id: string; surname: string; first_name: string; rep_full_name: string; rep_phone: string | null }[];
    const other = rows.find((r) => r.patient_id !== rows[0].patient_id)!;
    return { db, withRep: rows[0], without: other };
  }

  it('the block\'s mark and the panel name the representative; a child without one is flagged on the block, the panel and when booking', async () => {
    const { db, withRep, without } = await childrensVisits();
    await db.updateTable('patients').set({ rep_full_name: null, rep_relation: null, rep_phone: null, rep_document: null }).where('id', '=', without.patient_id).execute();

    await desk.goto(`${server.url}/schedule?date=${withRep.local_date}&branch=${withRep.branch_id}`);
    const block = desk.getByTestId(`appt-${withRep.id}`);
    const mark = block.getByTestId('appt-rep-mark');
    await mark.waitFor();
    await expect(mark.getAttribute('aria-label')).resolves.toContain(`Представитель: ${withRep.rep_full_name}`);
    await expect(block.getAttribute('title')).resolves.toContain(withRep.rep_full_name);
    await block.click();
    const line = desk.getByTestId('appt-representative');
    await line.waitFor();
    await expect(line.textContent()).resolves.toMatch(new RegExp(`^${withRep.rep_full_name} \\((мать|отец)\\)( · \\+7 \\(\\d{3}\\) \\d{3}-\\d{2}-\\d{2})?$`));
    await desk.screenshot({ path: path.join(SHOTS, 'schedule-representative.png') });
    await desk.keyboard.press('Escape');

    await desk.goto(`${server.url}/schedule?date=${without.local_date}&branch=${without.branch_id}`);
    const flagged = desk.getByTestId(`appt-${without.id}`).getByTestId('appt-rep-mark');
    await flagged.waitFor();
    await expect(flagged.getAttribute('data-missing')).resolves.toBe('true');
    await desk.getByTestId(`appt-${without.id}`).click();
    await desk.getByTestId('visit-representative').getByText('Пациенту нет 15 лет, а законный представитель не указан').waitFor();
    await expect(desk.getByTestId('appt-representative').count()).resolves.toBe(0);
    await desk.keyboard.press('Escape');

    // Booking the same child in a free cell of that doctor's day: the drawer warns before the visit is made.
    const day = (await (await desk.request.get(`${server.url}/api/schedule/day?date=${without.local_date}&branchId=${without.branch_id}`)).json()) as {
      timeZone: string; columns: { doctorId: string; work: { start: string; end: string }[]; appointments: { startsAt: string; endsAt: string; status: string }[] }[];
    };
    const col = day.columns.find((c) => c.doctorId === without.doctor_id)!;
    const busy = col.appointments.filter((a) => a.status !== 'cancelled' && a.status !== 'no_show');
    let free: number | null = null;
    for (const w of col.work) {
      for (let m = Date.parse(w.start); m + 30 * 60_000 <= Date.parse(w.end) && free === null; m += 15 * 60_000) {
        if (!busy.some((a) => Date.parse(a.startsAt) < m + 30 * 60_000 && Date.parse(a.endsAt) > m)) free = m;
      }
    }
    expect(free).not.toBeNull();
    const hhmm = new Intl.DateTimeFormat('ru-RU', { timeZone: day.timeZone, hour: '2-digit', minute: '2-digit' }).format(free!);
    await desk.getByTestId(`slot-${without.doctor_id}-${hhmm}`).click();
    await desk.getByTestId('patient-picker').fill(`${without.surname} ${without.first_name}`);
    await desk.getByTestId('patient-option').first().click();
    await desk.getByTestId('book-drawer').getByTestId('rep-missing').waitFor();
    await desk.screenshot({ path: path.join(SHOTS, 'schedule-representative-missing.png') });
  }, 180_000);
});
