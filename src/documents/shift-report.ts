import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { localDateTime, METHOD_RU, rub } from './receipt.js';

export interface ShiftReportData {
  clinicName: string;
  branch: string;
  number: number;
  timeZone: string;
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  closedBy: string | null;
  openingFloat: number;
  rows: { method: keyof typeof METHOD_RU; cashierName: string; paymentsCount: number; refundsCount: number; income: number; refunds: number; net: number }[];
  income: number;
  refunds: number;
  net: number;
  cashIn: number;
  cashOut: number;
  expectedCash: number;
  countedCash: number | null;
  discrepancy: number | null;
  closeNote: string | null;
  printedAt: string;
}

const cell = (text: string, right = false) => ({ text, fontSize: 9, ...(right && { alignment: 'right' as const }) });

/** The shift's report per administrator and per method: X-report while open, Z-report once closed. */
export function shiftReportDocument(d: ShiftReportData): TDocumentDefinitions {
  const closed = d.closedAt !== null;
  const title = `${closed ? 'Отчёт о закрытии смены' : 'Промежуточный отчёт (X-отчёт)'}: смена № ${d.number}`;
  return {
    info: { title },
    content: [
      { text: d.clinicName, bold: true },
      { text: d.branch, fontSize: 9, margin: [0, 0, 0, 8] },
      { text: title, bold: true, fontSize: 14, margin: [0, 0, 0, 6] },
      { text: `Открыта: ${localDateTime(d.openedAt, d.timeZone)}, ${d.openedBy}` },
      ...(closed ? [{ text: `Закрыта: ${localDateTime(d.closedAt!, d.timeZone)}, ${d.closedBy ?? ''}` }] : []),
      { text: `Размен на начало смены: ${rub(d.openingFloat)}`, margin: [0, 0, 0, 8] },
      {
        table: {
          headerRows: 1,
          widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'],
          body: [
            ['Способ', 'Кассир', 'Оплат', 'Возвратов', 'Получено', 'Возвращено', 'Итого'].map((t) => ({ text: t, bold: true, fontSize: 9 })),
            ...d.rows.map((r) => [
              cell(METHOD_RU[r.method]), cell(r.cashierName), cell(String(r.paymentsCount), true), cell(String(r.refundsCount), true),
              cell(rub(r.income), true), cell(rub(r.refunds), true), cell(rub(r.net), true),
            ]),
            [{ text: 'Всего', bold: true, fontSize: 9 }, '', '', '', cell(rub(d.income), true), cell(rub(d.refunds), true), { text: rub(d.net), bold: true, fontSize: 9, alignment: 'right' }],
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: 'Наличные', bold: true, margin: [0, 12, 0, 4] },
      { text: `Размен ${rub(d.openingFloat)} + получено ${rub(d.cashIn)} − возвращено ${rub(d.cashOut)} = должно быть в кассе ${rub(d.expectedCash)}` },
      ...(closed ? [
        { text: `Пересчитано: ${rub(d.countedCash ?? 0)}` },
        { text: d.discrepancy ? `Расхождение: ${d.discrepancy > 0 ? 'излишек' : 'недостача'} ${rub(Math.abs(d.discrepancy))}` : 'Расхождения нет', bold: Boolean(d.discrepancy) },
        ...(d.closeNote ? [{ text: `Примечание: ${d.closeNote}` }] : []),
      ] : []),
      { text: `Напечатано ${localDateTime(d.printedAt, d.timeZone)}`, fontSize: 8, margin: [0, 16, 0, 0] },
    ],
  };
}
