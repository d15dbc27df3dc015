import type { z } from 'zod';
import type { BillCreate, BillLinesInput } from '../contracts/money.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as bills from '../db/repos/bills.repo.js';
import { nextNumber } from '../db/repos/counters.repo.js';
import * as payments from '../db/repos/payments.repo.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { availableCredit, billOutstanding, billTotals, lineProblem, patientBalance, percentDiscount, type BillStatus } from '../domain/money.js';
import { can } from '../domain/permissions.js';
import { versionAt } from '../domain/prices.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { billView, paymentView } from './money-views.js';

const BILL = { ru: 'Счёт', en: 'Bill' };

/** Loads bills with their lines and paid sums, as the API shows them. */
export async function billViews(db: Db, clinicId: string, rows: bills.BillRow[]) {
  const ids = rows.map((r) => r.id);
  const [lines, paid] = await Promise.all([bills.linesOf(db, clinicId, ids), payments.paidOnBills(db, clinicId, ids)]);
  return rows.map((r) => billView(r, lines, paid.get(r.id) ?? 0));
}

export async function getBill(deps: Deps, actor: Actor, id: string) {
  const row = await bills.getBill(deps.h.db, actor.clinicId, id);
  if (!row) throw notFound(BILL);
  return (await billViews(deps.h.db, actor.clinicId, [row]))[0];
}

/** The live bill of a visit, or null (the visit panel offers to create one). */
export async function visitBill(deps: Deps, actor: Actor, appointmentId: string) {
  if (!(await bills.ownedBy(deps.h.db, 'appointments', actor.clinicId, appointmentId))) throw notFound({ ru: 'Визит', en: 'Visit' });
  const row = await bills.liveBillOfVisit(deps.h.db, actor.clinicId, appointmentId);
  return { bill: row ? (await billViews(deps.h.db, actor.clinicId, [row]))[0] : null };
}

/** A draft bill for a visit: its patient and branch; one live bill per visit. */
export async function createBill(deps: Deps, actor: Actor, input: z.infer<typeof BillCreate>) {
  const now = deps.clock().toISOString();
  const id = newId();
  await withTx(deps.h, async (trx) => {
    const visit = await bills.visitForBill(trx, actor.clinicId, input.appointmentId);
    if (!visit) throw fieldError('appointmentId', { ru: 'Визит не найден', en: 'Visit not found' });
    if (await bills.liveBillOfVisit(trx, actor.clinicId, visit.id)) {
      throw new DomainError('conflict', { ru: 'У этого визита уже есть счёт', en: 'This visit already has a bill' });
    }
    const number = await nextNumber(trx, actor.clinicId, 'bill');
    await bills.insertBill(trx, {
      id, clinic_id: actor.clinicId, branch_id: visit.branch_id, patient_id: visit.patient_id, appointment_id: visit.id, number,
      status: 'draft', payer: 'patient', total: 0, discount_total: 0, note: null, created_by: actor.userId, created_at: now, updated_at: now,
    });
    await appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'create', objectType: 'bill', objectId: id, patientId: visit.patient_id, details: { number } }));
  });
  return getBill(deps, actor, id);
}

async function draftOf(trx: Db, actor: Actor, id: string) {
  const bill = await bills.getBill(trx, actor.clinicId, id);
  if (!bill) throw notFound(BILL);
  if (bill.status !== 'draft') {
    throw new DomainError('invalid_transition', { ru: 'Выставленный счёт не меняется: отмените его и составьте новый', en: 'An issued bill is frozen: cancel it and make a new one' });
  }
  return bill;
}

/**
 * Replaces a draft's lines. Each line snapshots the service's code, name and price on the visit's
 * date; a range needs the agreed price within it; a discount needs cash.discount and a reason.
 */
