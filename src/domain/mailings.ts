/**
 * Mailings, promotions and reminders (REC-4, issue #10): pure rules — the text's placeholders, who a
 * mailing may reach, the dispatcher's retry schedule, the reminder's text. The signed links are in
 * src/services/link-tokens.ts (they need node:crypto).
 */

/** The placeholders a mailing's text may hold. */
export const PLACEHOLDERS = ['{имя}', '{клиника}'] as const;

/** Fills {имя} (how the patient is addressed) and {клиника}; anything else is left as written. */
export function renderText(text: string, v: { name: string; clinic: string }): string {
  return text.replaceAll('{имя}', v.name).replaceAll('{клиника}', v.clinic);
}

/** Why a member of a segment gets no message. */
export type SkipReason = 'no_consent' | 'refused' | 'no_address';

export const SKIP_REASONS: Record<SkipReason, { ru: string; en: string }> = {
  no_consent: { ru: 'нет согласия на рассылку', en: 'no consent to mailings' },
  refused: { ru: 'отказался от рассылки', en: 'refused mailings' },
  no_address: { ru: 'нет адреса', en: 'no address' },
};

/**
 * A mailing reaches only a patient who agreed to it on that channel (38-FZ art. 18: advertising by
 * e-mail or SMS needs the subscriber's prior consent) and has an address there.
 */
export function recipientOf(agreed: number | undefined, address: string | null): { ok: true } | { ok: false; reason: SkipReason } {
  if (agreed === undefined) return { ok: false, reason: 'no_consent' };
  if (!agreed) return { ok: false, reason: 'refused' };
  if (!address) return { ok: false, reason: 'no_address' };
  return { ok: true };
}

/**
 * A reminder is a service message about the patient's own visit, not advertising: it goes unless the
 * patient refused the channel.
 */
export function reminderAllowed(agreed: number | undefined, address: string | null): boolean {
  return agreed !== 0 && !!address;
}

/** After this many failed attempts a message stops retrying and waits for a person («Повторить»). */
export const MAX_ATTEMPTS = 5;

/** The wait before the next attempt after `attempts` failures: 1, 5, 15, 60 minutes. */
export function backoffMs(attempts: number): number {
  const minutes = [1, 5, 15, 60][Math.min(Math.max(attempts, 1), 4) - 1];
  return minutes * 60_000;
}

/** «02.12.2026 в 10:30». */
export function visitWhen(localDate: string, time: string): string {
  return `${localDate.split('-').reverse().join('.')} в ${time}`;
}

/** The reminder's text, the same for e-mail and SMS; the clinic signs it (its name may hold its own quotes). */
export function reminderText(v: { who: string; when: string; clinic: string; doctorDative: string; address: string | null; link: string }): string {
  const where = v.address ? ` (${v.address})` : '';
  return `${v.who}, напоминаем: ${v.when} у Вас визит к доктору ${v.doctorDative}${where}. Подтвердить визит или попросить перенести: ${v.link}\n${v.clinic}`;
}

export const UNSUBSCRIBE_LINE = 'Отписаться от рассылки:';

/** A mailing's e-mail ends with the unsubscribe link. */
export function withUnsubscribe(text: string, link: string): string {
  return `${text}\n\n—\nВы получили это письмо, потому что дали согласие на рассылку клиники.\n${UNSUBSCRIBE_LINE} ${link}`;
}

/** Placeholders in braces the text holds that are not ours: sent as written, so the author is warned. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  return [...new Set(text.match(/\{[^{}\s]{1,30}\}/g) ?? [])].filter((p) => !known.has(p));
}

/**
 * How many SMS parts the text takes: GSM-7 letters 160 in one SMS, 153 per part of a longer one;
 * any Cyrillic (UCS-2) 70 and 67. The operator bills each part.
 */
export function smsParts(text: string): { chars: number; parts: number } {
  const chars = [...text].length;
  if (!chars) return { chars, parts: 0 };
  const gsm = /^[A-Za-z0-9 @£$¥èéùìòÇ\n\r!"#%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~\]|€]*$/.test(text);
  const [one, many] = gsm ? [160, 153] : [70, 67];
  return { chars, parts: chars <= one ? 1 : Math.ceil(chars / many) };
}
