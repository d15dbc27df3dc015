import type { Permission } from '../../../src/domain/permissions.js';

/**
 * One menu entry: shown only to roles holding `permission`; `doctorOnly` entries only to users
 * linked to a doctor of the schedule (me.user.doctorId).
 */
export type NavItem = { to: string; label: string; permission: Permission; testId: string; doctorOnly?: boolean };
export type NavSection = { label: string | null; items: NavItem[] };

/**
 * The navigation, in the order the desk uses it. New areas (schedule, calls, confirmations…)
 * add a section here and a route in routes.tsx.
 */
export const NAV_SECTIONS: NavSection[] = [
  {
    label: null,
    items: [
      { to: '/my-day', label: 'schedule.menu.myDay', permission: 'schedule.read', testId: 'nav-my-day', doctorOnly: true },
      { to: '/schedule', label: 'schedule.menu.schedule', permission: 'schedule.read', testId: 'nav-schedule' },
      { to: '/patients', label: 'nav.patients', permission: 'patients.read', testId: 'nav-patients' },
      { to: '/statistics', label: 'stats.nav', permission: 'stats.read', testId: 'nav-statistics' },
      { to: '/mailings', label: 'mailings.nav', permission: 'mailings.manage', testId: 'nav-mailings' },
      { to: '/surveys/results', label: 'surveyResults.nav', permission: 'surveys.read', testId: 'nav-survey-results' },
    ],
  },
  {
    label: 'desk.nav.section',
    items: [
      { to: '/desk/today', label: 'stats.today.nav', permission: 'schedule.read', testId: 'nav-desk-today' },
      { to: '/desk/opening', label: 'checklist.nav', permission: 'checklist.tick', testId: 'nav-checklist' },
      { to: '/desk/calls', label: 'worklists.nav', permission: 'schedule.write', testId: 'nav-desk-calls' },
      { to: '/desk/gaps', label: 'desk.nav.gaps', permission: 'schedule.write', testId: 'nav-desk-gaps' },
      { to: '/desk/waiting-list', label: 'desk.nav.waitingList', permission: 'schedule.write', testId: 'nav-desk-waiting' },
      { to: '/desk/card-pull', label: 'desk.nav.cardPull', permission: 'schedule.read', testId: 'nav-desk-card-pull' },
      { to: '/calls', label: 'calls.nav', permission: 'calls.write', testId: 'nav-calls' },
      { to: '/cash', label: 'cash.nav', permission: 'cash.take', testId: 'nav-cash' },
      { to: '/prices', label: 'prices.nav', permission: 'prices.read', testId: 'nav-prices' },
      { to: '/incidents', label: 'incidents.nav', permission: 'incidents.read', testId: 'nav-incidents' },
      { to: '/fiscal-receipts', label: 'money.fiscal.nav', permission: 'fiscal.outbox', testId: 'nav-fiscal' },
      { to: '/money', label: 'money.nav', permission: 'money.report', testId: 'nav-money' },
      { to: '/insurance', label: 'ins.nav', permission: 'insurance.manage', testId: 'nav-insurance' },
    ],
  },
  {
    // Every role: clinic.read is everyone's, and messages, one's tasks and one's job description need only a sign-in.
    label: 'team.nav.section',
    items: [
      { to: '/team/messages', label: 'team.nav.messages', permission: 'clinic.read', testId: 'nav-team-messages' },
      { to: '/tasks', label: 'team.nav.tasks', permission: 'clinic.read', testId: 'nav-tasks' },
      { to: '/team/descriptions', label: 'team.nav.descriptions', permission: 'clinic.read', testId: 'nav-job-descriptions' },
      { to: '/team/training', label: 'team.nav.training', permission: 'clinic.read', testId: 'nav-training' },
    ],
  },
  {
    label: 'nav.settings',
    items: [
      { to: '/settings/clinic', label: 'nav.clinic', permission: 'clinic.read', testId: 'nav-clinic' },
      { to: '/settings/branches', label: 'nav.branches', permission: 'clinic.read', testId: 'nav-branches' },
      { to: '/settings/calendar', label: 'nav.calendar', permission: 'clinic.read', testId: 'nav-calendar' },
      { to: '/settings/staff', label: 'nav.staff', permission: 'staff.read', testId: 'nav-staff' },
      { to: '/settings/doctors', label: 'nav.doctors', permission: 'doctors.read', testId: 'nav-doctors' },
      { to: '/settings/document-templates', label: 'tpl.nav', permission: 'documents.manage', testId: 'nav-document-templates' },
      { to: '/settings/sources', label: 'nav.sources', permission: 'sources.write', testId: 'nav-sources' },
      { to: '/settings/telephony', label: 'telephony.nav', permission: 'clinic.write', testId: 'nav-telephony' },
      { to: '/settings/mailings', label: 'mailings.settingsNav', permission: 'mailings.settings', testId: 'nav-mailing-settings' },
      { to: '/settings/pd-destructions', label: 'retention.nav.title', permission: 'patients.destroy', testId: 'nav-pd-destructions' },
      { to: '/audit', label: 'nav.audit', permission: 'audit.read', testId: 'nav-audit' },
    ],
  },
];

/**
 * Where a user lands after sign-in: a doctor on «Мой день», the desk (schedule.write) on the
 * schedule, everyone else on the first other menu entry their role may open (patients).
 */
export function homePath(permissions: readonly string[], doctorId?: string | null): string {
  if (doctorId && permissions.includes('schedule.read')) return '/my-day';
  if (permissions.includes('schedule.write')) return '/schedule';
  for (const section of NAV_SECTIONS) {
    for (const item of section.items) {
      if (item.doctorOnly || item.to === '/schedule') continue;
      if (permissions.includes(item.permission)) return item.to;
    }
  }
  return '/password';
}
