/**
 * The price list as a file, both ways: CSV as Russian Excel opens and saves it (UTF-8 with BOM,
 * `;`, CRLF; Windows-1251 and `,` accepted too) and XLSX through exceljs. Only cells in and out:
 * what the cells mean is decided by price-import.service.ts.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { PRICE_FILE_COLUMNS, type PriceFileColumn } from '../contracts/price-files.js';
import { DomainError } from '../domain/errors.js';
import { rubles } from '../domain/prices.js';
import { zipProblem } from './zip-guard.js';

/** A formula: refused, because its cached result may be missing or stale. */
export const FORMULA = Symbol('formula');
/** Text, a number, a calendar date (YYYY-MM-DD) from a date cell, or a formula. */
export type Cell = string | number | { date: string } | typeof FORMULA;

export interface FileRow {
  /** The row number as the user sees it in the file: the header is row 1. */
  row: number;
  cells: Partial<Record<PriceFileColumn, Cell>>;
}

export interface ReadFile {
  /** Columns the header names: an absent optional column leaves that field as it is. */
  columns: Set<PriceFileColumn>;
  rows: FileRow[];
}

export interface ExportRow {
  code: string;
  mohCode: string | null;
  name: string;
  section: string;
  note: string | null;
  hidden: boolean;
  /** Kopecks; null before the first price. */
  priceMin: number | null;
  priceMax: number | null;
  validFrom: string | null;
}

export const MAX_ROWS = 20_000;
const MAX_COLUMNS = 100;
/** Unpacked XLSX: a list of a few thousand services is a few MB of XML. */
const MAX_UNZIPPED = 25 * 1024 * 1024;
const REQUIRED: PriceFileColumn[] = ['Код', 'Наименование', 'Раздел', 'Цена, ₽'];

export const fileError = (ru: string, en: string) =>
  new DomainError('validation_failed', { ru, en }, [{ field: 'fileBase64', message: { ru, en } }]);
const unreadable = (what: 'csv' | 'xlsx') =>
  what === 'csv'
    ? fileError('Файл не читается как CSV: сохраните его из Excel как «CSV UTF-8 (разделитель — точка с запятой)»', 'The file cannot be read as CSV: save it from Excel as “CSV UTF-8”')
    : fileError('Файл не читается как книга Excel (.xlsx)', 'The file cannot be read as an Excel workbook (.xlsx)');

/** Reads the header and the data rows; file-level problems (not a file, no header, too big) are thrown. */
export async function readPriceFile(format: 'csv' | 'xlsx', buf: Buffer): Promise<ReadFile> {
  const table = format === 'csv' ? readCsv(buf) : await readXlsx(buf);
  const [head, ...body] = table;
  if (!head) throw fileError('Файл пуст', 'The file is empty');
  if (head.cells.length > MAX_COLUMNS) throw fileError(`Слишком много столбцов: ${head.cells.length} (не более ${MAX_COLUMNS})`, `Too many columns: ${head.cells.length} (at most ${MAX_COLUMNS})`);
  if (body.length > MAX_ROWS) throw fileError(`Слишком много строк: не более ${MAX_ROWS}`, `Too many rows: at most ${MAX_ROWS}`);
  const at = new Map<PriceFileColumn, number>();
  // Letters and digits only: «Цена, ₽», «Цена ₽» and «Цена, ?» (no ₽ in Windows-1251) are one column.
  const key = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]/gu, '');
  head.cells.forEach((c, i) => {
    const name = typeof c === 'string' ? key(c) : '';
    const col = PRICE_FILE_COLUMNS.find((k) => key(k) === name);
    if (col && !at.has(col)) at.set(col, i);
  });
  const missing = REQUIRED.filter((c) => !at.has(c));
  if (missing.length) {
    const list = missing.map((c) => `«${c}»`).join(', ');
    throw fileError(`В первой строке нет столбцов ${list}: первая строка — заголовок, как в выгрузке прейскуранта`, `The first row lacks the columns ${list}: it must be the header, as in the exported price list`);
  }
  const rows: FileRow[] = [];
  for (const r of body) {
    const cells: FileRow['cells'] = {};
    let empty = true;
    for (const [col, i] of at) {
      const v = r.cells[i] ?? '';
      cells[col] = v;
      if (v !== '') empty = false;
    }
    if (!empty) rows.push({ row: r.row, cells });
  }
  return { columns: new Set(at.keys()), rows };
}

