import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, startDemoServer, signedInPage } from '../support/browser.js';

describe('browser: team messages, tasks, job descriptions and the exam (STAFF-2…5)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let admin: Page;
  let dentist: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    dentist = await signedInPage(browser, server.url, 'dentist', '/team/messages');
    admin = await signedInPage(browser, server.url, 'admin', '/team/messages');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the desk writes to a doctor from a quick template; the doctor’s counter and inbox update live; the read mark comes back', async () => {
    await dentist.getByTestId('message').first().waitFor();
    const before = Number((await dentist.getByTestId('unread-count').textContent()) ?? '0');
    await dentist.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
    await admin.getByTestId('compose-open').click();
    await admin.getByTestId('compose-person').click();
    await admin.getByRole('option', { name: /Кузнецова Ольга Игоревна/ }).click();
    await admin.getByTestId('compose-message').getByText('Пациент отказался', { exact: true }).click();
    await expect(admin.getByTestId('compose-text').inputValue()).resolves.toBe('Пациент отказался');
    await admin.getByTestId('compose-text').fill('Пациент отказался от снимка, просит обсудить с врачом');
    await admin.screenshot({ path: path.join(SHOTS, 'team-compose.png') });
    await admin.getByTestId('compose-send').click();

    const card = dentist.getByTestId('message').filter({ hasText: 'Пациент отказался от снимка' });
    await card.waitFor({ timeout: 20_000 });
    await expect(dentist.getByTestId('unread-count').textContent()).resolves.toBe(String(before + 1));
    expect(await dentist.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
    await dentist.screenshot({ path: path.join(SHOTS, 'team-doctor-inbox.png') });
    await card.getByTestId('message-read').click();
    await card.getByTestId('message-read').waitFor({ state: 'detached' });

    await admin.getByTestId('message-box').getByText('Отправленные').click();
    const sent = admin.getByTestId('message').filter({ hasText: 'Пациент отказался от снимка' });
    await sent.getByTestId('message-reads').filter({ hasText: /Прочитали: Кузнецова Ольга Игоревна/ }).waitFor({ timeout: 20_000 });
    await admin.screenshot({ path: path.join(SHOTS, 'team-sent-read.png') });
  }, 120_000);

  it('tasks: the overdue one is red; it is closed with an outcome; a message becomes a task', async () => {
    await admin.getByTestId('nav-tasks').click();
    const overdue = admin.getByTestId('task').filter({ hasText: 'оценила визит на 2 из 5' });
    await overdue.waitFor();
    await expect(overdue.getAttribute('data-overdue')).resolves.toBe('true');
    await admin.screenshot({ path: path.join(SHOTS, 'team-tasks.png') });
    await overdue.getByTestId('task-done').click();
    await overdue.getByTestId('task-outcome').fill('Извинились, записали на контроль в четверг');
    await overdue.getByTestId('task-save').click();
    await overdue.waitFor({ state: 'detached' });
    await admin.getByTestId('task-summary').filter({ hasText: 'из них просрочено: 0' }).waitFor();
  }, 60_000);

  it('the owner sees who has not confirmed; the assistant sees the banner until she confirms version 2', async () => {
    const owner = await signedInPage(browser, server.url, 'owner', '/team/descriptions');
    await owner.getByTestId('job-confirmation-row').first().waitFor();
    await expect(owner.getByTestId('job-missing').textContent()).resolves.toBe('Не подтвердили: 2');
    await owner.screenshot({ path: path.join(SHOTS, 'team-job-confirmations.png'), fullPage: true });

    const assistant = await signedInPage(browser, server.url, 'assistant', '/schedule');
    await assistant.getByTestId('job-banner').waitFor();
    await assistant.getByTestId('job-banner').getByText('Открыть инструкцию').click();
    await expect(assistant.getByTestId('job-version').textContent()).resolves.toBe('Версия 2');
    await assistant.getByText('2.6. Ведёт журнал генеральных уборок кабинета').waitFor();
    await assistant.screenshot({ path: path.join(SHOTS, 'team-job-assistant.png') });
    await assistant.getByTestId('job-confirm').click();
    await assistant.getByTestId('job-confirmed').waitFor();
    await assistant.getByTestId('job-banner').waitFor({ state: 'detached' });
    await owner.reload();
    await owner.getByTestId('job-missing').filter({ hasText: 'Не подтвердили: 1' }).waitFor();
    await owner.close();
    await assistant.close();
  }, 120_000);

  it('admin2 sees her internship plan and passes the exam; the result is recorded', async () => {
    const admin2 = await signedInPage(browser, server.url, 'admin2', '/team/training');
    await admin2.getByTestId('training-plan').waitFor();
    await admin2.getByTestId('exam-start').click();
    await admin2.getByTestId('exam-question').first().waitFor();
    const questions = admin2.getByTestId('exam-question');
    const { ADMIN_EXAM } = await import('../../src/domain/team/admin-exam.js');
    for (let i = 0; i < ADMIN_EXAM.length; i++) {
      await questions.nth(i).getByRole('radio', { name: ADMIN_EXAM[i].options[ADMIN_EXAM[i].correct].ru, exact: true }).check();
    }
    await admin2.screenshot({ path: path.join(SHOTS, 'team-exam.png'), fullPage: true });
    await admin2.getByTestId('exam-submit').click();
    await admin2.getByTestId('exam-result').filter({ hasText: 'Экзамен сдан: 12 из 12' }).waitFor();
    await admin2.screenshot({ path: path.join(SHOTS, 'team-training.png'), fullPage: true });
    const rows = await server.h.db.selectFrom('exam_attempts').select(['score', 'passed']).orderBy('taken_at', 'desc').execute();
    expect(rows[0]).toEqual({ score: 12, passed: 1 });
    await admin2.close();
  }, 120_000);
});
