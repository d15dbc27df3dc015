/**
 * Signed links that need no sign-in (REC-4, issue #10): unsubscribe, and the reminder's
 * «Подтверждаю» / «Перенести». The token is `id.signature`: the id names a row of message_links
 * (kind, patient, visit, expiry, the answer once given), the signature is HMAC-SHA256 of the id and
 * the kind by the clinic's key, compared in constant time — a guessed or altered id is refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

function mac(secret: string, id: string, kind: string): string {
  return createHmac('sha256', secret).update(`${kind}:${id}`).digest('base64url');
}

export function signLink(secret: string, id: string, kind: string): string {
  return `${id}.${mac(secret, id, kind)}`;
}

/** The id a token names (unverified): to find its row and the clinic's key. */
export function linkIdOf(token: string): string {
  return token.split('.')[0] ?? '';
}

/** True when the token's signature is the clinic's for this id and kind. */
export function linkSigned(secret: string, token: string, kind: string): boolean {
  const [id, sig, ...rest] = token.split('.');
  if (!id || !sig || rest.length) return false;
  const want = Buffer.from(mac(secret, id, kind));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}
