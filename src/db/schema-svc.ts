import type { Bool } from './schema-common.js';

/** Migration 024, SVC-11: an edited version of the service card regulation (version 1 is built in). */
export interface SvcRegulationsTable {
  id: string;
  clinic_id: string;
  version: number;
  body: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

/** An employee confirmed having read this version of the regulation. */
export interface SvcRegulationReadsTable {
  clinic_id: string;
  user_id: string;
  version: number;
  confirmed_at: string;
}

/** DESK-2/3: what the desk did when the patient left, one row per finished visit. */
export interface VisitLeavingsTable {
  appointment_id: string;
  clinic_id: string;
  patient_id: string;
  next_visit: string;
  review_asked: Bool;
  review_site: string | null;
  flyers: Bool;
  gift: Bool;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
}

/** The clinic's list of review sites offered at the desk (JSON array of names). */
export interface ReviewSitesTable {
  clinic_id: string;
  sites_json: string;
}
