import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import type { Bilingual } from './errors.js';

/** Shortest new password; longer is the cheapest strength there is. */
export const PASSWORD_MIN_LENGTH = 10;

/**
 * zxcvbn score 3 = about 10^8 guesses: out of reach of an online attacker behind the sign-in throttle
 * (which still lets clean addresses through, so a many-address attacker gets some guesses).
 */
export const PASSWORD_MIN_SCORE = 3;

/**
 * Words an attacker tries first against a Russian clinic: the product and the demo clinic, common
 * Russian passwords typed in Latin letters (or on the English layout: «ghbdtn» is «привет»), Russian
 * keyboard walks, and the clinic's own vocabulary. zxcvbn's dictionaries are English-centred.
 */
export const RUSSIAN_CONTEXT_WORDS = [
  'vizit', 'визит', 'ulybka', 'улыбка', 'klinika', 'клиника', 'stomatologiya', 'stomatolog', 'zuby', 'vrach', 'doktor',
  'registratura', 'medsestra', 'zdorovie',
  'qwerty', 'qwerty123', 'ytrewq', 'йцукен', 'jcuken', 'qazwsx', '1q2w3e4r', '1qaz2wsx', 'zaq12wsx', '123qwe',
  'parol', 'parol123', 'пароль', 'gfhjkm', 'privet', 'привет', 'ghbdtn', 'lyubov', 'lubov', 'ljubov', 'любовь',
  'lyubimaya', 'lubimaya', 'solnce', 'solnyshko', 'kotik', 'zaika', 'zayka', 'rybka', 'malysh', 'mamapapa',
  'nastya', 'natasha', 'masha', 'dasha', 'sasha', 'katya', 'olga', 'lena', 'tanya', 'sveta', 'marina',
  'aleksandr', 'aleksey', 'dmitriy', 'sergey', 'andrey', 'vladimir', 'maksim', 'moskva', 'rossiya', 'piter',
  'spartak', 'zenit', 'vesna', 'schastye', 'druzhba', 'vkontakte', 'yandex',
];

export interface PasswordContext {
  login: string;
  /** Names of the person (full name or parts), in Cyrillic as stored. */
  names?: string[];
  clinicName?: string;
}

/** Why a new password is refused, in both languages; null when it may be used. */
export function passwordProblem(password: string, ctx: PasswordContext): Bilingual | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return { ru: `Пароль короче ${PASSWORD_MIN_LENGTH} символов`, en: `The password is shorter than ${PASSWORD_MIN_LENGTH} characters` };
  }
  const lower = password.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');
  const login = ctx.login.trim().toLocaleLowerCase('ru-RU');
  if (login && (lower === login || (login.length >= 4 && lower.includes(login)))) {
    return { ru: 'Пароль не должен содержать логин', en: 'The password must not contain the login' };
  }
  const clinicWords = ctx.clinicName ? wordsOf(ctx.clinicName) : [];
  const squeezed = lower.replace(/[^\p{L}\p{N}]/gu, '');
  if (clinicWords.some((w) => w.length >= 4 && (squeezed.includes(w) || squeezed.includes(translit(w))))) {
    return { ru: 'Пароль не должен содержать название клиники', en: "The password must not contain the clinic's name" };
  }
  const inputs = [login, ...clinicWords, ...clinicWords.map(translit), ...(ctx.names ?? []).flatMap(wordsOf).flatMap((w) => [w, translit(w)]), ...RUSSIAN_CONTEXT_WORDS];
  const result = estimator().check(password, inputs.filter((w) => w.length >= 3));
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const why = WARNINGS[result.feedback.warning ?? ''] ?? DEFAULT_WARNING;
  return {
    ru: `Пароль легко подобрать: ${why.ru}. Возьмите фразу из трёх-четырёх несвязанных слов`,
    en: `The password is easy to guess: ${why.en}. Use a phrase of three or four unrelated words`,
  };
}

let factory: ZxcvbnFactory | undefined;

/** Built once, on first use: the dictionaries take ~0.1 s to rank. Without translations the feedback comes as keys. */
function estimator(): ZxcvbnFactory {
  return (factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs }));
}

function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** «улыбка» → «ulybka»: how people type Russian words in a Latin-only password field. */
export function translit(word: string): string {
  return Array.from(word, (c) => TRANSLIT[c] ?? c).join('');
}

const DEFAULT_WARNING: Bilingual = { ru: 'в нём предсказуемые слова и символы', en: 'it is made of predictable words and characters' };

/** zxcvbn's warning keys in our words. */
const WARNINGS: Record<string, Bilingual> = {
  straightRow: { ru: 'ряд клавиш подряд (qwerty, asdf) подбирают первым', en: 'straight rows of keys (qwerty, asdf) are tried first' },
  keyPattern: { ru: 'узор на клавиатуре подбирают первым', en: 'keyboard patterns are tried first' },
  simpleRepeat: { ru: 'повторы символов вроде «aaa»', en: 'repeated characters like "aaa"' },
  extendedRepeat: { ru: 'повторы вроде «abcabc»', en: 'repeated patterns like "abcabc"' },
  sequences: { ru: 'последовательности вроде «abc» и «123»', en: 'sequences like "abc" and "123"' },
  recentYears: { ru: 'недавние годы', en: 'recent years' },
  dates: { ru: 'даты', en: 'dates' },
  topTen: { ru: 'это один из самых распространённых паролей', en: 'this is one of the most common passwords' },
  topHundred: { ru: 'это один из самых распространённых паролей', en: 'this is one of the most common passwords' },
  common: { ru: 'это распространённый пароль', en: 'this is a common password' },
  similarToCommon: { ru: 'он похож на распространённый пароль', en: 'it is similar to a common password' },
  wordByItself: { ru: 'одно слово подбирается по словарю', en: 'a single word is in the dictionaries' },
  namesByThemselves: { ru: 'имена и фамилии подбираются по словарю', en: 'names and surnames are in the dictionaries' },
  commonNames: { ru: 'имена и фамилии подбираются по словарю', en: 'names and surnames are in the dictionaries' },
  userInputs: {
    ru: 'в нём логин, имя, название клиники или частое русское слово латиницей (parol, privet, qwerty…)',
    en: 'it contains the login, a name, the clinic\'s name or a common Russian word in Latin letters (parol, privet, qwerty…)',
  },
};
