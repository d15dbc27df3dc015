import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { localDateOf } from '../../src/domain/schedule/time.js';
import { SHOTS, launchBrowser, signedInPage, startDemoServer } from '../support/browser.js';

type Item = { patientId: string; patientName: string; callbackAt: string | null; history: unknown[] };

describe('browser: «Опросы после лечения» (SURV-1/2): the desk surveys, a low score reaches the chief doctor and the service card', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let today: string;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    const clinic = await server.h.db.selectFrom('clinics').select('time_zone').executeTakeFirstOrThrow();
    today = localDateOf(Date.now(), clinic.time_zone);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the administrator surveys a patient with a low score and a complaint; another asks to be called back tomorrow; the chief doctor gets the task, the card has the call, the questionnaire gets version 2', async () => {
    const admin = await signedInPage(browser, server.url, 'admin', '/desk/calls?tab=surveys');
    await admin.getByTestId('surveys-list').waitFor();
    const list = await (await admin.request.get(`${server.url}/api/surveys/worklist`)).json();
    const items: Item[] = list.items;
    expect(items.length, 'the demo has patients to survey today').toBeGreaterThanOrEqual(2);
    await admin.screenshot({ path: path.join(SHOTS, 'surveys-list.png'), fullPage: true });

    const target = items.find((i) => !i.callbackAt)!;
    await admin.getByTestId(`survey-open-${target.patientId}`).click();
    const dialog = admin.getByTestId('survey-dialog');
    await dialog.getByText('1. Представьтесь').waitFor();
    await expect(dialog.textContent()).resolves.toContain('Добрый день, ');
    await admin.screenshot({ path: path.join(SHOTS, 'surveys-call-top.png') });
    await dialog.getByTestId('q-impression-2').click();
    await dialog.getByTestId('q-trust-4').click();
    await dialog.getByTestId('q-quality-3').click();
    await dialog.getByTestId('q-recommend-3').click();
    await dialog.getByTestId('q-comments').fill('Долго ждала приёма, никто не предупредил');
    await dialog.getByTestId('survey-complaint').check();
    await dialog.getByTestId('survey-comment').fill('Просит перезвонить главного врача');
    await admin.screenshot({ path: path.join(SHOTS, 'surveys-call.png') });
    await dialog.getByTestId('survey-save').click();
    await admin.getByText('главному врачу поставлена задача').waitFor();
    await admin.getByTestId(`survey-row-${target.patientId}`).waitFor({ state: 'detached' });

    // Another patient asks to be called back tomorrow at 18:30: the row moves to «Перезвонить позже».
    const other = items.find((i) => i.patientId !== target.patientId)!;
    await admin.getByTestId(`survey-open-${other.patientId}`).click();
    await dialog.getByTestId('survey-outcome').getByText('Просил перезвонить').click();
    const tomorrow = addDays(today, 1);
    const date = dialog.getByTestId('survey-callback-date');
    await date.fill(`${tomorrow.slice(8, 10)}.${tomorrow.slice(5, 7)}.${tomorrow.slice(0, 4)}`);
    await dialog.getByTestId('survey-callback-time').fill('18:30');
    await dialog.getByTestId('survey-save').click();
    await admin.getByTestId('surveys-later').getByTestId(`survey-row-${other.patientId}`).waitFor();
    await expect(admin.getByTestId('surveys-later').getByTestId(`survey-row-${other.patientId}`).textContent()).resolves.toContain(`Перезвонить ${tomorrow.slice(8, 10)}.${tomorrow.slice(5, 7)}.${tomorrow.slice(0, 4)} в 18:30`);

    // The chief doctor: the task, the service card, the questionnaire.
    const [surname, first] = target.patientName.split(' ');
    const chief = await signedInPage(browser, server.url, 'chief', '/tasks');
    const task = chief.getByTestId('task').filter({ hasText: `Низкая оценка в опросе после лечения: ${surname} ${first}` });
    await task.waitFor();
    await expect(task.textContent()).resolves.toContain('Пациент жалуется');
    await chief.screenshot({ path: path.join(SHOTS, 'surveys-task.png'), fullPage: false });

    await chief.goto(`${server.url}/patients/${target.patientId}`);
    const svc1 = chief.locator('[data-testid="svc-section-block"][data-section="svc1"]');
    await svc1.getByText(/Опрос после лечения: опрос проведён .*низкая оценка — задача главному врачу/).waitFor();
    await svc1.screenshot({ path: path.join(SHOTS, 'surveys-card.png') });

    await chief.goto(`${server.url}/desk/calls?tab=surveys`);
    await chief.getByTestId('surveys-sub').getByText('Анкета').click();
    const editor = chief.getByTestId('questionnaire-editor');
    await expect(editor.getByTestId('questionnaire-version').textContent()).resolves.toBe('Версия 1');
    await editor.getByTestId('question-add').click();
    await editor.getByTestId('question-ru-8').fill('Удобно ли Вам было записаться на приём?');
    await editor.getByTestId('question-en-8').fill('Was it easy to book the visit?');
    await editor.getByTestId('questionnaire-save').click();
    await expect.poll(() => editor.getByTestId('questionnaire-version').textContent()).toBe('Версия 2');
    await chief.screenshot({ path: path.join(SHOTS, 'surveys-questionnaire.png'), fullPage: true });
    const q = await (await chief.request.get(`${server.url}/api/surveys/questionnaire`)).json();
    expect(q.version).toBe(2);
    expect(q.questions.at(-1)).toMatchObject({ kind: 'score5', ru: 'Удобно ли Вам было записаться на приём?' });
  }, 240_000);
});
