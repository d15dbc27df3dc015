import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords } from './money-words.js';
import {
  availableCredit, billOutstanding, billPaid, billTotals, closeProblem, kopecksText, lineAmount, lineProblem, patientBalance, paymentProblem,
  percentDiscount, refundProblem, refundable, shiftReport, type LedgerMove, type ShiftMove,
} from './money.js';
import { fiscalDocument, fiscalItems } from './fiscal-document.js';

describe('amounts in words', () => {
  it('writes rubles and kopecks as receipts do', () => {
    expect(amountInWords(150000)).toBe('одна тысяча пятьсот рублей 00 копеек');
    expect(amountInWords(2101)).toBe('двадцать один рубль 01 копейка');
    expect(amountInWords(0)).toBe('ноль рублей 00 копеек');
    expect(amountInWords(222222)).toBe('две тысячи двести двадцать два рубля 22 копейки');
    expect(amountInWords(1111)).toBe('одиннадцать рублей 11 копеек');
    expect(amountInWords(100_000_000)).toBe('один миллион рублей 00 копеек');
    expect(amountInWords(54_321_099)).toBe('пятьсот сорок три тысячи двести десять рублей 99 копеек');
    expect(numberInWords(2_005_000)).toBe('два миллиона пять тысяч');
    expect(numberInWords(11_000)).toBe('одиннадцать тысяч');
    expect(() => amountInWords(-1)).toThrow();
  });
});

describe('bill lines and totals', () => {
  it('line = price × quantity − discount; percent rounds half up', () => {
    expect(lineAmount({ unitPrice: 250000, quantity: 2, discount: 50000 })).toBe(450000);
    expect(percentDiscount(123455, 10)).toBe(12346);
    expect(percentDiscount(100000, 100)).toBe(100000);
    expect(billTotals([{ unitPrice: 100, quantity: 3, discount: 10 }, { unitPrice: 50, quantity: 1, discount: 0 }])).toEqual({ gross: 350, discountTotal: 10, total: 340 });
  });
  it('refuses a discount above the line, without a reason, a price outside the range, a changed fixed price', () => {
    expect(lineProblem({ unitPrice: 100, quantity: 1, discount: 101, discountReason: 'x' })?.field).toBe('discount');
    expect(lineProblem({ unitPrice: 100, quantity: 1, discount: 10 })?.field).toBe('discountReason');
    expect(lineProblem({ unitPrice: 100, quantity: 1, discount: 10, discountReason: 'ветеран' })).toBeNull();
    expect(lineProblem({ unitPrice: 100, quantity: 0, discount: 0 })?.field).toBe('quantity');
    expect(lineProblem({ unitPrice: 500, quantity: 1, discount: 0 }, { min: 100, max: 400 })?.field).toBe('unitPrice');
    expect(lineProblem({ unitPrice: 300, quantity: 1, discount: 0 }, { min: 100, max: 400 })).toBeNull();
    expect(lineProblem({ unitPrice: 300, quantity: 1, discount: 0 }, { min: 100, max: null })?.field).toBe('unitPrice');
  });
});

describe('payments, balance, refunds', () => {
  it('a bill is paid by payments less refunds; outstanding only on an issued bill', () => {
    const paid = billPaid([{ kind: 'payment', method: 'cash', amount: 1000 }, { kind: 'payment', method: 'advance', amount: 500 }, { kind: 'refund', method: 'cash', amount: 200 }]);
    expect(paid).toBe(1300);
    expect(billOutstanding({ status: 'issued', total: 2000 }, paid)).toBe(700);
    expect(billOutstanding({ status: 'draft', total: 2000 }, 0)).toBe(0);
  });
  it('balance = money in − refunds − issued patient bills; allocations and the insurer do not count', () => {
    expect(patientBalance({
      moves: [
        { kind: 'payment', method: 'cash', amount: 5000 },
        { kind: 'payment', method: 'advance', amount: 3000 },
        { kind: 'payment', method: 'insurer', amount: 9000 },
        { kind: 'refund', method: 'card', amount: 1000 },
      ],
      issuedPatientBills: [3000, 2500],
    })).toBe(-1500);
  });
  it('the credit free to spend is the advances less what was spent from them', () => {
    const moves: LedgerMove[] = [
      { billId: null, kind: 'payment', method: 'cash', amount: 10000 },
      { billId: 'b', kind: 'payment', method: 'advance', amount: 4000 },
      { billId: 'b', kind: 'refund', method: 'advance', amount: 1000 },
      { billId: null, kind: 'refund', method: 'cash', amount: 2000 },
      { billId: 'c', kind: 'payment', method: 'card', amount: 7000 },
    ];
    expect(availableCredit(moves)).toBe(5000);
  });
  it('a payment never exceeds what is owed nor the credit; an advance is real money', () => {
    const bill = { status: 'issued' as const, total: 10000, payer: 'patient' as const };
    expect(paymentProblem({ amount: 6000, method: 'cash' }, bill, 5000, 0)?.field).toBe('amount');
    expect(paymentProblem({ amount: 5000, method: 'cash' }, bill, 5000, 0)).toBeNull();
    expect(paymentProblem({ amount: 3000, method: 'advance' }, bill, 0, 2000)?.field).toBe('amount');
    expect(paymentProblem({ amount: 3000, method: 'advance' }, { ...bill, status: 'draft' }, 0, 9000)?.field).toBe('billId');
    expect(paymentProblem({ amount: 3000, method: 'advance' }, null, 0, 9000)?.field).toBe('method');
    expect(paymentProblem({ amount: 0, method: 'cash' }, null, 0, 0)?.field).toBe('amount');
  });
  it('a refund needs a reason and never exceeds what was paid (an advance: what is still free)', () => {
    expect(refundable({ amount: 5000, billId: 'b', method: 'cash' }, 1000, 0)).toBe(4000);
    expect(refundable({ amount: 5000, billId: null, method: 'cash' }, 0, 3000)).toBe(3000);
    expect(refundProblem(100, '', 1000)?.field).toBe('reason');
    expect(refundProblem(1001, 'ошибка', 1000)?.field).toBe('amount');
    expect(refundProblem(1000, 'ошибка', 1000)).toBeNull();
  });
});

