import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, signedInPage, startDemoServer } from '../support/browser.js';

/**
 * DOC-2 in the browser: the administrator opens a visit whose patient has no health questionnaire, sees the
 * renewal reminder, fills the questionnaire with the patient (a red flag among the answers), the patient signs
 * on the pad; the doctor opens the same appointment and sees «Анамнез: …» in red; the administrator does not.
 */
describe('browser: the health questionnaire filled at the desk, its red flag on the doctor’s appointment (DOC-2)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let admin: Page;
  let doctor: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    admin = await signedInPage(browser, server.url, 'admin', '/');
    await admin.getByRole('button', { name: 'Выйти' }).waitFor();
    doctor = await signedInPage(browser, server.url, 'dentist', '/');
    await doctor.getByRole('button', { name: 'Выйти' }).waitFor();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('answers entered with a red flag, signed on screen; the doctor sees it on the appointment', async () => {
    const db = server.h.db as unknown as Kysely<any>;
    // The dentist's booked adult visit from tomorrow on (not depending on the hour); its patient's questionnaires are removed.
    const visit = await db.selectFrom('appointments')
      .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
      .innerJoin('users', 'users.id', 'doctors.user_id')
      .innerJoin('patients', 'patients.id', 'appointments.patient_id')
      .where('users.login', '=', 'dentist')
      .where('appointments.status', '=', 'booked')
      .where('appointments.starts_at', '>', new Date(Date.now() + 86_400_000).toISOString())
      .where('patients.birth_date', '<', '2000-01-01')
      .select(['appointments.id', 'appointments.local_date', 'appointments.branch_id', 'appointments.patient_id'])
      .orderBy('appointments.starts_at')
      .executeTakeFirstOrThrow();
    await db.deleteFrom('questionnaire_answers').where('patient_id', '=', visit.patient_id).execute();
    await db.deleteFrom('patient_documents').where('patient_id', '=', visit.patient_id).where('kind', '=', 'health_questionnaire').execute();

    await admin.goto(`${server.url}/schedule?date=${visit.local_date}&branch=${visit.branch_id}`);
    await admin.getByTestId(`appt-${visit.id}`).click();
    const reminder = admin.getByTestId('anamnesis-reminder');
    await reminder.getByText('Нет анкеты о здоровье').waitFor();
    await reminder.getByTestId('anamnesis-fill').click();
    const modal = admin.getByTestId('questionnaire-modal');
    const q = (id: string) => modal.locator(`[data-question="${id}"]`);
    await q('bleeding-anticoagulants').waitFor();
    await q('cardio-hypertension').getByText('Нет', { exact: true }).click();
    await q('bleeding-anticoagulants').getByText('Да', { exact: true }).click();
    await q('bleeding-anticoagulants').getByTestId('answer-detail').fill('варфарин');
    await expect(q('bleeding-anticoagulants').getAttribute('data-flagged')).resolves.toBe('true');
    await q('medicines-list').getByTestId('answer-text').fill('Варфарин 5 мг');
    await admin.screenshot({ path: path.join(SHOTS, 'questionnaire-form.png') });
    await modal.getByTestId('questionnaire-save-sign').click();
    const sign = admin.getByTestId('doc-action-modal');
    const canvas = sign.getByTestId('signature-canvas');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    await admin.mouse.move(box.x + 40, box.y + box.height * 0.6);
    await admin.mouse.down();
    for (let i = 1; i <= 20; i++) await admin.mouse.move(box.x + 40 + i * 14, box.y + box.height * (0.6 - 0.25 * Math.sin(i / 2.5)), { steps: 2 });
    await admin.mouse.up();
    await sign.getByTestId('doc-action-submit').click();
    await sign.waitFor({ state: 'detached' });

    const rows = await db.selectFrom('questionnaire_answers').selectAll().where('patient_id', '=', visit.patient_id).execute() as { question_id: string; red_flag: number; text: string | null }[];
    expect(rows.map((r) => [r.question_id, r.red_flag]).sort()).toEqual([['bleeding-anticoagulants', 1], ['cardio-hypertension', 0], ['medicines-list', 0]]);
    const doc = await db.selectFrom('patient_documents').select(['status', 'content_json']).where('patient_id', '=', visit.patient_id).where('kind', '=', 'health_questionnaire').executeTakeFirstOrThrow() as { status: string; content_json: string };
    expect(doc.status).toBe('signed_on_screen');
    expect(doc.content_json).toContain('варфарин');

    await doctor.goto(`${server.url}/schedule?date=${visit.local_date}&branch=${visit.branch_id}`);
    await doctor.getByTestId(`appt-${visit.id}`).click();
    const red = doctor.getByTestId('anamnesis-red');
    await red.waitFor();
    await expect(red.textContent()).resolves.toMatch(/^Анамнез: принимает антикоагулянты \(варфарин\)анкета от \d\d\.\d\d\.\d{4}$/);
    await doctor.screenshot({ path: path.join(SHOTS, 'questionnaire-doctor-anamnesis.png') });
    // The administrator who typed the answers does not read them back once signed (152-FZ art. 10).
    await admin.reload();
    await admin.getByTestId(`appt-${visit.id}`).click();
    await admin.getByTestId('visit-documents').waitFor();
    await expect(admin.getByTestId('anamnesis-red').count()).resolves.toBe(0);
    await expect(admin.getByTestId('anamnesis-reminder').count()).resolves.toBe(0);
  }, 180_000);
});
