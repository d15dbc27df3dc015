import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../connect.js';
import type { CashShiftsTable } from '../schema.js';

function shiftQuery(db: Db, clinicId: string) {
  return db
    .selectFrom('cash_shifts as s')
    .innerJoin('branches as br', 'br.id', 's.branch_id')
    .innerJoin('users as o', 'o.id', 's.opened_by')
    .leftJoin('users as c', 'c.id', 's.closed_by')
    .selectAll('s')
    .select(['br.name as branch_name', 'br.address as branch_address', 'o.full_name as opened_by_name', 'c.full_name as closed_by_name'])
    .where('s.clinic_id', '=', clinicId);
}
export type ShiftRow = NonNullable<Awaited<ReturnType<typeof getShift>>>;

export async function getShift(db: Db, clinicId: string, id: string) {
  return shiftQuery(db, clinicId).where('s.id', '=', id).executeTakeFirst();
}

/** The branch's open shift, if any (at most one: a partial unique index). */
export async function openShiftOf(db: Db, clinicId: string, branchId: string) {
  return shiftQuery(db, clinicId).where('s.branch_id', '=', branchId).where('s.closed_at', 'is', null).executeTakeFirst();
}

export async function listShifts(db: Db, clinicId: string, branchId: string | undefined, limit: number) {
  let q = shiftQuery(db, clinicId);
  if (branchId) q = q.where('s.branch_id', '=', branchId);
  return q.orderBy('s.opened_at', 'desc').limit(limit).execute();
}

export async function insertShift(trx: Db, row: Insertable<CashShiftsTable>) {
  await trx.insertInto('cash_shifts').values(row).execute();
}

/** Closes the shift only if it is still open: true when this call closed it. */
export async function closeShift(trx: Db, clinicId: string, id: string, patch: Updateable<CashShiftsTable>): Promise<boolean> {
  const r = await trx.updateTable('cash_shifts').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
