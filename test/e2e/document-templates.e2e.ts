import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.js';
import { SHOTS, launchBrowser, startDemoServer, signedInPage } from '../support/browser.js';

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('browser: the chief doctor edits a document template with a live preview (issue #11)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'chief', '/settings/document-templates', 1000);
    // Pass every preview through, keeping the last PDF the frame was given.
    await page.route('**/api/documents/templates/preview', async (route) => {
      const r = await route.fetch().catch(() => null);
      if (!r) return route.abort().catch(() => undefined);
      const body = await r.body();
      if (r.status() === 200 && body.length) lastPdf = body;
      await route.fulfill({ response: r, body }).catch(() => undefined);
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The last PDF the preview answered (what the frame shows), as text. */
  let lastPdf: Buffer | null = null;
  const previewText = async () => flat(await pdfText(Buffer.from(lastPdf!)));
  const renders = async () => Number(await page.getByTestId('tpl-preview').getAttribute('data-renders'));

  it('the preview follows the text, an unknown placeholder is refused with the server’s message, saving makes version N+1', async () => {
    await page.getByTestId('nav-document-templates').waitFor();
    await page.getByTestId('tpl-row-contract').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'document-templates-list.png'), fullPage: true });
    await page.getByTestId('tpl-open-leaflet-filling').click();
    await page.getByTestId('tpl-preview').waitFor();
    const badge = await page.getByTestId('tpl-current-version').textContent();
    const n = Number(/\d+/.exec(badge ?? '')![0]);
    await expect.poll(async () => (lastPdf ? previewText() : ''), { timeout: 10_000 }).toContain('Памятка');

    const body = page.getByTestId('tpl-body');
    const original = await body.inputValue();
    const before = await renders();
    await body.fill(original.replace(/^# .*$/m, '# Памятка после пломбы — редакция главного врача'));
    await expect.poll(renders, { timeout: 30_000 }).toBeGreaterThan(before);
    await expect.poll(previewText, { timeout: 10_000 }).toContain('Памятка после пломбы — редакция главного врача');
    await page.getByTestId('tpl-dirty').getByText('Есть несохранённые изменения').waitFor();

    // The child sample: the preview is rebuilt for a child with the representative.
    const adultRenders = await renders();
    await page.getByTestId('tpl-sample').getByText('Ребёнок (до 15 лет)').click();
    await expect.poll(renders, { timeout: 30_000 }).toBeGreaterThan(adultRenders);

    // An unknown placeholder: the preview says so, and saving is refused with the message at the field.
    const good = await body.inputValue();
    await body.fill(`${good}\n\nРазмер обуви: {{patient.shoeSize}}`);
    await page.getByTestId('tpl-preview-error').getByText('Неизвестная подстановка {{patient.shoeSize}}', { exact: false }).waitFor();
    await page.getByTestId('tpl-save').click();
    const fieldError = page.getByText(/Неизвестная подстановка \{\{patient\.shoeSize\}\} \(строка \d+\)/).first();
    await fieldError.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'document-templates-error.png'), fullPage: true });
    expect(await page.getByTestId('tpl-current-version').textContent()).toContain(String(n));

    // Back to a good text, inserted placeholder from the panel, and saved: version N+1.
    await body.fill(good);
    await body.focus();
    await page.getByTestId('tpl-insert-open').click();
    await page.getByTestId('tpl-insert-patient.fullName').click();
    expect(await body.inputValue()).toContain('{{patient.fullName}}');
    await page.getByTestId('tpl-save').click();
    await page.getByText(`Сохранена версия ${n + 1}`).waitFor();
    await expect.poll(async () => page.getByTestId('tpl-current-version').textContent()).toContain(String(n + 1));
    await page.getByTestId('tpl-dirty').getByText('Изменений нет').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'document-templates-editor.png'), fullPage: false });

    // The old version stays readable, read-only.
    await page.getByTestId('tpl-versions').click();
    await page.getByRole('option', { name: new RegExp(`^версия ${n} `) }).click();
    await page.getByTestId('tpl-viewing-old').waitFor();
    expect(await body.inputValue()).toBe(original);
    expect(await body.getAttribute('readonly')).not.toBeNull();
  }, 240_000);

  it('the legal references show the «ПРОВЕРИТЬ» mark and save the clinic’s own text', async () => {
    await page.goto(`${server.url}/settings/document-templates?tab=legal`);
    await page.getByTestId('legal-check-paidServices').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'document-templates-legal.png'), fullPage: true });
    await page.getByTestId('legal-edit-paidServices').click();
    const text = 'Правил предоставления медицинскими организациями платных медицинских услуг, утверждённых постановлением Правительства Российской Федерации от 11 мая 2023 г. № 736 (срок проверен клиникой)';
    await page.getByTestId('legal-text-paidServices').fill(text);
    await page.getByTestId('legal-save-paidServices').click();
    await page.getByTestId('legal-paidServices').getByText('свой текст клиники').waitFor();
    expect(await page.getByTestId('legal-check-paidServices').count()).toBe(0);
  }, 120_000);
});
