import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, launchBrowser, startDemoServer, signedInPage } from '../support/browser.js';

type Fig = { count: number; nps: number | null; npsCount: number };

/**
 * SURV-3/4 in the browser: the chief doctor reads the survey results of the demo clinic (plus one
 * low score made here), opens the surveys behind the NPS, opens a doctor's feedback, closes the
 * low score's follow-up with the outcome — which lands in the patient's service card — and records
 * the review meeting.
 */
describe('browser: survey results and work with staff (SURV-3/4)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let chief: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    chief = await signedInPage(browser, server.url, 'chief', '/', 1400);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('figures match the API, a figure opens its surveys, the follow-up closes into the service card, the review meeting is recorded', async () => {
    const db = server.h.db;
    // One low score of our own on a recent finished visit: its follow-up task is the chief doctor's.
    const visit = await db.selectFrom('appointments').select(['id', 'patient_id', 'doctor_id', 'local_date']).where('status', '=', 'done')
      .where('starts_at', '>', new Date(Date.now() - 20 * 86_400_000).toISOString()).orderBy('starts_at', 'desc').executeTakeFirstOrThrow();
    const ctx = await browser.newContext();
    const login = await ctx.request.post(`${server.url}/api/auth/login`, { data: { login: 'admin', password: DEMO_PASSWORD } });
    const csrf = (await login.json()).csrfToken;
    // The demo's patient may have said no to surveys (a refusal is never called): this one agrees first.
    const agreed = await ctx.request.put(`${server.url}/api/patients/${visit.patient_id}/survey-consent`, { headers: { 'X-CSRF-Token': csrf }, data: { status: 'agreed' } });
    expect(agreed.status(), await agreed.text()).toBe(200);
    const rec = await ctx.request.post(`${server.url}/api/patients/${visit.patient_id}/survey-calls`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { appointmentId: visit.id, outcome: 'completed', complaint: true, comment: 'Долго ждала в холле', answers: [{ key: 'impression', score: 2 }, { key: 'waiting', score: 1 }, { key: 'recommend', score: 4 }] },
    });
    expect(rec.status(), await rec.text()).toBe(201);
    await ctx.close();

    await chief.goto(`${server.url}/surveys/results`);
    await chief.getByTestId('sr-dashboard').waitFor();
    const api = (await (await chief.request.get(`${server.url}/api/surveys/results?from=${await chief.getByTestId('sr-from').inputValue().then(ru)}&to=${await chief.getByTestId('sr-to').inputValue().then(ru)}`)).json()) as { total: Fig; byDoctor: (Fig & { doctorId: string })[] };
    const sign = (n: number | null) => (n === null ? '—' : n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
    await expect(chief.getByTestId('sr-nps-value').textContent()).resolves.toBe(sign(api.total.nps));
    await expect(chief.getByTestId('sr-count-value').textContent()).resolves.toBe(String(api.total.count));
    await expect(chief.getByTestId('sr-doctor-row').count()).resolves.toBe(api.byDoctor.length);
    await chief.screenshot({ path: path.join(SHOTS, 'survey-results.png'), fullPage: true });

    await chief.getByTestId('sr-complaints').click();
    const modal = chief.getByTestId('survey-calls-modal');
    await modal.getByTestId('survey-calls-table').waitFor();
    await expect(modal.getByTestId('survey-call-row').filter({ hasText: 'Долго ждала в холле' }).count()).resolves.toBe(1);
    await chief.screenshot({ path: path.join(SHOTS, 'survey-results-list.png') });
    await chief.keyboard.press('Escape');
    await modal.waitFor({ state: 'hidden' });

    const doctor = (await db.selectFrom('doctors').select(['surname']).where('id', '=', visit.doctor_id).executeTakeFirstOrThrow()).surname;
    await chief.getByTestId('sr-doctor-row').filter({ hasText: doctor }).getByTestId('sr-doctor-feedback').click();
    const fb = chief.getByTestId('sr-feedback');
    const mine = fb.getByTestId('sr-followup').filter({ hasText: 'Долго ждала в холле' });
    await mine.waitFor();
    await chief.screenshot({ path: path.join(SHOTS, 'survey-feedback.png') });
    await mine.getByTestId('sr-followup-close').click();
    await mine.getByTestId('sr-followup-outcome-input').fill('Позвонил пациенту, извинился; администраторы предупреждают о задержке');
    await mine.getByTestId('sr-followup-save').click();
    await mine.getByTestId('sr-followup-outcome').filter({ hasText: 'Позвонил пациенту' }).waitFor();
    const entry = await db.selectFrom('service_card_entries').select(['section', 'text']).where('patient_id', '=', visit.patient_id).where('text', 'like', 'Разбор низкой оценки%').executeTakeFirstOrThrow();
    expect(entry).toEqual({ section: 'svc1', text: 'Разбор низкой оценки в опросе: Позвонил пациенту, извинился; администраторы предупреждают о задержке' });

    await fb.getByTestId('sr-review-participants').fill('Главный врач, врач, старший администратор');
    await fb.getByTestId('sr-review-text').fill('Разобрали ожидание в холле: администратор сообщает о задержке больше 10 минут и предлагает перенести.');
    await fb.getByTestId('sr-review-save').click();
    await fb.getByTestId('sr-review').filter({ hasText: 'Разобрали ожидание в холле' }).waitFor();
    await chief.screenshot({ path: path.join(SHOTS, 'survey-feedback-done.png'), fullPage: true });
    expect(await db.selectFrom('survey_reviews').select('doctor_id').where('doctor_id', '=', visit.doctor_id).execute()).toHaveLength(1);
  }, 180_000);
});

/** 01.10.2026 → 2026-10-01. */
function ru(s: string): string {
  const [d, m, y] = s.split('.');
  return `${y}-${m}-${d}`;
}
