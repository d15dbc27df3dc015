import type { z } from 'zod';
import { type StatsPatientsQuery, type StatsPaymentsQuery, type StatsQuery, type StatsSummaryT, type StatsVisitsQuery } from '../contracts/statistics.js';
import * as money from '../db/repos/statistics-money.repo.js';
import { getChair, listChairs, listSources } from '../db/repos/clinic.repo.js';
import { getDoctor } from '../db/repos/doctors.repo.js';
import * as stats from '../db/repos/statistics.repo.js';
import { addDays, dayNumber, dateOfDayNumber } from '../domain/dates.js';
import { fieldError } from '../domain/errors.js';
import { PAYMENT_METHODS } from '../domain/money.js';
import { isRevenue } from '../domain/money-report.js';
import { fullName } from '../domain/names.js';
import { STATUSES, CANCEL_REASONS, type CancelReason, type Status } from '../domain/schedule/status.js';
import { localInstant, MINUTE } from '../domain/schedule/time.js';
import { noShowRate, percent, periodRefusal, utilisation, workMinutes } from '../domain/statistics.js';
import type { Actor, Deps } from './context.js';
import { flightsOf, inTurns, nextTurn, SingleFlight } from './single-flight.js';
import { checkBranch } from './proposals.service.js';
import { dueForRecall } from './recall-due.service.js';
import { doctorWork, loadContext, localToday } from './schedule-context.js';

/** Rows a drill-down list returns at most; the total says how many there are. */
export const LIST_LIMIT = 500;

type Query = z.infer<typeof StatsQuery>;

async function checkPeriod(deps: Deps, actor: Actor, q: Query) {
  const refusal = periodRefusal(q.from, q.to);
  if (refusal) throw fieldError(refusal.field, refusal.message);
  await checkBranch(deps, actor, q.branchId);
}

/** The zone's offset from UTC in minutes on a date (east positive): SQLite compares local day starts with it. */
function offsetMinutes(date: string, tz: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - localInstant(date, '00:00', tz)) / MINUTE);
}

function dayStartOpts(deps: Deps, tz: string, q: Query): stats.DayStartOpts {
  return { dialect: deps.h.dialect, tz, offsetMinutes: offsetMinutes(q.to, tz) };
}

/**
 * The owner's and the chief doctor's dashboard for a period (per branch or the whole clinic):
 * visits by status, no-shows and cancellations with reasons, chair load and idle time per doctor
 * and chair (working time from the same rules as the schedule: weekly hours, absences, the
 * production calendar), new patients by source, confirmation and recall progress.
 */
export async function summary(deps: Deps, actor: Actor, q: Query): Promise<StatsSummaryT> {
  await checkPeriod(deps, actor, q);
  // The answer depends on the clinic, the period and the branch only (the permission was checked per
  // caller above): callers asking the same while it is being computed share that computation.
  const key = JSON.stringify([actor.clinicId, q.from, q.to, q.branchId ?? null]);
  return flightsOf(summaryFlights, deps.h).run(key, () => computeSummary(deps, actor, q));
}

const summaryFlights = new WeakMap<object, SingleFlight<StatsSummaryT>>();

