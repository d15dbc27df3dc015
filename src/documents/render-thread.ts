import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fontFiles, fonts, PAGE_DEFAULTS, printable } from './render.js';

/**
 * Renders a big PDF (tomorrow's pack: a thousand documents, thousands of pages, a minute of pdfmake's
 * synchronous layout) on a worker thread, so the server keeps answering the desk meanwhile. The
 * worker is plain JavaScript loading the same pdfmake with the same fonts and the same refusal of
 * URLs and local files; the definition crosses by structured clone, so it holds no functions: the
 * page footer is given as a text with {page} and {pages}. Big renders run one at a time (each holds
 * hundreds of megabytes), the rest wait their turn.
 */
export interface PageFooter {
  text: string;
  alignment?: 'left' | 'right' | 'center';
  fontSize?: number;
  color?: string;
  margin?: [number, number, number, number];
}

const require = createRequire(import.meta.url);
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const path = require('node:path');
const pdfmake = require(workerData.pdfmake);
pdfmake.setFonts(workerData.fonts);
pdfmake.setUrlAccessPolicy(() => false);
const allowed = new Set(workerData.fontFiles);
pdfmake.setLocalAccessPolicy((file) => allowed.has(path.resolve(file)));
const { definition, footer } = workerData;
if (footer) {
  definition.footer = (page, pages) => ({ ...footer, text: footer.text.replace('{page}', String(page)).replace('{pages}', String(pages)) });
}
pdfmake.createPdf(definition).getBuffer().then((buffer) => parentPort.postMessage(buffer));
`;

let queue: Promise<unknown> = Promise.resolve();

export function renderPdfOffThread(definition: Omit<TDocumentDefinitions, 'footer'>, footer?: PageFooter): Promise<Buffer> {
  const run = () =>
    new Promise<Buffer>((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { pdfmake: require.resolve('pdfmake'), fonts, fontFiles: [...fontFiles], definition: { ...PAGE_DEFAULTS, ...printable(definition) }, footer: footer ? printable(footer) : null },
      });
      let done = false;
      worker.once('message', (bytes: Uint8Array) => {
        done = true;
        resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        void worker.terminate();
      });
      worker.once('error', (e) => {
        done = true;
        reject(e);
      });
      worker.once('exit', (code) => {
        if (!done) reject(new Error(`The PDF worker stopped with code ${code}`));
      });
    });
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
