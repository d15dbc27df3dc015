import { MOBILE_CODES } from '../src/demo/demo-patients.js';
import { randomMaleSurname, randomName, type Sex } from '../src/demo/demo-names.js';
import type { Rng } from '../src/demo/demo-random.js';

/*
 * The bench's people and search inputs, drawn from the demo clinic's Russian name lists and mobile
 * codes (src/demo), so both data sets look alike and there is one list to keep.
 */

export interface Person {
  surname: string;
  firstName: string;
  patronymic: string;
  sex: Sex;
}

/** A person born in `birthYear` (the first name fits the generation). */
export function person(rng: Rng, birthYear: number): Person {
  const sex: Sex = rng.chance(0.58) ? 'female' : 'male';
  const { surname, firstName, patronymic } = randomName(rng, sex, birthYear);
  return { sex, surname, firstName, patronymic };
}

/** Surname prefixes as typed at the desk: 2–6 letters, sometimes with ё typed as е. */
export function surnamePrefixes(rng: Rng, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = randomMaleSurname(rng).replace('ё', 'е');
    out.push(s.slice(0, 2 + rng.int(0, Math.min(5, s.length - 1) - 1)));
  }
  return out;
}

/** Phone prefixes in the ways staff type them: «8 921 3», «+7 (911) 45», «9264». */
export function phonePrefixes(rng: Rng, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const code = rng.weighted(MOBILE_CODES);
    const tail = String(rng.int(0, 999)).padStart(3, '0').slice(0, 1 + rng.int(0, 2));
    out.push(rng.weighted<string>([[`8 ${code} ${tail}`, 1], [`+7 (${code}) ${tail}`, 1], [`${code}${tail}`, 1]]));
  }
  return out;
}
