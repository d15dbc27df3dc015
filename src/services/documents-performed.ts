import type { Db } from '../db/connect.js';
import { billedLines } from '../db/repos/aftercare.repo.js';
import * as repo from '../db/repos/documents.repo.js';
import { performedOf, warrantyRow, type PerformedService } from '../domain/aftercare.js';

/** A visit's performed services (bill lines with their teeth; once «Завершён», the planned ones too) and a warranty coupon's rows from them (DOC-4). */

export async function performedServices(db: Db, clinicId: string, v: repo.VisitRow): Promise<PerformedService[]> {
  const billed = await billedLines(db, clinicId, v.id);
  const plannedCodes = v.planned_services_json ? (JSON.parse(v.planned_services_json) as string[]) : [];
  const names = await repo.priceNames(db, clinicId, plannedCodes);
  return performedOf(v.status, billed, plannedCodes.map((code) => ({ code, name: names.get(code) ?? code, tooth: null })));
}

/** The coupon's rows: each performed service of a kind of work the regulation gives terms for (tooth, warranty, service life). */
export async function warrantyServices(db: Db, clinicId: string, v: repo.VisitRow) {
  return (await performedServices(db, clinicId, v)).map(warrantyRow).filter((r) => r !== null);
}
