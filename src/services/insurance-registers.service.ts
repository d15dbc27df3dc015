import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import type { JournalQuery, RegisterPayInput, RegisterSendInput } from '../contracts/insurance.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import { nextNumber } from '../db/repos/counters.repo.js';
import * as repo from '../db/repos/insurance.repo.js';
import * as journalRepo from '../db/repos/insurance-journal.repo.js';
import * as regs from '../db/repos/insurance-registers.repo.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { buildRegister, journalStatus, monthRange, registerPaymentProblem, type RegisterContent } from '../domain/insurance.js';
import { searchKey } from '../domain/names.js';
import { localDateOf } from '../domain/schedule/time.js';
import { registerCsvRows, registerPdf } from '../documents/insurance-register.js';
import { renderPdf } from '../documents/render.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { localToday } from './schedule-context.js';

const INSURER = { ru: 'Страховая компания', en: 'Insurer' };
const REGISTER = { ru: 'Реестр', en: 'Register' };
/** The receipt-number sequence of payments (013-money): the insurer's payment is a payment too. */
export const PAYMENT_COUNTER = 'receipt';

const fullName = (r: { surname: string; first_name: string; patronymic: string | null }) => [r.surname, r.first_name, r.patronymic].filter(Boolean).join(' ');

/** A filter naming an insurer of another clinic (or none) is a mistake to report, not an empty list. */
async function checkInsurerFilter(db: Db, clinicId: string, insurerId: string | undefined) {
  if (insurerId && !(await repo.getInsurer(db, clinicId, insurerId))) throw fieldError('insurerId', { ru: 'Страховая компания не найдена', en: 'Insurer not found' });
}

/** The insurance patients' journal (seed 002, 2.13): visits billed to insurers, filtered, with the sum over the filter. */
export async function journal(deps: Deps, actor: Actor, q: z.infer<typeof JournalQuery>) {
  await checkInsurerFilter(deps.h.db, actor.clinicId, q.insurerId);
  const tz = (await clinicTimeAndSettings(deps.h.db, actor.clinicId)).time_zone;
  const today = localToday(deps.clock(), tz).today;
  const from = q.from ?? `${today.slice(0, 7)}-01`;
  const to = q.to ?? today;
  const words = searchKey(q.q ?? '').split(' ').filter(Boolean).slice(0, 6);
  const r = await journalRepo.journal(deps.h.db, actor.clinicId, { from, to, insurerId: q.insurerId, status: q.status, words, limit: q.limit ?? 100, offset: q.offset ?? 0 });
  return {
    from, to, total: r.total, sum: r.sum,
    items: r.rows.map((x) => ({
      billId: x.bill_id, billNumber: x.bill_number, serviceDate: x.service_date, patientId: x.patient_id, patientName: fullName(x), cardNumber: x.card_number,
      insurerId: x.insurer_id, insurerName: x.insurer_name, policyNumber: x.policy_number, letterNumber: x.letter_number,
      doctor: [...new Set(x.lines.map((l) => l.doctor).filter(Boolean))].join(', ') || null,
      services: x.lines.map((l) => (l.quantity > 1 ? `${l.code} ×${l.quantity}` : l.code)).join(', '),
      amount: x.amount, status: journalStatus(x.register_status ? { status: x.register_status } : null, x.rejected_reason !== null), rejectedReason: x.rejected_reason, registerNumber: x.register_number ?? null,
    })),
  };
}

const STATUS_RU = { billed: 'выставлен', in_register: 'в реестре', paid: 'оплачен страховой', rejected: 'снят страховой' } as const;

/** The journal over the filter as a CSV (every row, not one page). */
export async function journalCsv(deps: Deps, actor: Actor, q: z.infer<typeof JournalQuery>) {
  const all = [];
  for (let offset = 0; ; offset += 500) {
    const page = await journal(deps, actor, { ...q, limit: 500, offset });
    all.push(...page.items);
    if (page.items.length < 500 || offset > 50_000) break;
  }
  const rows = [['Дата', 'Пациент', 'Карта', 'Страховая', 'Полис', 'Гарантийное письмо', 'Врач', 'Услуги', 'Сумма, ₽', 'Статус', 'Реестр'],
    ...all.map((r) => [r.serviceDate.split('-').reverse().join('.'), r.patientName, String(r.cardNumber), r.insurerName, r.policyNumber, r.letterNumber, r.doctor ?? '', r.services,
      `${Math.floor(r.amount / 100)},${String(r.amount % 100).padStart(2, '0')}`, STATUS_RU[r.status], r.registerNumber ? String(r.registerNumber) : ''])];
  return Buffer.from(stringify(rows, { delimiter: ';', record_delimiter: 'windows', bom: true }), 'utf8');
}