async function computeSummary(deps: Deps, actor: Actor, q: Query): Promise<StatsSummaryT> {
  const db = deps.h.db;
  const period = { clinicId: actor.clinicId, from: q.from, to: q.to, branchId: q.branchId };
  const ctx = await loadContext(db, actor.clinicId, q.from, q.to);
  const { today } = localToday(deps.clock(), ctx.tz);
  const asOf = q.to < today ? q.to : today;
  // In turns of the event loop on SQLite (inTurns): the desks asking meanwhile are read and join this flight.
  const [{ statusCounts: counts, bookedMinutes: booked, confirmation }, sources, dueList, chairs] = await inTurns(deps.h.dialect, [
    () => stats.visitAggregates(db, period, dayStartOpts(deps, ctx.tz, q)),
    () => stats.newPatientsBySource(db, actor.clinicId, new Date(localInstant(q.from, '00:00', ctx.tz)).toISOString(), new Date(localInstant(addDays(q.to, 1), '00:00', ctx.tz)).toISOString()),
    // REC-1: due by the clinic's scheme, the recall worklist's own rule (recall-due.service).
    () => dueForRecall(db, actor.clinicId, asOf, deps.clock()),
    () => listChairs(db, actor.clinicId),
  ] as const);
  const recall = { due: dueList.length, booked: dueList.filter((d) => d.booked).length };

  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const reasons = new Map<CancelReason | null, number>();
  for (const c of counts) {
    byStatus[c.status as Status] = (byStatus[c.status as Status] ?? 0) + c.count;
    if (c.status === 'cancelled') {
      const r = (CANCEL_REASONS as readonly string[]).includes(c.cancelReason ?? '') ? (c.cancelReason as CancelReason) : null;
      reasons.set(r, (reasons.get(r) ?? 0) + c.count);
    }
  }

  const workByDoctor = new Map<string, number>();
  const workByChair = new Map<string, number>();
  const first = dayNumber(q.from);
  const last = dayNumber(q.to);
  for (const d of ctx.doctors) {
    for (let n = first; n <= last; n++) {
      const work = doctorWork(ctx, d, dateOfDayNumber(n)).filter((w) => !q.branchId || w.branchId === q.branchId);
      if (!work.length) continue;
      workByDoctor.set(d.id, (workByDoctor.get(d.id) ?? 0) + workMinutes(work));
      for (const w of work) if (w.chairId) workByChair.set(w.chairId, (workByChair.get(w.chairId) ?? 0) + workMinutes([w]));
    }
  }
  const bookedByDoctor = new Map<string, number>();
  const bookedByChair = new Map<string, number>();
  for (const b of booked) {
    bookedByDoctor.set(b.doctorId, (bookedByDoctor.get(b.doctorId) ?? 0) + b.minutes);
    if (b.chairId) bookedByChair.set(b.chairId, (bookedByChair.get(b.chairId) ?? 0) + b.minutes);
  }
  const doctors = ctx.doctors
    .filter((d) => workByDoctor.has(d.id) || bookedByDoctor.has(d.id))
    .map((d) => ({ doctorId: d.id, name: fullName(d), ...utilisation(bookedByDoctor.get(d.id) ?? 0, workByDoctor.get(d.id) ?? 0) }));
  const chairRows = chairs
    .filter((c) => (!q.branchId || c.branchId === q.branchId) && (c.isActive || workByChair.has(c.id) || bookedByChair.has(c.id)))
    .map((c) => ({ chairId: c.id, name: c.name, branchId: c.branchId, ...utilisation(bookedByChair.get(c.id) ?? 0, workByChair.get(c.id) ?? 0) }));
  const total = utilisation(
    doctors.reduce((s, d) => s + d.bookedMinutes, 0),
    doctors.reduce((s, d) => s + d.workMinutes, 0),
  );

  return {
    from: q.from,
    to: q.to,
    branchId: q.branchId ?? null,
    visits: {
      total: STATUSES.reduce((s, k) => s + byStatus[k], 0),
      byStatus: STATUSES.map((status) => ({ status, count: byStatus[status] })),
      noShowRate: noShowRate(byStatus),
      cancelled: byStatus.cancelled,
      cancelReasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    },
    doctors,
    chairs: chairRows,
    total,
    // Most patients first; «not given» after the named sources of the same count.
    sources: sources.sort((a, b) => b.count - a.count || Number(a.name === null) - Number(b.name === null) || (a.name ?? '').localeCompare(b.name ?? '', 'ru')),
    newPatients: sources.reduce((s, x) => s + x.count, 0),
    confirmation: { ...confirmation, percent: percent(confirmation.confirmed, confirmation.due) },
    recall: { asOf, ...recall, percent: percent(recall.booked, recall.due) },
    revenue: await nextTurn().then(() => revenue(deps, actor, q, ctx.tz, ctx.doctors)),
  };
}

function periodInstants(q: Query, tz: string) {
  return { fromIso: new Date(localInstant(q.from, '00:00', tz)).toISOString(), toIso: new Date(localInstant(addDays(q.to, 1), '00:00', tz)).toISOString() };
}

/** Money of the period (kopecks): taken in by method, refunds, net; billed per doctor. */
async function revenue(deps: Deps, actor: Actor, q: Query, tz: string, doctors: { id: string; surname: string; firstName: string; patronymic: string | null }[]) {
  const { fromIso, toIso } = periodInstants(q, tz);
  const [rows, billed] = await Promise.all([
    money.moneyByMethod(deps.h.db, actor.clinicId, fromIso, toIso, q.branchId),
    money.billedByDoctor(deps.h.db, actor.clinicId, fromIso, toIso, q.branchId),
  ]);
  const byMethod = PAYMENT_METHODS.map((method) => {
    const of = (kind: string) => rows.filter((r) => r.method === method && r.kind === kind);
    return { method, received: of('payment').reduce((s, r) => s + r.sum, 0), refunded: of('refund').reduce((s, r) => s + r.sum, 0), count: rows.filter((r) => r.method === method).reduce((s, r) => s + r.count, 0) };
  }).filter((m) => m.count > 0);
  // Paying from the advance moves money already taken in: counted once, when it came (the money report's rule).
  const fresh = byMethod.filter((m) => isRevenue(m.method));
  const received = fresh.reduce((s, m) => s + m.received, 0);
  const refunded = fresh.reduce((s, m) => s + m.refunded, 0);
  const names = new Map(doctors.map((d) => [d.id, fullName(d)]));
  return {
    received,
    refunded,
    net: received - refunded,
    fromAdvance: byMethod.find((m) => m.method === 'advance')?.received ?? 0,
    byMethod,
    byDoctor: billed.map((b) => ({ doctorId: b.doctorId, name: b.doctorId ? (names.get(b.doctorId) ?? null) : null, billed: b.sum })).sort((a, b) => b.billed - a.billed),
  };
}

