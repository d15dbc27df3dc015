import { z } from 'zod';
import { IsoDate } from './common.js';

/** The price list as a file: CSV that Russian Excel opens as it is, or XLSX. */
export const PriceFileFormat = z.enum(['csv', 'xlsx']);

/** At most 5 MB of file: a clinic's list of a few thousand services is a few hundred KB. */
export const PRICE_FILE_MAX_BYTES = 5 * 1024 * 1024;
/** The JSON body carries the file in base64 (4/3 of it) plus a little wrapping. */
export const PRICE_IMPORT_BODY_LIMIT = Math.ceil(PRICE_FILE_MAX_BYTES / 3) * 4 + 64 * 1024;

/** The columns of the file, in this order; the header row names them. */
export const PRICE_FILE_COLUMNS = ['Код', 'Код МЗ', 'Наименование', 'Раздел', 'Цена, ₽', 'Цена до, ₽', 'Действует с', 'Примечание', 'Скрыта'] as const;
export type PriceFileColumn = (typeof PRICE_FILE_COLUMNS)[number];

export const PriceExportQuery = z.strictObject({
  /** CSV when omitted. */
  format: PriceFileFormat.default('csv'),
  /** Prices in force on this clinic-local date; today when omitted. */
  date: IsoDate.optional(),
});

export const PriceImportBody = z.strictObject({
  format: PriceFileFormat,
  fileBase64: z.string(),
  /** Check the file and count what would change, writing nothing (the preview). */
  dryRun: z.boolean().optional(),
});

export const PriceImportResult = z.object({
  /** New codes: new services. */
  created: z.number(),
  /** Services whose name, section, note, Ministry code or visibility changed. */
  updated: z.number(),
  /** Services that got a new price version. */
  repriced: z.number(),
  /** Rows that change nothing. */
  unchanged: z.number(),
  /** Data rows read (the header and empty rows not counted). */
  rows: z.number(),
  dryRun: z.boolean(),
});
export type PriceImportResultT = z.infer<typeof PriceImportResult>;