/** What a register for the insurer and month holds now: the month's billed visits no earlier register carried. */
async function draftContent(db: Db, clinicId: string, insurerId: string, month: string): Promise<{ content: RegisterContent; billIds: string[] }> {
  const ins = await repo.getInsurer(db, clinicId, insurerId);
  if (!ins) throw notFound(INSURER);
  const { from, to } = monthRange(month);
  const bills = await journalRepo.unregisteredBills(db, clinicId, insurerId, from, to);
  const lines = await journalRepo.linesOf(db, bills.map((b) => b.bill_id));
  const content = buildRegister(month, { name: ins.name, legalName: ins.legal_name, inn: ins.inn, kpp: ins.kpp, contractNumber: ins.contract_number, contractDate: ins.contract_date },
    bills.map((b) => ({
      billId: b.bill_id, billNumber: b.bill_number, serviceDate: b.service_date, patientName: fullName(b), cardNumber: b.card_number, policyNumber: b.policy_number,
      letterNumber: b.letter_number, amount: Number(b.amount),
      services: (lines.get(b.bill_id) ?? []).map((l) => ({ code: l.code, name: l.name, quantity: l.quantity, unitPrice: l.unit_price, amount: l.amount, doctor: l.doctor })),
    })));
  return { content, billIds: bills.map((b) => b.bill_id) };
}

export async function registerDraft(deps: Deps, actor: Actor, insurerId: string, month: string) {
  return { content: (await draftContent(deps.h.db, actor.clinicId, insurerId, month)).content };
}

type RegRow = NonNullable<Awaited<ReturnType<typeof regs.getRegister>>>;
function summary(r: RegRow) {
  return {
    id: r.id, number: r.number, insurerId: r.insurer_id, insurerName: r.insurer_name, month: r.month, status: r.status, total: Number(r.total), billsCount: r.bills_count,
    sentAt: r.sent_at, sentBy: r.sent_by_name ?? null, paidAmount: r.paid_amount === null ? null : Number(r.paid_amount), paidOn: r.paid_on, paymentRef: r.payment_ref,
  };
}

export async function listRegisters(deps: Deps, actor: Actor, insurerId?: string) {
  await checkInsurerFilter(deps.h.db, actor.clinicId, insurerId);
  return { items: (await regs.listRegisters(deps.h.db, actor.clinicId, insurerId)).map(summary) };
}

export async function getRegister(deps: Deps, actor: Actor, id: string) {
  const r = await regs.getRegister(deps.h.db, actor.clinicId, id);
  if (!r) throw notFound(REGISTER);
  const rejected = (await regs.billsOfRegister(deps.h.db, id)).filter((b) => b.rejected_reason)
    .map((b) => ({ billId: b.bill_id, billNumber: Number(b.number), amount: Number(b.amount), reason: b.rejected_reason! }));
  return { ...summary(r), content: JSON.parse(r.content_json) as RegisterContent, rejected };
}

/** Sends the month's register: numbered, its content stored; the visits in it are no longer open. */
export async function sendRegister(deps: Deps, actor: Actor, input: z.infer<typeof RegisterSendInput>) {
  const now = deps.clock();
  const id = newId();
  await withTx(deps.h, async (trx) => {
    const tz = (await clinicTimeAndSettings(trx, actor.clinicId)).time_zone;
    const today = localToday(now, tz).today;
    if (monthRange(input.month).from > today) throw fieldError('month', { ru: 'Реестр за будущий месяц составить нельзя', en: 'A register cannot cover a future month' });
    const { content, billIds } = await draftContent(trx, actor.clinicId, input.insurerId, input.month);
    if (billIds.length === 0) {
      throw new DomainError('conflict', { ru: 'За этот месяц нет услуг страховой, не вошедших в реестры', en: 'No services of this insurer in that month are left outside a register' }, [
        { field: 'month', message: { ru: 'Нечего включить в реестр', en: 'Nothing to put in a register' } },
      ]);
    }
    const number = await nextNumber(trx, actor.clinicId, 'insurance_register');
    await regs.insertRegister(trx, {
      id, clinic_id: actor.clinicId, insurer_id: input.insurerId, month: input.month, number, status: 'sent', total: content.total, bills_count: billIds.length,
      content_json: JSON.stringify(content), sent_by: actor.userId, sent_at: now.toISOString(), paid_amount: null, paid_on: null, payment_ref: null, paid_by: null, paid_at: null,
    }, billIds);
    await appendAudit(trx, auditEntry(actor, now, { action: 'send', objectType: 'insurance_register', objectId: id, details: { month: input.month, bills: billIds.length } }));
  });
  return getRegister(deps, actor, id);
}

