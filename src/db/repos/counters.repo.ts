import type { Db } from '../connect.js';

/** Next human number of a per-clinic sequence (card number, receipt number), gap-free under concurrency. */
export async function nextNumber(trx: Db, clinicId: string, name: string): Promise<number> {
  const row = await trx
    .insertInto('counters')
    .values({ clinic_id: clinicId, name, value: 1 })
    .onConflict((oc) => oc.columns(['clinic_id', 'name']).doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

/** Moves a sequence forward to at least `value` (used when importing existing cards). */
export async function raiseCounter(trx: Db, clinicId: string, name: string, value: number): Promise<void> {
  await trx
    .insertInto('counters')
    .values({ clinic_id: clinicId, name, value })
    .onConflict((oc) =>
      oc.columns(['clinic_id', 'name']).doUpdateSet((eb) => ({
        value: eb.case().when('counters.value', '<', value).then(value).else(eb.ref('counters.value')).end(),
      })),
    )
    .execute();
}
