import type { Db } from '../connect.js';
import type { ChecklistMarksTable } from '../schema-checklist.js';

/** A branch's items in order; retired ones too when asked. */
export async function listItems(db: Db, clinicId: string, branchId: string, includeRetired = false) {
  let q = db.selectFrom('checklist_items').select(['id', 'text', 'position', 'is_active', 'seed_key']).where('clinic_id', '=', clinicId).where('branch_id', '=', branchId);
  if (!includeRetired) q = q.where('is_active', '=', 1);
  return q.orderBy('position').orderBy('id').execute();
}

export async function countItems(db: Db, clinicId: string, branchId: string): Promise<number> {
  const r = await db.selectFrom('checklist_items').select((eb) => eb.fn.countAll<number>().as('n')).where('clinic_id', '=', clinicId).where('branch_id', '=', branchId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Writes items; a seed key already used in the branch is skipped (two first reads at once write the defaults once). */
export async function insertItems(trx: Db, rows: { id: string; clinicId: string; branchId: string; seedKey: string; position: number; text: string; at: string }[]) {
  if (!rows.length) return;
  await trx
    .insertInto('checklist_items')
    .values(rows.map((r) => ({ id: r.id, clinic_id: r.clinicId, branch_id: r.branchId, seed_key: r.seedKey, position: r.position, text: r.text, is_active: 1 as const, created_at: r.at, updated_at: r.at })))
    .onConflict((oc) => oc.columns(['branch_id', 'seed_key']).doNothing())
    .execute();
}

export async function updateItem(trx: Db, clinicId: string, id: string, patch: { text?: string; position?: number; is_active?: 0 | 1; updated_at: string }) {
  await trx.updateTable('checklist_items').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

export async function getItem(db: Db, clinicId: string, id: string) {
  return db.selectFrom('checklist_items').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

export async function getDay(db: Db, clinicId: string, branchId: string, date: string) {
  return db.selectFrom('checklist_days').selectAll().where('clinic_id', '=', clinicId).where('branch_id', '=', branchId).where('date', '=', date).executeTakeFirst();
}

/** Starts a branch's day; a day another desk started a moment earlier stays as it is. */
export async function insertDay(trx: Db, row: { id: string; clinicId: string; branchId: string; date: string; userId: string; at: string }) {
  await trx
    .insertInto('checklist_days')
    .values({ id: row.id, clinic_id: row.clinicId, branch_id: row.branchId, date: row.date, opened_by: row.userId, opened_at: row.at, completed_at: null, completed_by: null })
    .onConflict((oc) => oc.columns(['branch_id', 'date']).doNothing())
    .execute();
}

export async function setCompletion(trx: Db, dayId: string, completedAt: string | null, completedBy: string | null) {
  await trx.updateTable('checklist_days').set({ completed_at: completedAt, completed_by: completedBy }).where('id', '=', dayId).execute();
}

/** The marks of a day in order. */
export async function dayMarks(db: Db, dayId: string) {
  return db.selectFrom('checklist_marks').selectAll().where('day_id', '=', dayId).orderBy('position').orderBy('id').execute();
}

export async function insertMarks(trx: Db, rows: ChecklistMarksTable[]) {
  if (!rows.length) return;
  await trx.insertInto('checklist_marks').values(rows).onConflict((oc) => oc.columns(['day_id', 'item_id']).doNothing()).execute();
}

export async function updateMark(trx: Db, id: string, patch: Partial<Pick<ChecklistMarksTable, 'done_at' | 'done_by' | 'note' | 'noted_at' | 'noted_by'>>) {
  await trx.updateTable('checklist_marks').set(patch).where('id', '=', id).execute();
}

/** Days of some branches in a date range, for the owner's report. */
export async function daysInRange(db: Db, clinicId: string, branchIds: string[], from: string, to: string) {
  if (!branchIds.length) return [];
  return db
    .selectFrom('checklist_days')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('branch_id', 'in', branchIds)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
}

/** Marks left with a note and no tick, on some days. */
export async function notedMarks(db: Db, dayIds: string[]) {
  if (!dayIds.length) return [];
  return db
    .selectFrom('checklist_marks')
    .select(['day_id', 'text', 'note', 'position'])
    .where('day_id', 'in', dayIds)
    .where('done_at', 'is', null)
    .where('note', 'is not', null)
    .orderBy('position')
    .execute();
}

/** Staff names by id, for «кто отметил». */
export async function userNames(db: Db, clinicId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'full_name']).where('clinic_id', '=', clinicId).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}
