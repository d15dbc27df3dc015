import { PriceItemInput } from '../contracts/prices.js';
import { MESSAGES, type MessageKey } from '../contracts/common.js';
import type { PriceFileColumn } from '../contracts/price-files.js';
import { isIsoDate } from '../domain/dates.js';
import type { Bilingual, FieldError } from '../domain/errors.js';
import { parseRubles } from '../domain/prices.js';
import { FORMULA, type Cell, type FileRow } from './price-files.js';

/** One row of the file as the API would take it; `undefined` = the column is absent, leave the field as it is. */
export interface RowInput {
  row: number;
  code: string;
  mohCode: string | null | undefined;
  name: string;
  section: string;
  note: string | null | undefined;
  hidden: boolean | undefined;
  /** Kopecks; null when «Цена, ₽» is empty (allowed for a service that has a price: it stays). */
  priceMin: number | null;
  priceMax: number | null;
  validFrom: string;
}

const FIELD_COLUMN: Record<string, PriceFileColumn> = {
  code: 'Код', mohCode: 'Код МЗ', name: 'Наименование', section: 'Раздел', note: 'Примечание', priceMin: 'Цена, ₽', priceMax: 'Цена до, ₽', validFrom: 'Действует с',
};
export const columnOf = (field: string): PriceFileColumn => FIELD_COLUMN[field] ?? 'Код';

const AMOUNT: Bilingual = { ru: 'Сумма в рублях, например 2 500 или 2 500,50', en: 'An amount in rubles, e.g. 2 500 or 2 500.50' };
const DATE: Bilingual = { ru: 'Дата в виде ДД.ММ.ГГГГ, например 01.12.2026', en: 'A date as DD.MM.YYYY, e.g. 01.12.2026' };
const HIDDEN: Bilingual = { ru: 'Пусто или «да»', en: 'Empty or «да» (yes)' };
const FORMULA_MSG: Bilingual = { ru: 'В ячейке формула: вставьте значения (Специальная вставка → Значения)', en: 'The cell holds a formula: paste values instead' };

const text = (c: Cell | undefined): string => (c === undefined || c === FORMULA ? '' : typeof c === 'string' ? c.trim() : typeof c === 'number' ? String(c) : `${c.date.slice(8, 10)}.${c.date.slice(5, 7)}.${c.date.slice(0, 4)}`);

function money(c: Cell | undefined): number | null | 'bad' {
  if (c === undefined || c === '') return null;
  if (typeof c === 'number') {
    const k = Math.round(c * 100);
    return Number.isFinite(c) && c >= 0 && c < 1e8 && Math.abs(c * 100 - k) < 1e-6 ? k : 'bad';
  }
  if (typeof c !== 'string') return 'bad';
  return c.trim() === '' ? null : (parseRubles(c) ?? 'bad');
}

function date(c: Cell | undefined, today: string): string | 'bad' {
  if (c === undefined || c === '') return today;
  if (typeof c === 'object') return c.date;
  if (typeof c === 'number') {
    // An Excel serial day (1899-12-30 + n) in a cell without a date format.
    if (!Number.isInteger(c) || c < 20_000 || c > 80_000) return 'bad';
    return new Date(Date.UTC(1899, 11, 30) + c * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof c !== 'string') return 'bad';
  const s = c.trim();
  if (s === '') return today;
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s*г\.?)?$/.exec(s);
  const iso = ru ? `${ru[3].length === 2 ? `20${ru[3]}` : ru[3]}-${ru[2].padStart(2, '0')}-${ru[1].padStart(2, '0')}` : s;
  return isIsoDate(iso) ? iso : 'bad';
}

function hidden(c: Cell | undefined): boolean | 'bad' {
  const s = text(c).toLowerCase();
  if (['', 'нет', 'no', 'false', '0', '-', '—'].includes(s)) return false;
  if (['да', 'yes', 'true', '1', 'x', 'х', '+'].includes(s)) return true;
  return 'bad';
}

/** A zod issue in both languages, as the error plugin words the API's own answers. */
function issueText(i: { code: string; message: string; origin?: string; maximum?: unknown }): Bilingual {
  if (i.message in MESSAGES) return MESSAGES[i.message as MessageKey];
  if (i.code === 'too_big' && i.origin === 'string') return { ru: `Не более ${Number(i.maximum)} символов`, en: `At most ${Number(i.maximum)} characters` };
  if (i.code === 'too_small' && i.origin === 'string') return MESSAGES.blank;
  if (i.code === 'too_big') return { ru: 'Слишком большая сумма', en: 'The amount is too large' };
  return { ru: 'Недопустимое значение', en: 'Invalid value' };
}

/**
 * Reads one row with the API's own rules (the zod contract of a new service); the problems name
 * the row and the column as the user sees them: `rows.12.Код МЗ`.
 */
export function readRow(r: FileRow, columns: Set<PriceFileColumn>, today: string): { input: RowInput | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const bad = (col: PriceFileColumn, message: Bilingual) => {
    if (!errors.some((e) => e.field === `rows.${r.row}.${col}`)) errors.push({ field: `rows.${r.row}.${col}`, message });
  };
  for (const [col, c] of Object.entries(r.cells)) if (c === FORMULA) bad(col as PriceFileColumn, FORMULA_MSG);
  const has = (c: PriceFileColumn) => columns.has(c);
  const priceMin = money(r.cells['Цена, ₽']);
  const priceMax = money(r.cells['Цена до, ₽']);
  const validFrom = date(r.cells['Действует с'], today);
  const hid = has('Скрыта') ? hidden(r.cells['Скрыта']) : undefined;
  if (priceMin === 'bad') bad('Цена, ₽', AMOUNT);
  if (priceMax === 'bad') bad('Цена до, ₽', AMOUNT);
  if (validFrom === 'bad') bad('Действует с', DATE);
  if (hid === 'bad') bad('Скрыта', HIDDEN);
  const input = {
    row: r.row,
    code: text(r.cells['Код']),
    mohCode: has('Код МЗ') ? text(r.cells['Код МЗ']) || null : undefined,
    name: text(r.cells['Наименование']),
    section: text(r.cells['Раздел']),
    note: has('Примечание') ? text(r.cells['Примечание']) || null : undefined,
  };
  const { row: _row, ...fields } = input;
  const parsed = PriceItemInput.safeParse({
    ...fields,
    mohCode: input.mohCode ?? null,
    note: input.note ?? null,
    priceMin: typeof priceMin === 'number' ? priceMin : 0,
    priceMax: typeof priceMax === 'number' ? priceMax : null,
    validFrom: validFrom === 'bad' ? undefined : validFrom,
  });
  if (!parsed.success) for (const i of parsed.error.issues) bad(columnOf(String(i.path[0] ?? 'code')), issueText(i as never));
  if (typeof priceMin === 'number' && typeof priceMax === 'number' && priceMax < priceMin) {
    bad('Цена до, ₽', { ru: 'Верхняя граница диапазона не может быть меньше нижней', en: 'The upper bound cannot be below the lower one' });
  }
  if (priceMin === null && priceMax !== null) bad('Цена, ₽', { ru: 'Укажите нижнюю границу диапазона', en: 'Give the lower bound of the range' });
  if (errors.length) return { input: null, errors };
  const min = priceMin as number | null;
  const max = priceMax as number | null;
  return {
    input: { ...input, hidden: hid as boolean | undefined, priceMin: min, priceMax: max === null || max === min ? null : max, validFrom: validFrom as string },
    errors,
  };
}
