import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, launchBrowser, startDemoServer, fillSignIn } from '../support/browser.js';

type Summary = { id: string; cardNumber: number; surname: string; firstName: string; patronymic: string | null; pdState: string };
type Visit = { status: string; localDate: string; startsAt: string };

const ruDate = (iso: string) => iso.split('-').reverse().join('.');

describe('browser: destruction of personal data on a withdrawn consent (152-FZ art. 21)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let chief: Page;
  let patient: Summary;
  let booked: Summary | undefined;
  let name: string;
  let actNumber: number;
  let actDate: string;

  async function signIn(login: string): Promise<Page> {
    const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/login`);
    await fillSignIn(page, login);
    await page.getByTestId('nav-patients').waitFor();
    return page;
  }

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
    chief = await signIn('chief');
    // A demo patient who came (a medical record to keep) and holds no time now or later.
    const list = (await (await chief.request.get(`${server.url}/api/patients?limit=100`)).json()) as { items: Summary[] };
    for (const p of list.items.filter((x) => x.pdState === 'active')) {
      const visits = ((await (await chief.request.get(`${server.url}/api/patients/${p.id}/appointments`)).json()) as { items: Visit[] }).items;
      const came = visits.some((v) => ['arrived', 'in_chair', 'done'].includes(v.status));
      const holds = visits.some((v) => ['booked', 'confirmed', 'arrived', 'in_chair'].includes(v.status));
      if (came && !holds && !patient) patient = p;
      if (!booked && visits.some((v) => ['booked', 'confirmed'].includes(v.status) && Date.parse(v.startsAt) > Date.now() + 3_600_000)) booked = p;
      if (patient && booked) break;
    }
    expect(patient, 'the demo clinic has a treated patient with nothing booked').toBeTruthy();
    name = [patient.surname, patient.firstName, patient.patronymic].filter(Boolean).join(' ');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the chief doctor destroys the data through the card’s modal and lands on the act with its requisites and log row', async () => {
    await chief.goto(`${server.url}/patients/${patient.id}`);
    await chief.getByRole('heading', { name }).waitFor();
    await chief.getByTestId('pd-destroy-open').click();
    const modal = chief.getByRole('dialog');
    await modal.getByTestId('pd-modal-subject').waitFor();
    expect(await modal.getByTestId('pd-modal-subject').innerText()).toBe(`Карта № ${patient.cardNumber} — ${name}`);
    const submit = modal.getByTestId('pd-destroy-submit');
    expect(await submit.isDisabled()).toBe(true);

    await modal.getByTestId('pd-reason').click();
    await chief.getByRole('option', { name: /^Отзыв согласия на обработку персональных данных/ }).click();
    await modal.getByTestId('pd-basis').fill('Заявление пациента вх. № 12 от 23.11.2026');
    const preview = modal.getByTestId('pd-preview');
    await preview.waitFor();
    expect(await preview.getAttribute('data-scope')).toBe('blocked');
    const previewText = await preview.innerText();
    expect(previewText).toContain('номера телефонов, адрес электронной почты');
    expect(previewText).toMatch(/медицинская карта — номер карты, ФИО, дата рождения, пол и визиты — до \d{2}\.\d{2}\.\d{4}: 25 лет после последнего визита/);
    expect(previewText).not.toContain('фамилия, имя, отчество');

    await modal.getByTestId('pd-confirm').fill(String(patient.cardNumber + 1));
    await modal.getByText('Номер не совпадает с номером карты').waitFor();
    expect(await submit.isDisabled()).toBe(true);
    await modal.getByTestId('pd-confirm').fill(String(patient.cardNumber));
    expect(await submit.isEnabled()).toBe(true);
    await chief.screenshot({ path: path.join(SHOTS, 'retention-modal.png') });

    await submit.click();
    await chief.waitForURL(/\/settings\/pd-destructions\/[0-9a-f-]{36}$/);
    const act = chief.getByTestId('pd-act');
    await act.getByTestId('pd-act-title').waitFor();
    const title = await act.getByTestId('pd-act-title').innerText();
    expect(title).toMatch(/^Акт № \d+ об уничтожении персональных данных$/);
    actNumber = Number(/№ (\d+)/.exec(title)![1]);
    const card = (await (await chief.request.get(`${server.url}/api/patients/${patient.id}`)).json()) as { pdState: string; retainUntil: string; phones: unknown[] };
    expect(card).toMatchObject({ pdState: 'blocked', phones: [] });

    const text = (id: string) => act.getByTestId(id).innerText();
    expect(await text('pd-act-operator')).not.toMatch(/^\s*$/);
    expect(await text('pd-act-subject')).toContain(`${name}, медицинская карта № ${patient.cardNumber}`);
    expect(await text('pd-act-categories')).toContain('сервисная карта клиента');
    expect(await text('pd-act-system')).toContain('Vizit — информационная система регистратуры клиники');
    expect(await text('pd-act-method')).toContain('без возможности восстановления');
    expect(await text('pd-act-reason')).toContain('Отзыв согласия на обработку персональных данных (ч. 5 ст. 21 152-ФЗ)');
    // The demo clinic works on Moscow time, whatever the machine's zone.
    const date = /Дата уничтожения\s+(\d{2}\.\d{2}\.\d{4}), \d{2}:\d{2} \(UTC\+03:00\)$/.exec(await text('pd-act-date'));
    expect(date).not.toBeNull();
    actDate = date![1];
    expect(await text('pd-act-kept')).toContain(`до ${ruDate(card.retainUntil)}`);
    expect(await text('pd-act-performer')).toMatch(/, главный врач$/);
    const rows = act.getByTestId('pd-act-log-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toMatch(/^\d+\s+\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}\s+chief\s+Главный врач\s+Уничтожение ПД, кроме медицинской карты; блокирование карты\s+[0-9a-f]{12}…$/);
    await chief.screenshot({ path: path.join(SHOTS, 'retention-act.png'), fullPage: true });

    await chief.emulateMedia({ media: 'print' });
    expect(await chief.locator('.mantine-AppShell-navbar').isVisible()).toBe(false);
    expect(await chief.getByTestId('pd-act-print').isVisible()).toBe(false);
    expect(await act.getByTestId('pd-act-title').isVisible()).toBe(true);
    await chief.screenshot({ path: path.join(SHOTS, 'retention-act-print.png'), fullPage: true });
    await chief.emulateMedia({ media: 'screen' });

    // The same act in English: the domain labels and the role follow the UI language.
    await chief.getByTestId('language-switch').getByText('EN').click();
    await act.getByText(`Act No. ${actNumber} of destruction of personal data`).waitFor();
    expect(await text('pd-act-reason')).toContain('Consent to processing withdrawn');
    expect(await text('pd-act-performer')).toMatch(/, chief doctor$/);
    await chief.screenshot({ path: path.join(SHOTS, 'retention-act-en.png'), fullPage: true });
    await chief.getByTestId('language-switch').getByText('RU').click();
    await act.getByTestId('pd-act-title').getByText(/^Акт № /).waitFor();
  }, 180_000);

  it('the card then shows the blocked notice with the act and nothing to edit; the register lists the act', async () => {
    await chief.goto(`${server.url}/patients/${patient.id}`);
    const notice = chief.getByTestId('pd-state-alert');
    await notice.getByTestId('pd-act-link').waitFor();
    const card = (await (await chief.request.get(`${server.url}/api/patients/${patient.id}`)).json()) as { retainUntil: string };
    expect(await notice.innerText()).toContain(
      `Персональные данные уничтожены по заявлению об отзыве согласия (акт № ${actNumber} от ${actDate}). Хранится только медицинская карта — до ${ruDate(card.retainUntil)}. Запись на приём и изменение карты недоступны.`,
    );
    expect(await chief.getByTestId('patient-edit').count()).toBe(0);
    expect(await chief.getByTestId('svc-add').count()).toBe(0);
    await chief.getByTestId('patient-visits').waitFor();
    await chief.screenshot({ path: path.join(SHOTS, 'retention-card.png'), fullPage: true });

    await chief.getByTestId('nav-pd-destructions').click();
    const row = chief.getByTestId('pd-register-row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.innerText()).toContain('Отзыв согласия');
    expect(await row.innerText()).toContain(`до ${ruDate(card.retainUntil)}`);
    expect(await chief.getByTestId('pd-due-hint').innerText()).toMatch(/последним визитом не позднее \d{2}\.\d{2}\.\d{4} и карты без визитов с последним обращением не позднее \d{2}\.\d{2}\.\d{4}/);
    await chief.screenshot({ path: path.join(SHOTS, 'retention-register.png'), fullPage: true });
  }, 180_000);

  it('the administrator sees the blocked card without the destroy button and cannot pick it for the waiting list', async () => {
    const admin = await signIn('admin');
    expect(await admin.getByTestId('nav-pd-destructions').count()).toBe(0);
    await admin.goto(`${server.url}/patients/${patient.id}`);
    const notice = admin.getByTestId('pd-state-alert');
    await notice.waitFor();
    expect(await notice.getAttribute('data-state')).toBe('blocked');
    await admin.getByTestId('patient-visits').waitFor();
    expect(await admin.getByTestId('pd-destroy-open').count()).toBe(0);
    expect(await admin.getByTestId('patient-edit').count()).toBe(0);

    await admin.goto(`${server.url}/patients?q=${encodeURIComponent(patient.surname)}`);
    const row = admin.getByTestId('patient-row').filter({ hasText: String(patient.cardNumber) }).filter({ hasText: name });
    await row.getByTestId('pd-blocked-badge').waitFor();
    expect(await row.getByTestId('pd-blocked-badge').innerText()).toBe('Данные заблокированы');

    await admin.goto(`${server.url}/desk/waiting-list`);
    await admin.getByTestId('waiting-add').click();
    await admin.getByTestId('patient-picker').fill(name);
    const option = admin.getByRole('option', { name: new RegExp(`${name}.*данные заблокированы — запись невозможна`) });
    await option.waitFor();
    expect(await option.getAttribute('data-combobox-disabled')).toBe('true');

    // The demo register also holds a caller destroyed completely: only the card number is left.
    const acts = (await (await chief.request.get(`${server.url}/api/pd-destructions`)).json()) as { items: { patientId: string; cardNumber: number; scope: string }[] };
    const gone = acts.items.find((a) => a.scope === 'destroyed')!;
    expect(gone).toBeTruthy();
    await admin.goto(`${server.url}/patients?q=${gone.cardNumber}`);
    const goneRow = admin.getByTestId('patient-row').filter({ hasText: 'Персональные данные уничтожены' });
    await goneRow.waitFor();
    expect(await goneRow.innerText()).toMatch(new RegExp(`^${gone.cardNumber}\\s+Персональные данные уничтожены`));
    await goneRow.click();
    await admin.getByRole('heading', { name: 'Персональные данные уничтожены' }).waitFor();
    expect(await admin.getByTestId('pd-state-alert').getAttribute('data-state')).toBe('destroyed');
    expect(await admin.getByTestId('pd-state-alert').innerText()).toContain(`Осталась только карта № ${gone.cardNumber} без сведений о человеке`);
    expect(await admin.getByTestId('patient-edit').count()).toBe(0);
    await admin.screenshot({ path: path.join(SHOTS, 'retention-card-destroyed.png'), fullPage: true });
    await admin.close();
  }, 180_000);

  it('refuses in the modal with the server’s Russian message while the patient still has a visit booked', async () => {
    expect(booked, 'the demo clinic has a patient booked for later').toBeTruthy();
    await chief.goto(`${server.url}/patients/${booked!.id}`);
    await chief.getByTestId('pd-destroy-open').click();
    const modal = chief.getByRole('dialog');
    await modal.getByTestId('pd-reason').click();
    await chief.getByRole('option', { name: /^Требование субъекта персональных данных/ }).click();
    expect(await modal.getByTestId('pd-preview-refusal').innerText()).toMatch(/^У пациента есть будущие записи \(\d+\): сначала отмените их$/);
    await modal.getByTestId('pd-basis').fill('Требование по телефону');
    await modal.getByTestId('pd-confirm').fill(String(booked!.cardNumber));
    await modal.getByTestId('pd-destroy-submit').click();
    await modal.getByTestId('pd-error').waitFor();
    expect(await modal.getByTestId('pd-error').innerText()).toMatch(/^У пациента есть будущие записи \(\d+\): сначала отмените их$/);
    const card = (await (await chief.request.get(`${server.url}/api/patients/${booked!.id}`)).json()) as { pdState: string };
    expect(card.pdState).toBe('active');
  }, 180_000);
});
