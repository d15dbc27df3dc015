import { z } from 'zod';
import { SCHEDULE_BOUNDS as B, SLOT_STEPS } from '../domain/schedule/settings.js';
import { Email, HhMm, Id, IsoDate, OptText, Phone, Text, LIMITS } from './common.js';

export const Weekday = z.number().int().min(1).max(7);

export const OpeningHours = z
  .array(
    z.strictObject({
      weekday: Weekday,
      opens: HhMm,
      closes: HhMm,
    }),
  )
  .max(7);

const Duration = z.number().int().min(B.duration.min).max(B.duration.max).multipleOf(B.duration.multipleOf);

/** The clinic's schedule settings: grid step, how long two options are held, gaps worth a call, usual visit lengths. */
export const ScheduleSettings = z.strictObject({
  slotStepMin: z.number().int().refine((n) => (SLOT_STEPS as readonly number[]).includes(n), { message: 'slotStep' }),
  holdMinutes: z.number().int().min(B.holdMinutes.min).max(B.holdMinutes.max),
  gapMinMinutes: z.number().int().min(B.gapMinMinutes.min).max(B.gapMinMinutes.max),
  durationByKind: z.strictObject({ primary: Duration, repeat: Duration, checkup: Duration, urgent: Duration }),
  /** Minutes after the start before «Не пришёл» may be marked. */
  noShowGraceMin: z.number().int().min(B.noShowGraceMin.min).max(B.noShowGraceMin.max),
});
export type ScheduleSettingsT = z.infer<typeof ScheduleSettings>;

export const Clinic = z.object({
  id: Id,
  name: z.string(),
  legalName: z.string().nullable(),
  timeZone: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  licence: z.string().nullable(),
  schedule: ScheduleSettings,
});
export type ClinicT = z.infer<typeof Clinic>;

export const ClinicPatch = z.strictObject({
  name: Text().optional(),
  legalName: OptText(),
  timeZone: z.string().max(64).refine(isTimeZone, { message: 'timeZone' }).optional(),
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
  website: OptText(),
  licence: OptText(LIMITS.text),
  // The grace period came later: a client that does not send it keeps the stored value.
  schedule: ScheduleSettings.partial({ noShowGraceMin: true }).optional(),
});

export const Branch = z.object({
  id: Id,
  name: z.string(),
  address: z.string(),
  directions: z.string().nullable(),
  phone: z.string().nullable(),
  isActive: z.boolean(),
  /** Weekdays the branch is open (absent weekday = closed). */
  hours: z.array(z.object({ weekday: z.number(), opens: z.string(), closes: z.string() })),
});
export type BranchT = z.infer<typeof Branch>;

export const BranchInput = z.strictObject({
  name: Text(),
  address: Text(LIMITS.text),
  directions: OptText(LIMITS.text),
  phone: Phone.nullable().optional(),
  isActive: z.boolean().optional(),
  hours: OpeningHours.optional(),
});
export const BranchPatch = BranchInput.partial();

export const Chair = z.object({ id: Id, branchId: Id, name: z.string(), isActive: z.boolean() });
export const ChairInput = z.strictObject({ branchId: Id, name: Text(), isActive: z.boolean().optional() });
export const ChairPatch = z.strictObject({ name: Text().optional(), isActive: z.boolean().optional() });

export const CalendarKind = z.enum(['holiday', 'day_off', 'working', 'short']);
export const CalendarDay = z.object({ date: z.string(), kind: CalendarKind, note: z.string() });
export const CalendarQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const CalendarDayInput = z.strictObject({ kind: CalendarKind, note: z.string().max(LIMITS.shortText) });
export const DateParams = z.strictObject({ date: IsoDate });

export const InfoSource = z.object({ id: Id, name: z.string(), isActive: z.boolean() });
export const InfoSourceInput = z.strictObject({ name: Text(), isActive: z.boolean().optional() });

/** True for an IANA zone name this runtime knows (Europe/Moscow, Asia/Yekaterinburg, …). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
