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
