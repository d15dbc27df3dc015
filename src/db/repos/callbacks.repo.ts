import { sql } from 'kysely';
import type { Db } from '../connect.js';

/**
 * Cancelled visits whose agreed call-back date (CONF-5) falls in [fromDate, toDate] and is not
 * done yet: the patient has booked nothing since the cancellation and no call to the patient
 * was logged after it. Blocked or destroyed cards are never called (152-FZ art. 21). The day's
 * own promises first, then the missed ones, freshest first (the likeliest to still end in a
 * booking); at most 100.
 */
export async function openCallbacks(db: Db, clinicId: string, fromDate: string, toDate: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('patients', 'patients.id', 'a.patient_id')
    .select([
      'a.id', 'a.patient_id', 'a.doctor_id', 'a.local_date', 'a.starts_at', 'a.callback_date', 'a.cancel_reason', 'a.cancel_note',
      'patients.surname', 'patients.first_name', 'patients.patronymic',
    ])
    .where('a.clinic_id', '=', clinicId)
    .where('a.status', '=', 'cancelled')
    .where('a.callback_date', '>=', fromDate)
    .where('a.callback_date', '<=', toDate)
    .where('patients.pd_state', '=', 'active')
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('appointments as n').select(sql`1`.as('x')).whereRef('n.patient_id', '=', 'a.patient_id').whereRef('n.id', '!=', 'a.id').whereRef('n.created_at', '>=', 'a.status_changed_at'),
    )))
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('calls as c').select(sql`1`.as('x')).whereRef('c.patient_id', '=', 'a.patient_id').where('c.direction', '=', 'out')
        // «Не дозвонился» leaves the call-back on the list: the patient is still to be reached.
        .where('c.outcome', '!=', 'not_reached')
        .whereRef('c.started_at', '>', 'a.status_changed_at'),
    )))
    .orderBy('a.callback_date', 'desc')
    .orderBy('a.status_changed_at')
    .limit(100)
    .execute();
}
