import type { Bool } from './schema-common.js';

/** An item of a branch's opening checklist (DESK-1). */
export interface ChecklistItemsTable {
  id: string;
  clinic_id: string;
  branch_id: string;
  /** 'default-N' for the seed's defaults, the item's id otherwise: unique per branch. */
  seed_key: string;
  position: number;
  text: string;
  is_active: Bool;
  created_at: string;
  updated_at: string;
}

/** One branch's checklist on one clinic-local day. */
export interface ChecklistDaysTable {
  id: string;
  clinic_id: string;
  branch_id: string;
  date: string;
  opened_by: string;
  opened_at: string;
  completed_at: string | null;
  completed_by: string | null;
}

/** An item of a day, with the text it had that day. */
export interface ChecklistMarksTable {
  id: string;
  clinic_id: string;
  branch_id: string;
  day_id: string;
  item_id: string;
  position: number;
  text: string;
  done_at: string | null;
  done_by: string | null;
  note: string | null;
  noted_by: string | null;
  noted_at: string | null;
}
