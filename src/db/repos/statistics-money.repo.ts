import type { Db } from '../connect.js';

/** Payments and refunds of [fromIso, toIso) by kind and method (kopecks). */
export async function moneyByMethod(db: Db, clinicId: string, fromIso: string, toIso: string, branchId?: string) {
  let q = db.selectFrom('payments').where('clinic_id', '=', clinicId).where('created_at', '>=', fromIso).where('created_at', '<', toIso);
  if (branchId) q = q.where('branch_id', '=', branchId);
  const rows = await q
    .select(['kind', 'method', (eb) => eb.fn.sum<string | number>('amount').as('sum'), (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy(['kind', 'method'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, method: r.method, sum: Number(r.sum ?? 0), count: Number(r.n) }));
}

/** Billed per doctor: the lines of bills issued in [fromIso, toIso) and not cancelled (kopecks after discounts). */
export async function billedByDoctor(db: Db, clinicId: string, fromIso: string, toIso: string, branchId?: string) {
  let q = db
    .selectFrom('bill_lines as l')
    .innerJoin('bills as b', 'b.id', 'l.bill_id')
    .where('b.clinic_id', '=', clinicId)
    .where('b.status', '=', 'issued')
    .where('b.issued_at', '>=', fromIso)
    .where('b.issued_at', '<', toIso);
  if (branchId) q = q.where('b.branch_id', '=', branchId);
  const rows = await q.select(['l.doctor_id', (eb) => eb.fn.sum<string | number>('l.amount').as('sum')]).groupBy('l.doctor_id').execute();
  return rows.map((r) => ({ doctorId: r.doctor_id, sum: Number(r.sum ?? 0) }));
}

/** The payments and refunds behind the revenue figure, earliest first. */
export async function paymentsBehind(db: Db, clinicId: string, fromIso: string, toIso: string, f: { branchId?: string; method?: string }, limit: number) {
  let q = db
    .selectFrom('payments as m')
    .innerJoin('patients as p', 'p.id', 'm.patient_id')
    .leftJoin('bills as b', 'b.id', 'm.bill_id')
    .where('m.clinic_id', '=', clinicId)
    .where('m.created_at', '>=', fromIso)
    .where('m.created_at', '<', toIso);
  if (f.branchId) q = q.where('m.branch_id', '=', f.branchId);
  if (f.method) q = q.where('m.method', '=', f.method as never);
  const [items, total] = await Promise.all([
    q
      .select(['m.id', 'm.patient_id', 'm.kind', 'm.method', 'm.amount', 'm.number', 'm.created_at', 'b.number as bill_number', 'm.bill_id', 'p.surname', 'p.first_name', 'p.patronymic', 'p.card_number'])
      .orderBy('m.created_at')
      .orderBy('m.id')
      .limit(limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
