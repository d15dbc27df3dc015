import { sql, type Insertable } from 'kysely';
import type { DbHandle } from '../src/db/connect.js';
import { newId } from '../src/db/ids.js';
import type { BillsTable } from '../src/db/schema.js';
import { monthRange } from '../src/domain/insurance.js';
import { registerDraft } from '../src/services/insurance-registers.service.js';
import type { BenchConfig } from './config.js';
import { measure } from './http-rows.js';
import { ratioRow, type Row } from './report.js';
import { ADMIN_LOGIN, ADMIN_PASSWORD, type Dataset } from './seed.js';
import type { Server } from './server.js';

/**
 * The monthly insurer register (PAT-4) over the clinic-year: every eighth finished visit's bill of
 * the year handed to one of three insurers (made here, two lines, when the money bench has not billed it), then the register draft of each insurer
 * and month — in process through the service, over HTTP (GET /api/insurance-registers/draft), and
 * as its raw reference: the one SQL statement that reads the month's lines of that insurer.
 * The service's total is checked against the reference's sum for every register.
 */
async function seedInsurance(h: DbHandle, ds: Dataset): Promise<{ insurers: string[]; bills: number }> {
  const admin = (await h.db.selectFrom('users').select('id').where('clinic_id', '=', ds.clinicId).where('login', '=', ADMIN_LOGIN).executeTakeFirstOrThrow()).id;
  const now = new Date().toISOString();
  const insurers = [0, 1, 2].map((i) => ({
    id: newId(), clinic_id: ds.clinicId, name: `Бенч-страховая ${i + 1}`, legal_name: `АО «Бенч ${i + 1}»`, inn: `770100000${i}`, kpp: null, phone: null, email: null,
    contact_person: null, address: null, contract_number: `Б-${i}`, contract_date: '2025-01-01', contract_valid_to: null, note: null, is_active: 1 as const, created_at: now, updated_at: now,
  }));
  await h.db.insertInto('insurers').values(insurers).execute();
  // After the money bench every finished visit has a bill: every eighth of them goes to an insurer; without it, the bills are made here.
  const visits = await h.db
    .selectFrom('appointments as a')
    // The live-bill index is partial (status <> 'cancelled'): the join repeats its predicate so SQLite can use it.
    .leftJoin('bills as b', (j) => j.onRef('b.appointment_id', '=', 'a.id').on('b.status', '<>', 'cancelled'))
    .select(['a.id', 'a.patient_id', 'a.branch_id', 'a.doctor_id', 'a.local_date', 'a.ends_at', 'b.id as bill_id', 'b.total as bill_total'])
    .where('a.clinic_id', '=', ds.clinicId)
    .where('a.status', '=', 'done')
    .orderBy('a.id')
    .execute();
  const picked = visits.filter((_, i) => i % 8 === 0);
  const policyOf = new Map<string, { policy: string; letter: string; insurer: string }>();
  let billNo = Number((await h.db.selectFrom('bills').select((eb) => eb.fn.max('number').as('n')).where('clinic_id', '=', ds.clinicId).executeTakeFirst())?.n ?? 0);
  const BATCH = 300;
  for (let i = 0; i < picked.length; i += BATCH) {
    await h.db.transaction().execute(async (trx) => {
      const bills: Insertable<BillsTable>[] = [];
      const lines = [];
      const links = [];
      for (const v of picked.slice(i, i + BATCH)) {
        let pol = policyOf.get(v.patient_id);
        if (!pol) {
          const ins = insurers[policyOf.size % 3].id;
          pol = { policy: newId(), letter: newId(), insurer: ins };
          await trx.insertInto('insurance_policies').values({ id: pol.policy, clinic_id: ds.clinicId, patient_id: v.patient_id, insurer_id: ins, programme_id: null, number: `П-${policyOf.size}`, valid_from: '2025-01-01', valid_to: '2027-12-31', note: null, created_at: now, updated_at: now }).execute();
          await trx.insertInto('guarantee_letters').values({ id: pol.letter, clinic_id: ds.clinicId, insurer_id: ins, policy_id: pol.policy, number: `ГП-${policyOf.size}`, issued_on: '2025-01-01', valid_to: '2027-12-31', limit_amount: 1_000_000_000, covers: 'всё', created_by: admin, created_at: now }).execute();
          policyOf.set(v.patient_id, pol);
        }
        if (v.bill_id) {
          links.push({ bill_id: v.bill_id, clinic_id: ds.clinicId, insurer_id: pol.insurer, policy_id: pol.policy, letter_id: pol.letter, service_date: v.local_date, amount: Number(v.bill_total), register_id: null, created_by: admin, created_at: v.ends_at });
          continue;
        }
        const id = newId();
        const a = 150_000 + (billNo % 7) * 12_345;
        const b = 80_000;
        bills.push({ id, clinic_id: ds.clinicId, branch_id: v.branch_id, patient_id: v.patient_id, appointment_id: v.id, number: ++billNo, status: 'issued' as const, payer: 'insurer' as const, total: a + b, discount_total: 0, note: null, created_by: admin, created_at: v.ends_at, issued_by: admin, issued_at: v.ends_at, cancelled_by: null, cancelled_at: null, cancel_reason: null, updated_at: v.ends_at });
        for (const [position, code, amount] of [[1, 'Т-02', a], [2, 'Г-01', b]] as const) {
          lines.push({ id: newId(), clinic_id: ds.clinicId, bill_id: id, position, price_item_id: null, price_version_id: null, code, name: code === 'Т-02' ? 'Лечение кариеса' : 'Гигиена', unit_price: amount, quantity: 1, discount: 0, discount_reason: null, amount, doctor_id: v.doctor_id, assistant_id: null, tooth: null });
        }
        links.push({ bill_id: id, clinic_id: ds.clinicId, insurer_id: pol.insurer, policy_id: pol.policy, letter_id: pol.letter, service_date: v.local_date, amount: a + b, register_id: null, created_by: admin, created_at: v.ends_at });
      }
      if (bills.length) await trx.insertInto('bills').values(bills).execute();
      for (let k = 0; k < lines.length; k += 600) await trx.insertInto('bill_lines').values(lines.slice(k, k + 600)).execute();
      if (links.length) await trx.insertInto('bill_insurance').values(links).execute();
      const handed = links.map((l) => l.bill_id).filter((id) => !bills.some((b) => b.id === id));
      if (handed.length) await trx.updateTable('bills').set({ payer: 'insurer' }).where('id', 'in', handed).execute();
    });
  }
  if (h.dialect === 'postgres') await sql`analyze`.execute(h.db);
  return { insurers: insurers.map((x) => x.id), bills: picked.length };
}