/** The payments and refunds behind the revenue figures. */
export async function paymentsBehind(deps: Deps, actor: Actor, q: z.infer<typeof StatsPaymentsQuery>) {
  await checkPeriod(deps, actor, q);
  const ctx = await loadContext(deps.h.db, actor.clinicId, q.from, q.from);
  const { fromIso, toIso } = periodInstants(q, ctx.tz);
  const { items, total } = await money.paymentsBehind(deps.h.db, actor.clinicId, fromIso, toIso, { branchId: q.branchId, method: q.method }, LIST_LIMIT);
  return {
    total,
    limit: LIST_LIMIT,
    items: items.map((r) => ({
      id: r.id, patientId: r.patient_id, patientName: fullName({ surname: r.surname, firstName: r.first_name, patronymic: r.patronymic }), cardNumber: Number(r.card_number),
      kind: r.kind, method: r.method, amount: Number(r.amount), number: Number(r.number), billId: r.bill_id, billNumber: r.bill_number === null ? null : Number(r.bill_number), createdAt: r.created_at,
    })),
  };
}

/** The visits behind a figure of the dashboard (at most LIST_LIMIT, with the total). */
export async function visitsBehind(deps: Deps, actor: Actor, q: z.infer<typeof StatsVisitsQuery>) {
  await checkPeriod(deps, actor, q);
  if (q.doctorId && !(await getDoctor(deps.h.db, actor.clinicId, q.doctorId))) throw fieldError('doctorId', { ru: 'Такого врача нет', en: 'No such doctor' });
  if (q.chairId && !(await getChair(deps.h.db, actor.clinicId, q.chairId))) throw fieldError('chairId', { ru: 'Такого кресла нет', en: 'No such chair' });
  const ctx = await loadContext(deps.h.db, actor.clinicId, q.from, q.from);
  const { items, total } = await stats.visitsBehind(
    deps.h.db,
    { clinicId: actor.clinicId, from: q.from, to: q.to, branchId: q.branchId },
    { status: q.status, cancelReason: q.cancelReason, doctorId: q.doctorId, chairId: q.chairId, confirmation: q.confirmation },
    dayStartOpts(deps, ctx.tz, q),
    LIST_LIMIT,
  );
  return {
    total,
    limit: LIST_LIMIT,
    items: items.map((r) => ({
      id: r.id, patientId: r.patient_id, patientName: fullName({ surname: r.surname, firstName: r.first_name, patronymic: r.patronymic }), cardNumber: Number(r.card_number),
      doctorId: r.doctor_id, doctorName: fullName({ surname: r.d_surname, firstName: r.d_first_name, patronymic: r.d_patronymic }),
      branchId: r.branch_id, chairId: r.chair_id, localDate: r.local_date, startsAt: r.starts_at, endsAt: r.ends_at, status: r.status as Status, cancelReason: r.cancel_reason,
    })),
  };
}

/** The patients behind a figure: the period's new patients by source, or recall as of the period's end. */
export async function patientsBehind(deps: Deps, actor: Actor, q: z.infer<typeof StatsPatientsQuery>) {
  await checkPeriod(deps, actor, q);
  if (q.sourceId && !(await listSources(deps.h.db, actor.clinicId)).some((s) => s.id === q.sourceId)) {
    throw fieldError('sourceId', { ru: 'Такого источника нет', en: 'No such source' });
  }
  const ctx = await loadContext(deps.h.db, actor.clinicId, q.from, q.from);
  let res;
  if (q.recall) {
    const { today } = localToday(deps.clock(), ctx.tz);
    const which = q.recall;
    const due = (await dueForRecall(deps.h.db, actor.clinicId, q.to < today ? q.to : today, deps.clock()))
      .filter((d) => which === 'due' || d.booked === (which === 'booked'))
      .sort((a, b) => a.visit.local_date.localeCompare(b.visit.local_date) || a.visit.patient_id.localeCompare(b.visit.patient_id));
    const shown = due.slice(0, LIST_LIMIT);
    const last = new Map(shown.map((d) => [d.visit.patient_id, d.visit.local_date]));
    const rows = await stats.patientsByIds(deps.h.db, actor.clinicId, shown.map((d) => d.visit.patient_id));
    res = { total: due.length, items: rows.map((r) => ({ ...r, last: last.get(r.id) ?? null })).sort((a, b) => (a.last ?? '').localeCompare(b.last ?? '') || a.id.localeCompare(b.id)) };
  } else {
    const fromIso = new Date(localInstant(q.from, '00:00', ctx.tz)).toISOString();
    const toIso = new Date(localInstant(addDays(q.to, 1), '00:00', ctx.tz)).toISOString();
    res = await stats.newPatients(deps.h.db, actor.clinicId, fromIso, toIso, { sourceId: q.sourceId, none: q.noSource === 'true' }, LIST_LIMIT);
  }
  return {
    total: res.total,
    limit: LIST_LIMIT,
    items: res.items.map((r) => ({
      id: r.id, name: fullName({ surname: r.surname, firstName: r.first_name, patronymic: r.patronymic }), cardNumber: Number(r.card_number),
      createdAt: r.created_at, sourceName: r.source_name, lastVisit: r.last ? String(r.last) : null,
    })),
  };
}
