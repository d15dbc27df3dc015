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
export const fonts = {
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
};
export const fontFiles = new Set(Object.values(fonts.Roboto));

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

/**
 * Characters the bundled Roboto lacks, and what prints in their place. Russian money and numbers are
 * grouped with a narrow no-break space (U+202F, as `rubles()` and `kopecksText()` write them for the
 * screen); in a PDF it would print as an empty box, so documents get the ordinary no-break space.
 */
const MISSING_GLYPHS: [RegExp, string][] = [[/\u202f/g, '\u00a0']];

/** The definition with every string made printable in Roboto (functions such as page footers are left as they are). */
export function printable<T>(value: T): T {
  if (typeof value === 'string') return MISSING_GLYPHS.reduce((s, [re, to]) => s.replace(re, to), value as string) as T;
  if (Array.isArray(value)) return value.map(printable) as T;
  if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Uint8Array) && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printable(v)])) as T;
  }
  return value;
}

/** Renders a document definition to PDF bytes (A4, the clinic's default font and size unless the definition says otherwise). */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return engine.createPdf({ ...PAGE_DEFAULTS, ...printable(definition) }).getBuffer();
}

/** A4 with the clinic's default font and size, unless the definition says otherwise. */
export const PAGE_DEFAULTS: Pick<TDocumentDefinitions, 'pageSize' | 'pageMargins' | 'defaultStyle'> = { pageSize: 'A4', pageMargins: [40, 40, 40, 48], defaultStyle: { font: 'Roboto', fontSize: 10 } };
