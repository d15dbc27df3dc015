import { z } from 'zod';
import { ATTEMPT_OUTCOMES, WORKLIST_PURPOSES } from '../domain/worklists/outcomes.js';
import { RECALL_MONTHS } from '../domain/worklists/recall-rules.js';
import { KINDS } from '../domain/schedule/status.js';
import { SPECIALTIES } from '../domain/specialties.js';
import { HhMm, Id, Instant, IsoDate, LIMITS, OptText, Text } from './common.js';
import { StatusBody } from './schedule.js';

/** The outgoing worklists (CONF-1..6, REC-1..3, SCH-7): «Обзвон». */

export const WorklistQuery = z.strictObject({ date: IsoDate.optional(), branchId: Id.optional() });

export const Attempt = z.object({
  id: z.string(),
  outcome: z.string(),
  at: z.string(),
  by: z.string().nullable(),
  callbackAt: z.string().nullable(),
  note: z.string().nullable(),
});

export const ConfirmationItem = z.object({
  appointmentId: z.string(),
  patientId: z.string(),
  name: z.string(),
  cardNumber: z.number(),
  phone: z.string().nullable(),
  startsAt: z.string(),
  visitDate: z.string(),
  doctorId: z.string(),
  doctorName: z.string(),
  branchId: z.string(),
  status: z.string(),
  /** «ПОЗВОНИТЬ» on the schedule. */
  needsCall: z.boolean(),
  /** CONF-4: booked on the visit day or the day before — confirmed at once, no call needed. */
  bookedLate: z.boolean(),
  attempts: z.array(Attempt),
  script: z.string(),
});

export const ConfirmationSession = z.object({
  session: z.enum(['evening', 'morning']),
  visitDate: z.string(),
  half: z.enum(['all', 'first', 'second']),
  branchId: z.string(),
  items: z.array(ConfirmationItem),
});

export const ConfirmationList = z.object({
  date: z.string(),
  halfBoundary: z.string(),
  open: z.boolean(),
  sessions: z.array(ConfirmationSession),
  counts: z.object({ total: z.number(), confirmed: z.number(), toCall: z.number(), notReached: z.number() }),
});

export const CallbackItem = z.object({
  key: z.string(),
  source: z.enum(['cancellation', 'promise']),
  patientId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  /** Clinic-local date, and for a promise the agreed time. */
  dueDate: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  appointmentId: z.string().nullable(),
  callId: z.string().nullable(),
  why: z.string(),
  note: z.string().nullable(),
  attempts: z.array(Attempt),
});

export const CallbackList = z.object({ date: z.string(), items: z.array(CallbackItem) });

export const RecallItem = z.object({
  patientId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  kind: z.enum(['recall', 'dropped']),
  lastVisit: z.string(),
  dueDate: z.string().nullable(),
  rule: z.string().nullable(),
  doctorId: z.string(),
  doctorName: z.string(),
  detail: z.string(),
  attempts: z.array(Attempt),
  script: z.string(),
});

export const RecallList = z.object({ date: z.string(), items: z.array(RecallItem) });

export const WorklistCounts = z.object({ confirmations: z.number(), callbacks: z.number(), recall: z.number() });

export const AttemptBody = z.strictObject({
  purpose: z.enum(WORKLIST_PURPOSES),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  patientId: Id,
  appointmentId: Id.nullable().optional(),
  callbackAt: Instant.nullable().optional(),
  note: OptText(LIMITS.text),
  /** Outcome 'cancelled': the cancellation as the schedule takes it (reason, next contact — CONF-5). */
  cancel: StatusBody.shape.cancel,
});

export const AttemptResult = z.object({ id: z.string(), outcome: z.string() });

export const RecallRule = z.object({
  id: z.string(),
  name: z.string(),
  visitKind: z.string().nullable(),
  specialty: z.string().nullable(),
  months: z.number(),
  isActive: z.boolean(),
  updatedAt: z.string(),
});
export const RecallRules = z.object({ items: z.array(RecallRule), halfBoundary: z.string() });

export const RecallRuleInput = z.strictObject({
  name: Text(LIMITS.shortText),
  visitKind: z.enum(KINDS).nullable(),
  specialty: z.enum(SPECIALTIES).nullable(),
  months: z.number().int().min(RECALL_MONTHS.min).max(RECALL_MONTHS.max),
  isActive: z.boolean().optional(),
});
export const RecallRulePatch = RecallRuleInput.partial().strict();

export const WorklistSettingsBody = z.strictObject({ halfBoundary: HhMm });
