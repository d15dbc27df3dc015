import { z } from 'zod';
import { CANCEL_REASONS, KINDS, STATUSES } from '../domain/schedule/status.js';
import { SPECIALTIES } from '../domain/specialties.js';
import { Id, Instant, IsoDate, LIMITS, OptText } from './common.js';

export const AppointmentKind = z.enum(KINDS);
export const AppointmentStatus = z.enum(STATUSES);
export const PartOfDay = z.enum(['any', 'morning', 'evening']);

export const Alert = z.object({ section: z.string(), text: z.string() });

export const Appointment = z.object({
  id: Id,
  branchId: Id,
  doctorId: Id,
  chairId: z.string().nullable(),
  patientId: Id,
  patient: z.object({
    surname: z.string(),
    firstName: z.string(),
    patronymic: z.string().nullable(),
    cardNumber: z.number(),
    birthDate: z.string().nullable(),
    phone: z.string().nullable(),
    addressAs: z.string().nullable(),
    /** A child's or a ward's legal representative (who, relation, phone); null: none on the card. */
    representative: z.object({ fullName: z.string(), relation: z.string().nullable(), phone: z.string().nullable() }).nullable(),
    /** Under 15 on the visit's day: the representative signs and should come along. */
    minor: z.boolean(),
  }),
  startsAt: z.string(),
  endsAt: z.string(),
  localDate: z.string(),
  kind: AppointmentKind,
  status: AppointmentStatus,
  squeezeIn: z.boolean(),
  needsCall: z.boolean(),
  walkIn: z.boolean(),
  services: z.string().nullable(),
  comment: z.string().nullable(),
  lateMinutes: z.number().nullable(),
  arrivedAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  callbackDate: z.string().nullable(),
  reviewRequested: z.boolean(),
  followUpBooked: z.boolean(),
  alerts: z.array(Alert),
  createdAt: z.string(),
  statusChangedAt: z.string(),
});
export type AppointmentT = z.infer<typeof Appointment>;

export const BookBody = z.strictObject({
  patientId: Id,
  doctorId: Id,
  startsAt: Instant,
  /** Give the end or the duration; without either the clinic's usual length for the type. */
  endsAt: Instant.optional(),
  durationMin: z.number().int().min(5).max(600).optional(),
  chairId: Id.nullable().optional(),
  branchId: Id.optional(),
  kind: AppointmentKind,
  services: OptText(LIMITS.text),
  comment: OptText(LIMITS.text),
  /** CONF-4: mark "ПОЗВОНИТЬ" so the next shift confirms by phone even for today/tomorrow. */
  needsCall: z.boolean().optional(),
  /** The two-option proposal this booking comes from; its holds are released. */
  holdGroup: Id.optional(),
  /** SCH-4: a deliberate squeeze-in between appointments, exempt from the overlap rule (audited). */
  squeezeIn: z.boolean().optional(),
  /** SCH-8: a patient who came without an appointment, marked arrived at once. */
  walkIn: z.boolean().optional(),
  /**
   * A walk-in for a patient who already has a visit today (booked or confirmed) is refused with
   * 409 naming that visit — mark the arrival on it instead; true books a second visit on purpose.
   */
  secondVisit: z.boolean().optional(),
  waitingListId: Id.optional(),
});

export const MoveBody = z.strictObject({
  startsAt: Instant.optional(),
  endsAt: Instant.optional(),
  doctorId: Id.optional(),
  chairId: Id.nullable().optional(),
  services: OptText(LIMITS.text),
  comment: OptText(LIMITS.text),
  needsCall: z.boolean().optional(),
});

export const StatusBody = z.strictObject({
  to: AppointmentStatus,
  /** Arrival: minutes late (SVC-3); negative = came early. Computed from the clock when omitted. */
  lateMinutes: z.number().int().min(-600).max(600).optional(),
  note: OptText(LIMITS.text),
  cancel: z
    .strictObject({
      reason: z.enum(CANCEL_REASONS),
      rebookedAppointmentId: Id.nullable().optional(),
      callbackDate: IsoDate.nullable().optional(),
      note: OptText(LIMITS.text),
    })
    .optional(),
});

export const AfterVisitBody = z.strictObject({
  reviewRequested: z.boolean().optional(),
  followUpBooked: z.boolean().optional(),
});

export const DayQuery = z.strictObject({ date: IsoDate, branchId: Id.optional() });
/** A patient's visits; `date`: only that clinic-local day (the walk-in dialog asks for today). */
export const PatientVisitsQuery = z.strictObject({ date: IsoDate.optional() });
export const WeekQuery = z.strictObject({ doctorId: Id, from: IsoDate });

export const WorkIntervalOut = z.object({ branchId: z.string(), chairId: z.string().nullable(), start: z.string(), end: z.string() });
export const HoldOut = z.object({ holdGroup: z.string(), doctorId: z.string(), start: z.string(), end: z.string(), mine: z.boolean() });

export const DoctorDay = z.object({
  doctorId: z.string(),
  date: z.string(),
  work: z.array(WorkIntervalOut),
  appointments: z.array(Appointment),
  holds: z.array(HoldOut),
});
export const DayView = z.object({
  date: z.string(),
  dayKind: z.string(),
  timeZone: z.string(),
  columns: z.array(DoctorDay),
});
export const WeekView = z.object({ doctorId: z.string(), timeZone: z.string(), days: z.array(DoctorDay.extend({ dayKind: z.string() })) });

