import { sql } from 'kysely';
import type { Db } from '../connect.js';
import type { JournalStatus } from '../../domain/insurance.js';

export interface JournalFilter {
  from: string;
  to: string;
  insurerId?: string;
  status?: JournalStatus;
  /** Lower-case words of the patient's name, or a card or policy number. */
  words: string[];
  limit: number;
  offset: number;
}

function base(db: Db, clinicId: string, f: JournalFilter) {
  let q = db
    .selectFrom('bill_insurance as bi')
    .innerJoin('bills as b', 'b.id', 'bi.bill_id')
    .innerJoin('patients as p', 'p.id', 'b.patient_id')
    .innerJoin('insurers as i', 'i.id', 'bi.insurer_id')
    .innerJoin('insurance_policies as pol', 'pol.id', 'bi.policy_id')
    .innerJoin('guarantee_letters as l', 'l.id', 'bi.letter_id')
    .leftJoin('insurance_registers as r', 'r.id', 'bi.register_id')
    .where('bi.clinic_id', '=', clinicId)
    .where('bi.service_date', '>=', f.from)
    .where('bi.service_date', '<=', f.to)
    .where('b.status', '<>', 'cancelled');
  if (f.insurerId) q = q.where('bi.insurer_id', '=', f.insurerId);
  if (f.status === 'billed') q = q.where('bi.register_id', 'is', null);
  if (f.status === 'in_register') q = q.where('r.status', '=', 'sent');
  if (f.status === 'paid') q = q.where('r.status', '=', 'paid').where('bi.rejected_reason', 'is', null);
  if (f.status === 'rejected') q = q.where('bi.rejected_reason', 'is not', null);
  for (const w of f.words) {
    const like = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('p.name_key', 'like', like), eb('pol.number', 'like', like), eb(sql`cast(p.card_number as text)`, '=', w)]));
  }
  return q;
}

/** One page of the insurance patients' journal, by visit date, with the count and sum over the whole filter. */
export async function journal(db: Db, clinicId: string, f: JournalFilter) {
  const rows = await base(db, clinicId, f)
    .select([
      'bi.bill_id', 'b.number as bill_number', 'bi.service_date', 'bi.amount', 'b.patient_id', 'p.surname', 'p.first_name', 'p.patronymic', 'p.card_number',
      'bi.insurer_id', 'i.name as insurer_name', 'pol.number as policy_number', 'l.number as letter_number', 'r.status as register_status', 'r.number as register_number',
      'bi.rejected_reason',
    ])
    .orderBy('bi.service_date', 'desc')
    .orderBy('b.number', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const agg = await base(db, clinicId, f).select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('bi.amount').as('s')]).executeTakeFirstOrThrow();
  const lines = await linesOf(db, rows.map((r) => r.bill_id));
  return { rows: rows.map((r) => ({ ...r, amount: Number(r.amount), lines: lines.get(r.bill_id) ?? [] })), total: Number(agg.n), sum: Number(agg.s ?? 0) };
}

/** The lines of some bills with the doctor's short name, by bill and position. */
export async function linesOf(db: Db, billIds: string[]) {
  const out = new Map<string, { code: string; name: string; quantity: number; unit_price: number; amount: number; doctor: string | null }[]>();
  for (let i = 0; i < billIds.length; i += 500) {
    const chunk = billIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('bill_lines as l')
      .leftJoin('doctors as d', 'd.id', 'l.doctor_id')
      .select(['l.bill_id', 'l.code', 'l.name', 'l.quantity', 'l.unit_price', 'l.amount', 'd.surname', 'd.first_name', 'd.patronymic'])
      .where('l.bill_id', 'in', chunk)
      .orderBy('l.bill_id')
      .orderBy('l.position')
      .execute();
    for (const r of rows) {
      const list = out.get(r.bill_id) ?? [];
      list.push({
        code: r.code, name: r.name, quantity: r.quantity, unit_price: Number(r.unit_price), amount: Number(r.amount),
        doctor: r.surname && r.first_name ? `${r.surname} ${r.first_name[0]}.${r.patronymic ? ` ${r.patronymic[0]}.` : ''}` : null,
      });
      out.set(r.bill_id, list);
    }
  }
  return out;
}

/** Bills of an insurer whose visit falls in the range and that no register carries yet (what a new register takes). */
export async function unregisteredBills(db: Db, clinicId: string, insurerId: string, from: string, to: string) {
  return db
    .selectFrom('bill_insurance as bi')
    .innerJoin('bills as b', 'b.id', 'bi.bill_id')
    .innerJoin('patients as p', 'p.id', 'b.patient_id')
    .innerJoin('insurance_policies as pol', 'pol.id', 'bi.policy_id')
    .innerJoin('guarantee_letters as l', 'l.id', 'bi.letter_id')
    .select(['bi.bill_id', 'b.number as bill_number', 'bi.service_date', 'bi.amount', 'p.surname', 'p.first_name', 'p.patronymic', 'p.card_number', 'pol.number as policy_number', 'l.number as letter_number'])
    .where('bi.clinic_id', '=', clinicId)
    .where('bi.insurer_id', '=', insurerId)
    .where('bi.service_date', '>=', from)
    .where('bi.service_date', '<=', to)
    .where('bi.register_id', 'is', null)
    .where('b.status', '=', 'issued')
    .execute();
}
