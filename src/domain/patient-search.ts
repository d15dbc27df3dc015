import { searchKey } from './names.js';
import { phoneSearchDigits } from './phone.js';

/** What one search-box query asks for; the repository runs one index range scan per term given. */
export interface PatientSearchTerms {
  /** Prefix of "surname first patronymic". */
  nameKey?: string;
  /** Prefix of "first surname patronymic": «Анна Смирнова» (only for two words or more). */
  givenKey?: string;
  /** Prefix of the E.164 digits. */
  phonePrefix?: string;
  /** The last 7 digits of a number: «555-12-34». */
  phoneTail?: string;
  cardNumber?: number;
  /** 'YYYY-MM-DD'. */
  birthDate?: string;
}

/**
 * PAT-2: reads a query the way the desk types it — a surname (optionally with the name), a name
 * before the surname, a phone in any form or just its last 7 digits, a card number with or
 * without «№», a birth date «14.03.1985». Returns no terms when the query is too short to search.
 */
export function patientSearchTerms(query: string): PatientSearchTerms {
  const text = query.trim();
  if (!text) return {};
  const card = /^(?:№\s*)?(\d{1,9})$/.exec(text);
  const birthDate = parseBirthDate(text);
  if (birthDate) return { birthDate };
  if (card && text.startsWith('№')) return { cardNumber: Number(card[1]) };
  const terms: PatientSearchTerms = {};
  const phone = phoneSearchDigits(text);
  // A prefix shorter than country code + 5 digits matches a large share of all patients: wait for more.
  if (phone && phone.length >= 6) terms.phonePrefix = phone;
  const digits = text.replace(/\D/g, '');
  // Seven digits without a country or area code are how a local number ends: «555-12-34».
  if (phone && !text.startsWith('+') && digits.length === 7) terms.phoneTail = digits;
  if (card) terms.cardNumber = Number(card[1]);
  if (!phone && !card) {
    const key = searchKey(text.replace(/[.,]/g, ' '));
    if (key) {
      terms.nameKey = key;
      if (key.includes(' ')) terms.givenKey = key;
    }
  }
  return terms;
}

/** «14.03.1985», «14.3.1985», «14/03/1985» or «1985-03-14» as 'YYYY-MM-DD' when it is a real day. */
function parseBirthDate(text: string): string | undefined {
  let y: number, m: number, d: number;
  const ru = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (ru) [d, m, y] = [Number(ru[1]), Number(ru[2]), Number(ru[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return undefined;
  // Integer calendar arithmetic through UTC: no local zone is involved.
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