/** The raw reference: the month's lines of one insurer with patient, policy, letter and doctor, one statement. */
function rawRegister(h: DbHandle, clinicId: string, insurerId: string, month: string) {
  const { from, to } = monthRange(month);
  return sql<{ amount: number; bill_amount: number; bill_id: string }>`
    select bi.bill_id, bi.amount as bill_amount, l.amount, l.code, l.name, l.quantity, l.unit_price, p.surname, p.first_name, p.card_number, pol.number as policy, g.number as letter, d.surname as doctor
    from bill_insurance bi join bills b on b.id = bi.bill_id join patients p on p.id = b.patient_id join insurance_policies pol on pol.id = bi.policy_id
    join guarantee_letters g on g.id = bi.letter_id join bill_lines l on l.bill_id = bi.bill_id left join doctors d on d.id = l.doctor_id
    where bi.clinic_id = ${clinicId} and bi.insurer_id = ${insurerId} and bi.service_date >= ${from} and bi.service_date <= ${to} and bi.register_id is null and b.status = 'issued'
    order by bi.service_date, b.number, l.position`.execute(h.db);
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function insuranceRows(cfg: BenchConfig, app: Server, h: DbHandle, ds: Dataset): Promise<Row[]> {
  const t0 = performance.now();
  const seeded = await seedInsurance(h, ds);
  const seedSeconds = (performance.now() - t0) / 1000;
  const months = Array.from({ length: 12 }, (_, i) => `${cfg.year}-${String(i + 1).padStart(2, '0')}`);
  const jobs = seeded.insurers.flatMap((insurerId) => months.map((month) => ({ insurerId, month })));
  const actor = { clinicId: ds.clinicId, userId: 'bench', login: ADMIN_LOGIN, role: 'administrator' as const, ip: null };
  const deps = { h, clock: () => new Date(cfg.now) };
  const rounds = cfg.quick ? 1 : 3;
  const svc: number[] = [];
  const raw: number[] = [];
  let services = 0;
  for (let r = 0; r < rounds; r++) {
    for (const j of jobs) {
      let t = performance.now();
      const ref = await rawRegister(h, ds.clinicId, j.insurerId, j.month);
      raw.push(performance.now() - t);
      t = performance.now();
      const d = await registerDraft(deps, actor, j.insurerId, j.month);
      svc.push(performance.now() - t);
      const refTotal = [...new Map(ref.rows.map((x) => [x.bill_id, Number(x.bill_amount)])).values()].reduce((s, x) => s + x, 0);
      const refLines = ref.rows.reduce((s, x) => s + Number(x.amount), 0);
      if (d.content.total !== refTotal || refTotal !== refLines) throw new Error(`register ${j.month}: service ${d.content.total}, reference ${refTotal} / lines ${refLines}`);
      if (r === 0) services += d.content.servicesCount;
    }
  }
  const res = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: ADMIN_LOGIN, password: ADMIN_PASSWORD }) });
  if (res.status !== 200) throw new Error(`admin sign-in failed: ${res.status}`);
  const headers = { cookie: res.headers.getSetCookie().find((c) => c.startsWith('vizit_session='))!.split(';')[0] };
  await app.idle();
  const one = await measure(cfg, app, { list: jobs.map((j) => ({ path: `/api/insurance-registers/draft?insurerId=${j.insurerId}&month=${j.month}` })), headers, connections: 1 });
  const rawP50 = p50(raw);
  const name = `insurer register, month of one insurer (${seeded.bills.toLocaleString('en-US')} insured visits a year, ${services.toLocaleString('en-US')} services in 36 registers)`;
  return [
    { name: `insurance: generate policies, letters, insured bills (${seeded.bills.toLocaleString('en-US')})`, metric: 's', value: seedSeconds },
    { name: `${name}, raw SQL reference`, metric: 'p50 ms', value: rawP50, reference: 'totals equal' },
    ratioRow({ name: `${name}, service in process`, metric: 'p50 ms', value: p50(svc), reference: `raw ${rawP50.toFixed(2)}` }, rawP50),
    ratioRow({ name: `${name}, GET /api/insurance-registers/draft, 1 connection`, metric: 'p50 ms', value: one.p50, reference: `raw ${rawP50.toFixed(2)}` }, rawP50),
  ];
}
