import type { Db } from '../connect.js';
import type { Insertable, Updateable } from 'kysely';
import type { PatientSearchTerms } from '../../domain/patient-search.js';
import type { PatientPhonesTable, PatientsTable } from '../schema.js';

/** Upper bound for a prefix range scan: every key starting with `p` is >= p and < p + U+FFFF. */
const PREFIX_END = '\uffff';

export interface PatientQuery extends PatientSearchTerms {
  limit: number;
  offset: number;
}

/**
 * Search by name-key prefix (surname first or name first), phone-digits prefix, the last 7
 * digits of a phone, card number or birth date (any that is given). Each is
 * its own index range scan, limited to the page it could contribute; the results are merged,
 * deduplicated and ordered by name. (One query with OR-ed conditions made the planner walk the
 * whole name index checking each row.)
 */
export async function searchPatients(db: Db, clinicId: string, q: PatientQuery) {
  const want = q.offset + q.limit + 1;
  const cols = ['patients.id', 'card_number', 'surname', 'first_name', 'patronymic', 'birth_date', 'name_key', 'pd_state'] as const;
  const base = () => db.selectFrom('patients').select(cols).where('patients.clinic_id', '=', clinicId);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
  let rows: Row[];
  const { limit: _l, offset: _o, ...terms } = q;
  if (!Object.values(terms).some((v) => v !== undefined)) {
    rows = await base().orderBy('card_number', 'desc').limit(q.limit + 1).offset(q.offset).execute();
  } else {
    const branches: Promise<Row[]>[] = [];
    if (q.nameKey) {
      branches.push(base().where('name_key', '>=', q.nameKey).where('name_key', '<', q.nameKey + PREFIX_END).orderBy('name_key').orderBy('card_number').limit(want).execute());
    }
    if (q.givenKey) {
      branches.push(base().where('given_key', '>=', q.givenKey).where('given_key', '<', q.givenKey + PREFIX_END).orderBy('given_key').orderBy('card_number').limit(want).execute());
    }
    if (q.cardNumber !== undefined) branches.push(base().where('card_number', '=', q.cardNumber).execute());
    if (q.birthDate) branches.push(base().where('birth_date', '=', q.birthDate).orderBy('name_key').limit(want).execute());
    if (q.phoneTail) {
      branches.push(
        base()
          .innerJoin('patient_phones', 'patient_phones.patient_id', 'patients.id')
          .where('patient_phones.clinic_id', '=', clinicId)
          .where('patient_phones.tail7', '=', q.phoneTail)
          .orderBy('name_key')
          .limit(want * 2)
          .execute(),
      );
    }
    if (q.phonePrefix) {
      branches.push(
        base()
          .innerJoin('patient_phones', 'patient_phones.patient_id', 'patients.id')
          .where('patient_phones.clinic_id', '=', clinicId)
          .where('patient_phones.digits', '>=', q.phonePrefix)
          .where('patient_phones.digits', '<', q.phonePrefix + PREFIX_END)
          .orderBy('name_key')
          .orderBy('card_number')
          .limit(want * 2)
          .execute(),
      );
    }
    const seen = new Map<string, Row>();
    for (const list of await Promise.all(branches)) for (const r of list) seen.set(r.id, r);
    rows = [...seen.values()]
      .sort((a, b) => (a.name_key < b.name_key ? -1 : a.name_key > b.name_key ? 1 : a.card_number - b.card_number))
      .slice(q.offset, q.offset + q.limit + 1);
  }
  const page = rows.slice(0, q.limit);
  const phones = await primaryPhones(db, page.map((r) => r.id));
  return {
    items: page.map((r) => ({
      id: r.id,
      cardNumber: r.card_number,
      surname: r.surname,
      firstName: r.first_name,
      patronymic: r.patronymic,
      birthDate: r.birth_date,
      phone: phones.get(r.id) ?? null,
      pdState: r.pd_state,
    })),
    hasMore: rows.length > q.limit,
  };
}

async function primaryPhones(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('patient_phones')
    .select(['patient_id', 'number', 'position'])
    .where('patient_id', 'in', ids)
    .orderBy('position')
    .execute();
  const m = new Map<string, string>();
  for (const r of rows) if (!m.has(r.patient_id)) m.set(r.patient_id, r.number);
  return m;
}

export async function getPatientRow(db: Db, clinicId: string, id: string) {
  const p = await db
    .selectFrom('patients')
    .leftJoin('info_sources', 'info_sources.id', 'patients.source_id')
    .selectAll('patients')
    .select('info_sources.name as source_name')
    .where('patients.clinic_id', '=', clinicId)
    .where('patients.id', '=', id)
    .executeTakeFirst();
  if (!p) return undefined;
  const phones = await db.selectFrom('patient_phones').selectAll().where('patient_id', '=', id).orderBy('position').execute();
  return { p, phones };
}

/** Just the name parts, for texts that mention the patient (notifications, history). */
export async function patientNameParts(db: Db, id: string) {
  return db.selectFrom('patients').select(['surname', 'first_name', 'patronymic', 'sex']).where('id', '=', id).executeTakeFirstOrThrow();
}

export async function insertPatient(trx: Db, row: Insertable<PatientsTable>) {
  await trx.insertInto('patients').values(row).execute();
}

export async function updatePatient(trx: Db, clinicId: string, id: string, patch: Updateable<PatientsTable>) {
  await trx.updateTable('patients').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

export async function replacePhones(trx: Db, patientId: string, rows: PatientPhonesTable[]) {
  await trx.deleteFrom('patient_phones').where('patient_id', '=', patientId).execute();
  if (rows.length) await trx.insertInto('patient_phones').values(rows).execute();
}

/** The personal-data state (152-FZ art. 21), read inside a write transaction before using the card. */
export async function patientPdState(db: Db, clinicId: string, id: string): Promise<string | undefined> {
  const r = await db.selectFrom('patients').select('pd_state').where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
  return r?.pd_state;
}
