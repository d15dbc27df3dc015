import type { Bool } from './schema-common.js';

/** A service of the price list (CALL-6, DESK-4). */
export interface PriceItemsTable {
  id: string;
  clinic_id: string;
  code: string;
  moh_code: string | null;
  name: string;
  search_key: string;
  section: string;
  note: string | null;
  is_active: Bool;
  created_at: string;
  updated_at: string;
}

/** A price from a date, in kopecks. */
export interface PriceVersionsTable {
  id: string;
  clinic_id: string;
  item_id: string;
  valid_from: string;
  price_min: number;
  price_max: number | null;
  created_by: string | null;
  created_at: string;
}
