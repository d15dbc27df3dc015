/**
 * Kysely table types. Conventions (ARCHITECTURE "Data rules"): ids are UUID v7 text;
 * instants are ISO-8601 UTC strings (timestamptz on PostgreSQL, normalised to the same
 * string by connect.ts); clinic-local dates are 'YYYY-MM-DD'; booleans are 0/1 integers
 * on both engines; JSON is text; money is integer kopecks.
 */
import type { ColumnType, Generated } from 'kysely';
import type {
  AppointmentHistoryTable, AppointmentsTable, DoctorFeedTokensTable, LiveEventsTable, NotificationsTable, ServiceCardEntriesTable, SlotHoldsTable,
  WaitingListTable,
} from './schema-schedule.js';

export * from './schema-schedule.js';
export * from './schema-prices.js';
export * from './schema-checklist.js';
import type { ChecklistDaysTable, ChecklistItemsTable, ChecklistMarksTable } from './schema-checklist.js';
import type { PriceItemsTable, PriceVersionsTable } from './schema-prices.js';
export * from './schema-incidents.js';
import type { IncidentNotesTable, IncidentsTable } from './schema-incidents.js';
export * from './schema-money.js';
import type { BillLinesTable, BillsTable, CashShiftsTable, FiscalOutboxTable, PaymentsTable } from './schema-money.js';
export * from './schema-insurance.js';
import type { BillInsuranceTable, GuaranteeLettersTable, InsurancePoliciesTable, InsuranceProgrammesTable, InsuranceRegistersTable, InsurersTable, TaxCertificatesTable } from './schema-insurance.js';
export * from './schema-calls.js';
import type { CallQualityScoresTable, CallScriptsTable, TelephonyEventsTable, TelephonyLinesTable, TelephonySecretsTable } from './schema-calls.js';
export * from './schema-team.js';
import type { ExamAttemptsTable, JobDescriptionReadsTable, JobDescriptionsTable, TasksTable, TeamMessageReadsTable, TeamMessagesTable, TrainingItemsTable } from './schema-team.js';
export * from './schema-worklists.js';
import type { RecallRulesTable } from './schema-worklists.js';
export * from './schema-surveys.js';
import type { DocumentTemplatesTable, LegalReferenceOverridesTable, PatientDocumentsTable, PatientRepresentativeColumns, QuestionnaireAnswersTable } from './schema-documents.js';
import type { SurveyAnswersTable, SurveyCallsTable, SurveyConsentsTable, SurveyQuestionnairesTable, SurveyReviewsTable } from './schema-surveys.js';
export * from './schema-svc.js';
import type { ReviewSitesTable, SvcRegulationReadsTable, SvcRegulationsTable, VisitLeavingsTable } from './schema-svc.js';
export * from './schema-mailings.js';
import type { MailingConsentsTable, MailingsTable, MessageLinksTable, MessageOutboxTable, MessagingSettingsTable } from './schema-mailings.js';
export type { Bool } from './schema-common.js';
import type { Bool } from './schema-common.js';


export interface ClinicsTable {
  id: string;
  name: string;
  legal_name: string | null;
  time_zone: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  licence: string | null;
  /** Migration 014: printed on tax certificates and insurers' registers. */
  inn: string | null;
  kpp: string | null;
  created_at: string;
  /** JSON of ClinicSettings (src/contracts/clinic.ts); '{}' means all defaults. */
  settings_json: Generated<string>;
}

export interface BranchesTable {
  id: string;
  clinic_id: string;
  name: string;
  address: string;
  directions: string | null;
  phone: string | null;
  is_active: Bool;
  /** JSON [{weekday, opens, closes}] — a weekday absent means closed. */
  hours_json: string;
  created_at: string;
}

export interface ChairsTable {
  id: string;
  clinic_id: string;
  branch_id: string;
  name: string;
  is_active: Bool;
}

export interface CalendarDaysTable {
  clinic_id: string;
  date: string;
  kind: 'holiday' | 'day_off' | 'working' | 'short';
  note: string;
}