/** The insurer's payment of a sent register: a payment with method 'insurer' on each of its bills, in one transaction. */
export async function payRegister(deps: Deps, actor: Actor, id: string, input: z.infer<typeof RegisterPayInput>) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const r = await regs.getRegister(trx, actor.clinicId, id);
    if (!r) throw notFound(REGISTER);
    const bills = await regs.billsOfRegister(trx, id);
    const rejected = input.rejected ?? [];
    const p = registerPaymentProblem({ status: r.status, total: Number(r.total), bills: bills.map((b) => ({ billId: b.bill_id, amount: Number(b.amount) })) }, input.amount, rejected);
    if (p) throw r.status === 'paid' ? new DomainError('invalid_transition', { ru: p.ru, en: p.en }) : fieldError(p.field, { ru: p.ru, en: p.en });
    const tz = (await clinicTimeAndSettings(trx, actor.clinicId)).time_zone;
    if (input.paidOn > localToday(now, tz).today) throw fieldError('paidOn', { ru: 'Дата оплаты не может быть в будущем', en: 'The payment date cannot be in the future' });
    if (input.paidOn < localDateOf(Date.parse(r.sent_at), tz)) {
      throw fieldError('paidOn', { ru: 'Дата оплаты раньше отправки реестра', en: 'The payment date is before the register was sent' });
    }
    const refused = new Map(rejected.map((x) => [x.billId, x.reason.trim()]));
    for (const b of bills) {
      const reason = refused.get(b.bill_id);
      // A refused bill gets no payment: what the insurer did not pay stays owed on it, with the reason.
      if (reason) { await regs.markRejected(trx, b.bill_id, reason, now.toISOString()); continue; }
      if (Number(b.amount) === 0) continue;
      await regs.insertInsurerPayment(trx, {
        id: newId(), clinic_id: actor.clinicId, branch_id: b.branch_id, patient_id: b.patient_id, bill_id: b.bill_id, number: await nextNumber(trx, actor.clinicId, PAYMENT_COUNTER),
        amount: Number(b.amount), reason: `Реестр № ${r.number}${input.paymentRef ? `, п/п ${input.paymentRef.trim()}` : ''}`, payer_name: r.insurer_name, created_by: actor.userId, created_at: now.toISOString(),
      });
    }
    await regs.markPaid(trx, id, { paid_amount: input.amount, paid_on: input.paidOn, payment_ref: input.paymentRef?.trim() || null, paid_by: actor.userId, paid_at: now.toISOString() });
    await appendAudit(trx, auditEntry(actor, now, { action: 'pay', objectType: 'insurance_register', objectId: id, details: { amount: input.amount, ...(rejected.length && { rejectedBills: rejected.length }) } }));
  });
  return getRegister(deps, actor, id);
}

/** A sent register as CSV or PDF, exactly as stored. */
export async function registerFile(deps: Deps, actor: Actor, id: string, format: 'csv' | 'pdf') {
  const r = await getRegister(deps, actor, id);
  const name = `reestr-${r.number}-${r.month}`;
  if (format === 'csv') {
    return { contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv`, body: Buffer.from(stringify(registerCsvRows(r.content), { delimiter: ';', record_delimiter: 'windows', bom: true }), 'utf8') };
  }
  const clinic = await regs.clinicTaxRow(deps.h.db, actor.clinicId);
  const pdf = await renderPdf(registerPdf(r.content, { number: r.number, sentAt: r.sentAt, clinic: { name: clinic.name, legalName: clinic.legal_name, inn: clinic.inn, kpp: clinic.kpp } }));
  return { contentType: 'application/pdf', fileName: `${name}.pdf`, body: pdf };
}
