/**
 * Mailings and reminders (REC-4, issue #10): signed links that need no sign-in (unsubscribe, the
 * reminder's «Подтверждаю» / «Перенести»), and the message text's placeholders. Pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a link lets its holder do: unsubscribe from a channel, or answer a visit's reminder. */
export type LinkToken =
  | { k: 'unsub'; c: string; p: string; ch: 'email' | 'sms' }
  | { k: 'remind'; c: string; p: string; a: string; exp: number };

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** `payload.signature`, both base64url: safe in a URL path. */
export function signToken(secret: string, t: LinkToken): string {
  const payload = Buffer.from(JSON.stringify(t)).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The clinic a token claims (unverified): to find the key that must have signed it. */
export function tokenClinic(token: string): string | null {
  const payload = token.split('.')[0] ?? '';
  try {
    const t = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { c?: unknown };
    return typeof t.c === 'string' && t.c.length <= 64 ? t.c : null;
  } catch {
    return null;
  }
}

/** The token's content when the signature holds, else null (a forged or damaged link). Expiry is the caller's. */
export function verifyToken(secret: string, token: string): LinkToken | null {
  const [payload, sig, ...rest] = token.split('.');
  if (!payload || !sig || rest.length) return null;
  const want = Buffer.from(mac(secret, payload));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  try {
    const t = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LinkToken;
    return t && (t.k === 'unsub' || t.k === 'remind') ? t : null;
  } catch {
    return null;
  }
}

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
