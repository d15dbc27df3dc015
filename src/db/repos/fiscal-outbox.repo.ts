import { sql } from 'kysely';
import type { Db, DbHandle } from '../connect.js';
import { withTx } from '../connect.js';
import type { FiscalStatus } from '../schema.js';

export type OutboxRow = {
  id: string;
  clinic_id: string;
  payment_id: string;
  operation: 'sell' | 'sell_return';
  payload_json: string;
  status: FiscalStatus;
  attempts: number;
  last_error: string | null;
  fiscal_sign: string | null;
  created_at: string;
  updated_at: string;
};

/**
 * Claims the oldest row the register should get: pending, or 'sent' by a server that stopped
 * answering for longer than the lease (its task is resent under the same uuid, which the register
 * refuses as a duplicate and answers with the first result). The conditional update is the claim:
 * of two app servers racing for one row exactly one changes it (SQLite: BEGIN IMMEDIATE; PostgreSQL:
 * the second update waits on the row lock and then finds the status changed).
 */
export async function claimNext(h: Pick<DbHandle, 'db' | 'dialect'>, nowIso: string, leaseCutoffIso: string): Promise<OutboxRow | null> {
  for (let round = 0; round < 5; round++) {
    const got = await withTx(h, async (trx) => {
      let q = trx
        .selectFrom('fiscal_outbox')
        .selectAll()
        .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'sent'), eb('updated_at', '<', leaseCutoffIso)])]))
        .orderBy('created_at')
        .orderBy('id')
        .limit(1);
      if (h.dialect === 'postgres') q = q.forUpdate().skipLocked();
      const cand = await q.executeTakeFirst();
      if (!cand) return null;
      const r = await trx
        .updateTable('fiscal_outbox')
        .set({ status: 'sent', attempts: sql<number>`attempts + 1`, updated_at: nowIso })
        .where('id', '=', cand.id)
        .where('status', '=', cand.status)
        .where('attempts', '=', cand.attempts)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return 'lost' as const;
      return { ...cand, status: 'sent', attempts: Number(cand.attempts) + 1, updated_at: nowIso } as OutboxRow;
    });
    if (got !== 'lost') return got;
  }
  return null;
}

/** Records what the register said about a claimed row (only while it is still ours: status 'sent'). */
export async function settle(trx: Db, id: string, patch: { status: FiscalStatus; last_error: string | null; fiscal_sign?: string | null; updated_at: string }) {
  const r = await trx.updateTable('fiscal_outbox').set(patch).where('id', '=', id).where('status', '=', 'sent').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface OutboxFilter {
  status?: FiscalStatus;
  id?: string;
  limit: number;
  offset: number;
}

/** The clinic's outbox, newest first, with the payment's receipt number, sum, method and patient. */
export async function listOutbox(db: Db, clinicId: string, f: OutboxFilter) {
  let q = db
    .selectFrom('fiscal_outbox as o')
    .innerJoin('payments as p', 'p.id', 'o.payment_id')
    .innerJoin('patients as pt', 'pt.id', 'p.patient_id')
    .select([
      'o.id', 'o.operation', 'o.status', 'o.attempts', 'o.last_error', 'o.fiscal_sign', 'o.created_at', 'o.updated_at',
      'p.id as payment_id', 'p.number as payment_number', 'p.amount', 'p.method', 'p.kind', 'p.created_at as paid_at',
      'pt.id as patient_id', 'pt.surname', 'pt.first_name', 'pt.patronymic',
    ])
    .where('o.clinic_id', '=', clinicId);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.id) q = q.where('o.id', '=', f.id);
  return q.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(f.limit).offset(f.offset).execute();
}

export async function countByStatus(db: Db, clinicId: string) {
  return db
    .selectFrom('fiscal_outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('clinic_id', '=', clinicId)
    .groupBy('status')
    .execute();
}

export async function getOutbox(db: Db, clinicId: string, id: string) {
  return db.selectFrom('fiscal_outbox').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/** A guarded status change by a person (retry, punched by hand): only from the statuses given. */
export async function setStatus(trx: Db, clinicId: string, id: string, from: FiscalStatus[], patch: { status: FiscalStatus; last_error?: string | null; fiscal_sign?: string | null; updated_at: string }) {
  const r = await trx.updateTable('fiscal_outbox').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