export const ProposalBody = z.strictObject({
  doctorId: Id.optional(),
  specialty: z.enum(SPECIALTIES).optional(),
  kind: AppointmentKind,
  durationMin: z.number().int().min(5).max(600).optional(),
  dateFrom: IsoDate.optional(),
  dateTo: IsoDate.optional(),
  partOfDay: PartOfDay.optional(),
  branchId: Id.optional(),
  /** Only times starting at or after this instant ("other options" after the ones offered). */
  after: Instant.optional(),
  /** false: only look (a price or "when is the nearest?" call); true (default): hold both for the patient. */
  hold: z.boolean().optional(),
});
export const SlotOut = z.object({ doctorId: z.string(), branchId: z.string(), chairId: z.string().nullable(), startsAt: z.string(), endsAt: z.string() });
export const Proposal = z.object({ holdGroup: z.string().nullable(), expiresAt: z.string().nullable(), options: z.array(SlotOut) });

export const UrgentBody = z.strictObject({
  doctorId: Id.optional(),
  specialty: z.enum(SPECIALTIES).optional(),
  durationMin: z.number().int().min(5).max(240).optional(),
  branchId: Id.optional(),
});
export const UrgentProposal = z.object({
  slot: SlotOut.nullable(),
  /** True when no free time is left today and the slot is a squeeze-in: the patient may have to wait. */
  squeezeIn: z.boolean(),
  holdGroup: z.string().nullable(),
});

export const GapsQuery = z.strictObject({ date: IsoDate, branchId: Id.optional(), minMinutes: z.coerce.number().int().min(5).max(480).optional() });
export const GapCandidate = z.object({
  patientId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  reason: z.enum(['waiting_list', 'recall', 'unfinished']),
  detail: z.string(),
  score: z.number(),
  waitingListId: z.string().nullable(),
});
/** CONF-5: a cancelled visit's agreed call-back, due on the day (or overdue and not yet done). */
export const CallBack = z.object({
  appointmentId: z.string(),
  patientId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  callbackDate: z.string(),
  overdue: z.boolean(),
  /** The cancelled visit: when, with whom, why. */
  visitDate: z.string(),
  visitStartsAt: z.string(),
  doctorId: z.string(),
  reason: z.enum(CANCEL_REASONS).nullable(),
  note: z.string().nullable(),
});
export const GapsView = z.object({
  date: z.string(),
  /** Call-backs due: shown first, whether or not any doctor has a gap. */
  callbacks: z.array(CallBack),
  doctors: z.array(z.object({ doctorId: z.string(), gaps: z.array(z.object({ start: z.string(), end: z.string(), minutes: z.number() })), candidates: z.array(GapCandidate) })),
});

export const WaitingEntry = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  phone: z.string().nullable(),
  doctorId: z.string().nullable(),
  specialty: z.string().nullable(),
  kind: z.string(),
  dateFrom: z.string(),
  dateTo: z.string(),
  partOfDay: z.string(),
  note: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
});
export const WaitingInput = z.strictObject({
  patientId: Id,
  doctorId: Id.nullable().optional(),
  specialty: z.enum(SPECIALTIES).nullable().optional(),
  kind: AppointmentKind,
  dateFrom: IsoDate,
  dateTo: IsoDate,
  partOfDay: PartOfDay.optional(),
  note: OptText(LIMITS.text),
});
export const WaitingPatch = z.strictObject({ status: z.enum(['open', 'closed']).optional(), note: OptText(LIMITS.text) });

export const DoctorLateBody = z.strictObject({
  doctorId: Id,
  date: IsoDate,
  minutes: z.number().int().min(1).max(600),
  reason: z.string().min(1).max(LIMITS.shortText),
});

export const CardPullQuery = z.strictObject({ date: IsoDate.optional() });
export const CardPull = z.object({
  date: z.string(),
  doctors: z.array(z.object({
    doctorId: z.string(),
    doctorName: z.string(),
    patients: z.array(z.object({ time: z.string(), cardNumber: z.number(), name: z.string(), birthDate: z.string().nullable(), kind: z.string() })),
  })),
});

export const DeskEventBody = z.strictObject({
  kind: z.enum(['review_requested', 'follow_up_booked', 'wrong_day']),
  note: OptText(LIMITS.text),
});
export const HoldParams = z.strictObject({ group: Id });
export const FeedToken = z.object({ token: z.string(), path: z.string() });
export const FeedParams = z.strictObject({ file: z.string().max(100).regex(/^[A-Za-z0-9_-]+\.ics$/) });
export const Notification = z.object({
  id: z.string(), kind: z.string(), appointmentId: z.string().nullable(), patientId: z.string().nullable(),
  textRu: z.string(), textEn: z.string(), createdAt: z.string(), read: z.boolean(),
});
export const HistoryEntry = z.object({ at: z.string(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), userId: z.string().nullable(), userName: z.string().nullable(), details: z.record(z.string(), z.unknown()) });
