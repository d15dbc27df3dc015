import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { SPECIALTIES } from '../domain/specialties.js';
import { HhMm, Id, IsoDate, LIMITS, OptText, Text } from './common.js';
import { Weekday } from './clinic.js';

const Login = z
  .string()
  .min(2)
  .max(LIMITS.login)
  .regex(/^[a-zA-Z0-9._-]+$/, { message: 'login' });

export const StaffUser = z.object({
  id: Id,
  login: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  doctorId: z.string().nullable(),
  /** The branch whose desk the member works at; null: every branch (the telephony's ring pops on every desk). */
  branchId: z.string().nullable(),
});
export type StaffUserT = z.infer<typeof StaffUser>;

export const StaffCreate = z.strictObject({
  login: Login,
  fullName: Text(),
  role: z.enum(ROLES),
  /** Omit to have a one-time password generated and shown once. */
  password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax).optional(),
  branchId: Id.nullable().optional(),
});
export const StaffPatch = z.strictObject({
  fullName: Text().optional(),
  role: z.enum(ROLES).optional(),
  isActive: z.boolean().optional(),
  branchId: Id.nullable().optional(),
});
export const StaffCreated = z.object({ user: StaffUser, temporaryPassword: z.string().nullable() });
export const PasswordReset = z.object({ temporaryPassword: z.string() });

export const DoctorHours = z.strictObject({
  weekday: Weekday,
  branchId: Id,
  chairId: Id.nullable().optional(),
  starts: HhMm,
  ends: HhMm,
  breakStarts: HhMm.nullable().optional(),
  breakEnds: HhMm.nullable().optional(),
});
export type DoctorHoursT = z.infer<typeof DoctorHours>;

export const Doctor = z.object({
  id: Id,
  userId: z.string().nullable(),
  surname: z.string(),
  firstName: z.string(),
  patronymic: z.string().nullable(),
  position: z.string(),
  specialties: z.array(z.enum(SPECIALTIES)),
  education: z.string().nullable(),
  qualification: z.string().nullable(),
  experienceSince: z.number().nullable(),
  color: z.string(),
  isActive: z.boolean(),
  hours: z.array(
    z.object({
      weekday: z.number(),
      branchId: z.string(),
      chairId: z.string().nullable(),
      starts: z.string(),
      ends: z.string(),
      breakStarts: z.string().nullable(),
      breakEnds: z.string().nullable(),
    }),
  ),
});
export type DoctorT = z.infer<typeof Doctor>;

export const DoctorInput = z.strictObject({
  userId: Id.nullable().optional(),
  surname: Text(LIMITS.name),
  firstName: Text(LIMITS.name),
  patronymic: OptText(LIMITS.name),
  position: Text(),
  specialties: z.array(z.enum(SPECIALTIES)).min(1).max(SPECIALTIES.length),
  education: OptText(LIMITS.text),
  qualification: OptText(LIMITS.text),
  experienceSince: z.number().int().min(1950).max(2100).nullable().optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  isActive: z.boolean().optional(),
});
export const DoctorPatch = DoctorInput.partial();
export const DoctorHoursBody = z.strictObject({ hours: z.array(DoctorHours).max(14) });

export const ExceptionKind = z.enum(['vacation', 'sick_leave', 'training', 'day_off', 'extra_shift']);
export const DoctorException = z.object({
  id: Id,
  doctorId: Id,
  kind: ExceptionKind,
  dateFrom: z.string(),
  dateTo: z.string(),
  note: z.string().nullable(),
});
export const DoctorExceptionInput = z.strictObject({
  kind: ExceptionKind,
  dateFrom: IsoDate,
  dateTo: IsoDate,
  note: OptText(),
});
export const DoctorExceptionParams = z.strictObject({ id: Id, exceptionId: Id });
