import type { Role } from './roles.js';

/**
 * The one permission matrix of Vizit (STAFF-1: each role sees and changes only what it needs).
 * Every API route declares one of these (or `public` / `authenticated`); anything not granted
 * here is denied. The web app reads the same matrix to build the navigation.
 */
export const PERMISSIONS = [
  'patients.read',
  'patients.write',
  /** 152-FZ art. 21: destroy a patient's personal data and keep the register of acts. */
  'patients.destroy',
  'schedule.read',
  'schedule.write',
  'schedule.status',
  'servicecard.write',
  'clinic.read',
  'clinic.write',
  'calendar.write',
  'staff.read',
  'staff.write',
  'doctors.read',
  'doctors.write',
  'doctors.hours',
  'sources.write',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Route-level access that needs no matrix entry. */
export type RouteAccess = Permission | 'public' | 'authenticated';

const ALL: readonly Permission[] = PERMISSIONS;
const EVERYONE: readonly Permission[] = ['clinic.read', 'doctors.read'];
const CLINICIAN: readonly Permission[] = [
  ...EVERYONE,
  'patients.read',
  'patients.write',
  'schedule.read',
  'schedule.status',
  'servicecard.write',
];

export const MATRIX: Record<Role, readonly Permission[]> = {
  owner: ALL,
  chief_doctor: ALL,
  dentist: CLINICIAN,
  hygienist: CLINICIAN,
  assistant: [...EVERYONE, 'patients.read', 'schedule.read', 'schedule.status', 'servicecard.write'],
  senior_nurse: [...EVERYONE, 'patients.read', 'schedule.read', 'staff.read'],
  administrator: [
    ...EVERYONE,
    'patients.read',
    'patients.write',
    'schedule.read',
    'schedule.write',
    'schedule.status',
  'servicecard.write',
    'doctors.hours',
    'sources.write',
  ],
  office_manager: [...EVERYONE, 'staff.read', 'sources.write'],
};

/** True when the role holds the permission; `authenticated` is granted to every role. */
export function can(role: Role, access: RouteAccess): boolean {
  if (access === 'public' || access === 'authenticated') return true;
  return MATRIX[role].includes(access);
}
