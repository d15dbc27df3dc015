import type { Bool } from './schema-common.js';

/** SVC-1: the patient's consent to the post-treatment survey; every change is a row, the latest wins. */
export interface SurveyConsentsTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  status: 'agreed' | 'refused';
  preferred_time: string | null;
  channel: 'phone' | 'messenger' | 'email';
  recorded_by: string | null;
  recorded_at: string;
}

/** SURV-2: the questionnaire, one row per saved version; the newest is in force. */
export interface SurveyQuestionnairesTable {
  id: string;
  clinic_id: string;
  version: number;
  /** JSON of SurveyQuestion[] (src/domain/surveys.ts). */
  questions_json: string;
  created_by: string | null;
  created_at: string;
}

/** SURV-1: one survey call attempt and its outcome; a completed one carries answers. */
export interface SurveyCallsTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  appointment_id: string | null;
  doctor_id: string | null;
  branch_id: string | null;
  visit_date: string | null;
  outcome: 'completed' | 'refused' | 'not_reached' | 'callback';
  callback_at: string | null;
  questionnaire_version: number | null;
  nps: number | null;
  complaint: Bool;
  comment: string | null;
  task_id: string | null;
  called_by: string | null;
  called_at: string;
}

export interface SurveyAnswersTable {
  id: string;
  clinic_id: string;
  survey_call_id: string;
  question_key: string;
  score: number | null;
  text: string | null;
}

/** SURV-4: the note of a review meeting with an employee (doctor) on the survey results. */
export interface SurveyReviewsTable {
  id: string;
  clinic_id: string;
  doctor_id: string;
  meeting_date: string;
  participants: string;
  text: string;
  created_by: string | null;
  created_at: string;
}
