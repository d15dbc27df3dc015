import type { Bilingual } from '../errors.js';
import { localDateOf, localTimeOf, MINUTE } from './time.js';

/** The first instant (epoch ms) «Не пришёл» may be marked: the start plus the clinic's grace period. */
export function noShowFrom(startsAt: number, graceMin: number): number {
  return startsAt + graceMin * MINUTE;
}

/**
 * SCH-9: a visit is a no-show only after it should have begun and the patient has had the
 * clinic's grace period to arrive late; before that the patient may still come, and a premature
 * «Не пришёл» frees the time and puts the patient on the next call list as a missed visit.
 * Returns the refusal in both languages, or null when the mark is allowed at `now`.
 */
export function noShowRefusal(p: { startsAt: number; now: number; graceMin: number; tz: string }): Bilingual | null {
  const from = noShowFrom(p.startsAt, p.graceMin);
  if (p.now >= from) return null;
  const start = localTimeOf(p.startsAt, p.tz);
  const allowed = localTimeOf(from, p.tz);
  const date = localDateOf(from, p.tz);
  const sameDay = date === localDateOf(p.now, p.tz);
  const [y, m, d] = date.split('-');
  const whenRu = sameDay ? `с ${allowed}` : `${d}.${m}.${y} с ${allowed}`;
  const whenEn = sameDay ? `from ${allowed}` : `on ${d}.${m}.${y} from ${allowed}`;
  return {
    ru: `Рано отмечать «Не пришёл»: приём в ${start}, пациент ещё может прийти. Отметить неявку можно ${whenRu}`,
    en: `Too early for "No-show": the visit starts at ${start} and the patient may still come. A no-show can be marked ${whenEn}`,
  };
}
