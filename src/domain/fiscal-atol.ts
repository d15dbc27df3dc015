import type { FiscalDocument } from './fiscal-document.js';

/**
 * The neutral fiscal document (54-FZ) as a JSON task of ATOL's driver (ДТО 10, «JSON-задания»),
 * which ATOL Web Server accepts at POST /api/v2/requests as `{ uuid, request: [task] }`.
 *
 * Money: the document carries integer kopecks; ATOL takes rubles as JSON numbers with two
 * decimals. Medical services are VAT-exempt (НК РФ ст. 149 п. 2 пп. 2), so every position is
 * `tax: none`; `paymentObject: service` with `fullPayment` (the rendered service paid in full by this
 * receipt) or `partialPayment`, and an advance onto the balance is `advance` of a `payment`.
 */
export interface AtolPosition {
  type: 'position';
  name: string;
  price: number;
  quantity: number;
  amount: number;
  tax: { type: 'none' };
  paymentMethod: 'fullPayment' | 'partialPayment' | 'advance';
  paymentObject: 'service' | 'payment';
}

export interface AtolTask {
  type: 'sell' | 'sellReturn';
  /** Send the receipt to the client's e-mail or phone instead of printing only. */
  electronically?: boolean;
  operator: { name: string };
  clientInfo?: { emailOrPhone: string };
  items: AtolPosition[];
  /** 'prepaid': ATOL's payment type 2, «предварительная оплата (зачёт аванса)». */
  payments: { type: 'cash' | 'electronically' | 'prepaid'; sum: number }[];
  total: number;
}

/** Kopecks → rubles as ATOL wants them (exact for any integer kopecks below 2^53 / 100). */
export function atolRubles(kopecks: number): number {
  if (!Number.isSafeInteger(kopecks)) throw new RangeError('kopecks must be a safe integer');
  return Math.round(kopecks) / 100;
}

/** ATOL's limit for a position name (ФФД 1.05/1.2: tag 1030, 128 characters). */
export const ATOL_NAME_MAX = 128;

const SETTLEMENT = { full_payment: 'fullPayment', partial_payment: 'partialPayment', advance: 'advance' } as const;

/** Maps the neutral document to ATOL's task; throws RangeError when the document does not add up (never sent half-right). */
export function atolTask(doc: FiscalDocument): AtolTask {
  if (!doc.items.length) throw new RangeError('a receipt needs at least one item');
  const items: AtolPosition[] = doc.items.map((l) => ({
    type: 'position',
    name: l.name.length > ATOL_NAME_MAX ? l.name.slice(0, ATOL_NAME_MAX - 1) + '…' : l.name,
    price: atolRubles(l.price),
    quantity: l.quantity,
    amount: atolRubles(l.amount),
    tax: { type: 'none' },
    paymentMethod: SETTLEMENT[l.settlement],
    // 54-FZ: an advance is «платёж» (the service is not yet rendered); everything else a service.
    paymentObject: l.settlement === 'advance' ? 'payment' : 'service',
  }));
  const itemsTotal = doc.items.reduce((s, l) => s + l.amount, 0);
  if (itemsTotal !== doc.total) throw new RangeError(`items add up to ${itemsTotal}, the document says ${doc.total}`);
  if (doc.payment.amount !== doc.total) throw new RangeError(`paid ${doc.payment.amount}, the document says ${doc.total}`);
  const task: AtolTask = {
    type: doc.operation === 'sell_return' ? 'sellReturn' : 'sell',
    operator: { name: doc.cashier },
    items,
    payments: [{ type: doc.payment.type === 'electronic' ? 'electronically' : doc.payment.type, sum: atolRubles(doc.payment.amount) }],
    total: atolRubles(doc.total),
  };
  if (doc.customerContact) {
    // The register also sends the receipt to the patient's e-mail or phone (54-FZ art. 1.2 p. 2); the paper one is printed too.
    task.electronically = false;
    task.clientInfo = { emailOrPhone: doc.customerContact };
  }
  return task;
}

/** The request body of ATOL Web Server: the outbox row's id is the task's uuid, so a resend is refused as a duplicate, never printed twice. */
export function atolRequest(uuid: string, doc: FiscalDocument) {
  return { uuid, request: [atolTask(doc)] };
}

/** What the Web Server reports for a task (GET /api/v2/requests/{uuid}). */
export type AtolOutcome =
  | { kind: 'done'; fiscalSign: string }
  | { kind: 'waiting' }
  | { kind: 'rejected'; error: string };

/** Reads ATOL Web Server's result of our one-task request. */
export function atolOutcome(body: unknown): AtolOutcome {
  const results = (body as { results?: unknown })?.results;
  const r = Array.isArray(results) ? (results[0] as Record<string, unknown> | undefined) : undefined;
  if (!r) return { kind: 'waiting' };
  const status = String(r.status ?? '');
  if (status === 'ready') {
    const fp = ((r.result as Record<string, unknown> | undefined)?.fiscalParams ?? {}) as Record<string, unknown>;
    const sign = fp.fiscalDocumentSign;
    if (sign === undefined || sign === null || sign === '') return { kind: 'rejected', error: 'ATOL: готово, но без фискального признака' };
    const num = fp.fiscalDocumentNumber;
    return { kind: 'done', fiscalSign: num === undefined ? String(sign) : `ФД ${String(num)}, ФП ${String(sign)}` };
  }
  if (status === 'wait' || status === 'inProgress' || status === '') return { kind: 'waiting' };
  const code = r.errorCode === undefined ? '' : ` ${String(r.errorCode)}`;
  return { kind: 'rejected', error: `ATOL ${status}${code}: ${String(r.errorDescription ?? '').slice(0, 300)}` };
}
