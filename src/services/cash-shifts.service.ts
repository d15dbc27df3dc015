import type { z } from 'zod';
import type { ShiftClose, ShiftOpen } from '../contracts/money.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { ownedBy } from '../db/repos/bills.repo.js';
import * as shifts from '../db/repos/cash-shifts.repo.js';
import { nextNumber } from '../db/repos/counters.repo.js';
import * as payments from '../db/repos/payments.repo.js';
import { renderPdf } from '../documents/render.js';
import { shiftReportDocument } from '../documents/shift-report.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { closeProblem, shiftReport } from '../domain/money.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { paymentView } from './money-views.js';

const SHIFT = { ru: 'Кассовая смена', en: 'Cash shift' };

/** A shift with its report (per administrator and per method) and its payments. */
async function shiftView(db: Db, clinicId: string, s: shifts.ShiftRow, withPayments = true) {
  const rows = await payments.paymentsOfShift(db, clinicId, s.id);
  const names = new Map(rows.map((r) => [r.created_by, r.cashier_name]));
  const report = shiftReport(Number(s.opening_float), rows.map((r) => ({ kind: r.kind, method: r.method, amount: Number(r.amount), createdBy: r.created_by })));
  return {
    id: s.id,
    number: s.number,
    branchId: s.branch_id,
    branchName: s.branch_name,
    openedAt: s.opened_at,
    openedBy: s.opened_by,
    openedByName: s.opened_by_name,
    openingFloat: Number(s.opening_float),
    closedAt: s.closed_at,
    closedByName: s.closed_by_name ?? null,
    countedCash: s.counted_cash === null ? null : Number(s.counted_cash),
    expectedCash: s.expected_cash === null ? report.expectedCash : Number(s.expected_cash),
    discrepancy: s.discrepancy === null ? null : Number(s.discrepancy),
    closeNote: s.close_note,
    report: {
      rows: report.rows.map((r) => ({ ...r, cashierName: names.get(r.createdBy) ?? '' })),
      income: report.income, refunds: report.refunds, net: report.net, cashIn: report.cashIn, cashOut: report.cashOut, expectedCash: report.expectedCash,
    },
    // Refund limits are not needed in the shift's list: the patient card offers refunds.
    payments: withPayments ? rows.map((r) => paymentView(r, 0)) : [],
  };
}

export async function getShift(deps: Deps, actor: Actor, id: string) {
  const s = await shifts.getShift(deps.h.db, actor.clinicId, id);
  if (!s) throw notFound(SHIFT);
  return shiftView(deps.h.db, actor.clinicId, s);
}

async function ownBranch(db: Db, clinicId: string, branchId: string) {
  if (!(await ownedBy(db, 'branches', clinicId, branchId))) {
    throw notFound({ ru: 'Филиал', en: 'Branch' });
  }
}

/** The branch's open shift with its X-report, or null. */
export async function currentShift(deps: Deps, actor: Actor, branchId: string) {
  await ownBranch(deps.h.db, actor.clinicId, branchId);
  const s = await shifts.openShiftOf(deps.h.db, actor.clinicId, branchId);
  return { shift: s ? await shiftView(deps.h.db, actor.clinicId, s) : null };
}

export async function listShifts(deps: Deps, actor: Actor, q: { branchId?: string; limit?: number }) {
  if (q.branchId) await ownBranch(deps.h.db, actor.clinicId, q.branchId);
  const rows = await shifts.listShifts(deps.h.db, actor.clinicId, q.branchId, q.limit ?? 30);
  const items = [];
  for (const s of rows) {
    const { payments: _omit, ...v } = await shiftView(deps.h.db, actor.clinicId, s, false);
    items.push(v);
  }
  return { items };
}

