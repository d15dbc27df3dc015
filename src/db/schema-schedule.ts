import type { Generated } from 'kysely';
import type { Bool } from './schema-common.js';

/** The schedule's tables: visits and their history, holds, the waiting list, the service card, notes, live events, feed tokens. */
export interface AppointmentsTable {
  id: string;
  clinic_id: string;
  branch_id: string;
  doctor_id: string;
  chair_id: string | null;
  patient_id: string;
  starts_at: string;
  ends_at: string;
  /** Clinic-local date of starts_at, for day views and worklists. */
  local_date: string;
  kind: string;
  status: string;
  /** 1 = deliberate SCH-4 squeeze-in, exempt from the overlap rule. */
  squeeze_in: Bool;
  needs_call: Bool;
  comment: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  status_changed_at: string;
  /** Planned services, free text for now (the price list comes with the cash desk). */
  services: string | null;
  call_id: string | null;
  walk_in: Generated<Bool>;
  late_minutes: number | null;
  arrived_at: string | null;
  in_chair_at: string | null;
  done_at: string | null;
  cancel_reason: string | null;
  cancel_note: string | null;
  callback_date: string | null;
  rebooked_to_id: string | null;
  review_requested: Generated<Bool>;
  follow_up_booked: Generated<Bool>;
  /** JSON array of the price-list codes planned for the visit: which consents it needs (025, DOC-5). */
  planned_services_json?: string | null;
}

export interface AppointmentHistoryTable {
  id: string;
  clinic_id: string;
  appointment_id: string;
  at: string;
  user_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  details_json: string;
}

export interface SlotHoldsTable {
  id: string;
  clinic_id: string;
  hold_group: string;
  doctor_id: string;
  branch_id: string;
  chair_id: string | null;
  starts_at: string;
  ends_at: string;
  expires_at: string;
  user_id: string | null;
}

export interface WaitingListTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  doctor_id: string | null;
  specialty: string | null;
  kind: string;
  date_from: string;
  date_to: string;
  part_of_day: string;
  note: string | null;
  status: 'open' | 'booked' | 'closed';
  appointment_id: string | null;
  created_at: string;
  created_by: string | null;
}

export interface ServiceCardEntriesTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  section: string;
  text: string;
  event_date: string;
  minutes: number | null;
  is_alert: Bool;
  appointment_id: string | null;
  author_id: string | null;
  author_name: string;
  author_role: string;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  clinic_id: string;
  doctor_id: string | null;
  kind: string;
  appointment_id: string | null;
  patient_id: string | null;
  text_ru: string;
  text_en: string;
  created_at: string;
  read_at: string | null;
}

export interface LiveEventsTable {
  seq: Generated<number>;
  clinic_id: string;
  at: string;
  kind: string;
  payload_json: string;
}

export interface DoctorFeedTokensTable {
  doctor_id: string;
  clinic_id: string;
  token_hash: string;
  created_at: string;
}
