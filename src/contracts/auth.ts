import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { LIMITS } from './common.js';

export const LoginBody = z.strictObject({
  login: z.string().min(1).max(LIMITS.login),
  password: z.string().min(1).max(LIMITS.passwordMax),
});

export const Me = z.object({
  user: z.object({
    id: z.string(),
    login: z.string(),
    fullName: z.string(),
    role: z.enum(ROLES),
    mustChangePassword: z.boolean(),
    doctorId: z.string().nullable(),
  }),
  /** `demo`: the demo clinic with published passwords is loaded; the web app shows «Демо-клиника». */
  clinic: z.object({ id: z.string(), name: z.string(), timeZone: z.string(), demo: z.boolean() }),
  /** Send back as the X-CSRF-Token header on every write. */
  csrfToken: z.string(),
  permissions: z.array(z.string()),
  /** DESK-6: since when this session stands in at the desk (its duties are in `permissions`), or null. */
  deskCover: z.object({ since: z.string() }).nullable(),
});
export type MeT = z.infer<typeof Me>;

/** GET /auth/session: the signed-in user as in /auth/me, or null for a signed-out visitor. */
export const SessionState = z.object({ me: Me.nullable() });
export type SessionStateT = z.infer<typeof SessionState>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
});

export const DeskCover = z.object({ since: z.string() });
