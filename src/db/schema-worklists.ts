import type { Bool } from './schema-common.js';

/** REC-1: management's recall scheme, one rule per kind of visit and/or specialty (src/domain/worklists/recall-rules.ts). */
export interface RecallRulesTable {
  id: string;
  clinic_id: string;
  name: string;
  visit_kind: string | null;
  specialty: string | null;
  months: number;
  is_active: Bool;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}
