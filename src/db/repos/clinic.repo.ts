import type { Db } from '../connect.js';
import { scheduleSettings } from '../../domain/schedule/settings.js';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { BranchesTable, ChairsTable, ClinicsTable, InfoSourcesTable } from '../schema.js';

export function clinicRow(r: Selectable<ClinicsTable>) {
  return {
    id: r.id,
    name: r.name,
    legalName: r.legal_name,
    timeZone: r.time_zone,
    phone: r.phone,
    email: r.email,
    website: r.website,
    licence: r.licence,
    schedule: scheduleSettings(r.settings_json),
  };
}

export async function getClinic(db: Db, clinicId: string) {
  const r = await db.selectFrom('clinics').selectAll().where('id', '=', clinicId).executeTakeFirst();
  return r ? clinicRow(r) : undefined;
}

export async function firstClinicId(db: Db): Promise<string | undefined> {
  const r = await db.selectFrom('clinics').select('id').orderBy('created_at').limit(1).executeTakeFirst();
  return r?.id;
}

/** Whether the clinic was created as the demo clinic: bootstrap's creation entry in the audit log says so (it never changes). */
export async function createdAsDemo(db: Db, clinicId: string): Promise<boolean> {
  const r = await db
    .selectFrom('audit_log')
    .select('details_json')
    .where('clinic_id', '=', clinicId)
    .where('object_type', '=', 'clinic')
    .where('action', '=', 'create')
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  try {
    return r ? (JSON.parse(r.details_json) as { demo?: unknown }).demo === true : false;
  } catch {
    return false;
  }
}

/** Creates the clinic row itself (first start without the demo). */
export async function insertClinic(trx: Db, row: Insertable<ClinicsTable>) {
  await trx.insertInto('clinics').values(row).execute();
}

export async function updateClinic(trx: Db, clinicId: string, patch: Omit<Updateable<ClinicsTable>, 'id' | 'created_at'>) {
  if (Object.keys(patch).length) await trx.updateTable('clinics').set(patch).where('id', '=', clinicId).execute();
}

export function branchRow(r: BranchesTable) {
  return {
    id: r.id,
    name: r.name,
    address: r.address,
    directions: r.directions,
    phone: r.phone,
    isActive: r.is_active === 1,
    hours: JSON.parse(r.hours_json) as { weekday: number; opens: string; closes: string }[],
  };
}

export async function listBranches(db: Db, clinicId: string) {
  const rows = await db.selectFrom('branches').selectAll().where('clinic_id', '=', clinicId).orderBy('created_at').orderBy('id').execute();
  return rows.map(branchRow);
}

export async function getBranch(db: Db, clinicId: string, id: string) {
  const r = await db.selectFrom('branches').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
  return r ? branchRow(r) : undefined;
}

export async function insertBranch(trx: Db, row: BranchesTable) {
  await trx.insertInto('branches').values(row).execute();
}

export async function updateBranch(trx: Db, clinicId: string, id: string, patch: Partial<BranchesTable>) {
  if (Object.keys(patch).length) await trx.updateTable('branches').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

export async function listChairs(db: Db, clinicId: string) {
  const rows = await db.selectFrom('chairs').selectAll().where('clinic_id', '=', clinicId).orderBy('branch_id').orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, branchId: r.branch_id, name: r.name, isActive: r.is_active === 1 }));
}

export async function getChair(db: Db, clinicId: string, id: string) {
  return (await listChairs(db, clinicId)).find((c) => c.id === id);
}

export async function insertChair(trx: Db, row: ChairsTable) {
  await trx.insertInto('chairs').values(row).execute();
}

/** Applies the changed fields only; an empty patch touches nothing. */
export async function updateChair(trx: Db, clinicId: string, id: string, patch: Partial<Pick<ChairsTable, 'name' | 'is_active'>>) {
  if (Object.keys(patch).length) await trx.updateTable('chairs').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

export async function calendarYear(db: Db, clinicId: string, year: number) {
  return db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'note'])
    .where('clinic_id', '=', clinicId)
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
}

/** Overrides for a date range, e.g. the weeks a schedule view or a worklist looks at. */
export async function calendarRange(db: Db, clinicId: string, from: string, to: string) {
  return db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'note'])
    .where('clinic_id', '=', clinicId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}

export async function upsertCalendarDay(trx: Db, clinicId: string, d: { date: string; kind: 'holiday' | 'day_off' | 'working' | 'short'; note: string }) {
  await trx
    .insertInto('calendar_days')
    .values({ clinic_id: clinicId, ...d })
    .onConflict((oc) => oc.columns(['clinic_id', 'date']).doUpdateSet({ kind: d.kind, note: d.note }))
    .execute();
}

export async function deleteCalendarDays(trx: Db, clinicId: string, from: string, to: string) {
  await trx.deleteFrom('calendar_days').where('clinic_id', '=', clinicId).where('date', '>=', from).where('date', '<=', to).execute();
}

export async function listSources(db: Db, clinicId: string) {
  const rows = await db.selectFrom('info_sources').selectAll().where('clinic_id', '=', clinicId).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, isActive: r.is_active === 1 }));
}

export async function insertInfoSource(trx: Db, row: InfoSourcesTable) {
  await trx.insertInto('info_sources').values(row).execute();
}

/** Applies the changed fields only; an empty patch touches nothing. */
export async function updateInfoSource(trx: Db, clinicId: string, id: string, patch: Partial<Pick<InfoSourcesTable, 'name' | 'is_active'>>) {
  if (Object.keys(patch).length) await trx.updateTable('info_sources').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

/** What scheduling needs of the clinic: its time zone and stored settings JSON. */
export async function clinicTimeAndSettings(db: Db, clinicId: string) {
  return db.selectFrom('clinics').select(['time_zone', 'settings_json']).where('id', '=', clinicId).executeTakeFirstOrThrow();
}
