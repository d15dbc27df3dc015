import type { Permission } from '../../../src/domain/permissions.js';

/** One menu entry: shown only to roles holding `permission`. */
export type NavItem = { to: string; label: string; permission: Permission; testId: string };
export type NavSection = { label: string | null; items: NavItem[] };

/**
 * The navigation, in the order the desk uses it. New areas (schedule, calls, confirmations…)
 * add a section here and a route in routes.tsx.
 */
export const NAV_SECTIONS: NavSection[] = [
  {
    label: null,
    items: [{ to: '/patients', label: 'nav.patients', permission: 'patients.read', testId: 'nav-patients' }],
  },
  {
    label: 'nav.settings',
    items: [
      { to: '/settings/clinic', label: 'nav.clinic', permission: 'clinic.read', testId: 'nav-clinic' },
      { to: '/settings/branches', label: 'nav.branches', permission: 'clinic.read', testId: 'nav-branches' },
      { to: '/settings/calendar', label: 'nav.calendar', permission: 'clinic.read', testId: 'nav-calendar' },
      { to: '/settings/staff', label: 'nav.staff', permission: 'staff.read', testId: 'nav-staff' },
      { to: '/settings/doctors', label: 'nav.doctors', permission: 'doctors.read', testId: 'nav-doctors' },
      { to: '/settings/sources', label: 'nav.sources', permission: 'sources.write', testId: 'nav-sources' },
      { to: '/audit', label: 'nav.audit', permission: 'audit.read', testId: 'nav-audit' },
    ],
  },
];

/** Where a user lands after sign-in: the first menu entry their role may open. */
export function homePath(permissions: readonly string[]): string {
  for (const section of NAV_SECTIONS) {
    for (const item of section.items) if (permissions.includes(item.permission)) return item.to;
  }
  return '/password';
}
