import { Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';

type PdfJs = typeof import('pdfjs-dist');
let loading: Promise<PdfJs> | null = null;

/** pdf.js, loaded on the editor only (its worker is a file of our own origin, so the CSP allows it). */
function pdfjs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return loading;
}

/**
 * The pages of a PDF drawn on canvases at the frame's width: the live preview looks the same in
 * every browser (no PDF plug-in, no blob: frame for the CSP to refuse) and in headless tests.
 */
export function PdfPages({ data, label, onRendered }: { data: Uint8Array; label: string; onRendered?: (pages: number) => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const lib = await pdfjs();
      const doc = await lib.getDocument({ data: data.slice(), isEvalSupported: false }).promise;
      const width = Math.max(320, (box.current?.clientWidth ?? 600) - 16);
      const canvases: HTMLCanvasElement[] = [];
      for (let n = 1; n <= doc.numPages && !cancelled; n++) {
        const page = await doc.getPage(n);
        const base = page.getViewport({ scale: 1 });
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: (width / base.width) * ratio });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${width}px`;
        canvas.style.display = 'block';
        canvas.style.background = '#fff';
        canvas.style.boxShadow = '0 1px 3px rgba(0,0,0,.25)';
        canvas.setAttribute('aria-label', `${label} — ${n} / ${doc.numPages}`);
        await page.render({ canvas, viewport }).promise;
        canvases.push(canvas);
      }
      void doc.destroy();
      if (cancelled || !box.current) return;
      box.current.replaceChildren(...canvases);
      onRendered?.(canvases.length);
    })();
    return () => {
      cancelled = true;
    };
  }, [data, label, onRendered]);
  return <Stack ref={box} gap="sm" p={8} align="center" role="document" aria-label={label} />;
}
