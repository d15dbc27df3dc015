import { z } from 'zod';
import { SVC_SECTIONS } from '../domain/service-card.js';
import { IsoDate, LIMITS, Text } from './common.js';

export const ServiceCardEntry = z.object({
  id: z.string(),
  section: z.string(),
  text: z.string(),
  eventDate: z.string(),
  minutes: z.number().nullable(),
  isAlert: z.boolean(),
  appointmentId: z.string().nullable(),
  authorName: z.string(),
  authorRole: z.string(),
  createdAt: z.string(),
});
export const ServiceCardInput = z.strictObject({
  section: z.enum(SVC_SECTIONS),
  text: Text(LIMITS.text),
  eventDate: IsoDate,
  minutes: z.number().int().min(0).max(600).nullable().optional(),
  /** Show it where staff act (booking, arrival, chair, phone): SVC-12. */
  isAlert: z.boolean().optional(),
});
