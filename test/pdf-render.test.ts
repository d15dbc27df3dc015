import { describe, expect, it } from 'vitest';
import { renderPdf } from '../src/documents/render.js';
import { pdfText } from './support/pdf-text.js';

describe('PDF render adapter', () => {
  it('renders Cyrillic that reads back as text', async () => {
    const bytes = await renderPdf({ content: ['Квитанция № 7', { text: 'Ёлкина Алёна Петровна — 1 500,00 ₽', bold: true }] });
    const text = await pdfText(bytes);
    expect(text).toContain('Квитанция № 7');
    expect(text).toContain('Ёлкина Алёна Петровна — 1 500,00 ₽');
  });
  it('refuses to read local files or URLs named in a document', async () => {
    await expect(renderPdf({ content: [{ image: '/etc/passwd' }] })).rejects.toThrow();
    await expect(renderPdf({ content: [{ image: 'http://127.0.0.1:9/x.png' }] })).rejects.toThrow();
  });
});
