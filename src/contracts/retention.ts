import { z } from 'zod';
import { DATA_CATEGORIES, DESTRUCTION_REASONS } from '../domain/retention.js';
import { ROLES } from '../domain/roles.js';
import { Id, LIMITS, Text } from './common.js';

/** A request to destroy a patient's personal data (152-FZ art. 21). */
export const DestructionInput = z.strictObject({
  reason: z.enum(DESTRUCTION_REASONS),
  /** The document it rests on, e.g. «заявление пациента вх. № 12 от 20.11.2026». */
  basis: Text(LIMITS.shortText),
  /** The card number typed again: a destruction cannot be undone, so a wrong click must not do it. */
  confirmCardNumber: z.number().int().min(1),
});

export const Destruction = z.object({
  id: Id,
  number: z.number(),
  patientId: Id,
  cardNumber: z.number(),
  /** Null once the act is past its three years. */
  subjectName: z.string().nullable(),
  scope: z.enum(['blocked', 'destroyed']),
  reason: z.enum(DESTRUCTION_REASONS),
  basis: z.string(),
  categories: z.array(z.enum(DATA_CATEGORIES)),
  counts: z.record(z.string(), z.number()),
  retainUntil: z.string().nullable(),
  performedAt: z.string(),
  localDate: z.string(),
  performerName: z.string(),
  performerRole: z.enum(ROLES),
  actKeptUntil: z.string(),
  actErasedAt: z.string().nullable(),
});
export type DestructionT = z.infer<typeof Destruction>;

/** The act with what the printed form needs: the operator and the event-log excerpt. */
export const DestructionAct = Destruction.extend({
  operator: z.object({ name: z.string(), legalName: z.string().nullable(), address: z.string().nullable() }),
  system: z.string(),
  log: z.array(z.object({ seq: z.number(), at: z.string(), userLogin: z.string().nullable(), role: z.string().nullable(), action: z.string(), hash: z.string() })),
});

export const DestructionList = z.strictObject({
  /** Only the acts about this patient (the card's notice links its act). */
  patientId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).optional(),
  offset: z.coerce.number().int().min(0).max(100000).optional(),
});
export const DestructionPage = z.object({ items: z.array(Destruction), hasMore: z.boolean() });

export const DuePatient = z.object({
  id: Id,
  cardNumber: z.number(),
  name: z.string(),
  pdState: z.enum(['active', 'blocked', 'destroyed']),
  lastVisit: z.string().nullable(),
  lastContact: z.string(),
});
export const DueList = z.object({ items: z.array(DuePatient), medicalCutoff: z.string(), noRecordCutoff: z.string() });
