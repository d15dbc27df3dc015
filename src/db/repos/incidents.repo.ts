import type { Db } from '../connect.js';
import type { IncidentNotesTable, IncidentsTable } from '../schema.js';

export interface IncidentFilter {
  openOnly: boolean;
  id?: string;
  branchId?: string;
  kind?: string;
  /** Instants bounding the start, from inclusive, to exclusive. */
  fromAt?: string;
  toAt?: string;
}

/** Open ones first (newest first), then the resolved ones newest first; names of who logged and resolved. */
export async function listIncidents(db: Db, clinicId: string, f: IncidentFilter, limit = 500) {
  let q = db
    .selectFrom('incidents as i')
    .innerJoin('branches as b', 'b.id', 'i.branch_id')
    .innerJoin('users as lu', 'lu.id', 'i.logged_by')
    .leftJoin('users as ru', 'ru.id', 'i.resolved_by')
    .selectAll('i')
    .select(['b.name as branch_name', 'lu.full_name as logged_by_name', 'ru.full_name as resolved_by_name'])
    .where('i.clinic_id', '=', clinicId);
  if (f.openOnly) q = q.where('i.resolved_at', 'is', null);
  if (f.id) q = q.where('i.id', '=', f.id);
  if (f.branchId) q = q.where('i.branch_id', '=', f.branchId);
  if (f.kind) q = q.where('i.kind', '=', f.kind);
  if (f.fromAt) q = q.where('i.started_at', '>=', f.fromAt);
  if (f.toAt) q = q.where('i.started_at', '<', f.toAt);
  return q
    .orderBy((eb) => eb.case().when('i.resolved_at', 'is', null).then(0).else(1).end())
    .orderBy('i.started_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
}
export type IncidentRow = Awaited<ReturnType<typeof listIncidents>>[number];

export async function getIncident(db: Db, clinicId: string, id: string) {
  return db.selectFrom('incidents').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/** The notes of these incidents, oldest first, with the author's name. */
export async function notesOf(db: Db, clinicId: string, incidentIds: string[]) {
  if (!incidentIds.length) return [];
  return db
    .selectFrom('incident_notes as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .selectAll('n')
    .select('u.full_name as user_name')
    .where('n.clinic_id', '=', clinicId)
    .where('n.incident_id', 'in', incidentIds)
    .orderBy('n.at')
    .orderBy('n.id')
    .execute();
}

export async function insertIncident(trx: Db, row: IncidentsTable) {
  await trx.insertInto('incidents').values(row).execute();
}

export async function insertNote(trx: Db, row: IncidentNotesTable) {
  await trx.insertInto('incident_notes').values(row).execute();
}

/** Resolves an open incident; 0 when another desk resolved it a moment earlier. */
export async function resolveIncident(trx: Db, clinicId: string, id: string, r: { at: string; by: string; resolution: string }): Promise<number> {
  const res = await trx
    .updateTable('incidents')
    .set({ resolved_at: r.at, resolved_by: r.by, resolution: r.resolution })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
