import { sql } from 'kysely';
import { withTx, type DbHandle } from '../src/db/connect.js';
import { newId } from '../src/db/ids.js';
import { addDays } from '../src/domain/dates.js';
import { shiftReport } from '../src/domain/money.js';
import { Rng } from '../src/demo/demo-random.js';
import { moneyReport, shiftReports } from '../src/services/money-report.service.js';
import type { BenchConfig } from './config.js';
import { measure } from './http-rows.js';
import { ratioRow, type Row } from './report.js';
import { OWNER_LOGIN, ownerSession, record, replayP50 } from './recorded.js';
import { ADMIN_LOGIN, type Dataset } from './seed.js';
import type { Server } from './server.js';

/**
 * Money over the bench's clinic-year: every finished visit gets an issued bill (one to three lines),
 * most paid at once in cash or by card, some in part, some not at all; a cash shift per branch and
 * day. Then the day's cash report (GET /api/money/shifts for one day) and the monthly revenue report
 * (GET /api/money/report for a month) at 1 connection against their raw references: the exact
 * statements the service issues, recorded once and replayed through the driver by one caller.
 */
const BATCH = 500;
const PRICES = [150000, 250000, 450000, 600000, 320000, 1200000, 3500000];

export async function seedMoney(h: DbHandle, ds: Dataset, cfg: BenchConfig) {
  const t0 = performance.now();
  const rng = new Rng(cfg.seed).fork('money');
  const adminId = (await h.db.selectFrom('users').select('id').where('clinic_id', '=', ds.clinicId).where('login', '=', ADMIN_LOGIN).executeTakeFirstOrThrow()).id;
  const visits = await h.db
    .selectFrom('appointments')
    .select(['id', 'branch_id', 'doctor_id', 'patient_id', 'ends_at', 'local_date'])
    .where('clinic_id', '=', ds.clinicId)
    .where('status', '=', 'done')
    .orderBy('ends_at')
    .execute();
  const bills: object[] = [];
  const lines: object[] = [];
  const payments: { id: string; branch_id: string; local: string; kind: 'payment'; method: string; amount: number; row: Record<string, unknown> }[] = [];
  for (const v of visits) {
    const billId = newId();
    const n = rng.int(1, 3);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const price = rng.pick(PRICES);
      total += price;
      lines.push({ id: newId(), clinic_id: ds.clinicId, bill_id: billId, position: i + 1, price_item_id: null, price_version_id: null, code: `B-${PRICES.indexOf(price)}`, name: `Услуга ${PRICES.indexOf(price)}`, unit_price: price, quantity: 1, discount: 0, discount_reason: null, amount: price, doctor_id: v.doctor_id, assistant_id: null, tooth: null });
    }
    bills.push({ id: billId, clinic_id: ds.clinicId, branch_id: v.branch_id, patient_id: v.patient_id, appointment_id: v.id, number: bills.length + 1, status: 'issued', payer: 'patient', total, discount_total: 0, note: null, created_by: adminId, created_at: v.ends_at, issued_by: adminId, issued_at: v.ends_at, cancelled_by: null, cancelled_at: null, cancel_reason: null, updated_at: v.ends_at });
    const roll = rng.next();
    const amount = roll < 0.88 ? total : roll < 0.96 ? Math.floor(total / 2) : 0;
    if (!amount) continue;
    const method = rng.weighted([['cash', 40], ['card', 55], ['transfer', 5]] as const);
    const at = new Date(Date.parse(v.ends_at) + 3 * 60_000).toISOString();
    const id = newId();
    payments.push({
      id, branch_id: v.branch_id, local: v.local_date, kind: 'payment', method, amount,
      row: { id, clinic_id: ds.clinicId, branch_id: v.branch_id, patient_id: v.patient_id, bill_id: billId, shift_id: null, number: 0, kind: 'payment', method, amount, refund_of: null, reason: null, payer_name: null, created_by: adminId, created_at: at },
    });
  }
  const shifts: object[] = [];
  const byDay = new Map<string, typeof payments>();
  for (const p of payments) {
    if (p.method === 'transfer') continue;
    const k = `${p.branch_id}|${p.local}`;
    byDay.set(k, [...(byDay.get(k) ?? []), p]);
  }
  for (const [k, ps] of byDay) {
    const [branch, date] = k.split('|') as [string, string];
    const id = newId();
    for (const p of ps) p.row.shift_id = id;
    const rep = shiftReport(500000, ps.map((p) => ({ kind: p.kind, method: p.method as 'cash' | 'card', amount: p.amount, createdBy: adminId })));
    shifts.push({ id, clinic_id: ds.clinicId, branch_id: branch, number: shifts.length + 1, opened_by: adminId, opened_at: `${date}T05:30:00.000Z`, opening_float: 500000, closed_by: adminId, closed_at: `${date}T18:20:00.000Z`, counted_cash: rep.expectedCash, expected_cash: rep.expectedCash, discrepancy: 0, close_note: null });
  }
  payments.forEach((p, i) => (p.row.number = i + 1));
  const put = async (table: 'cash_shifts' | 'bills' | 'bill_lines' | 'payments', rows: object[]) => {
    for (let i = 0; i < rows.length; i += BATCH * 10) {
      await withTx(h, async (trx) => {
        for (let j = i; j < Math.min(rows.length, i + BATCH * 10); j += BATCH) await trx.insertInto(table).values(rows.slice(j, j + BATCH) as never).execute();
      });
    }
  };
  await put('cash_shifts', shifts);
  await put('bills', bills);
  await put('bill_lines', lines);
  await put('payments', payments.map((p) => p.row));
  if (h.dialect === 'postgres') await sql`analyze`.execute(h.db);
  return { bills: bills.length, payments: payments.length, shifts: shifts.length, seconds: (performance.now() - t0) / 1000, firstDay: visits[0]?.local_date, lastDay: visits.at(-1)?.local_date };
}

