import { sql } from 'kysely';
import type { Db, Dialect } from '../connect.js';
import type { PaymentKind, PaymentMethod } from '../schema.js';

const n = (v: unknown) => Number(v ?? 0);

/** 'YYYY-MM-DDTHH' of the UTC hour of an instant column, the same text on both engines. */
function utcHour(dialect: Dialect, col: string) {
  return dialect === 'postgres'
    ? sql<string>`to_char(${sql.ref(col)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24')`
    : sql<string>`substr(${sql.ref(col)}, 1, 13)`;
}

/** Payments and refunds of the period grouped by UTC hour, method and kind (one index range scan). */
export async function paymentHourSums(db: Db, dialect: Dialect, clinicId: string, fromAt: string, toAt: string, branchId?: string) {
  const hour = utcHour(dialect, 'created_at');
  let q = db
    .selectFrom('payments')
    .select([hour.as('hour'), 'method', 'kind', (eb) => eb.fn.sum<number>('amount').as('amount'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('clinic_id', '=', clinicId)
    .where('created_at', '>=', fromAt)
    .where('created_at', '<', toAt);
  if (branchId) q = q.where('branch_id', '=', branchId);
  const rows = await q.groupBy([hour, 'method', 'kind']).execute();
  return rows.map((r) => ({ hour: r.hour, method: r.method as PaymentMethod, kind: r.kind as PaymentKind, amount: n(r.amount), count: n(r.count) }));
}

/** Lines of the bills issued in the period (not cancelled), with each bill's total and what has been paid on it so far. */
export async function billedLines(db: Db, clinicId: string, fromAt: string, toAt: string, branchId?: string) {
  let bills = db
    .selectFrom('bills')
    .select(['id', 'total'])
    .where('clinic_id', '=', clinicId)
    .where('status', '=', 'issued')
    .where('issued_at', '>=', fromAt)
    .where('issued_at', '<', toAt);
  if (branchId) bills = bills.where('branch_id', '=', branchId);
  const rows = await db
    .with('b', () => bills)
    .with('paid', (w) =>
      w
        .selectFrom('payments as p')
        .innerJoin('b', 'b.id', 'p.bill_id')
        .select(['p.bill_id', sql<number>`sum(case when p.kind = 'payment' then p.amount else -p.amount end)`.as('paid')])
        .groupBy('p.bill_id'),
    )
    .selectFrom('bill_lines as l')
    .innerJoin('b', 'b.id', 'l.bill_id')
    .leftJoin('paid', 'paid.bill_id', 'l.bill_id')
    .select(['l.bill_id', 'b.total', 'paid.paid', 'l.doctor_id', 'l.code', 'l.name', 'l.quantity', 'l.amount'])
    .orderBy('l.bill_id')
    .orderBy('l.position')
    .execute();
  return rows.map((r) => ({
    billId: r.bill_id, billTotal: n(r.total), billPaid: n(r.paid), doctorId: r.doctor_id, code: r.code, name: r.name, quantity: n(r.quantity), amount: n(r.amount),
  }));
}

export async function doctorNames(db: Db, clinicId: string) {
  return db.selectFrom('doctors').select(['id', 'surname', 'first_name', 'patronymic']).where('clinic_id', '=', clinicId).execute();
}

/**
 * Patients who owe: money in (cash, card, transfer) less refunds less their issued bills below zero;
 * with the oldest bill still not paid in full, the last finished visit and the first phone.
 */
export async function debtors(db: Db, clinicId: string, limit: number) {
  const rows = await db
    .with('owed', (w) =>
      w
        .selectFrom('bills')
        .select(['patient_id', (eb) => eb.fn.sum<number>('total').as('billed')])
        .where('clinic_id', '=', clinicId)
        .where('status', '=', 'issued')
        .where('payer', '=', 'patient')
        .groupBy('patient_id'),
    )
    .with('money', (w) =>
      w
        .selectFrom('payments')
        .select(['patient_id', sql<number>`sum(case when kind = 'payment' then amount else -amount end)`.as('net')])
        .where('clinic_id', '=', clinicId)
        .where('method', 'in', ['cash', 'card', 'transfer'])
        .groupBy('patient_id'),
    )
    .selectFrom('owed')
    .leftJoin('money', 'money.patient_id', 'owed.patient_id')
    .innerJoin('patients as pt', 'pt.id', 'owed.patient_id')
    .select(['pt.id', 'pt.card_number', 'pt.surname', 'pt.first_name', 'pt.patronymic', 'owed.billed', 'money.net'])
    .where(sql<boolean>`owed.billed - coalesce(money.net, 0) > 0`)
    .orderBy(sql`owed.billed - coalesce(money.net, 0)`, 'desc')
    .orderBy('pt.id')
    .limit(limit)
    .execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [unpaid, visits, phones] = await Promise.all([
    db
      .selectFrom('bills as b')
      .leftJoin(
        (eb) => eb.selectFrom('payments').select(['bill_id', sql<number>`sum(case when kind = 'payment' then amount else -amount end)`.as('paid')]).where('clinic_id', '=', clinicId).where('bill_id', 'is not', null).groupBy('bill_id').as('p'),
        (j) => j.onRef('p.bill_id', '=', 'b.id'),
      )
      .select(['b.patient_id', 'b.id', 'b.number', 'b.issued_at', 'b.total', 'p.paid'])
      .where('b.clinic_id', '=', clinicId)
      .where('b.status', '=', 'issued')
      .where('b.payer', '=', 'patient')
      .where('b.patient_id', 'in', ids)
      .where(sql<boolean>`b.total > coalesce(p.paid, 0)`)
      .orderBy('b.issued_at')
      .execute(),
    db
      .selectFrom('appointments')
      .select(['patient_id', (eb) => eb.fn.max('local_date').as('last')])
      .where('clinic_id', '=', clinicId)
      .where('patient_id', 'in', ids)
      .where('status', '=', 'done')
      .groupBy('patient_id')
      .execute(),
    db.selectFrom('patient_phones').select(['patient_id', 'number', 'position']).where('clinic_id', '=', clinicId).where('patient_id', 'in', ids).orderBy('position').execute(),
  ]);
  const oldest = new Map<string, (typeof unpaid)[number]>();
  const unpaidCount = new Map<string, number>();
  for (const b of unpaid) {
    if (!oldest.has(b.patient_id)) oldest.set(b.patient_id, b);
    unpaidCount.set(b.patient_id, (unpaidCount.get(b.patient_id) ?? 0) + 1);
  }
  const last = new Map(visits.map((v) => [v.patient_id, v.last as string | null]));
  const phone = new Map<string, string>();
  for (const p of phones) if (!phone.has(p.patient_id)) phone.set(p.patient_id, p.number);
  return rows.map((r) => {
    const o = oldest.get(r.id);
    return {
      patientId: r.id, cardNumber: n(r.card_number), surname: r.surname, firstName: r.first_name, patronymic: r.patronymic,
      debt: n(r.billed) - n(r.net), unpaidBills: unpaidCount.get(r.id) ?? 0,
      oldestBill: o ? { id: o.id, number: n(o.number), issuedAt: o.issued_at!, owed: n(o.total) - n(o.paid) } : null,
      lastVisit: last.get(r.id) ?? null, phone: phone.get(r.id) ?? null,
    };
  });
}

/** Shifts opened in the period, with who opened and closed them and the branch. */
export async function shiftsIn(db: Db, clinicId: string, fromAt: string, toAt: string, branchId?: string) {
  let q = db
    .selectFrom('cash_shifts as s')
    .innerJoin('branches as br', 'br.id', 's.branch_id')
    .innerJoin('users as ou', 'ou.id', 's.opened_by')
    .leftJoin('users as cu', 'cu.id', 's.closed_by')
    .selectAll('s')
    .select(['br.name as branch_name', 'ou.full_name as opened_by_name', 'cu.full_name as closed_by_name'])
    .where('s.clinic_id', '=', clinicId)
    .where('s.opened_at', '>=', fromAt)
    .where('s.opened_at', '<', toAt);
  if (branchId) q = q.where('s.branch_id', '=', branchId);
  return q.orderBy('s.opened_at', 'desc').orderBy('s.id').limit(1000).execute();
}

/** Every payment and refund taken in these shifts (the shift report's input), grouped already. */
export async function shiftMoves(db: Db, clinicId: string, shiftIds: string[]) {
  if (!shiftIds.length) return [];
  const rows = await db
    .selectFrom('payments as p')
    .innerJoin('users as u', 'u.id', 'p.created_by')
    .select(['p.shift_id', 'p.kind', 'p.method', 'p.created_by', 'u.full_name', (eb) => eb.fn.sum<number>('p.amount').as('amount'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('p.clinic_id', '=', clinicId)
    .where('p.shift_id', 'in', shiftIds)
    .groupBy(['p.shift_id', 'p.kind', 'p.method', 'p.created_by', 'u.full_name'])
    .execute();
  return rows.map((r) => ({ shiftId: r.shift_id!, kind: r.kind as PaymentKind, method: r.method as PaymentMethod, createdBy: r.created_by, name: r.full_name, amount: n(r.amount), count: n(r.count) }));
}

export interface PaymentListFilter {
  fromAt: string;
  toAt: string;
  method?: PaymentMethod;
  kind?: PaymentKind;
  shiftId?: string;
  branchId?: string;
  limit: number;
  offset: number;
}

/** The list behind a figure: payments and refunds of the period, newest first. */
export async function paymentList(db: Db, clinicId: string, f: PaymentListFilter) {
  let q = db
    .selectFrom('payments as p')
    .innerJoin('patients as pt', 'pt.id', 'p.patient_id')
    .innerJoin('users as u', 'u.id', 'p.created_by')
    .leftJoin('bills as b', 'b.id', 'p.bill_id')
    .where('p.clinic_id', '=', clinicId);
  if (f.shiftId) q = q.where('p.shift_id', '=', f.shiftId);
  else q = q.where('p.created_at', '>=', f.fromAt).where('p.created_at', '<', f.toAt);
  if (f.method) q = q.where('p.method', '=', f.method);
  if (f.kind) q = q.where('p.kind', '=', f.kind);
  if (f.branchId) q = q.where('p.branch_id', '=', f.branchId);
  const [rows, count] = await Promise.all([
    q
      .select(['p.id', 'p.number', 'p.kind', 'p.method', 'p.amount', 'p.created_at', 'p.reason', 'p.patient_id', 'pt.surname', 'pt.first_name', 'pt.patronymic', 'b.number as bill_number', 'u.full_name as by_name'])
      .orderBy('p.created_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: n(count?.n) };
}

/** The bill lines behind a doctor's or a service's figure (bills issued in the period). */
export async function billedLineList(db: Db, clinicId: string, f: { fromAt: string; toAt: string; branchId?: string; doctorId?: string; code?: string; limit: number; offset: number }) {
  let q = db
    .selectFrom('bill_lines as l')
    .innerJoin('bills as b', 'b.id', 'l.bill_id')
    .innerJoin('patients as pt', 'pt.id', 'b.patient_id')
    .leftJoin('doctors as d', 'd.id', 'l.doctor_id')
    .where('b.clinic_id', '=', clinicId)
    .where('b.status', '=', 'issued')
    .where('b.issued_at', '>=', f.fromAt)
    .where('b.issued_at', '<', f.toAt);
  if (f.branchId) q = q.where('b.branch_id', '=', f.branchId);
  if (f.doctorId === 'none') q = q.where('l.doctor_id', 'is', null);
  else if (f.doctorId) q = q.where('l.doctor_id', '=', f.doctorId);
  if (f.code !== undefined) q = q.where('l.code', '=', f.code);
  const [rows, count] = await Promise.all([
    q
      .select(['l.bill_id', 'b.number', 'b.issued_at', 'b.patient_id', 'pt.surname', 'pt.first_name', 'pt.patronymic', 'l.code', 'l.name', 'l.quantity', 'l.amount',
        'd.surname as d_surname', 'd.first_name as d_first_name', 'd.patronymic as d_patronymic'])
      .orderBy('b.issued_at', 'desc')
      .orderBy('l.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: n(count?.n) };
}

export async function shiftOf(db: Db, clinicId: string, id: string) {
  return db.selectFrom('cash_shifts').select('id').where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}
