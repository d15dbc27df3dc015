import { describe, expect, it } from 'vitest';
import { printable, renderPdf } from '../src/documents/render.js';
import { renderPdfOffThread } from '../src/documents/render-thread.js';
import { kopecksText } from '../src/domain/money.js';
import { pdfText } from './support/pdf-text.js';

describe('PDF render adapter', () => {
  it('renders Cyrillic that reads back as text', async () => {
    const bytes = await renderPdf({ content: ['Квитанция № 7', { text: 'Ёлкина Алёна Петровна — 1 500,00 ₽', bold: true }] });
    const text = await pdfText(bytes);
    expect(text).toContain('Квитанция № 7');
    expect(text).toContain('Ёлкина Алёна Петровна — 1 500,00 ₽');
  });
  it('money grouped with the narrow no-break space (no glyph in Roboto) prints with the ordinary one', async () => {
    expect(kopecksText(150_000)).toBe('1\u202f500,00');
    expect(printable({ content: [{ text: ['Итого: ', kopecksText(150_000)] }], footer: 'x' })).toEqual({ content: [{ text: ['Итого: ', '1\u00a0500,00'] }], footer: 'x' });
    const text = await pdfText(await renderPdf({ content: [`Итого: ${kopecksText(1_234_500)} ₽`] }));
    expect(text.replace(/\u00a0/g, ' ')).toContain('Итого: 12 345,00 ₽');
  });
  it('refuses to read local files or URLs named in a document', async () => {
    await expect(renderPdf({ content: [{ image: '/etc/passwd' }] })).rejects.toThrow();
    await expect(renderPdf({ content: [{ image: 'http://127.0.0.1:9/x.png' }] })).rejects.toThrow();
  });
  it('renders a big pack on a worker thread: same fonts and footer, the event loop stays free, files and URLs still refused', async () => {
    const pages = Array.from({ length: 150 }, (_, i) => ({ text: `Согласие № ${i + 1}: Ёлкина Алёна Петровна. ${'Текст договора. '.repeat(150)}`, pageBreak: i ? ('before' as const) : undefined }));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const bytes = await renderPdfOffThread({ content: pages }, { text: 'Страница {page} из {pages}', alignment: 'right', fontSize: 8 });
    const ms = performance.now() - started;
    clearInterval(timer);
    // Had the render held the main thread, no 5 ms tick could have run before it finished.
    expect(ticks, `${ms.toFixed(0)} ms render`).toBeGreaterThan(Math.min(3, Math.floor(ms / 50)));
    const text = await pdfText(bytes);
    expect(text).toContain('Согласие № 150: Ёлкина Алёна Петровна');
    expect(text).toMatch(/Страница 1 из \d{3}/);
    await expect(renderPdfOffThread({ content: [{ image: '/etc/passwd' }] })).rejects.toThrow();
    await expect(renderPdfOffThread({ content: [{ image: 'http://127.0.0.1:9/x.png' }] })).rejects.toThrow();
    // After a failure the next render still runs (the queue is not stuck).
    expect(await pdfText(await renderPdfOffThread({ content: ['Квитанция № 8'] }))).toContain('Квитанция № 8');
  }, 120_000);
});