export async function setLines(deps: Deps, actor: Actor, id: string, input: z.infer<typeof BillLinesInput>) {
  const now = deps.clock();
  const discounting = input.lines.some((l) => l.discount && l.discount.value > 0);
  if (discounting && !can(actor.role, 'cash.discount', actor.deskCover)) {
    throw new DomainError('forbidden', { ru: 'Скидку даёт только владелец или главный врач', en: 'Only the owner or the chief doctor gives discounts' });
  }
  await withTx(deps.h, async (trx) => {
    const bill = await draftOf(trx, actor, id);
    const date = bill.visit_date ?? bill.created_at.slice(0, 10);
    const rows = [];
    for (const [i, l] of input.lines.entries()) {
      const found = await bills.priceItemWithVersions(trx, actor.clinicId, l.priceItemId);
      if (!found) throw fieldError(`lines.${i}.priceItemId`, { ru: 'Услуга не найдена в прейскуранте', en: 'The service is not in the price list' });
      const { item, versions } = found;
      const v = versionAt(versions.map((x) => ({ ...x, validFrom: x.valid_from, priceMin: Number(x.price_min), priceMax: x.price_max === null ? null : Number(x.price_max) })), date);
      if (!v) throw fieldError(`lines.${i}.priceItemId`, { ru: `На ${date} у услуги нет цены`, en: `The service has no price on ${date}` });
      const isRange = v.priceMax !== null && v.priceMax !== v.priceMin;
      if (isRange && l.unitPrice === undefined) throw fieldError(`lines.${i}.unitPrice`, { ru: 'Укажите цену в пределах диапазона', en: 'Enter the price within the range' });
      const unitPrice = isRange ? l.unitPrice! : (l.unitPrice ?? v.priceMin);
      const gross = unitPrice * l.quantity;
      const discount = !l.discount ? 0 : l.discount.kind === 'sum' ? l.discount.value : l.discount.value > 100 ? -1 : percentDiscount(gross, l.discount.value);
      if (discount < 0) throw fieldError(`lines.${i}.discount`, { ru: 'Скидка в процентах — от 0 до 100', en: 'A percentage discount is 0 to 100' });
      const line = { unitPrice, quantity: l.quantity, discount, discountReason: l.discountReason ?? null };
      const p = lineProblem(line, { min: v.priceMin, max: v.priceMax });
      if (p) throw fieldError(`lines.${i}.${p.field}`, { ru: p.ru, en: p.en });
      const doctorId = l.doctorId === undefined ? bill.visit_doctor_id ?? null : l.doctorId;
      if (doctorId && !(await bills.ownedBy(trx, 'doctors', actor.clinicId, doctorId))) {
        throw fieldError(`lines.${i}.doctorId`, { ru: 'Врач не найден', en: 'Doctor not found' });
      }
      if (l.assistantId && !(await bills.ownedBy(trx, 'users', actor.clinicId, l.assistantId))) {
        throw fieldError(`lines.${i}.assistantId`, { ru: 'Сотрудник не найден', en: 'Staff member not found' });
      }
      rows.push({
        id: newId(), clinic_id: actor.clinicId, bill_id: id, position: i + 1, price_item_id: item.id, price_version_id: v.id, code: item.code, name: item.name,
        unit_price: unitPrice, quantity: l.quantity, discount, discount_reason: discount > 0 ? l.discountReason!.trim() : null, amount: gross - discount,
        doctor_id: doctorId, assistant_id: l.assistantId ?? null, tooth: l.tooth?.trim() || null,
      });
    }
    const totals = billTotals(rows.map((r) => ({ unitPrice: r.unit_price, quantity: r.quantity, discount: r.discount })));
    await bills.replaceLines(trx, actor.clinicId, id, rows);
    await bills.updateBill(trx, actor.clinicId, id, {
      total: totals.total, discount_total: totals.discountTotal, updated_at: now.toISOString(), ...(input.note !== undefined && { note: input.note?.trim() || null }),
    });
    await appendAudit(trx, auditEntry(actor, now, {
      action: 'update', objectType: 'bill', objectId: id, patientId: bill.patient_id, details: { lines: rows.length, total: totals.total, discount: totals.discountTotal },
    }));
  });
  return getBill(deps, actor, id);
}

