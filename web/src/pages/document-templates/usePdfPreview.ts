import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { previewPdf } from '../../api/documentTemplates';

/**
 * The live PDF of the text being edited: asked for 600 ms after the last keystroke (an older
 * request is aborted); a refused text keeps the last good PDF and reports the server's error.
 */
export function usePdfPreview(input: { title: string; body: string; child: boolean; code: string } | null, lang: string) {
  const [pdf, setPdf] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const key = input ? JSON.stringify(input) : null;
  useEffect(() => {
    if (!key) return;
    const ctl = new AbortController();
    setLoading(true);
    // The text changed: an earlier refusal no longer applies (the next answer tells again).
    setError(null);
    const timer = setTimeout(() => {
      previewPdf(JSON.parse(key), lang, ctl.signal)
        .then(async (blob) => {
          const bytes = new Uint8Array(await blob.arrayBuffer());
          if (ctl.signal.aborted) return;
          setPdf(bytes);
          setError(null);
        })
        .catch((e: unknown) => {
          if (ctl.signal.aborted) return;
          setError(e instanceof ApiError ? e : new ApiError({ status: 0, code: 'preview', detail_ru: String(e), detail_en: String(e) }));
        })
        .finally(() => !ctl.signal.aborted && setLoading(false));
    }, 600);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [key, lang]);
  return { pdf, error, loading };
}
