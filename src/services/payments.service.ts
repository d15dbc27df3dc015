import type { z } from 'zod';
import type { PaymentInput, RefundInput } from '../contracts/money.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as bills from '../db/repos/bills.repo.js';
import * as shifts from '../db/repos/cash-shifts.repo.js';
import { nextNumber } from '../db/repos/counters.repo.js';
import * as payments from '../db/repos/payments.repo.js';
import { renderPdf } from '../documents/render.js';
import { receiptDocument } from '../documents/receipt.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { fiscalDocument, fiscalItems, type FiscalOperation } from '../domain/fiscal-document.js';
import { availableCredit, billPaid, isFiscal, needsShift, paymentProblem, refundProblem, refundable, type BillPayer, type BillStatus, type PaymentMethod } from '../domain/money.js';
import { fullName } from '../domain/names.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { paymentView } from './money-views.js';

const PAYMENT = { ru: 'Платёж', en: 'Payment' };

/** 409 with what to do: cash and card go through the drawer and the terminal of an open shift. */
function noShift(): DomainError {
  return new DomainError('conflict', {
    ru: 'Кассовая смена не открыта: откройте смену на странице «Касса», затем примите оплату',
    en: 'No cash shift is open: open the shift on the «Касса» page, then take the payment',
  });
}

/**
 * Writes one payment or refund with its receipt number, and for cash and card the fiscal document
 * in the same transaction: the register adapter finds every one of them in the outbox.
 */
async function record(trx: Db, deps: Deps, actor: Actor, m: {
  kind: 'payment' | 'refund'; method: PaymentMethod; amount: number; patientId: string; branchId: string; billId: string | null;
  shiftId: string | null; refundOf: string | null; reason: string | null; payerName: string | null;
}) {
  const now = deps.clock().toISOString();
  const id = newId();
  const number = await nextNumber(trx, actor.clinicId, 'receipt');
  await payments.insertPayment(trx, {
    id, clinic_id: actor.clinicId, branch_id: m.branchId, patient_id: m.patientId, bill_id: m.billId, shift_id: m.shiftId, number, kind: m.kind,
    method: m.method, amount: m.amount, refund_of: m.refundOf, reason: m.reason, payer_name: m.payerName, created_by: actor.userId, created_at: now,
  });
  // A bill paid from the balance settles an advance already fiscalised: 54-FZ wants its own receipt («зачёт аванса»).
  if (isFiscal(m.method) || (m.method === 'advance' && m.billId)) {
    const { clinic, branch } = await payments.clinicAndBranch(trx, actor.clinicId, m.branchId);
    const who = await payments.fiscalContacts(trx, m.patientId, actor.userId);
    let bill = null;
    if (m.billId) {
      const b = await bills.getBill(trx, actor.clinicId, m.billId);
      const lines = await bills.linesOf(trx, actor.clinicId, [m.billId]);
      bill = { number: b!.number, total: Number(b!.total), lines: lines.map((l) => ({ name: l.name, unitPrice: Number(l.unit_price), quantity: l.quantity, amount: Number(l.amount) })) };
    }
    const operation: FiscalOperation = m.kind === 'payment' ? 'sell' : 'sell_return';
    const doc = fiscalDocument({
      operation, receiptNumber: number, at: now, method: m.method, amount: m.amount, items: fiscalItems(m.amount, bill), cashier: who.cashier,
      email: who.email, phone: who.phone, clinic: { legalName: clinic.legal_name ?? clinic.name, address: branch.address },
    });
    await payments.insertFiscal(trx, {
      id: newId(), clinic_id: actor.clinicId, payment_id: id, operation, payload_json: JSON.stringify(doc), status: 'pending', attempts: 0,
      last_error: null, fiscal_sign: null, created_at: now, updated_at: now,
    });
  }
  await appendAudit(trx, auditEntry(actor, deps.clock(), {
    action: m.kind === 'payment' ? 'pay' : 'refund', objectType: 'payment', objectId: id, patientId: m.patientId,
    details: { number, method: m.method, amount: m.amount, billId: m.billId },
  }));
  return id;
}

export async function getPayment(deps: Deps, actor: Actor, id: string) {
  const row = await payments.getPayment(deps.h.db, actor.clinicId, id);
  if (!row) throw notFound(PAYMENT);
  const credit = availableCredit(await payments.movesOfPatient(deps.h.db, actor.clinicId, row.patient_id));
  return paymentView(row, credit);
}

