import { describe, expect, it } from 'vitest';
import { atolOutcome, atolRequest, atolRubles, atolTask } from './fiscal-atol.js';
import { fiscalDocument, fiscalItems } from './fiscal-document.js';

const clinic = { legalName: 'ООО «Улыбка»', address: 'Санкт-Петербург, Невский пр., 1' };
const bill = {
  number: 17,
  total: 530050,
  lines: [
    { name: 'Лечение кариеса, пломба светового отверждения', unitPrice: 450000, quantity: 1, amount: 430050 },
    { name: 'Анестезия аппликационная', unitPrice: 50000, quantity: 2, amount: 100000 },
  ],
};
const doc = (over: Partial<Parameters<typeof fiscalDocument>[0]> = {}) =>
  fiscalDocument({ operation: 'sell', receiptNumber: 41, at: '2026-11-30T10:00:00.000Z', method: 'cash', amount: 530050, items: fiscalItems(530050, bill), cashier: 'Соколова Мария Андреевна', email: null, phone: null, clinic, ...over });

describe('ATOL JSON task from the neutral fiscal document', () => {
  it('a bill paid in full in cash: one position per line, rubles, без НДС, service, full payment', () => {
    const t = atolTask(doc());
    expect(t.type).toBe('sell');
    expect(t.operator).toEqual({ name: 'Соколова Мария Андреевна' });
    expect(t.items).toEqual([
      { type: 'position', name: 'Лечение кариеса, пломба светового отверждения', price: 4300.5, quantity: 1, amount: 4300.5, tax: { type: 'none' }, paymentMethod: 'fullPayment', paymentObject: 'service' },
      { type: 'position', name: 'Анестезия аппликационная', price: 500, quantity: 2, amount: 1000, tax: { type: 'none' }, paymentMethod: 'fullPayment', paymentObject: 'service' },
    ]);
    expect(t.payments).toEqual([{ type: 'cash', sum: 5300.5 }]);
    expect(t.total).toBe(5300.5);
    expect(t.clientInfo).toBeUndefined();
  });
  it('a card part payment: one partial-payment position, electronically; the client gets the copy by e-mail', () => {
    const t = atolTask(doc({ method: 'card', amount: 100001, items: fiscalItems(100001, bill), email: 'anna@example.ru', phone: '+79213220031' }));
    expect(t.items).toHaveLength(1);
    expect(t.items[0]).toMatchObject({ name: 'Частичная оплата по счёту № 17', price: 1000.01, amount: 1000.01, paymentMethod: 'partialPayment', paymentObject: 'service' });
    expect(t.payments).toEqual([{ type: 'electronically', sum: 1000.01 }]);
    expect(t.clientInfo).toEqual({ emailOrPhone: 'anna@example.ru' });
  });
  it('an advance is «аванс» of a «платёж»; a refund is sellReturn; a phone is the contact when there is no e-mail', () => {
    const adv = atolTask(doc({ amount: 300000, items: fiscalItems(300000, null), phone: '+79213220031' }));
    expect(adv.items[0]).toMatchObject({ paymentMethod: 'advance', paymentObject: 'payment', amount: 3000 });
    expect(adv.clientInfo).toEqual({ emailOrPhone: '+79213220031' });
    expect(atolTask(doc({ operation: 'sell_return' })).type).toBe('sellReturn');
  });
  it('a bill paid from the balance: the advance’s settlement («зачёт аванса»), full payment of the services, ATOL payment type prepaid', () => {
    const d = doc({ method: 'advance' });
    expect(d.payment).toEqual({ type: 'prepaid', amount: 530050 });
    const t = atolTask(d);
    expect(t.type).toBe('sell');
    expect(t.items.map((i) => [i.paymentMethod, i.paymentObject])).toEqual([['fullPayment', 'service'], ['fullPayment', 'service']]);
    expect(t.payments).toEqual([{ type: 'prepaid', sum: 5300.5 }]);
    expect(() => doc({ method: 'transfer' })).toThrow(RangeError);
  });
  it('refuses a document that does not add up, and a long name is cut to the register’s 128 characters', () => {
    const d = doc();
    expect(() => atolTask({ ...d, total: d.total + 1 })).toThrow(RangeError);
    expect(() => atolTask({ ...d, payment: { ...d.payment, amount: 1 } })).toThrow(RangeError);
    expect(() => atolTask({ ...d, items: [] })).toThrow(RangeError);
    const long = atolTask({ ...d, items: [{ ...d.items[0]!, name: 'ы'.repeat(300) }], total: d.items[0]!.amount, payment: { type: 'cash', amount: d.items[0]!.amount } });
    expect(long.items[0]!.name).toHaveLength(128);
  });
  it('kopecks to rubles exactly; the request wraps the task under the outbox uuid', () => {
    expect(atolRubles(1)).toBe(0.01);
    expect(atolRubles(123456789)).toBe(1234567.89);
    expect(() => atolRubles(0.5)).toThrow(RangeError);
    expect(atolRequest('0193-uuid', doc())).toMatchObject({ uuid: '0193-uuid', request: [{ type: 'sell' }] });
  });
  it('reads the Web Server’s results: ready with the fiscal sign, still waiting, refused with the error', () => {
    expect(atolOutcome({ results: [{ status: 'ready', errorCode: 0, result: { fiscalParams: { fiscalDocumentNumber: 112, fiscalDocumentSign: '1138986989' } } }] })).toEqual({ kind: 'done', fiscalSign: 'ФД 112, ФП 1138986989' });
    expect(atolOutcome({ results: [{ status: 'inProgress' }] })).toEqual({ kind: 'waiting' });
    expect(atolOutcome({})).toEqual({ kind: 'waiting' });
    expect(atolOutcome({ results: [{ status: 'error', errorCode: 68, errorDescription: 'Смена превысила 24 часа' }] })).toEqual({ kind: 'rejected', error: 'ATOL error 68: Смена превысила 24 часа' });
    expect(atolOutcome({ results: [{ status: 'ready', result: {} }] }).kind).toBe('rejected');
  });
});