/** Freezes a draft: from now on money can be taken on it and it counts in the patient's balance. */
export async function issueBill(deps: Deps, actor: Actor, id: string) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const bill = await draftOf(trx, actor, id);
    const lines = await bills.linesOf(trx, actor.clinicId, [id]);
    if (!lines.length) throw new DomainError('validation_failed', { ru: 'В счёте нет услуг', en: 'The bill has no services' }, [{ field: 'lines', message: { ru: 'Добавьте хотя бы одну услугу', en: 'Add at least one service' } }]);
    await bills.updateBill(trx, actor.clinicId, id, { status: 'issued', issued_by: actor.userId, issued_at: now.toISOString(), updated_at: now.toISOString() });
    await appendAudit(trx, auditEntry(actor, now, { action: 'issue', objectType: 'bill', objectId: id, patientId: bill.patient_id, details: { number: bill.number, total: Number(bill.total) } }));
  });
  return getBill(deps, actor, id);
}

/** Cancels a draft or an issued bill with a reason; never while money stands on it (refund it first). */
export async function cancelBill(deps: Deps, actor: Actor, id: string, reason: string) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const bill = await bills.getBill(trx, actor.clinicId, id);
    if (!bill) throw notFound(BILL);
    if (bill.status === 'cancelled') throw new DomainError('invalid_transition', { ru: 'Счёт уже отменён', en: 'The bill is already cancelled' });
    await payments.lockPatient(trx, deps.h.dialect, actor.clinicId, bill.patient_id);
    if (await payments.billHasMoney(trx, actor.clinicId, id)) {
      throw new DomainError('conflict', { ru: 'По счёту есть оплаты: сначала оформите возврат', en: 'Money was taken on this bill: refund it first' });
    }
    await bills.updateBill(trx, actor.clinicId, id, { status: 'cancelled', cancelled_by: actor.userId, cancelled_at: now.toISOString(), cancel_reason: reason.trim(), updated_at: now.toISOString() });
    await appendAudit(trx, auditEntry(actor, now, { action: 'cancel', objectType: 'bill', objectId: id, patientId: bill.patient_id, details: { number: bill.number } }));
  });
  return getBill(deps, actor, id);
}

/** The patient's money: balance (credit or debt), free credit, bills and payments. */
export async function patientMoney(deps: Deps, actor: Actor, patientId: string) {
  const db = deps.h.db;
  if (!(await bills.ownedBy(db, 'patients', actor.clinicId, patientId))) throw notFound({ ru: 'Пациент', en: 'Patient' });
  const [moves, billRows, payRows] = await Promise.all([
    payments.movesOfPatient(db, actor.clinicId, patientId),
    bills.billsOfPatient(db, actor.clinicId, patientId),
    payments.paymentsOfPatient(db, actor.clinicId, patientId),
  ]);
  const views = await billViews(db, actor.clinicId, billRows);
  const credit = availableCredit(moves);
  const issued = await bills.issuedPatientBillTotals(db, actor.clinicId, patientId);
  const debt = views.filter((b) => b.payer === 'patient').reduce((s, b) => s + billOutstanding({ status: b.status as BillStatus, total: b.total }, b.paid), 0);
  return { balance: patientBalance({ moves, issuedPatientBills: issued }), credit, debt, bills: views, payments: payRows.map((m) => paymentView(m, credit)) };
}

/** Balances of the patients with a visit on a day, non-zero only: the schedule marks debts. */
export async function dayBalances(deps: Deps, actor: Actor, date: string) {
  const ids = await bills.dayPatients(deps.h.db, actor.clinicId, date);
  const map = await bills.balancesOf(deps.h.db, actor.clinicId, ids);
  return { items: [...map].filter(([, b]) => b !== 0).map(([patientId, balance]) => ({ patientId, balance })) };
}
