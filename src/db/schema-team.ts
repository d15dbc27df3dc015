import type { Bool } from './schema-common.js';

/** STAFF-3: a short note to a person or to everyone holding a role (exactly one of the two). */
export interface TeamMessagesTable {
  id: string;
  clinic_id: string;
  from_user_id: string;
  to_user_id: string | null;
  to_role: string | null;
  /** The quick template it was written from (arrived, refused, call_chief), null for free text. */
  template: string | null;
  text: string;
  patient_id: string | null;
  appointment_id: string | null;
  created_at: string;
}

/** Who read a message when (each member of a role reads for themselves). */
export interface TeamMessageReadsTable {
  message_id: string;
  user_id: string;
  clinic_id: string;
  read_at: string;
}

/** Work handed to a person or a role by a colleague or by another area (calls, surveys). */
export interface TasksTable {
  id: string;
  clinic_id: string;
  title: string;
  details: string | null;
  assignee_user_id: string | null;
  assignee_role: string | null;
  /** Clinic-local YYYY-MM-DD; overdue after that day. */
  due_date: string | null;
  status: 'open' | 'done' | 'cancelled';
  outcome: string | null;
  patient_id: string | null;
  appointment_id: string | null;
  source_message_id: string | null;
  created_by: string;
  created_at: string;
  closed_by: string | null;
  closed_at: string | null;
}

/** An edited version (2, 3…) of a role's job description; version 1 is the built-in text. */
export interface JobDescriptionsTable {
  id: string;
  clinic_id: string;
  role: string;
  version: number;
  /** JSON Record<JobSection, string>. */
  sections_json: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

/** An employee confirmed having read this version of their role's description. */
export interface JobDescriptionReadsTable {
  clinic_id: string;
  user_id: string;
  role: string;
  version: number;
  confirmed_at: string;
}

/** One step of a new employee's training plan (STAFF-4). */
export interface TrainingItemsTable {
  id: string;
  clinic_id: string;
  trainee_id: string;
  mentor_id: string | null;
  position: number;
  title: string;
  due_date: string | null;
  done_at: string | null;
  done_by: string | null;
}

/** A taken exam: the score against the pass mark at that time, answers kept for review. */
export interface ExamAttemptsTable {
  id: string;
  clinic_id: string;
  user_id: string;
  exam: string;
  taken_at: string;
  score: number;
  total: number;
  pass_mark: number;
  passed: Bool;
  /** JSON Record<questionId, optionIndex>. */
  answers_json: string;
}
