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
  /** DESK-6: stand in at the desk while the administrator is away. */
  'desk.cover',
  /** The approved price list: everyone answers price questions (CALL-6); management approves it. */
  'prices.read',
  'prices.write',
  /** DESK-5: everyone sees the open failures of the clinic; the desk logs them; management reads the whole log. */
  'incidents.read',
  'incidents.write',
  'incidents.log',
  /** DESK-1: tick the daily opening checklist (a desk duty); manage: its items and the report. */
  'checklist.tick',
  'checklist.manage',
  /** DESK-4: compose a visit's bill from the price list — "entered at the desk or by the doctor" (issue #13). */
  'billing.write',
  /** DESK-4: take payments and advances, run the cash shift, print receipts: the administrator-cashier (seed 002 2.16, 2.17). */
  'cash.take',
  /** "Discounts only by permission (and the reason)": management decides what the clinic gives away. */
  'cash.discount',
  /** "Refunds with a reason and permission": money leaving the clinic is management's decision. */
  'cash.refund',
  /** The owner's view of money: revenue by day, doctor, service and method, debts, the shift reports. Owner and chief doctor (seed 000: management reads the clinic's results); the desk sees its own shift, not the clinic's takings. */
  'money.report',
  /** The fiscal receipts waiting for the online cash register (54-FZ): the administrator-cashier runs the register and punches a receipt by hand when it was offline; management oversees. */
  'fiscal.outbox',
  /**
   * The clinic at a glance (issue 14): visits, no-shows, chair load, sources, recall. Owner and
   * chief doctor only: the seeds give management the clinic's results; the administrator runs the
   * day (her «Сегодня» board reads the schedule), and the office manager keeps staff records, not
   * the clinic's figures — the lists behind them name patients, too.
   */
  'stats.read',
  /** CALL-1..4: the phone desk takes calls with the call card and records them in the call base; whoever covers the desk answers the phone too. */
  'calls.write',
  /** CALL-3/5: the chief doctor edits the clinic's phone script; management reads the conversion of primary calls per administrator. */
  'calls.manage',
  /** CALL-8: score calls against the quality checklist and read the results per administrator: the administrator's supervisors, the owner and the chief doctor (the clinic has no senior administrator role; seed 002: «регулярный контроль» of the desk standard by management). */
  'calls.quality',
  /** PAT-4: insurers, policies, guarantee letters, bills to the insurer, the journal and the monthly registers: the administrator keeps the insurance patients' journal (seed 002 2.13). */
  'insurance.manage',
  /** Tax-deduction certificates from the patient's payments: issued at the desk that took the money (seed 002 2.16). */
  'taxcert.issue',
  /**
   * STAFF-2, STAFF-4: approve and version job descriptions, see who has not confirmed them, run new
   * staff's training plans and see exam results, see every task: the owner and the chief doctor (who
   * appoints and attests staff). Messages and one's own tasks need only a sign-in.
   */
  'team.manage',
  /** REC-1: the recall scheme (intervals per kind of treatment) and the confirmation lists' half boundary are approved by the clinic's management (seed 002: «согласно схеме, утверждённой администрацией клиники»). */
  'recall.manage',
  /** SURV-2/3: the chief doctor edits the survey questionnaire; management reads the survey results (they name patients and rate staff: not the desk, not assistants). */
  'surveys.manage',
  'surveys.read',
  /** DOC-1..7 (issue #11): edit the clinic's document templates and legal references: the owner and the chief doctor. */
  'documents.manage',
  /** Issue a document to a patient, record it signed (on screen or paper) or refused: the desk and the clinicians. */
  'documents.issue',
  /** REC-4 (issue #10): segments, mailings, promotion calls and the outbox of e-mails and SMS: management (38-FZ: advertising only with consent, the clinic answers for it). */
  'mailings.manage',
  /** The SMTP and SMS gateway settings hold the clinic's mail password: the owner's alone. */
  'mailings.settings',
  /** DOC-2/DOC-3: record a questionnaire's answers before it is signed (the patient on the desk's tablet, or staff transcribing a paper copy): the desk and the chair-side staff. */
  'questionnaires.fill',
  /**
   * DOC-2: read the health questionnaire's answers and the red flags on the appointment. Health data is a
   * special category (152-FZ art. 10): processed for medical purposes by medical professionals bound by
   * medical secrecy — doctors, the hygienist, assistants, the senior nurse, the chief doctor. Not the
   * administrator (she asks for a missing or expired questionnaire, she does not need its content) and
   * not the owner, who runs the business, not the treatment.
   */
  'anamnesis.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Route-level access that needs no matrix entry. */