function readCsv(buf: Buffer): { row: number; cells: Cell[] }[] {
  const text = decodeText(buf).replace(/^\ufeff/, '');
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (r: string[]) => {
        if (r.length > MAX_COLUMNS) throw new Error('too wide');
        return r;
      },
    });
  } catch (e) {
    if (e instanceof Error && /too wide/.test(e.message)) throw fileError(`Слишком много столбцов (не более ${MAX_COLUMNS})`, `Too many columns (at most ${MAX_COLUMNS})`);
    throw unreadable('csv');
  }
  // Russian Excel writes a leading apostrophe before = + - @ so that text is not taken for a formula.
  return records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.replace(/^'(?=[=+\-@])/, '')) }));
}

/** UTF-8 (with or without BOM); a file that is not valid UTF-8 is taken as Windows-1251 («CSV (разделители — запятые)» of Russian Excel). */
function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('windows-1251').decode(buf);
  }
}

async function readXlsx(buf: Buffer): Promise<{ row: number; cells: Cell[] }[]> {
  const problem = zipProblem(buf, MAX_UNZIPPED);
  if (problem === 'too_big') throw new DomainError('payload_too_large', { ru: 'Книга Excel в распакованном виде слишком велика', en: 'The Excel workbook is too large when unpacked' }, [{ field: 'fileBase64', message: { ru: 'Слишком большой файл', en: 'File too large' } }]);
  if (problem) throw unreadable('xlsx');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('xlsx');
  }
  const ws = wb.getWorksheet('Прейскурант') ?? wb.worksheets[0];
  if (!ws) throw fileError('В книге нет листов', 'The workbook has no sheets');
  if (ws.rowCount > MAX_ROWS + 1) throw fileError(`Слишком много строк: не более ${MAX_ROWS}`, `Too many rows: at most ${MAX_ROWS}`);
  if (ws.columnCount > MAX_COLUMNS) throw fileError(`Слишком много столбцов: ${ws.columnCount} (не более ${MAX_COLUMNS})`, `Too many columns: ${ws.columnCount} (at most ${MAX_COLUMNS})`);
  const out: { row: number; cells: Cell[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellValue(cell);
    });
    out.push({ row: n, cells: Array.from(cells, (c) => c ?? '') });
  });
  // The header is the first row with anything in it; rows keep their numbers in the sheet.
  return out;
}

function cellValue(cell: ExcelJS.Cell): Cell {
  const v = cell.value;
  if (cell.type === ExcelJS.ValueType.Formula || (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v))) return FORMULA;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'да' : '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : { date: v.toISOString().slice(0, 10) };
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  return String(cell.text ?? '');
}

const ddmmyyyy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '');
/** Rubles for a CSV cell that Russian Excel takes for a number: «2500», «2500,50» (no grouping). */
const csvRubles = (k: number | null) => (k === null ? '' : rubles(k).replace(/\u202f/g, ''));
/** Text that Excel would take for a formula gets the apostrophe Excel itself uses (read back above). */
const csvText = (s: string | null) => (s && /^[=+\-@\t\r]/.test(s) ? `'${s}` : (s ?? ''));
const upper = (r: ExportRow) => (r.priceMax !== null && r.priceMax !== r.priceMin ? r.priceMax : null);

/** The file of the price list: CSV (UTF-8 with BOM, `;`, CRLF) or XLSX with one sheet «Прейскурант». */
export async function writePriceFile(format: 'csv' | 'xlsx', rows: ExportRow[]): Promise<Buffer> {
  if (format === 'csv') {
    const data = rows.map((r) => [
      csvText(r.code), csvText(r.mohCode), csvText(r.name), csvText(r.section), csvRubles(r.priceMin), csvRubles(upper(r)), ddmmyyyy(r.validFrom), csvText(r.note), r.hidden ? 'да' : '',
    ]);
    return Buffer.from(stringify([[...PRICE_FILE_COLUMNS], ...data], { delimiter: ';', record_delimiter: 'windows', bom: true }), 'utf8');
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Прейскурант', { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [12, 18, 60, 24, 14, 14, 14, 30, 9];
  ws.columns = PRICE_FILE_COLUMNS.map((header, i) => ({ header, width: widths[i] }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const max = upper(r);
    ws.addRow([
      r.code, r.mohCode ?? '', r.name, r.section,
      r.priceMin === null ? null : r.priceMin / 100, max === null ? null : max / 100,
      r.validFrom ? new Date(`${r.validFrom}T00:00:00Z`) : null, r.note ?? '', r.hidden ? 'да' : '',
    ]);
  }
  for (const c of [5, 6]) ws.getColumn(c).numFmt = '#,##0.00 "₽"';
  ws.getColumn(7).numFmt = 'dd.mm.yyyy';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
