import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, signedInPage, startDemoServer } from '../support/browser.js';

/**
 * Issue #11 in the browser: the doctor opens an appointment, sees the missing consent for the planned intervention,
 * the patient signs on screen (drawn on the canvas with the mouse), the warning disappears. And the card's register.
 */
describe('browser: documents — the visit’s missing consent signed on screen; the patient card’s register (DOC-1..7)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let doctor: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    doctor = await signedInPage(browser, server.url, 'dentist', '/');
    // Signed in before the tests navigate away (a navigation would cut the sign-in short).
    await doctor.getByRole('button', { name: 'Выйти' }).waitFor();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A signature: a few strokes across the pad with the mouse button held. */
  async function drawSignature(page: Page) {
    const canvas = page.getByTestId('signature-canvas');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + box.height * 0.6);
    await page.mouse.down();
    for (let i = 1; i <= 24; i++) await page.mouse.move(box.x + 40 + i * 14, box.y + box.height * (0.6 - 0.25 * Math.sin(i / 2.5)), { steps: 2 });
    await page.mouse.up();
  }

  it('the doctor plans a filling, sees the missing consent in red, the patient signs on the pad, the warning disappears', async () => {
    // The documents' tables are not in the typed schema yet (see src/db/repos/documents.repo.ts).
    const db = server.h.db as unknown as Kysely<any>;
    // The doctor's own booked visit from tomorrow on (not depending on the hour), of a patient whose first-visit set the demo signed lately.
    const visit = await db
      .selectFrom('appointments')
      .innerJoin('patient_documents as d', 'd.patient_id', 'appointments.patient_id')
      .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
      .innerJoin('users', 'users.id', 'doctors.user_id')
      .where('users.login', '=', 'dentist')
      .select(['appointments.id', 'appointments.local_date', 'appointments.branch_id', 'appointments.patient_id'])
      .where('appointments.status', '=', 'booked')
      .where('appointments.starts_at', '>', new Date(Date.now() + 86_400_000).toISOString())
      .where('d.kind', '=', 'health_questionnaire')
      .where('d.status', 'in', ['signed_on_paper', 'signed_on_screen'])
      .where('d.issued_at', '>', new Date(Date.now() - 30 * 86_400_000).toISOString())
      .where('appointments.patient_id', 'not in', db.selectFrom('patients').select('id').where('birth_date', '>', '2011-01-01'))
      .orderBy('appointments.starts_at')
      .executeTakeFirstOrThrow();
    await db.updateTable('appointments').set({ planned_services_json: null }).where('id', '=', visit.id).execute();
    await db.deleteFrom('patient_documents').where('appointment_id', '=', visit.id).execute();

    await doctor.goto(`${server.url}/schedule?date=${visit.local_date}&branch=${visit.branch_id}`);
    await doctor.getByTestId(`appt-${visit.id}`).click();
    const docs = doctor.getByTestId('visit-documents');
    await docs.getByTestId('visit-documents-ok').waitFor();
    // The doctor plans a composite filling: its consent is now missing, in red.
    await docs.getByTestId('planned-edit').click();
    await docs.getByTestId('planned-select').click();
    await doctor.keyboard.type('Т-01');
    await doctor.getByRole('option', { name: /^Т-01 / }).click();
    await doctor.keyboard.press('Escape');
    await docs.getByTestId('planned-save').click();
    const missing = docs.getByTestId('visit-documents-missing');
    await missing.getByText('Нет согласия на запланированное вмешательство').waitFor();
    const item = missing.locator('[data-template="consent-caries"]');
    await item.waitFor();
    await doctor.screenshot({ path: path.join(SHOTS, 'documents-visit-warning.png') });

    // One click: the consent is issued for this visit and the pad opens; the patient signs with the mouse.
    await item.getByTestId('missing-sign').click();
    const modal = doctor.getByTestId('doc-action-modal');
    await modal.getByTestId('signature-canvas').waitFor();
    await expect(modal.getByTestId('doc-action-submit').isDisabled()).resolves.toBe(true);
    await drawSignature(doctor);
    await doctor.screenshot({ path: path.join(SHOTS, 'documents-sign-dialog.png') });
    await modal.getByTestId('doc-action-submit').click();
    await modal.waitFor({ state: 'detached' });

    await docs.getByTestId('visit-documents-ok').waitFor();
    await expect(docs.getByTestId('visit-documents-missing').count()).resolves.toBe(0);
    const signed = await db.selectFrom('patient_documents').selectAll().where('appointment_id', '=', visit.id).execute() as {
      template_code: string; status: string; signer: string; signature_png: string;
    }[];
    expect(signed.map((d) => [d.template_code, d.status, d.signer])).toEqual([['consent-caries', 'signed_on_screen', 'patient']]);
    expect(signed[0].signature_png).toMatch(/^data:image\/png;base64,/);
    expect(signed[0].signature_png.length).toBeGreaterThan(1000);
  }, 180_000);

  it('the patient card: the register with statuses, a child’s representative who signs, a refusal with its reason', async () => {
    const db = server.h.db as unknown as Kysely<any>;
    const child = await db.selectFrom('patient_documents').select('patient_id').where('signer', '=', 'representative').executeTakeFirstOrThrow() as { patient_id: string };
    await doctor.goto(`${server.url}/patients/${child.patient_id}`);
    const panel = doctor.getByTestId('patient-documents');
    await panel.getByTestId('documents-register').waitFor();
    await expect(panel.getByTestId('rep-signs').textContent()).resolves.toMatch(/^Подписывает: [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ \((мать|отец)\)$/);
    // Issue the mailing consent and record a refusal with its reason.
    await panel.getByTestId('document-template').click();
    await doctor.getByRole('option', { name: /рекламных сообщений/ }).first().click();
    await panel.getByTestId('document-issue-only').click();
    const row = panel.locator('[data-testid="document-row"][data-status="issued"][data-template="mailing-consent"]').first();
    await row.waitFor();
    await row.getByTestId('document-refuse').click();
    const modal = doctor.getByTestId('doc-action-modal');
    await modal.getByTestId('doc-refuse-reason').fill('Мама не хочет получать рассылки');
    await modal.getByTestId('doc-action-submit').click();
    await modal.waitFor({ state: 'detached' });
    await panel.locator('[data-testid="document-row"][data-status="refused"]').getByText('Причина: Мама не хочет получать рассылки').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await doctor.screenshot({ path: path.join(SHOTS, 'documents-card.png'), fullPage: true });
  }, 120_000);
});
