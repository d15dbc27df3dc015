import type { Insertable } from 'kysely';
import { priceSearchKey } from '../domain/prices.js';
import type { PriceItemsTable, PriceVersionsTable } from '../db/schema.js';
import { DEMO_PRICE_CHANGES, DEMO_PRICES } from './demo-prices.js';

/** The first day of the month `months` before the month of `date` (YYYY-MM-DD). */
function monthStart(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number);
  const n = y * 12 + (m - 1) - months;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The demo price list: today's prices valid from the first of this month, the older prices of
 * DEMO_PRICE_CHANGES before them, and two increases announced from the first of next year, so the
 * history and «с 01.01 — …» show real-looking work.
 */
export function demoPriceList(o: { clinicId: string; today: string; createdAt: string; chiefId: string; id: () => string }) {
  const items: Insertable<PriceItemsTable>[] = [];
  const versions: Insertable<PriceVersionsTable>[] = [];
  const current = monthStart(o.today, 0);
  const nextYear = `${Number(o.today.slice(0, 4)) + 1}-01-01`;
  const byCode = new Map<string, string>();
  for (const p of DEMO_PRICES) {
    const id = o.id();
    byCode.set(p.code, id);
    items.push({
      id, clinic_id: o.clinicId, code: p.code, moh_code: p.mohCode, name: p.name, search_key: priceSearchKey(p), section: p.section,
      note: p.note, is_active: 1, created_at: o.createdAt, updated_at: o.createdAt,
    });
    const changed = DEMO_PRICE_CHANGES.find((c) => c.code === p.code);
    const from = changed ? current : monthStart(o.today, 14);
    versions.push({ id: o.id(), clinic_id: o.clinicId, item_id: id, valid_from: from, price_min: p.priceMin, price_max: p.priceMax, created_by: o.chiefId, created_at: o.createdAt });
    if (changed) {
      versions.push({
        id: o.id(), clinic_id: o.clinicId, item_id: id, valid_from: monthStart(o.today, changed.monthsAgo), price_min: changed.priceMin,
        price_max: changed.priceMax, created_by: o.chiefId, created_at: o.createdAt,
      });
    }
  }
  // Announced increases: the desk already sees «с 01.01 — …» beside today's price.
  for (const [code, factor] of [['Т-01', 1.08], ['Г-01', 1.1]] as const) {
    const p = DEMO_PRICES.find((x) => x.code === code);
    const id = byCode.get(code);
    if (!p || !id) continue;
    const up = (k: number) => Math.round((k * factor) / 10000) * 10000;
    versions.push({
      id: o.id(), clinic_id: o.clinicId, item_id: id, valid_from: nextYear, price_min: up(p.priceMin), price_max: p.priceMax === null ? null : up(p.priceMax),
      created_by: o.chiefId, created_at: o.createdAt,
    });
  }
  return { items, versions };
}
