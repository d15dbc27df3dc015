import { z } from 'zod';
import { Email, Id, IsoDate, LIMITS, OptText, Phone, Text } from './common.js';
import { AppointmentKind, AppointmentStatus } from './schedule.js';

export const PhoneKind = z.enum(['mobile', 'home', 'work', 'relative']);

export const PatientPhoneInput = z.strictObject({
  number: Phone,
  kind: PhoneKind.optional(),
  note: OptText(),
});

export const PatientInput = z.strictObject({
  surname: Text(LIMITS.name),
  firstName: Text(LIMITS.name),
  patronymic: OptText(LIMITS.name),
  birthDate: IsoDate.nullable().optional(),
  sex: z.enum(['female', 'male']).nullable().optional(),
  /** How the patient wishes to be addressed, as they introduced themselves (PAT-1). */
  addressAs: OptText(LIMITS.name),
  phones: z.array(PatientPhoneInput).max(LIMITS.phonesMax).optional(),
  email: Email.nullable().optional(),
  sourceId: Id.nullable().optional(),
  /** Consent to personal data processing (152-FZ art. 9): document version and date signed. */
  pdConsentVersion: OptText(50),
  pdConsentDate: IsoDate.nullable().optional(),
  note: OptText(LIMITS.text),
});
export const PatientPatch = PatientInput.partial();

export const PatientPhone = z.object({
  number: z.string(),
  display: z.string(),
  kind: PhoneKind,
  note: z.string().nullable(),
});

export const PatientSummary = z.object({
  id: Id,
  cardNumber: z.number(),
  surname: z.string(),
  firstName: z.string(),
  patronymic: z.string().nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  /** 152-FZ art. 21: blocked keeps only the medical record; destroyed keeps only the card number. */
  pdState: z.enum(['active', 'blocked', 'destroyed']),
});
export type PatientSummaryT = z.infer<typeof PatientSummary>;

export const Patient = PatientSummary.extend({
  sex: z.enum(['female', 'male']).nullable(),
  addressAs: z.string().nullable(),
  phones: z.array(PatientPhone),
  email: z.string().nullable(),
  sourceId: z.string().nullable(),
  sourceName: z.string().nullable(),
  pdConsentVersion: z.string().nullable(),
  pdConsentDate: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** While blocked: the medical record is kept until this date. */
  retainUntil: z.string().nullable(),
  /** A child's or a ward's legal representative (issue #11): who signs for them, shown where staff talk to the family. */
  representative: z.object({ fullName: z.string(), relation: z.string().nullable(), phone: z.string().nullable() }).nullable(),
});
export type PatientT = z.infer<typeof Patient>;

export const PatientSearch = z.strictObject({
  /** Surname prefix, a phone in any format, or a card number. Empty lists the newest cards. */
  q: z.string().max(LIMITS.name).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).optional(),
  offset: z.coerce.number().int().min(0).max(100000).optional(),
});
export const PatientPage = z.object({ items: z.array(PatientSummary), hasMore: z.boolean() });

/** GET /patients/:id/booking-context: what «Подобрать время» starts from for a known patient. */
export const BookingContext = z.object({
  /** From the finished visits: primary (none), checkup (the latest was a check-up), repeat (in treatment). */
  suggestedKind: AppointmentKind,
  /** The treating doctor (of the latest treatment visits, or of the last check-up), if still working here. */
  doctorId: z.string().nullable(),
  /** Visits still ahead (booked, confirmed, arrived, in the chair), soonest first; at most 10. */
  upcoming: z.array(
    z.object({
      id: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      localDate: z.string(),
      doctorId: z.string(),
      branchId: z.string(),
      kind: AppointmentKind,
      status: AppointmentStatus,
    }),
  ),
});
export type BookingContextT = z.infer<typeof BookingContext>;
