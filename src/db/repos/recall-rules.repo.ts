import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../connect.js';
import type { RecallRulesTable } from '../schema.js';

export async function listRules(db: Db, clinicId: string) {
  return db.selectFrom('recall_rules').selectAll().where('clinic_id', '=', clinicId).orderBy('months').orderBy('name').orderBy('id').execute();
}

export async function getRule(db: Db, clinicId: string, id: string) {
  return db.selectFrom('recall_rules').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

export async function insertRule(trx: Db, row: Insertable<RecallRulesTable>) {
  await trx.insertInto('recall_rules').values(row).execute();
}

export async function updateRule(trx: Db, clinicId: string, id: string, patch: Updateable<RecallRulesTable>) {
  await trx.updateTable('recall_rules').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}
