/**
 * Mailings and reminders (REC-4, issue #10): the message text's placeholders and recipients. Pure (the signed
 * links are in src/services/link-tokens.ts).
 */
/** The placeholders a mailing's text may hold. */
export const PLACEHOLDERS = ['{имя}', '{клиника}'] as const;

/** Fills {имя} (how the patient is addressed) and {клиника}; anything else is left as written. */
export function renderText(text: string, v: { name: string; clinic: string }): string {
  return text.replaceAll('{имя}', v.name).replaceAll('{name}', v.name).replaceAll('{клиника}', v.clinic).replaceAll('{clinic}', v.clinic);
}

/** Who mailings may not reach and why. */
export type SkipReason = 'no_consent' | 'refused' | 'no_address';

export const SKIP_REASONS: Record<SkipReason, { ru: string; en: string }> = {
  no_consent: { ru: 'нет согласия на рассылку', en: 'no consent to mailings' },
  refused: { ru: 'отказался от рассылки', en: 'refused mailings' },
  no_address: { ru: 'нет адреса', en: 'no address' },
};

/** A patient's consent for the channel decides: agreed sends, refused or absent skips; no address skips too. */
export function recipientOf(consent: { agreed: number } | undefined, address: string | null): { ok: true } | { ok: false; reason: SkipReason } {
  if (!consent) return { ok: false, reason: 'no_consent' };
  if (!Number(consent.agreed)) return { ok: false, reason: 'refused' };
  if (!address) return { ok: false, reason: 'no_address' };
  return { ok: true };
}
