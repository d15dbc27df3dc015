/**
 * The certificate of payment for medical services for the tax office (справка об оплате
 * медицинских услуг для представления в налоговый орган): since 2024 the FNS form КНД 1151156
 * (order of the FNS of Russia of 08.11.2023 № ЕА-7-11/824@, replacing the 2001 joint form of the
 * Ministry of Health and the Tax Ministry № 289/БГ-3-04/256). It states what the taxpayer actually
 * paid in the year for the patient's services: real money in (cash, card, transfer) less the money
 * given back; the insurer's money and allocations of credit are not the taxpayer's expense.
 * Service code 1: ordinary services; code 2: expensive treatment (the Government's list).
 */
import type { Bilingual } from './errors.js';
import { isPatientMoney, type PaymentKind, type PaymentMethod } from './money.js';

export const TAX_RELATIONS = ['self', 'spouse', 'parent', 'child'] as const;
export type TaxRelation = (typeof TAX_RELATIONS)[number];

export interface TaxMove {
  kind: PaymentKind;
  method: PaymentMethod;
  amount: number;
}

/** The year's paid sum for the certificate: payments less refunds, money methods only, in kopecks. */
export function taxPaidSum(moves: readonly TaxMove[]): number {
  let sum = 0;
  for (const m of moves) {
    if (!isPatientMoney(m.method)) continue;
    sum += m.kind === 'refund' ? -m.amount : m.amount;
  }
  return Math.max(0, sum);
}

/** Checks an individual's INN (12 digits with two check digits, Tax Code art. 84 rules). */
export function isPersonInn(inn: string): boolean {
  if (!/^\d{12}$/.test(inn)) return false;
  const d = [...inn].map(Number);
  const check = (w: number[]) => (w.reduce((s, k, i) => s + k * d[i], 0) % 11) % 10;
  return check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11];
}

export interface Problem extends Bilingual {
  field: string;
}

/** Why the certificate cannot be issued, or null. `today` is clinic-local. */
export function taxCertificateProblem(c: { year: number; amount: number; taxpayerInn: string | null; taxpayerDocument: string | null; relation: TaxRelation; taxpayerBirthDate: string }, today: string): Problem | null {
  const thisYear = Number(today.slice(0, 4));
  if (c.year > thisYear) return { field: 'year', ru: 'Справка выдаётся за прошедший или текущий год', en: 'A certificate covers a past or the current year' };
  if (c.taxpayerInn && !isPersonInn(c.taxpayerInn)) return { field: 'taxpayer.inn', ru: 'ИНН физического лица — 12 цифр с верными контрольными цифрами', en: 'An individual’s INN is 12 digits with valid check digits' };
  if (!c.taxpayerInn && !c.taxpayerDocument) {
    return { field: 'taxpayer.document', ru: 'Без ИНН нужен документ, удостоверяющий личность (вид, серия и номер, дата выдачи)', en: 'Without an INN, an identity document (kind, series and number, date of issue) is required' };
  }
  if (c.taxpayerBirthDate > today) return { field: 'taxpayer.birthDate', ru: 'Дата рождения не может быть в будущем', en: 'The birth date cannot be in the future' };
  if (c.amount <= 0) return { field: 'year', ru: 'За этот год оплат пациента нет: справку выдать не на что', en: 'No payments for this patient in that year: nothing to certify' };
  return null;
}

/** «пациент — сам налогоплательщик», «супруг(а)», …: how the form is filled for the relation. */
export const RELATION_RU: Record<TaxRelation, string> = {
  self: 'налогоплательщик и пациент — одно лицо',
  spouse: 'супруг (супруга) налогоплательщика',
  parent: 'родитель налогоплательщика',
  child: 'ребёнок (подопечный) налогоплательщика',
};