describe('cash shift', () => {
  it('expected cash = float + cash in − cash refunds; a discrepancy needs a note', () => {
    const r = shiftReport(500000, [
      { kind: 'payment', method: 'cash', amount: 150000, createdBy: 'a' },
      { kind: 'payment', method: 'card', amount: 300000, createdBy: 'a' },
      { kind: 'refund', method: 'cash', amount: 50000, createdBy: 'b' },
      { kind: 'payment', method: 'cash', amount: 100, createdBy: 'b' },
    ]);
    expect(r.expectedCash).toBe(600100);
    expect(r.net).toBe(400100);
    expect(r.byMethod.cash).toEqual({ income: 150100, refunds: 50000, net: 100100 });
    expect(r.rows.map((x) => `${x.method}/${x.createdBy}`)).toEqual(['cash/a', 'cash/b', 'card/a']);
    expect(closeProblem(600100, 600100, null)).toBeNull();
    expect(closeProblem(600000, 600100, ' ')?.field).toBe('note');
    expect(closeProblem(600000, 600100, 'недостача 1 ₽, сдача')).toBeNull();
  });
  it('the report equals payments minus refunds to the kopeck (property)', () => {
    const move = fc.record({
      kind: fc.constantFrom('payment' as const, 'refund' as const),
      method: fc.constantFrom('cash' as const, 'card' as const, 'transfer' as const),
      amount: fc.integer({ min: 1, max: 5_000_000 }),
      createdBy: fc.constantFrom('a', 'b', 'c'),
    });
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(move, { maxLength: 60 }), (float, moves: ShiftMove[]) => {
      const r = shiftReport(float, moves);
      const sum = (f: (m: ShiftMove) => boolean) => moves.filter(f).reduce((s, m) => s + m.amount, 0);
      expect(r.net).toBe(sum((m) => m.kind === 'payment') - sum((m) => m.kind === 'refund'));
      expect(r.rows.reduce((s, x) => s + x.net, 0)).toBe(r.net);
      expect(r.expectedCash).toBe(float + sum((m) => m.kind === 'payment' && m.method === 'cash') - sum((m) => m.kind === 'refund' && m.method === 'cash'));
    }));
  });
  it('prints kopecks always', () => {
    expect(kopecksText(150000)).toBe('1\u202f500,00');
    expect(kopecksText(5)).toBe('0,05');
  });
});

describe('fiscal document', () => {
  const lines = [{ name: 'Пломба', unitPrice: 300000, quantity: 1, amount: 270000 }, { name: 'Анестезия', unitPrice: 50000, quantity: 2, amount: 100000 }];
  it('lists the bill paid in full, one item for a part payment or an advance; без НДС; electronic for card', () => {
    expect(fiscalItems(370000, { number: 7, total: 370000, lines }).map((i) => [i.name, i.price, i.quantity, i.amount])).toEqual([['Пломба', 270000, 1, 270000], ['Анестезия', 50000, 2, 100000]]);
    expect(fiscalItems(100000, { number: 7, total: 370000, lines })).toMatchObject([{ name: 'Частичная оплата по счёту № 7', amount: 100000, settlement: 'partial_payment' }]);
    expect(fiscalItems(5000, null)[0].settlement).toBe('advance');
    const doc = fiscalDocument({
      operation: 'sell', receiptNumber: 3, at: '2026-11-23T09:00:00.000Z', method: 'card', amount: 5000, items: fiscalItems(5000, null), cashier: 'Иванова А. А.',
      email: null, phone: '+79210000000', clinic: { legalName: 'ООО «Улыбка»', address: 'ул. Ленина, 1' },
    });
    expect(doc.payment).toEqual({ type: 'electronic', amount: 5000 });
    expect(doc.vatLabel).toBe('без НДС');
    expect(doc.customerContact).toBe('+79210000000');
    expect(() => fiscalDocument({ ...doc, method: 'transfer', amount: 1, items: [], email: null, phone: null, receiptNumber: 1 })).toThrow();
  });
});