/** A payment on an issued bill (part payments allowed, never more than owed), from the balance, or an advance (no bill). */
export async function takePayment(deps: Deps, actor: Actor, input: z.infer<typeof PaymentInput>) {
  const id = await withTx(deps.h, async (trx) => {
    if (!(await payments.lockPatient(trx, deps.h.dialect, actor.clinicId, input.patientId))) throw fieldError('patientId', { ru: 'Пациент не найден', en: 'Patient not found' });
    const bill = input.billId ? await bills.getBill(trx, actor.clinicId, input.billId) : null;
    if (input.billId && (!bill || bill.patient_id !== input.patientId)) throw fieldError('billId', { ru: 'Счёт этого пациента не найден', en: 'No such bill of this patient' });
    const branchId = input.branchId ?? bill?.branch_id;
    if (!branchId) throw fieldError('branchId', { ru: 'Укажите филиал, где принимается аванс', en: 'Choose the branch taking the advance' });
    if (!(await bills.ownedBy(trx, 'branches', actor.clinicId, branchId))) {
      throw fieldError('branchId', { ru: 'Филиал не найден', en: 'Branch not found' });
    }
    const moves = await payments.movesOfPatient(trx, actor.clinicId, input.patientId);
    const paid = bill ? billPaid(moves.filter((x) => x.billId === bill.id)) : 0;
    const p = paymentProblem(
      { amount: input.amount, method: input.method },
      bill ? { status: bill.status as BillStatus, total: Number(bill.total), payer: bill.payer as BillPayer } : null, paid, availableCredit(moves),
    );
    if (p) throw fieldError(p.field, { ru: p.ru, en: p.en });
    const shift = await shifts.openShiftOf(trx, actor.clinicId, branchId);
    if (needsShift(input.method) && !shift) throw noShift();
    return record(trx, deps, actor, {
      kind: 'payment', method: input.method, amount: input.amount, patientId: input.patientId, branchId, billId: bill?.id ?? null,
      shiftId: input.method === 'advance' ? null : shift?.id ?? null, refundOf: null, reason: null, payerName: input.payerName?.trim() || null,
    });
  });
  return getPayment(deps, actor, id);
}

/** Gives money back by the payment's own method, with a reason; never more than paid (or than the advance still free). */
export async function refundPayment(deps: Deps, actor: Actor, paymentId: string, input: z.infer<typeof RefundInput>) {
  const id = await withTx(deps.h, async (trx) => {
    const orig = await payments.getPayment(trx, actor.clinicId, paymentId);
    if (!orig) throw notFound(PAYMENT);
    if (orig.kind !== 'payment') throw new DomainError('invalid_transition', { ru: 'Возврат оформляется по оплате, не по возврату', en: 'Refund a payment, not a refund' });
    await payments.lockPatient(trx, deps.h.dialect, actor.clinicId, orig.patient_id);
    const fresh = (await payments.getPayment(trx, actor.clinicId, paymentId))!;
    const credit = availableCredit(await payments.movesOfPatient(trx, actor.clinicId, orig.patient_id));
    const limit = refundable({ amount: Number(fresh.amount), billId: fresh.bill_id, method: fresh.method }, Number(fresh.refunded), credit);
    const p = refundProblem(input.amount, input.reason, limit);
    if (p) throw fieldError(p.field, { ru: p.ru, en: p.en });
    const shift = await shifts.openShiftOf(trx, actor.clinicId, orig.branch_id);
    if (needsShift(orig.method) && !shift) throw noShift();
    return record(trx, deps, actor, {
      kind: 'refund', method: orig.method, amount: input.amount, patientId: orig.patient_id, branchId: orig.branch_id, billId: orig.bill_id,
      shiftId: orig.method === 'advance' ? null : shift?.id ?? null, refundOf: orig.id, reason: input.reason.trim(), payerName: orig.payer_name,
    });
  });
  return getPayment(deps, actor, id);
}

/** The receipt PDF of a payment or a refund. */
export async function receiptPdf(deps: Deps, actor: Actor, id: string): Promise<{ body: Buffer; fileName: string }> {
  const db = deps.h.db;
  const m = await payments.getPayment(db, actor.clinicId, id);
  if (!m) throw notFound(PAYMENT);
  const { clinic, branch } = await payments.clinicAndBranch(db, actor.clinicId, m.branch_id);
  const bill = m.bill_id ? await bills.getBill(db, actor.clinicId, m.bill_id) : null;
  const lines = bill && m.kind === 'payment' ? await bills.linesOf(db, actor.clinicId, [bill.id]) : [];
  const refunded = m.refund_of ? await payments.getPayment(db, actor.clinicId, m.refund_of) : null;
  const doc = receiptDocument({
    clinic: { legalName: clinic.legal_name ?? clinic.name, licence: clinic.licence },
    branch,
    number: m.number,
    at: m.created_at,
    timeZone: clinic.time_zone,
    kind: m.kind,
    method: m.method,
    patientName: fullName({ surname: m.surname, firstName: m.first_name, patronymic: m.patronymic }),
    cardNumber: m.card_number,
    payerName: m.payer_name,
    bill: bill ? { number: bill.number, visitDate: bill.visit_date ?? null } : null,
    lines: lines.map((l) => ({ name: l.name, code: l.code, quantity: l.quantity, unitPrice: Number(l.unit_price), discount: Number(l.discount), amount: Number(l.amount) })),
    billTotal: bill && lines.length ? Number(bill.total) : null,
    amount: Number(m.amount),
    reason: m.reason,
    refundOfNumber: refunded?.number ?? null,
    cashier: m.cashier_name,
  });
  await withTx(deps.h, (trx) => appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'print', objectType: 'payment', objectId: id, patientId: m.patient_id, details: { number: m.number } })));
  return { body: await renderPdf(doc), fileName: `receipt-${m.number}.pdf` };
}
