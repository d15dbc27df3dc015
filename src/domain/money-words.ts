/**
 * A sum in Russian words as receipts and certificates write it: «одна тысяча пятьсот рублей 00 копеек».
 * Rubles are masculine (один, два), thousands feminine (одна, две).
 */
const ONES_M = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const ONES_F = ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const TEENS = ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
const TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

/** The Russian plural form for n: 1 рубль, 2 рубля, 5 рублей (11–14 take the third). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const m100 = n % 100;
  const m10 = n % 10;
  if (m100 >= 11 && m100 <= 14) return many;
  if (m10 === 1) return one;
  if (m10 >= 2 && m10 <= 4) return few;
  return many;
}

function triad(n: number, feminine: boolean): string[] {
  const out: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) out.push(HUNDREDS[h]);
  if (rest >= 10 && rest < 20) out.push(TEENS[rest - 10]);
  else {
    if (rest >= 20) out.push(TENS[Math.floor(rest / 10)]);
    const o = rest % 10;
    if (o) out.push((feminine ? ONES_F : ONES_M)[o]);
  }
  return out;
}

const SCALES: { value: number; forms: [string, string, string]; feminine: boolean }[] = [
  { value: 1_000_000_000, forms: ['миллиард', 'миллиарда', 'миллиардов'], feminine: false },
  { value: 1_000_000, forms: ['миллион', 'миллиона', 'миллионов'], feminine: false },
  { value: 1_000, forms: ['тысяча', 'тысячи', 'тысяч'], feminine: true },
];

/** A whole non-negative number in words, masculine: 1500 → «одна тысяча пятьсот», 0 → «ноль». */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole non-negative number: ${n}`);
  if (n === 0) return 'ноль';
  const words: string[] = [];
  let rest = n;
  for (const s of SCALES) {
    const k = Math.floor(rest / s.value);
    if (k) {
      words.push(...(k >= 1000 ? [numberInWords(k)] : triad(k, s.feminine)), ruPlural(k, ...s.forms));
      rest %= s.value;
    }
  }
  words.push(...triad(rest, false));
  return words.join(' ');
}

/** Kopecks in words: 150000 → «одна тысяча пятьсот рублей 00 копеек»; 2101 → «двадцать один рубль 01 копейка». */
export function amountInWords(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks) || kopecks < 0) throw new RangeError(`not an amount: ${kopecks}`);
  const rub = Math.floor(kopecks / 100);
  const kop = kopecks % 100;
  const text = `${numberInWords(rub)} ${ruPlural(rub, 'рубль', 'рубля', 'рублей')} ${String(kop).padStart(2, '0')} ${ruPlural(kop, 'копейка', 'копейки', 'копеек')}`;
  return text;
}