export async function moneyRows(cfg: BenchConfig, app: Server, h: DbHandle, ds: Dataset, seeded: Awaited<ReturnType<typeof seedMoney>>): Promise<Row[]> {
  const headers = await ownerSession(h, ds, app.url);
  const actor = { clinicId: ds.clinicId, userId: 'bench', login: OWNER_LOGIN, role: 'owner' as const, ip: null };
  const deps = (rh: DbHandle) => ({ h: rh, clock: () => new Date(cfg.now) });
  const busiest = await h.db.selectFrom('cash_shifts').select('opened_at').where('clinic_id', '=', ds.clinicId).orderBy('opened_at', 'desc').limit(1).executeTakeFirstOrThrow();
  const day = busiest.opened_at.slice(0, 10);
  // The last full month before that day: a whole month of payments.
  const monthEnd = addDays(`${day.slice(0, 8)}01`, -1);
  const month = { from: `${monthEnd.slice(0, 8)}01`, to: monthEnd };
  const seconds = cfg.quick ? 1 : 3;
  const out: Row[] = [
    { name: `money: generate bills, payments and shifts over the finished visits (${seeded.firstDay} … ${seeded.lastDay})`, metric: 's', value: seeded.seconds, reference: `${seeded.bills.toLocaleString('en-US')} bills, ${seeded.payments.toLocaleString('en-US')} payments, ${seeded.shifts.toLocaleString('en-US')} shifts` },
  ];
  for (const [name, path, run] of [
    [`day's cash report (${day}, both branches) GET /api/money/shifts`, `/api/money/shifts?from=${day}&to=${day}`, (rh: DbHandle) => shiftReports(deps(rh), actor, { from: day, to: day })],
    [`monthly revenue report (${month.from} … ${month.to}) GET /api/money/report`, `/api/money/report?from=${month.from}&to=${month.to}`, (rh: DbHandle) => moneyReport(deps(rh), actor, month)],
  ] as const) {
    const first = await fetch(`${app.url}${path}`, { headers });
    if (first.status !== 200) throw new Error(`${path}: ${first.status} ${await first.text()}`);
    const plan = await record(h, run);
    const raw = await replayP50(h, [plan], seconds);
    await app.idle();
    const one = await measure(cfg, app, { list: [{ path }], headers, connections: 1 });
    out.push(
      { name: `${name}, raw reference, 1 caller`, metric: 'p50 ms', value: raw, reference: `${plan.flat().length} statements` },
      ratioRow({ name: `${name}, 1 connection`, metric: 'p50 ms', value: one.p50, reference: `raw ${raw.toFixed(2)}` }, raw),
    );
  }
  return out;
}