export interface UsersTable {
  id: string;
  clinic_id: string;
  login: string;
  full_name: string;
  role: string;
  password_hash: string;
  is_active: Bool;
  must_change_password: Bool;
  created_at: string;
  password_changed_at: string;
  last_login_at: string | null;
  /** 028: the branch whose desk the member works at; null: every branch (the telephony's ring pops everywhere). */
  branch_id: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  clinic_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptsTable {
  id: string;
  login: string;
  ip: string;
  at: string;
  success: Bool;
  /** SHA-256 of the browser's device cookie, when it sent one. */
  device: string | null;
}

export interface DoctorsTable {
  id: string;
  clinic_id: string;
  user_id: string | null;
  surname: string;
  first_name: string;
  patronymic: string | null;
  position: string;
  /** JSON array of specialty codes (src/domain/specialties.ts). */
  specialties_json: string;
  education: string | null;
  qualification: string | null;
  experience_since: number | null;
  color: string;
  is_active: Bool;
  created_at: string;
}

export interface DoctorHoursTable {
  id: string;
  clinic_id: string;
  doctor_id: string;
  branch_id: string;
  chair_id: string | null;
  weekday: number;
  starts: string;
  ends: string;
  break_starts: string | null;
  break_ends: string | null;
}

export interface DoctorExceptionsTable {
  id: string;
  clinic_id: string;
  doctor_id: string;
  kind: string;
  date_from: string;
  date_to: string;
  note: string | null;
  created_at: string;
}

export interface InfoSourcesTable {
  id: string;
  clinic_id: string;
  name: string;
  is_active: Bool;
}

export interface CountersTable {
  clinic_id: string;
  name: string;
  value: number;
}

export interface PatientsTable extends PatientRepresentativeColumns {
  id: string;
  clinic_id: string;
  card_number: number;
  surname: string;
  first_name: string;
  patronymic: string | null;
  /** searchKey("surname first patronymic"): lower case, ё→е — prefix search by surname (and name). */
  name_key: string;
  birth_date: string | null;
  sex: 'female' | 'male' | null;
  address_as: string | null;
  email: string | null;
  source_id: string | null;
  pd_consent_version: string | null;
  pd_consent_date: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  /** 152-FZ art. 21: active; blocked (only the medical record kept); destroyed. */
  pd_state: Generated<'active' | 'blocked' | 'destroyed'>;
  /** While blocked: the medical record is kept until this clinic-local date. */
  retain_until: string | null;
}

export interface PdDestructionsTable {
  id: string;
  clinic_id: string;
  number: number;
  patient_id: string;
  card_number: number;
  subject_name: string | null;
  scope: 'blocked' | 'destroyed';
  reason: string;
  basis: string;
  categories_json: string;
  counts_json: string;
  retain_until: string | null;
  performed_at: string;
  local_date: string;
  performed_by: string;
  performer_name: string;
  performer_role: string;
  audit_seq: number | null;
  act_erased_at: string | null;
}

/** Computed by the engine from name_key (migration 008); read-only. */
export interface PatientsGenerated {
  /** name_key with the first name first ("анна смирнова сергеевна"): «Анна Смирнова» at the desk. */
  given_key: ColumnType<string, never, never>;
}

/** Computed by the engine from digits (migration 008); read-only. */
export interface PatientPhonesGenerated {
  /** The last 7 digits: «555-12-34» at the desk. */
  tail7: ColumnType<string, never, never>;
}

export interface PatientPhonesTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  /** E.164 */
  number: string;
  /** E.164 without '+', for prefix/substring search. */
  digits: string;
  kind: string;
  note: string | null;
  position: number;
}

