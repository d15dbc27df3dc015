import { z } from 'zod';
import { EQUIPMENT, INCIDENT_KINDS } from '../domain/incidents.js';
import { Id, Instant, IsoDate, LIMITS, Text } from './common.js';

/** DESK-5: a failure at a branch and what was done about it. */
export const IncidentKind = z.enum(INCIDENT_KINDS);
export const Equipment = z.enum(EQUIPMENT);

export const IncidentNote = z.object({
  id: Id,
  at: z.string(),
  userId: Id,
  userName: z.string(),
  text: z.string(),
});

export const Incident = z.object({
  id: Id,
  branchId: Id,
  branchName: z.string(),
  kind: IncidentKind,
  equipment: Equipment.nullable(),
  description: z.string(),
  affectsVisits: z.boolean(),
  startedAt: z.string(),
  loggedAt: z.string(),
  loggedBy: z.object({ id: Id, name: z.string() }),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.object({ id: Id, name: z.string() }).nullable(),
  resolution: z.string().nullable(),
  /** From start to resolution, or to now while open. */
  downtimeMinutes: z.number().int(),
  notes: z.array(IncidentNote),
});
export type Incident = z.infer<typeof Incident>;

export const IncidentInput = z.strictObject({
  branchId: Id,
  kind: IncidentKind,
  equipment: Equipment.nullable().optional(),
  description: Text(LIMITS.shortText),
  affectsVisits: z.boolean().optional(),
  /** When it began; now when omitted (the desk reports what is happening). */
  startedAt: Instant.optional(),
});
export type IncidentInput = z.infer<typeof IncidentInput>;

export const IncidentNoteInput = z.strictObject({ text: Text(LIMITS.shortText) });

export const IncidentResolve = z.strictObject({
  resolution: Text(LIMITS.shortText),
  /** When it was fixed; now when omitted. */
  resolvedAt: Instant.optional(),
});

export const IncidentQuery = z.strictObject({
  /** open: unresolved only (everyone); all: the whole log (owner and chief doctor). */
  status: z.enum(['open', 'all']).optional(),
  branchId: Id.optional(),
  kind: IncidentKind.optional(),
  /** Clinic-local dates of the start, inclusive. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const IncidentSummaryRow = z.object({ kind: IncidentKind, count: z.number().int(), downtimeMinutes: z.number().int() });
export const IncidentList = z.object({
  items: z.array(Incident),
  /** Per kind over the listed incidents: the owner's report. */
  summary: z.array(IncidentSummaryRow),
});
