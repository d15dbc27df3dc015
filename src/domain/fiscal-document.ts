/**
 * A neutral fiscal document (54-FZ) for the online cash register: what the desk sold or gave back,
 * in the register's terms, before any vendor's protocol (the ATOL or Shtrih adapter maps it).
 * Medical services are exempt from VAT (НК РФ ст. 149 п. 2 пп. 2), so every item is «без НДС».
 */
import type { PaymentMethod } from './money.js';

export type FiscalOperation = 'sell' | 'sell_return';

export interface FiscalItem {
  name: string;
  /** Kopecks per unit after the line's discount share. */
  price: number;
  quantity: number;
  /** Kopecks. */
  amount: number;
  vat: 'none';
  /** 54-FZ «признак предмета расчёта»: a service. */
  object: 'service';
  /** 54-FZ «признак способа расчёта»: full payment for a billed service, an advance onto the balance. */
  settlement: 'full_payment' | 'partial_payment' | 'advance';
}

export interface FiscalDocument {
  operation: FiscalOperation;
  /** The receipt number of the desk (payments.number). */
  receiptNumber: number;
  /** ISO instant. */
  at: string;
  items: FiscalItem[];
  /** Kopecks. */
  total: number;
  /** 'prepaid': the settlement of an advance already received (54-FZ «зачёт аванса/предоплаты»), when a bill is paid from the balance. */
  payment: { type: 'cash' | 'electronic' | 'prepaid'; amount: number };
  vatLabel: 'без НДС';
  cashier: string;
  /** Where the register sends the electronic copy (54-FZ art. 1.2 p. 2), when the patient left one. */
  customerContact: string | null;
  clinic: { legalName: string; address: string };
}

export interface FiscalLine {
  name: string;
  unitPrice: number;
  quantity: number;
  amount: number;
}

/**
 * The register's items for a sum paid on a bill: the whole bill when it is paid in full at once,
 * otherwise one item «Частичная оплата по счёту №…» (a register cannot print a fraction of each line).
 * An advance (no bill) is one item «Аванс за медицинские услуги».
 */
export function fiscalItems(amount: number, bill: { number: number; total: number; lines: readonly FiscalLine[] } | null): FiscalItem[] {
  if (!bill) return [{ name: 'Аванс за медицинские услуги', price: amount, quantity: 1, amount, vat: 'none', object: 'service', settlement: 'advance' }];
  if (amount === bill.total && bill.lines.every((l) => l.amount % l.quantity === 0)) {
    return bill.lines.filter((l) => l.amount > 0).map((l) => ({
      name: l.name, price: l.amount / l.quantity, quantity: l.quantity, amount: l.amount, vat: 'none', object: 'service', settlement: 'full_payment',
    }));
  }
  return [{ name: `Частичная оплата по счёту № ${bill.number}`, price: amount, quantity: 1, amount, vat: 'none', object: 'service', settlement: 'partial_payment' }];
}

/** The neutral document for one cash or card payment or refund, or for a bill paid from the balance (the advance's settlement). */
export function fiscalDocument(input: {
  operation: FiscalOperation;
  receiptNumber: number;
  at: string;
  method: PaymentMethod;
  amount: number;
  items: FiscalItem[];
  cashier: string;
  email: string | null;
  phone: string | null;
  clinic: { legalName: string; address: string };
}): FiscalDocument {
  if (input.method !== 'cash' && input.method !== 'card' && input.method !== 'advance') throw new RangeError(`not a fiscal method: ${input.method}`);
  return {
    operation: input.operation,
    receiptNumber: input.receiptNumber,
    at: input.at,
    items: input.items,
    total: input.amount,
    payment: { type: input.method === 'cash' ? 'cash' : input.method === 'advance' ? 'prepaid' : 'electronic', amount: input.amount },
    vatLabel: 'без НДС',
    cashier: input.cashier,
    customerContact: input.email ?? input.phone ?? null,
    clinic: input.clinic,
  };
}
