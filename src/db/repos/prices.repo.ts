import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../connect.js';
import type { PriceItemsTable } from '../schema.js';

export interface PriceFilter {
  /** Lower-case words, «ё» folded: each must occur in the name, code or Ministry code. */
  words: string[];
  section?: string;
  date: string;
  includeInactive: boolean;
  limit: number;
  offset: number;
}

/** The version of each item in force on `date` and the next one after it, as correlated subqueries on the (item, valid_from) index. */
function withPrices(db: Db, clinicId: string, date: string) {
  const at = (cmp: '<=' | '>', pick: 'max' | 'min') =>
    sql<string | null>`(select ${sql.raw(pick)}(w.valid_from) from price_versions w where w.item_id = i.id and w.valid_from ${sql.raw(cmp)} ${date})`;
  return db
    .selectFrom('price_items as i')
    .leftJoin('price_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').on('v.valid_from', '=', at('<=', 'max')))
    .leftJoin('price_versions as n', (j) => j.onRef('n.item_id', '=', 'i.id').on('n.valid_from', '=', at('>', 'min')))
    .where('i.clinic_id', '=', clinicId)
    .select([
      'i.id', 'i.code', 'i.moh_code', 'i.name', 'i.section', 'i.note', 'i.is_active',
      'v.valid_from as v_from', 'v.price_min as v_min', 'v.price_max as v_max',
      'n.valid_from as n_from', 'n.price_min as n_min', 'n.price_max as n_max',
    ]);
}

export type PriceRow = Awaited<ReturnType<typeof listItems>>['rows'][number];

/** One page of the list in section and code order, with the total that matches the filter. */
export async function listItems(db: Db, clinicId: string, f: PriceFilter) {
  let q = withPrices(db, clinicId, f.date);
  if (!f.includeInactive) q = q.where('i.is_active', '=', 1);
  if (f.section) q = q.where('i.section', '=', f.section);
  for (const w of f.words) q = q.where('i.search_key', 'like', `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await q.orderBy('i.section').orderBy('i.code').limit(f.limit).offset(f.offset).execute();
  let c = db.selectFrom('price_items as i').select((eb) => eb.fn.countAll<number>().as('n')).where('i.clinic_id', '=', clinicId);
  if (!f.includeInactive) c = c.where('i.is_active', '=', 1);
  if (f.section) c = c.where('i.section', '=', f.section);
  for (const w of f.words) c = c.where('i.search_key', 'like', `%${w.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  const total = Number((await c.executeTakeFirstOrThrow()).n);
  return { rows, total };
}

export async function getItem(db: Db, clinicId: string, id: string, date: string) {
  return withPrices(db, clinicId, date).where('i.id', '=', id).executeTakeFirst();
}

export async function itemByCode(db: Db, clinicId: string, code: string) {
  return db.selectFrom('price_items').selectAll().where('clinic_id', '=', clinicId).where('code', '=', code).executeTakeFirst();
}

export async function allItems(db: Db, clinicId: string) {
  return db.selectFrom('price_items').selectAll().where('clinic_id', '=', clinicId).execute();
}

export async function versionsOf(db: Db, clinicId: string, itemId: string) {
  return db
    .selectFrom('price_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.valid_from', 'v.price_min', 'v.price_max', 'v.created_at', 'u.full_name'])
    .where('v.clinic_id', '=', clinicId)
    .where('v.item_id', '=', itemId)
    .orderBy('v.valid_from', 'desc')
    .execute();
}

export async function sections(db: Db, clinicId: string): Promise<string[]> {
  const rows = await db.selectFrom('price_items').select('section').distinct().where('clinic_id', '=', clinicId).orderBy('section').execute();
  return rows.map((r) => r.section);
}

export async function insertItem(trx: Db, row: Insertable<PriceItemsTable>) {
  await trx.insertInto('price_items').values(row).execute();
}

export async function updateItem(trx: Db, clinicId: string, id: string, patch: Updateable<PriceItemsTable>) {
  await trx.updateTable('price_items').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

/**
 * Sets the price from `validFrom`: a new version, or the one already set for that very date
 * replaced (the service checks that it has not started before today).
 */
export async function putVersion(trx: Db, row: { id: string; clinicId: string; itemId: string; validFrom: string; priceMin: number; priceMax: number | null; by: string | null; at: string }) {
  const replaced = await trx
    .updateTable('price_versions')
    .set({ price_min: row.priceMin, price_max: row.priceMax, created_by: row.by, created_at: row.at })
    .where('clinic_id', '=', row.clinicId)
    .where('item_id', '=', row.itemId)
    .where('valid_from', '=', row.validFrom)
    .executeTakeFirst();
  if (Number(replaced.numUpdatedRows) > 0) return 'replaced' as const;
  await trx
    .insertInto('price_versions')
    .values({ id: row.id, clinic_id: row.clinicId, item_id: row.itemId, valid_from: row.validFrom, price_min: row.priceMin, price_max: row.priceMax, created_by: row.by, created_at: row.at })
    .execute();
  return 'added' as const;
}

/** Every price version of the clinic (the import compares a whole file with them at once). */
export async function allVersions(db: Db, clinicId: string) {
  return db.selectFrom('price_versions').select(['item_id', 'valid_from', 'price_min', 'price_max']).where('clinic_id', '=', clinicId).execute();
}
