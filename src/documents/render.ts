import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * The one PDF render adapter: every document of Vizit (receipts, registers, certificates, consents)
 * is a pure builder returning a pdfmake document definition, rendered here. pdfmake's bundled
 * Roboto carries Cyrillic; documents never fetch anything: URLs and local files other than the fonts
 * are refused, so a template cannot make the server read a file or call out.
 */
const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const fonts = {
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
};
const fontFiles = new Set(Object.values(fonts.Roboto));

interface PdfMakeServer {
  setFonts(f: typeof fonts): void;
  setUrlAccessPolicy(p: (url: string) => boolean): void;
  setLocalAccessPolicy(p: (file: string) => boolean): void;
  createPdf(d: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}
const engine = pdfmake as unknown as PdfMakeServer;
engine.setFonts(fonts);
engine.setUrlAccessPolicy(() => false);
engine.setLocalAccessPolicy((file) => fontFiles.has(path.resolve(file)));

/** Renders a document definition to PDF bytes (A4, the clinic's default font and size unless the definition says otherwise). */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return engine.createPdf({ pageSize: 'A4', pageMargins: [40, 40, 40, 48], defaultStyle: { font: 'Roboto', fontSize: 10 }, ...definition }).getBuffer();
}