export interface AuditLogTable {
  clinic_id: string;
  seq: number;
  at: string;
  user_id: string | null;
  user_login: string | null;
  role: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  patient_id: string | null;
  ip: string | null;
  details_json: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadsTable {
  clinic_id: string;
  seq: number;
  hash: string;
}

export interface CallsTable {
  id: string;
  clinic_id: string;
  branch_id: string | null;
  direction: 'in' | 'out';
  caller_type: string;
  purpose: string;
  patient_id: string | null;
  phone: string | null;
  caller_name: string | null;
  source_id: string | null;
  outcome: string;
  outcome_reason: string | null;
  appointment_id: string | null;
  user_id: string | null;
  started_at: string;
  duration_sec: number;
  note: string | null;
  /** 018-call-desk: seconds to answer (CALL-9), the end, the need said back (CALL-11), the script version. */
  answer_sec?: number | null;
  ended_at?: string | null;
  need_summary?: string | null;
  script_version?: number | null;
  /** 017-worklists: the patient asked to be called back at this instant. */
  callback_at?: string | null;
  /** 021-telephony: the PBX's own call id and the instants it reported. */
  pbx_call_id?: string | null;
  ringing_at?: string | null;
  answered_at?: string | null;
}

/** DESK-6: a staff member standing in at the desk, for as long as the signed-in session that took it. */
export interface DeskCoversTable {
  id: string;
  clinic_id: string;
  user_id: string;
  session_id: string;
  started_at: string;
  ended_at: string | null;
}

export interface Database {
  clinics: ClinicsTable;
  branches: BranchesTable;
  chairs: ChairsTable;
  calendar_days: CalendarDaysTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  doctors: DoctorsTable;
  doctor_hours: DoctorHoursTable;
  doctor_exceptions: DoctorExceptionsTable;
  info_sources: InfoSourcesTable;
  counters: CountersTable;
  patients: PatientsTable & PatientsGenerated;
  patient_phones: PatientPhonesTable & PatientPhonesGenerated;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
  appointments: AppointmentsTable;
  calls: CallsTable;
  call_scripts: CallScriptsTable;
  telephony_secrets: TelephonySecretsTable;
  telephony_lines: TelephonyLinesTable;
  telephony_events: TelephonyEventsTable;
  call_quality_scores: CallQualityScoresTable;
  recall_rules: RecallRulesTable;
  survey_consents: SurveyConsentsTable;
  survey_questionnaires: SurveyQuestionnairesTable;
  survey_calls: SurveyCallsTable;
  survey_answers: SurveyAnswersTable;
  survey_reviews: SurveyReviewsTable;
  document_templates: DocumentTemplatesTable;
  legal_reference_overrides: LegalReferenceOverridesTable;
  patient_documents: PatientDocumentsTable;
  questionnaire_answers: QuestionnaireAnswersTable;
  team_messages: TeamMessagesTable;
  team_message_reads: TeamMessageReadsTable;
  tasks: TasksTable;
  job_descriptions: JobDescriptionsTable;
  job_description_reads: JobDescriptionReadsTable;
  training_items: TrainingItemsTable;
  exam_attempts: ExamAttemptsTable;
  appointment_history: AppointmentHistoryTable;
  slot_holds: SlotHoldsTable;
  waiting_list: WaitingListTable;
  service_card_entries: ServiceCardEntriesTable;
  svc_regulations: SvcRegulationsTable;
  svc_regulation_reads: SvcRegulationReadsTable;
  visit_leavings: VisitLeavingsTable;
  review_sites: ReviewSitesTable;
  notifications: NotificationsTable;
  live_events: LiveEventsTable;
  doctor_feed_tokens: DoctorFeedTokensTable;
  pd_destructions: PdDestructionsTable;
  desk_covers: DeskCoversTable;
  price_items: PriceItemsTable;
  price_versions: PriceVersionsTable;
  checklist_items: ChecklistItemsTable;
  checklist_days: ChecklistDaysTable;
  checklist_marks: ChecklistMarksTable;
  incidents: IncidentsTable;
  incident_notes: IncidentNotesTable;
  cash_shifts: CashShiftsTable;
  bills: BillsTable;
  bill_lines: BillLinesTable;
  payments: PaymentsTable;
  fiscal_outbox: FiscalOutboxTable;
  insurers: InsurersTable;
  insurance_programmes: InsuranceProgrammesTable;
  insurance_policies: InsurancePoliciesTable;
  guarantee_letters: GuaranteeLettersTable;
  insurance_registers: InsuranceRegistersTable;
  bill_insurance: BillInsuranceTable;
  tax_certificates: TaxCertificatesTable;
  mailing_consents: MailingConsentsTable;
  messaging_settings: MessagingSettingsTable;
  mailings: MailingsTable;
  message_outbox: MessageOutboxTable;
  message_links: MessageLinksTable;
}

