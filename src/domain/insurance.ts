/**
 * Voluntary medical insurance (ДМС, PAT-4): pure rules. A policy is valid between its dates
 * (inclusive, clinic-local); a guarantee letter covers visits up to its date and up to its limit,
 * less what has already been billed against it. A bill the insurer pays names the policy and the
 * letter; the month's register lists every such bill of that insurer whose visit falls in the month
 * and that no earlier register carried. Money: integer kopecks.
 */
import type { Bilingual } from './errors.js';
import { kopecksText } from './money.js';

export type PolicyState = 'active' | 'expired' | 'future';

/** Whether a policy is in force on a clinic-local date. */
export function policyState(p: { validFrom: string; validTo: string }, date: string): PolicyState {
  if (date < p.validFrom) return 'future';
  if (date > p.validTo) return 'expired';
  return 'active';
}

/** What a letter still allows: its limit less the bills already handed to the insurer on it. */
export function letterRemaining(limit: number, billed: number): number {
  return Math.max(0, limit - billed);
}

export interface Problem extends Bilingual {
  field: string;
}

export interface BillingCheck {
  /** The visit's clinic-local date. */
  serviceDate: string;
  amount: number;
  policy: { id: string; insurerId: string; validFrom: string; validTo: string; number: string };
  letter: { policyId: string; insurerId: string; validTo: string; issuedOn: string; limit: number; billed: number; number: string };
}

/** Why a bill cannot be handed to the insurer on this policy and letter, or null. */
export function insuranceBillingProblem(c: BillingCheck): Problem | null {
  const state = policyState(c.policy, c.serviceDate);
  if (state === 'expired') {
    return { field: 'policyId', ru: `Полис ${c.policy.number} истёк ${ruDay(c.policy.validTo)}`, en: `Policy ${c.policy.number} expired on ${c.policy.validTo}` };
  }
  if (state === 'future') {
    return { field: 'policyId', ru: `Полис ${c.policy.number} действует с ${ruDay(c.policy.validFrom)}`, en: `Policy ${c.policy.number} starts on ${c.policy.validFrom}` };
  }
  if (c.letter.policyId !== c.policy.id || c.letter.insurerId !== c.policy.insurerId) {
    return { field: 'letterId', ru: 'Гарантийное письмо выдано по другому полису', en: 'The guarantee letter belongs to another policy' };
  }
  if (c.serviceDate > c.letter.validTo) {
    return { field: 'letterId', ru: `Гарантийное письмо № ${c.letter.number} действовало до ${ruDay(c.letter.validTo)}`, en: `Guarantee letter ${c.letter.number} was valid until ${c.letter.validTo}` };
  }
  if (c.serviceDate < c.letter.issuedOn) {
    return { field: 'letterId', ru: `Гарантийное письмо № ${c.letter.number} выдано позже визита`, en: `Guarantee letter ${c.letter.number} was issued after the visit` };
  }
  const left = letterRemaining(c.letter.limit, c.letter.billed);
  if (c.amount > left) {
    return {
      field: 'letterId',
      ru: `Сумма счёта ${kopecksText(c.amount)} ₽ больше остатка лимита гарантийного письма (${kopecksText(left)} ₽)`,
      en: `The bill's ${kopecksText(c.amount)} ₽ exceeds what the guarantee letter has left (${kopecksText(left)} ₽)`,
    };
  }
  return null;
}

/** Why policy dates are wrong, or null. */
export function policyDatesProblem(p: { validFrom: string; validTo: string }): Problem | null {
  if (p.validTo < p.validFrom) return { field: 'validTo', ru: 'Полис не может закончиться раньше, чем начался', en: 'The policy cannot end before it starts' };
  return null;
}

/** Why letter dates are wrong, or null. */
export function letterDatesProblem(l: { issuedOn: string; validTo: string }): Problem | null {
  if (l.validTo < l.issuedOn) return { field: 'validTo', ru: 'Письмо не может действовать меньше дня: срок раньше даты выдачи', en: 'The letter cannot expire before it is issued' };
  return null;
}

/** First and last clinic-local dates of a 'YYYY-MM' month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The journal's status of a visit billed to the insurer. */
export type JournalStatus = 'billed' | 'in_register' | 'paid' | 'rejected';
export function journalStatus(register: { status: 'sent' | 'paid' } | null, rejected = false): JournalStatus {
  if (!register) return 'billed';
  if (rejected) return 'rejected';
  return register.status === 'paid' ? 'paid' : 'in_register';
}

