import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { ServiceCardEntriesTable } from '../schema.js';

/** Appends one dated, signed service-card entry; entries are never edited, only added. */
export async function insertServiceCardEntry(trx: Db, row: Insertable<ServiceCardEntriesTable>) {
  await trx.insertInto('service_card_entries').values(row).execute();
}

/** A patient's lateness entries (svc3) and alerts (svc10): what the chronic-lateness rule looks at. */
export async function latenessEntries(trx: Db, patientId: string) {
  return trx
    .selectFrom('service_card_entries')
    .select(['minutes', 'section', 'is_alert', 'text'])
    .where('patient_id', '=', patientId)
    .where('section', 'in', ['svc3', 'svc10'])
    .execute();
}

/** A patient's service card, latest event first, capped at 500 entries. */
export async function listServiceCardEntries(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('service_card_entries')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy('event_date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}