/** Opens the branch's shift with the counted float; one open shift per branch. */
export async function openShift(deps: Deps, actor: Actor, input: z.infer<typeof ShiftOpen>) {
  const now = deps.clock();
  const id = newId();
  await withTx(deps.h, async (trx) => {
    if (!(await ownedBy(trx, 'branches', actor.clinicId, input.branchId))) {
      throw fieldError('branchId', { ru: 'Филиал не найден', en: 'Branch not found' });
    }
    const open = await shifts.openShiftOf(trx, actor.clinicId, input.branchId);
    if (open) {
      throw new DomainError('conflict', {
        ru: `Смена № ${open.number} уже открыта (${open.opened_by_name}): закройте её, прежде чем открыть новую`,
        en: `Shift No. ${open.number} is already open (${open.opened_by_name}): close it before opening a new one`,
      });
    }
    const number = await nextNumber(trx, actor.clinicId, 'cash_shift');
    await shifts.insertShift(trx, {
      id, clinic_id: actor.clinicId, branch_id: input.branchId, number, opened_by: actor.userId, opened_at: now.toISOString(), opening_float: input.openingFloat,
      closed_by: null, closed_at: null, counted_cash: null, expected_cash: null, discrepancy: null, close_note: null,
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'open', objectType: 'cash_shift', objectId: id, details: { number, openingFloat: input.openingFloat } }));
  });
  return getShift(deps, actor, id);
}

/** Closes with the counted cash: expected = float + cash in − cash refunds; a discrepancy is kept with its note. */
export async function closeShift(deps: Deps, actor: Actor, id: string, input: z.infer<typeof ShiftClose>) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const s = await shifts.getShift(trx, actor.clinicId, id);
    if (!s) throw notFound(SHIFT);
    if (s.closed_at) throw new DomainError('invalid_transition', { ru: 'Смена уже закрыта', en: 'The shift is already closed' });
    const rows = await payments.paymentsOfShift(trx, actor.clinicId, id);
    const { expectedCash } = shiftReport(Number(s.opening_float), rows.map((r) => ({ kind: r.kind, method: r.method, amount: Number(r.amount), createdBy: r.created_by })));
    const p = closeProblem(input.countedCash, expectedCash, input.note);
    if (p) throw fieldError(p.field, { ru: p.ru, en: p.en });
    const discrepancy = input.countedCash - expectedCash;
    const closed = await shifts.closeShift(trx, actor.clinicId, id, {
      closed_by: actor.userId, closed_at: now.toISOString(), counted_cash: input.countedCash, expected_cash: expectedCash, discrepancy, close_note: input.note?.trim() || null,
    });
    if (!closed) throw new DomainError('invalid_transition', { ru: 'Смена уже закрыта', en: 'The shift is already closed' });
    await appendAudit(trx, auditEntry(actor, now, { action: 'close', objectType: 'cash_shift', objectId: id, details: { number: s.number, countedCash: input.countedCash, expectedCash, discrepancy } }));
  });
  return getShift(deps, actor, id);
}

/** The shift's report as a PDF (X while open, Z once closed). */
export async function shiftReportPdf(deps: Deps, actor: Actor, id: string) {
  const v = await getShift(deps, actor, id);
  const { clinic } = await payments.clinicAndBranch(deps.h.db, actor.clinicId, v.branchId);
  const doc = shiftReportDocument({
    clinicName: clinic.legal_name ?? clinic.name, branch: v.branchName, number: v.number, timeZone: clinic.time_zone, openedAt: v.openedAt, openedBy: v.openedByName,
    closedAt: v.closedAt, closedBy: v.closedByName, openingFloat: v.openingFloat, rows: v.report.rows, income: v.report.income, refunds: v.report.refunds,
    net: v.report.net, cashIn: v.report.cashIn, cashOut: v.report.cashOut, expectedCash: v.expectedCash, countedCash: v.countedCash, discrepancy: v.discrepancy,
    closeNote: v.closeNote, printedAt: deps.clock().toISOString(),
  });
  return { body: await renderPdf(doc), fileName: `shift-${v.number}.pdf` };
}

