import type { Bool } from './schema-common.js';

/** DESK-5: a failure at a branch, from when it started until it is resolved. */
export interface IncidentsTable {
  id: string;
  clinic_id: string;
  branch_id: string;
  kind: string;
  equipment: string | null;
  description: string;
  /** The day's visits are affected (the desk may have to call patients). */
  affects_visits: Bool;
  started_at: string;
  logged_at: string;
  logged_by: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: string | null;
}

/** What was done about an incident, when and by whom. */
export interface IncidentNotesTable {
  id: string;
  clinic_id: string;
  incident_id: string;
  at: string;
  user_id: string;
  text: string;
}
