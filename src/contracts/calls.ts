import { z } from 'zod';
import { CALL_OUTCOMES, CALL_PURPOSES, CALLER_TYPES } from '../domain/calls/call-rules.js';
import { Id, Instant, IsoDate, LIMITS, OptText, Phone, Text } from './common.js';

export const CallerType = z.enum(CALLER_TYPES);
export const CallPurpose = z.enum(CALL_PURPOSES);
export const CallOutcome = z.enum(CALL_OUTCOMES);

/** An incoming call as the call card records it when the administrator ends it (CALL-4). */
export const CallInput = z.strictObject({
  /** The call row the telephony created at the first ring (the card popped live): completed, not duplicated. */
  callId: Id.optional(),
  branchId: Id.nullable().optional(),
  callerType: CallerType,
  purpose: CallPurpose,
  patientId: Id.nullable().optional(),
  phone: Phone.nullable().optional(),
  callerName: OptText(LIMITS.name),
  sourceId: Id.nullable().optional(),
  outcome: CallOutcome,
  outcomeReason: OptText(LIMITS.shortText),
  appointmentId: Id.nullable().optional(),
  /** When the card was opened (the call was answered); the server takes the end as now. */
  startedAt: Instant,
  /** Seconds from the first ring to the answer, when known (CALL-9). */
  answerSec: z.number().int().min(0).max(600).nullable().optional(),
  needSummary: OptText(LIMITS.text),
  note: OptText(LIMITS.text),
  scriptVersion: z.number().int().min(0).max(1_000_000).nullable().optional(),
});
export type CallInputT = z.infer<typeof CallInput>;

export const Call = z.object({
  id: z.string(),
  direction: z.string(),
  callerType: z.string(),
  purpose: z.string(),
  patientId: z.string().nullable(),
  patientName: z.string().nullable(),
  phone: z.string().nullable(),
  callerName: z.string().nullable(),
  sourceId: z.string().nullable(),
  sourceName: z.string().nullable(),
  outcome: z.string(),
  outcomeReason: z.string().nullable(),
  appointmentId: z.string().nullable(),
  visit: z.object({ startsAt: z.string(), status: z.string(), doctorId: z.string() }).nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  branchId: z.string().nullable(),
  startedAt: z.string(),
  answerSec: z.number().nullable(),
  durationSec: z.number(),
  needSummary: z.string().nullable(),
  note: z.string().nullable(),
});
export type CallT = z.infer<typeof Call>;

export const CallQuery = z.strictObject({
  /** Clinic-local dates, both included; the last 7 days when omitted. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  direction: z.enum(['in', 'out']).optional(),
  callerType: CallerType.optional(),
  purpose: z.string().max(40).optional(),
  outcome: z.string().max(40).optional(),
  userId: Id.optional(),
  sourceId: Id.optional(),
  branchId: Id.optional(),
  patientId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type CallQueryT = z.infer<typeof CallQuery>;

export const CallPage = z.object({ items: z.array(Call), total: z.number(), from: z.string(), to: z.string() });

const Visit = z.object({ id: z.string(), startsAt: z.string(), doctorId: z.string(), branchId: z.string(), kind: z.string(), status: z.string() });

/** CALL-10: the caller's history at once, so that a repeat caller is spoken to as someone the clinic remembers. */
export const CallerCard = z.object({
  patient: z.object({
    id: z.string(),
    surname: z.string(),
    firstName: z.string(),
    patronymic: z.string().nullable(),
    addressAs: z.string().nullable(),
    cardNumber: z.number(),
    birthDate: z.string().nullable(),
    phone: z.string().nullable(),
    sourceId: z.string().nullable(),
  }),
  pastVisits: z.number(),
  suggestedType: CallerType,
  treatingDoctorId: z.string().nullable(),
  alerts: z.array(z.object({ text: z.string(), date: z.string() })),
  upcoming: z.array(Visit),
  past: z.array(Visit),
  waiting: z.array(z.object({ id: z.string(), doctorId: z.string().nullable(), specialty: z.string().nullable(), dateFrom: z.string(), dateTo: z.string(), note: z.string().nullable() })),
  lastCalls: z.array(Call),
});

const Stage = z.strictObject({
  key: z.enum(['greeting', 'contact', 'presentation', 'booking']),
  title: Text(LIMITS.shortText),
  steps: z.array(Text(LIMITS.shortText)).max(20),
  phrases: z.array(Text(1000)).max(20),
});

/** The clinic's phone script (CALL-3), as the chief doctor edits it. */
export const CallScriptBody = z.strictObject({
  targetSec: z.number().int().min(60).max(1800),
  rules: z.array(Text(1000)).max(30),
  stages: z.array(Stage).length(4),
  forbidden: z.array(Text(LIMITS.shortText)).max(50),
  objections: z.array(z.strictObject({ objection: Text(LIMITS.shortText), answer: Text(2000) })).max(30),
  facts: z.strictObject({
    foundedYear: z.number().int().min(1900).max(2100).nullable(),
    equipment: z.string().max(LIMITS.text),
    materials: z.string().max(LIMITS.text),
  }),
});

export const CallScriptView = z.object({
  version: z.number(),
  /** True while the clinic has not saved its own: the seed's script. */
  isDefault: z.boolean(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
  script: CallScriptBody,
});

/** What the call card opens with: the greeting to say now, the script, and the facts. */
export const CallDesk = z.object({
  greeting: z.string(),
  dayPart: z.enum(['morning', 'day', 'evening']),
  today: z.string(),
  yearsOpen: z.number().nullable(),
  script: CallScriptView,
});
export const CallDeskQuery = z.strictObject({ branchId: Id.optional() });

export const ConversionQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() });
const ConversionRow = z.object({
  key: z.string(),
  label: z.string(),
  calls: z.number(),
  booked: z.number(),
  neverCame: z.number(),
  rate: z.number().nullable(),
  level: z.enum(['low', 'good', 'excellent']).nullable(),
});
export const ConversionReport = z.object({
  from: z.string(),
  to: z.string(),
  good: z.number(),
  excellent: z.number(),
  total: ConversionRow,
  byAdmin: z.array(ConversionRow),
  bySource: z.array(ConversionRow),
  byBranch: z.array(ConversionRow),
  byWeek: z.array(ConversionRow),
  byMonth: z.array(ConversionRow),
});
export type ConversionReportT = z.infer<typeof ConversionReport>;

/** Issue #14: the calls behind one figure of the conversion report — the total's or a breakdown row's (`group` + `key`, the row's key as the report gives it). */
export const ConversionListQuery = ConversionQuery.extend({
  group: z.enum(['admin', 'source', 'branch', 'week', 'month']).optional(),
  key: z.string().max(64).optional(),
  /** Which figure of the row: its primary calls (the default), those booked, those booked who never came. */
  measure: z.enum(['calls', 'booked', 'neverCame']).default('calls'),
});
export type ConversionListQueryT = z.infer<typeof ConversionListQuery>;
export const ConversionListItem = z.object({
  id: z.string(),
  startedAt: z.string(),
  patientId: z.string().nullable(),
  patientName: z.string().nullable(),
  callerName: z.string().nullable(),
  userName: z.string().nullable(),
  sourceName: z.string().nullable(),
  branchName: z.string().nullable(),
  outcome: z.string(),
  visit: z.object({ id: z.string(), startsAt: z.string(), status: z.string(), branchId: z.string() }).nullable(),
});
export const ConversionList = z.object({ from: z.string(), to: z.string(), items: z.array(ConversionListItem), total: z.number().int(), limit: z.number().int() });
export type ConversionListT = z.infer<typeof ConversionList>;
