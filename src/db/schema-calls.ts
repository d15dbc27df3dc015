/** The clinic's phone script (CALL-3), one row per saved version; the newest is in force. */
export interface CallScriptsTable {
  id: string;
  clinic_id: string;
  version: number;
  /** JSON of CallScript (src/domain/calls/call-script.ts). */
  script_json: string;
  created_by: string | null;
  created_at: string;
}

/** 021-telephony: the clinic's shared secret for signed PBX events (HMAC needs it in clear). */
export interface TelephonySecretsTable {
  clinic_id: string;
  secret: string;
  created_by: string | null;
  created_at: string;
}

/** 021-telephony: a PBX line (a number or trunk name) answered at a branch. */
export interface TelephonyLinesTable {
  id: string;
  clinic_id: string;
  line: string;
  branch_id: string;
}

/** 021-telephony: a PBX event taken once per (clinic, PBX call id, event). */
export interface TelephonyEventsTable {
  id: string;
  clinic_id: string;
  pbx_call_id: string;
  event: string;
  at: string;
  received_at: string;
}

/** 021-telephony: a supervisor's score of a call against the quality checklist (CALL-8). */
export interface CallQualityScoresTable {
  id: string;
  clinic_id: string;
  call_id: string;
  scored_by: string;
  items_json: string;
  score: number;
  max_score: number;
  comment: string | null;
  created_at: string;
}