export interface RegisterService {
  code: string;
  name: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  doctor: string | null;
}

export interface RegisterBill {
  billId: string;
  billNumber: number;
  serviceDate: string;
  patientName: string;
  cardNumber: number;
  policyNumber: string;
  letterNumber: string;
  amount: number;
  services: RegisterService[];
}

/** A register's content, exactly as sent: bills in date, patient and bill order, totals per patient and in all. */
export interface RegisterContent {
  month: string;
  insurer: { name: string; legalName: string; inn: string; kpp: string | null; contractNumber: string; contractDate: string };
  bills: RegisterBill[];
  patients: { patientName: string; cardNumber: number; policyNumber: string; bills: number; amount: number }[];
  servicesCount: number;
  total: number;
}

/** Builds a register from the month's bills: sorted, totalled per patient and policy, the sum exact to the kopeck. */
export function buildRegister(month: string, insurer: RegisterContent['insurer'], bills: readonly RegisterBill[]): RegisterContent {
  const sorted = [...bills].sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.patientName.localeCompare(b.patientName, 'ru') || a.billNumber - b.billNumber);
  const byPatient = new Map<string, RegisterContent['patients'][number]>();
  for (const b of sorted) {
    const key = `${b.cardNumber}|${b.policyNumber}`;
    const p = byPatient.get(key) ?? { patientName: b.patientName, cardNumber: b.cardNumber, policyNumber: b.policyNumber, bills: 0, amount: 0 };
    p.bills += 1;
    p.amount += b.amount;
    byPatient.set(key, p);
  }
  return {
    month,
    insurer,
    bills: sorted,
    patients: [...byPatient.values()].sort((a, b) => a.patientName.localeCompare(b.patientName, 'ru') || a.cardNumber - b.cardNumber),
    servicesCount: sorted.reduce((s, b) => s + b.services.reduce((q, l) => q + l.quantity, 0), 0),
    total: sorted.reduce((s, b) => s + b.amount, 0),
  };
}

/**
 * Why the insurer's payment of a register cannot be recorded, or null. The insurer pays the total
 * less the bills its experts refused (each named, with the reason): the sum must match to the kopeck,
 * so a typo never passes for a refusal nobody recorded.
 */
export function registerPaymentProblem(
  reg: { status: 'sent' | 'paid'; total: number; bills: { billId: string; amount: number }[] },
  amount: number,
  rejected: { billId: string; reason: string }[] = [],
): Problem | null {
  if (reg.status === 'paid') return { field: 'amount', ru: 'Реестр уже оплачен', en: 'The register is already paid' };
  const amounts = new Map(reg.bills.map((b) => [b.billId, b.amount]));
  const seen = new Set<string>();
  for (const [i, r] of rejected.entries()) {
    if (!amounts.has(r.billId)) return { field: `rejected.${i}.billId`, ru: 'Этого счёта нет в реестре', en: 'This bill is not in the register' };
    if (seen.has(r.billId)) return { field: `rejected.${i}.billId`, ru: 'Счёт указан дважды', en: 'The bill is named twice' };
    if (!r.reason.trim()) return { field: `rejected.${i}.reason`, ru: 'Укажите причину снятия', en: 'Give the reason of the refusal' };
    seen.add(r.billId);
  }
  if (rejected.length > 0 && seen.size === amounts.size) {
    return { field: 'rejected', ru: 'Сняты все счета реестра: оплаты нет, записывать нечего', en: 'Every bill of the register is refused: there is no payment to record' };
  }
  const due = reg.total - rejected.reduce((s, r) => s + (amounts.get(r.billId) ?? 0), 0);
  if (amount !== due) {
    return rejected.length
      ? { field: 'amount', ru: `Сумма оплаты должна равняться итогу реестра за вычетом снятых счетов (${kopecksText(due)} ₽)`, en: `The payment must equal the register's total less the refused bills (${kopecksText(due)} ₽)` }
      : { field: 'amount', ru: `Сумма оплаты должна совпадать с итогом реестра (${kopecksText(reg.total)} ₽); если страховая сняла счета, отметьте их`, en: `The payment must equal the register's total (${kopecksText(reg.total)} ₽); if the insurer refused bills, mark them` };
  }
  return null;
}

const MONTHS_RU = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
/** «ноябрь 2026». */
export function ruMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${MONTHS_RU[m - 1]} ${y}`;
}

function ruDay(date: string): string {
  return date.split('-').reverse().join('.');
}
