import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { amountInWords, kopecksText } from '../domain/money.js';

/** What a receipt («Квитанция») shows; pure data, the service fills it. */
export interface ReceiptData {
  clinic: { legalName: string; licence: string | null };
  branch: { name: string; address: string };
  number: number;
  /** ISO instant and the clinic's zone: printed as the clinic's local date and time. */
  at: string;
  timeZone: string;
  kind: 'payment' | 'refund';
  method: 'cash' | 'card' | 'transfer' | 'insurer' | 'advance';
  patientName: string;
  cardNumber: number;
  payerName: string | null;
  bill: { number: number; visitDate: string | null } | null;
  lines: { name: string; code: string; quantity: number; unitPrice: number; discount: number; amount: number }[];
  billTotal: number | null;
  amount: number;
  reason: string | null;
  refundOfNumber: number | null;
  cashier: string;
}

export const METHOD_RU: Record<ReceiptData['method'], string> = {
  cash: 'наличными',
  card: 'банковской картой',
  transfer: 'банковским переводом',
  insurer: 'страховой компанией',
  advance: 'из аванса (с баланса пациента)',
};

/** «23.11.2026 14:05» in the clinic's zone. */
export function localDateTime(iso: string, timeZone: string): string {
  const f = new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return f.format(new Date(iso)).replace(',', '');
}

/** Roboto has no narrow no-break space (U+202F): documents group digits with a no-break space. */
export const rub = (k: number) => `${kopecksText(k).replace(/\u202f/g, '\u00a0')}\u00a0₽`;

/** The receipt of one payment or refund (DESK-4, seed 002 2.16 «расчёт пациентов с выдачей им чеков»). */
export function receiptDocument(d: ReceiptData): TDocumentDefinitions {
  const title = d.kind === 'payment' ? `Квитанция № ${d.number}` : `Квитанция о возврате № ${d.number}`;
  const what = d.kind === 'payment'
    ? d.bill ? `Оплата по счёту № ${d.bill.number}${d.bill.visitDate ? ` (приём ${d.bill.visitDate.split('-').reverse().join('.')})` : ''}` : 'Аванс за медицинские услуги'
    : `Возврат по квитанции № ${d.refundOfNumber ?? '—'}${d.bill ? `, счёт № ${d.bill.number}` : ''}`;
  const body: TDocumentDefinitions['content'] = [
    { text: d.clinic.legalName, bold: true, fontSize: 11 },
    ...(d.clinic.licence ? [{ text: `Лицензия: ${d.clinic.licence}`, fontSize: 8 }] : []),
    { text: `${d.branch.name}, ${d.branch.address}`, fontSize: 8, margin: [0, 0, 0, 10] },
    { text: title, bold: true, fontSize: 14, alignment: 'center' },
    { text: localDateTime(d.at, d.timeZone), alignment: 'center', margin: [0, 2, 0, 10] },
    { text: [{ text: 'Пациент: ', bold: true }, `${d.patientName}, карта № ${d.cardNumber}`] },
    ...(d.payerName ? [{ text: [{ text: 'Плательщик: ', bold: true }, d.payerName] }] : []),
    { text: what, margin: [0, 6, 0, 6] },
  ];
  if (d.lines.length) {
    body.push({
      table: {
        headerRows: 1,
        widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto'],
        body: [
          ['Код', 'Услуга', 'Кол-во', 'Цена', 'Скидка', 'Сумма'].map((text) => ({ text, bold: true, fontSize: 8 })),
          ...d.lines.map((l) => [
            { text: l.code, fontSize: 8 }, { text: l.name, fontSize: 8 }, { text: String(l.quantity), fontSize: 8, alignment: 'right' as const },
            { text: rub(l.unitPrice), fontSize: 8, alignment: 'right' as const }, { text: l.discount ? rub(l.discount) : '—', fontSize: 8, alignment: 'right' as const },
            { text: rub(l.amount), fontSize: 8, alignment: 'right' as const },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    });
    if (d.billTotal !== null) body.push({ text: `Итого по счёту: ${rub(d.billTotal)}`, alignment: 'right', margin: [0, 4, 0, 0] });
  }
  body.push(
    { text: `${d.kind === 'payment' ? 'Получено' : 'Возвращено'}: ${rub(d.amount)}`, bold: true, fontSize: 13, margin: [0, 10, 0, 2] },
    { text: `(${amountInWords(d.amount)})`, italics: true },
    { text: `Способ: ${METHOD_RU[d.method]}`, margin: [0, 4, 0, 0] },
    ...(d.reason ? [{ text: `Причина возврата: ${d.reason}` }] : []),
    { text: 'Медицинские услуги НДС не облагаются (ст. 149 НК РФ).', fontSize: 8, margin: [0, 8, 0, 0] },
    { text: `Кассир: ${d.cashier} ____________`, margin: [0, 16, 0, 0] },
  );
  return { info: { title }, pageSize: 'A5', pageMargins: [32, 32, 32, 32], content: body };
}