export type RouteAccess = Permission | 'public' | 'authenticated';

const ALL: readonly Permission[] = PERMISSIONS;
const EVERYONE: readonly Permission[] = ['clinic.read', 'doctors.read', 'prices.read', 'incidents.read'];
const CLINICIAN: readonly Permission[] = [
  ...EVERYONE,
  'patients.read',
  'patients.write',
  'schedule.read',
  'schedule.status',
  'servicecard.write',
  'documents.issue',
];

/**
 * Reviewed against the job descriptions in the seeds (seed 000 part III, seed 002 "Должностная
 * инструкция"): the administrator-cashier runs the desk and the phone; doctors, the hygienist and
 * assistants work chair-side and record the service card; the senior nurse supervises the clinical
 * staff and covers the desk, but staff logins and sign-in times are not hers to see; the office
 * manager keeps the staff records and the information sources and needs the day's schedule to plan
 * the office, but no medical card.
 */
export const MATRIX: Record<Role, readonly Permission[]> = {
  owner: ALL.filter((p) => p !== 'anamnesis.read'),
  chief_doctor: ALL.filter((p) => p !== 'mailings.settings'),
  dentist: [...CLINICIAN, 'desk.cover', 'billing.write', 'questionnaires.fill', 'anamnesis.read'],
  hygienist: [...CLINICIAN, 'desk.cover', 'billing.write', 'questionnaires.fill', 'anamnesis.read'],
  assistant: [...EVERYONE, 'patients.read', 'schedule.read', 'schedule.status', 'servicecard.write', 'desk.cover', 'questionnaires.fill', 'anamnesis.read'],
  senior_nurse: [...EVERYONE, 'patients.read', 'schedule.read', 'schedule.status', 'servicecard.write', 'desk.cover', 'questionnaires.fill', 'anamnesis.read'],
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
    'incidents.write',
    'checklist.tick',
    'billing.write',
    'cash.take',
    'fiscal.outbox',
    'calls.write',
    'insurance.manage',
    'taxcert.issue',
    'documents.issue',
    'questionnaires.fill',
  ],
  office_manager: [...EVERYONE, 'schedule.read', 'staff.read', 'sources.write'],
};

/**
 * What the desk does: find and register patients, book, move, confirm, mark arrivals, the service card, report failures (DESK-5), the opening checklist (DESK-1).
 * Not the cash ('cash.take'): the cashier answers for the drawer personally (seed 002 2.17, material
 * responsibility), so a colleague standing in for a few minutes takes no money; the patient pays on the cashier's return.
 */
export const DESK_DUTIES: readonly Permission[] = ['patients.read', 'patients.write', 'schedule.read', 'schedule.write', 'schedule.status', 'servicecard.write', 'incidents.write', 'checklist.tick', 'calls.write'];

/**
 * Seed 002: the desk is never left alone; when the administrator must step away, "the second
 * administrator, the senior nurse, a free assistant or a doctor" stands in (DESK-6). A member of
 * these roles who takes the desk holds the desk's duties for as long as the cover lasts.
 */
export const DESK_COVER_ROLES: readonly Role[] = (Object.keys(MATRIX) as Role[]).filter(
  (r) => MATRIX[r].includes('desk.cover') && DESK_DUTIES.some((p) => !MATRIX[r].includes(p)),
);

/** The permissions a role holds, with the desk's duties added while its member covers the desk. */
export function permissionsOf(role: Role, deskCover = false): Permission[] {
  const own = MATRIX[role];
  if (!deskCover || !DESK_COVER_ROLES.includes(role)) return [...own];
  return PERMISSIONS.filter((p) => own.includes(p) || DESK_DUTIES.includes(p));
}

/** True when the role holds the permission; `authenticated` is granted to every role. */
export function can(role: Role, access: RouteAccess, deskCover = false): boolean {
  if (access === 'public' || access === 'authenticated') return true;
  return MATRIX[role].includes(access) || (deskCover && DESK_COVER_ROLES.includes(role) && DESK_DUTIES.includes(access));
}
