import { describe, expect, it } from 'vitest';
import { printable, renderPdf } from '../src/documents/render.js';
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
});
