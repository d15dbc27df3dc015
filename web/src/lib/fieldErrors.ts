import { ApiError } from '../api/client';
import { useLang } from '../i18n';

/**
 * Per-field messages of a failed save, in the UI language. `field(name)` gives the message
 * for a body path ('surname', 'phones.0.number'); `rest(shown)` the messages for paths no
 * input on the form shows, so none is lost. An error without field messages is announced
 * by the global notification instead (see queryClient.ts).
 */
export function useFieldErrors(error: unknown) {
  const lang = useLang();
  const api = error instanceof ApiError ? error : null;
  const pick = (e: { message: string; message_ru: string; message_en: string }) =>
    (lang === 'en' ? e.message_en : e.message_ru) || e.message;

  const field = (name: string): string | undefined => {
    if (!api) return undefined;
    const hit = api.errors.find((e) => e.field === name);
    return hit ? pick(hit) : undefined;
  };

  const rest = (shown: (name: string) => boolean): string[] => {
    if (!api) return [];
    return api.errors.filter((e) => !shown(e.field)).map(pick);
  };

  return { field, rest, hasError: !!api };
}
