import { z } from 'zod';
import { IsoDate, LIMITS, OptText, Text } from './common.js';

export const TaxRelation = z.enum(['self', 'spouse', 'parent', 'child']);

/** The clinic's current year when omitted. */
export const TaxPreviewQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const TaxPreview = z.object({ year: z.number(), amount: z.number(), payments: z.number(), refunds: z.number() });

export const TaxCertificateInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  serviceCode: z.union([z.literal(1), z.literal(2)]),
  taxpayer: z.strictObject({
    /** Who paid; the patient when relation is 'self'. */
    relation: TaxRelation,
    fullName: Text(LIMITS.shortText),
    inn: z.string().trim().regex(/^\d{12}$/, { message: 'inn' }).nullable().optional(),
    birthDate: IsoDate,
    /** Without an INN: the identity document («паспорт РФ 05 12 345678, выдан 01.02.2015»). */
    document: OptText(LIMITS.shortText),
  }),
});

export const TaxCertificate = z.object({
  id: z.string(),
  number: z.number(),
  year: z.number(),
  patientId: z.string(),
  patientName: z.string(),
  taxpayerName: z.string(),
  relation: TaxRelation,
  serviceCode: z.number(),
  amount: z.number(),
  issuedAt: z.string(),
  issuedBy: z.string().nullable(),
});
export const TaxCertificateList = z.object({ items: z.array(TaxCertificate) });
export const TaxRegisterQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
