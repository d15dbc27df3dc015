import { z } from 'zod';
import { IsoDate, LIMITS, OptText, Text } from './common.js';

/** A price in kopecks: whole, not negative, at most 20 million rubles (fits an integer column). */
export const Kopecks = z.number().int().min(0).max(2_000_000_000);

/** The clinic's own code: letters (Cyrillic or Latin), digits, dot, dash, slash; «Т-01», «A16.07.002». */
export const PriceCode = z.string().trim().min(1).max(32).regex(/^[\p{L}\d][\p{L}\d.\-/]*$/u, { message: 'priceCode' });
/** Ministry of Health nomenclature code (order No. 804n): «A16.07.002.010», «B01.065.001». */
export const MohCode = z.string().trim().regex(/^[AB]\d{2}\.\d{2,3}\.\d{3}(\.\d{3})?$/, { message: 'mohCode' });

export const PriceQuery = z.strictObject({
  /** Name, code or Ministry code, in any case, «е» for «ё». */
  q: z.string().max(LIMITS.name).optional(),
  section: z.string().max(LIMITS.name).optional(),
  /** Prices in force on this clinic-local date; today when omitted. */
  date: IsoDate.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).optional(),
});

export const PriceVersion = z.object({ validFrom: z.string(), priceMin: z.number(), priceMax: z.number().nullable() });

export const PriceItem = z.object({
  id: z.string(),
  code: z.string(),
  mohCode: z.string().nullable(),
  name: z.string(),
  section: z.string(),
  note: z.string().nullable(),
  isActive: z.boolean(),
  /** In force on the asked date; null before the first price. */
  price: PriceVersion.nullable(),
  /** The next change after that date, if one is set. */
  next: PriceVersion.nullable(),
});
export type PriceItemT = z.infer<typeof PriceItem>;

export const PricePage = z.object({ items: z.array(PriceItem), total: z.number(), date: z.string() });

export const PriceItemDetail = PriceItem.extend({
  versions: z.array(PriceVersion.extend({ createdAt: z.string(), createdBy: z.string().nullable() })),
});

export const PriceItemInput = z.strictObject({
  code: PriceCode,
  mohCode: MohCode.nullable().optional(),
  name: Text(LIMITS.shortText),
  section: Text(LIMITS.name),
  note: OptText(LIMITS.shortText),
  priceMin: Kopecks,
  priceMax: Kopecks.nullable().optional(),
  /** Today when omitted; never in the past. */
  validFrom: IsoDate.optional(),
});

export const PriceItemPatch = z.strictObject({
  code: PriceCode.optional(),
  mohCode: MohCode.nullable().optional(),
  name: Text(LIMITS.shortText).optional(),
  section: Text(LIMITS.name).optional(),
  note: OptText(LIMITS.shortText),
  isActive: z.boolean().optional(),
});

export const PriceVersionInput = z.strictObject({
  validFrom: IsoDate,
  priceMin: Kopecks,
  priceMax: Kopecks.nullable().optional(),
});

export const PriceSections = z.object({ items: z.array(z.string()) });
