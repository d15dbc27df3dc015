import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { SvcRegulationsTable, VisitLeavingsTable } from '../schema.js';

/** The newest edited version (1, the built-in text, when the clinic has none). */
export async function latestVersion(db: Db, clinicId: string): Promise<number> {
  const r = await db.selectFrom('svc_regulations').select((eb) => eb.fn.max('version').as('v')).where('clinic_id', '=', clinicId).executeTakeFirst();
  return r?.v == null ? 1 : Number(r.v);
}

export async function getVersion(db: Db, clinicId: string, version: number) {
  return db
    .selectFrom('svc_regulations as r')
    .innerJoin('users as u', 'u.id', 'r.created_by')
    .selectAll('r')
    .select('u.full_name as created_by_name')
    .where('r.clinic_id', '=', clinicId)
    .where('r.version', '=', version)
    .executeTakeFirst();
}

export async function listVersions(db: Db, clinicId: string) {
  return db
    .selectFrom('svc_regulations as r')
    .innerJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.version', 'r.note', 'r.created_at', 'r.created_by', 'u.full_name as created_by_name'])
    .where('r.clinic_id', '=', clinicId)
    .orderBy('r.version', 'desc')
    .execute();
}

export async function insertVersion(trx: Db, row: Insertable<SvcRegulationsTable>) {
  await trx.insertInto('svc_regulations').values(row).execute();
}

export async function readsOf(db: Db, clinicId: string, userIds?: string[]) {
  let q = db.selectFrom('svc_regulation_reads').selectAll().where('clinic_id', '=', clinicId);
  if (userIds) {
    if (!userIds.length) return [];
    q = q.where('user_id', 'in', userIds);
  }
  return q.execute();
}

/** Records the confirmation once; a repeated click keeps the first date. */
export async function insertRead(trx: Db, row: { clinic_id: string; user_id: string; version: number; confirmed_at: string }): Promise<boolean> {
  const r = await trx.insertInto('svc_regulation_reads').values(row).onConflict((oc) => oc.columns(['user_id', 'version']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function getLeaving(db: Db, clinicId: string, appointmentId: string) {
  return db.selectFrom('visit_leavings').selectAll().where('clinic_id', '=', clinicId).where('appointment_id', '=', appointmentId).executeTakeFirst();
}

/** One row per visit: a second save replaces the first (the desk corrects a slip). */
export async function upsertLeaving(trx: Db, row: Insertable<VisitLeavingsTable>) {
  const { appointment_id: _k, ...rest } = row;
  await trx.insertInto('visit_leavings').values(row).onConflict((oc) => oc.column('appointment_id').doUpdateSet(rest)).execute();
}

/** DESK-3 figures of visits finished within [fromIso, toIso): for statistics. */
export async function leavingRows(db: Db, clinicId: string, fromIso: string, toIso: string) {
  return db
    .selectFrom('visit_leavings')
    .select(['next_visit', 'review_asked', 'review_site', 'flyers', 'gift'])
    .where('clinic_id', '=', clinicId)
    .where('recorded_at', '>=', fromIso)
    .where('recorded_at', '<', toIso)
    .execute();
}

export async function getReviewSites(db: Db, clinicId: string): Promise<string[] | null> {
  const r = await db.selectFrom('review_sites').select('sites_json').where('clinic_id', '=', clinicId).executeTakeFirst();
  return r ? (JSON.parse(r.sites_json) as string[]) : null;
}

export async function setReviewSites(trx: Db, clinicId: string, sites: string[]) {
  const sites_json = JSON.stringify(sites);
  await trx.insertInto('review_sites').values({ clinic_id: clinicId, sites_json }).onConflict((oc) => oc.column('clinic_id').doUpdateSet({ sites_json })).execute();
}
