/**
 * Signed links that need no sign-in (REC-4, issue #10): unsubscribe, and the reminder's
 * «Подтверждаю» / «Перенести». HMAC-SHA256 with the clinic's key, compared in constant time.
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
