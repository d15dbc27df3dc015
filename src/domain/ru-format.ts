/**
 * Numbers in Russian texts: «1 таблица», «3 таблицы», «12 таблиц», «1,5». Pure (Intl only),
 * so the CLI, services and documents print counts the same way.
 */

const RU_PLURAL = new Intl.PluralRules('ru');

/** «1 таблица», «3 таблицы», «12 таблиц». */
export function ruCount(n: number, one: string, few: string, many: string): string {
  const form = RU_PLURAL.select(n);
  return `${n.toLocaleString('ru-RU')} ${form === 'one' ? one : form === 'few' ? few : many}`;
}

/** A number with a fixed count of decimals in the Russian form: 1.5 → «1,5». */
export function ruNumber(n: number, digits = 1): string {
  return n.toLocaleString('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
