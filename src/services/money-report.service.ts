import type { z } from 'zod';
import type { BilledLinesQuery, DebtsQuery, PaymentListQuery, PeriodQuery } from '../contracts/money-report.js';
import type { Db } from '../db/connect.js';
import { clinicTimeAndSettings, getBranch } from '../db/repos/clinic.repo.js';
import { getDoctor } from '../db/repos/doctors.repo.js';
import * as repo from '../db/repos/money-report.repo.js';
import { dayNumber } from '../domain/dates.js';
import { fieldError } from '../domain/errors.js';
import { shiftReport, type PaymentMethod } from '../domain/money.js';
import { billedBreakdown, MAX_REPORT_DAYS, periodInstants, revenueByDayAndMethod } from '../domain/money-report.js';
import { fullName } from '../domain/names.js';
import type { Actor, Deps } from './context.js';
import { localToday } from './schedule-context.js';

type Period = z.infer<typeof PeriodQuery>;

/** The period checked and turned into UTC instants of the clinic's days. */
export async function period(db: Db, actor: Actor, q: { from?: string; to?: string; branchId?: string }, now: Date) {
  const tz = (await clinicTimeAndSettings(db, actor.clinicId)).time_zone;
  const today = localToday(now, tz).today;
  const from = q.from ?? today;
  const to = q.to ?? from;
  if (dayNumber(to) < dayNumber(from)) throw fieldError('to', { ru: 'Конец периода раньше начала', en: 'The period ends before it starts' });
  if (dayNumber(to) - dayNumber(from) >= MAX_REPORT_DAYS) throw fieldError('to', { ru: `Период не длиннее ${MAX_REPORT_DAYS} дней`, en: `At most ${MAX_REPORT_DAYS} days` });
  if (q.branchId && !(await getBranch(db, actor.clinicId, q.branchId))) throw fieldError('branchId', { ru: 'Филиал не найден', en: 'Branch not found' });
  return { tz, from, to, ...periodInstants(from, to, tz) };
}

const personName = (r: { surname: string; first_name: string; patronymic: string | null }) => fullName({ surname: r.surname, firstName: r.first_name, patronymic: r.patronymic });

/**
 * Revenue by day and by method (money that moved: payments less refunds, the balance's
 * allocations left out), and billed against paid by doctor and by service over the bills issued
 * in the period (each bill's payments shared among its lines to the kopeck).
 */
export async function moneyReport(deps: Deps, actor: Actor, q: Period) {
  const db = deps.h.db;
  const p = await period(db, actor, q, deps.clock());
  const [hours, lines, doctors] = await Promise.all([
    repo.paymentHourSums(db, deps.h.dialect, actor.clinicId, p.fromAt, p.toAt, q.branchId),
    repo.billedLines(db, actor.clinicId, p.fromAt, p.toAt, q.branchId),
    repo.doctorNames(db, actor.clinicId),
  ]);
  const rev = revenueByDayAndMethod(hours, p.from, p.to, p.tz);
  const billed = billedBreakdown(lines);
  const names = new Map(doctors.map((d) => [d.id, personName(d)]));
  return {
    from: p.from,
    to: p.to,
    timeZone: p.tz,
    total: rev.total,
    billedTotal: billed.total,
    byDay: rev.byDay,
    byMethod: rev.byMethod,
    byDoctor: billed.byDoctor.map((d) => ({ ...d, name: d.doctorId ? (names.get(d.doctorId) ?? '—') : 'Без врача' })),
    byService: billed.byService,
  };
}

/** Patients who owe the clinic, the largest debts first, with what the desk needs to call them. */
export async function debts(deps: Deps, actor: Actor, q: z.infer<typeof DebtsQuery>) {
  const rows = await repo.debtors(deps.h.db, actor.clinicId, q.limit ?? 500);
  return {
    items: rows.map((r) => ({
      patientId: r.patientId, cardNumber: r.cardNumber, name: fullName({ surname: r.surname, firstName: r.firstName, patronymic: r.patronymic }),
      debt: r.debt, unpaidBills: r.unpaidBills, oldestBill: r.oldestBill, lastVisit: r.lastVisit, phone: r.phone,
    })),
    total: rows.reduce((s, r) => s + r.debt, 0),
  };
}

