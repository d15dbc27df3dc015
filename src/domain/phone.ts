import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Normalises a phone typed in any common Russian way (8 921 …, +7 921 …, 921 …, with
 * brackets, dashes, spaces) to E.164. Returns null when it is not a valid number.
 * Russia is the default country because a number without a country code is Russian here.
 */
export function toE164(input: string): string | null {
  const raw = input.trim();
  if (!raw) return null;
  const digits = raw.replace(/\D/g, '');
  let candidate = raw;
  // "8 921 …" is the Russian trunk prefix, not a country code.
  if (!raw.startsWith('+') && digits.length === 11 && (digits[0] === '8' || digits[0] === '7')) {
    candidate = '+7' + digits.slice(1);
  }
  const parsed = parsePhoneNumberFromString(candidate, 'RU');
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/** Formats E.164 for Russian staff: +7 (921) 322-00-31; other countries in international format. */
export function formatPhone(e164: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  if (m) return `+7 (${m[1]}) ${m[2]}-${m[3]}-${m[4]}`;
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}

/**
 * The E.164 digit prefix (without "+") a search-box query matches stored numbers by, or null
 * when the query is not phone-like. Staff type numbers every way: "+7 921 32", "8 (921) 32",
 * "7921…" and the bare national "921 32" all become the prefix "792132".
 */
export function phoneSearchDigits(query: string): string | null {
  const trimmed = query.trim();
  if (!/^[+\d\s()\-.]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 3) return null;
  if (trimmed.startsWith('+')) return digits;
  // Russian trunk prefix 8 or country code 7 typed without "+".
  if (digits[0] === '8' || digits[0] === '7') return '7' + digits.slice(1);
  return '7' + digits;
}