/** The shifts opened in the period with their Z-reports (or X-report while open) per method and per administrator. */
export async function shiftReports(deps: Deps, actor: Actor, q: Period) {
  const db = deps.h.db;
  const p = await period(db, actor, q, deps.clock());
  const shifts = await repo.shiftsIn(db, actor.clinicId, p.fromAt, p.toAt, q.branchId);
  const moves = await repo.shiftMoves(db, actor.clinicId, shifts.map((s) => s.id));
  const items = shifts.map((s) => {
    const mine = moves.filter((m) => m.shiftId === s.id);
    const names = new Map(mine.map((m) => [m.createdBy, m.name]));
    // The grouped sums stand in for the single moves: the report only adds amounts up.
    const report = shiftReport(Number(s.opening_float), mine.map((m) => ({ kind: m.kind, method: m.method, amount: m.amount, createdBy: m.createdBy })));
    const counts = new Map(mine.map((m) => [`${m.method}\u0000${m.createdBy}\u0000${m.kind}`, m.count]));
    return {
      id: s.id, number: Number(s.number), branchId: s.branch_id, branchName: s.branch_name,
      openedBy: s.opened_by_name, openedAt: s.opened_at, closedBy: s.closed_by_name, closedAt: s.closed_at,
      openingFloat: Number(s.opening_float),
      expectedCash: s.closed_at && s.expected_cash !== null ? Number(s.expected_cash) : report.expectedCash,
      countedCash: s.counted_cash === null ? null : Number(s.counted_cash),
      discrepancy: s.discrepancy === null ? null : Number(s.discrepancy),
      note: s.close_note,
      income: report.income,
      refunds: report.refunds,
      byMethod: Object.entries(report.byMethod).map(([method, f]) => ({ method: method as PaymentMethod, ...f })),
      byAdministrator: report.rows.map((r) => ({
        userId: r.createdBy, name: names.get(r.createdBy) ?? '', method: r.method,
        payments: counts.get(`${r.method}\u0000${r.createdBy}\u0000payment`) ?? 0, refundsCount: counts.get(`${r.method}\u0000${r.createdBy}\u0000refund`) ?? 0,
        income: r.income, refunds: r.refunds, net: r.net,
      })),
    };
  });
  return { items, discrepancyTotal: items.reduce((s, i) => s + (i.discrepancy ?? 0), 0) };
}

/** The payments behind a figure: of a day, a period, a method, a shift. */
export async function paymentsList(deps: Deps, actor: Actor, q: z.infer<typeof PaymentListQuery>) {
  const db = deps.h.db;
  const p = await period(db, actor, q, deps.clock());
  if (q.shiftId && !(await repo.shiftOf(db, actor.clinicId, q.shiftId))) throw fieldError('shiftId', { ru: 'Смена не найдена', en: 'Shift not found' });
  const { rows, total } = await repo.paymentList(db, actor.clinicId, {
    fromAt: p.fromAt, toAt: p.toAt, method: q.method, kind: q.kind, shiftId: q.shiftId, branchId: q.branchId, limit: q.limit ?? 100, offset: q.offset ?? 0,
  });
  return {
    items: rows.map((r) => ({
      id: r.id, number: Number(r.number), kind: r.kind, method: r.method, amount: Number(r.amount), at: r.created_at, reason: r.reason,
      patientId: r.patient_id, patientName: personName(r), billNumber: r.bill_number === null ? null : Number(r.bill_number), by: r.by_name,
    })),
    total,
  };
}

/** The bill lines behind a doctor's or a service's figure. */
export async function billedLinesList(deps: Deps, actor: Actor, q: z.infer<typeof BilledLinesQuery>) {
  const db = deps.h.db;
  const p = await period(db, actor, q, deps.clock());
  if (q.doctorId && q.doctorId !== 'none' && !(await getDoctor(db, actor.clinicId, q.doctorId))) throw fieldError('doctorId', { ru: 'Врач не найден', en: 'Doctor not found' });
  const { rows, total } = await repo.billedLineList(db, actor.clinicId, {
    fromAt: p.fromAt, toAt: p.toAt, branchId: q.branchId, doctorId: q.doctorId, code: q.code, limit: q.limit ?? 100, offset: q.offset ?? 0,
  });
  return {
    items: rows.map((r) => ({
      billId: r.bill_id, billNumber: Number(r.number), issuedAt: r.issued_at!, patientId: r.patient_id, patientName: personName(r),
      code: r.code, name: r.name, quantity: Number(r.quantity), amount: Number(r.amount),
      doctorName: r.d_surname ? fullName({ surname: r.d_surname, firstName: r.d_first_name ?? '', patronymic: r.d_patronymic }) : null,
    })),
    total,
  };
}
