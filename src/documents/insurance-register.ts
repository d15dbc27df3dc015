import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { ruDate } from '../domain/dates.js';
import { ruMonth, type RegisterContent } from '../domain/insurance.js';
import { kopecksText as narrowKopecks } from '../domain/money.js';

/** Roboto has no narrow no-break space (U+202F, a blank box in the PDF): group digits with a no-break space. */
const kopecksText = (k: number) => narrowKopecks(k).replace(/\u202f/g, '\u00a0');

export interface RegisterHeader {
  number: number;
  sentAt: string;
  clinic: { name: string; legalName: string | null; inn: string | null; kpp: string | null };
}

/** The CSV rows of a register (one per service, as insurers load them), header first; sums in rubles with a comma. */
export function registerCsvRows(c: RegisterContent): string[][] {
  const rows: string[][] = [['№', 'Дата', 'Пациент', 'Карта', 'Полис', 'Гарантийное письмо', 'Счёт', 'Код', 'Услуга', 'Кол-во', 'Цена, ₽', 'Сумма, ₽', 'Врач']];
  let n = 0;
  for (const b of c.bills) {
    for (const s of b.services) {
      rows.push([String(++n), ruDate(b.serviceDate), b.patientName, String(b.cardNumber), b.policyNumber, b.letterNumber, String(b.billNumber), s.code, s.name, String(s.quantity), plain(s.unitPrice), plain(s.amount), s.doctor ?? '']);
    }
  }
  rows.push(['', '', 'Итого', '', '', '', '', '', '', String(c.servicesCount), '', plain(c.total), '']);
  return rows;
}

/** Rubles without group spaces, as spreadsheets read them: 150050 → «1500,50». */
function plain(kopecks: number): string {
  return `${Math.floor(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')}`;
}

/** The register of services rendered (реестр оказанных услуг) to an insurer for a month, as a PDF definition. */
export function registerPdf(c: RegisterContent, h: RegisterHeader | null): TDocumentDefinitions {
  const title = h ? `Реестр оказанных медицинских услуг № ${h.number}` : 'Реестр оказанных медицинских услуг (проект)';
  const body: Content[] = [
    { text: title, style: 'title' },
    { text: `за ${ruMonth(c.month)}`, alignment: 'center', margin: [0, 0, 0, 10] },
    {
      columns: [
        { width: '*', stack: [
          { text: 'Исполнитель', bold: true },
          h ? `${h.clinic.legalName ?? h.clinic.name}` : '',
          h && h.clinic.inn ? `ИНН ${h.clinic.inn}${h.clinic.kpp ? `, КПП ${h.clinic.kpp}` : ''}` : '',
        ] },
        { width: '*', stack: [
          { text: 'Заказчик (страховщик)', bold: true },
          c.insurer.legalName,
          `ИНН ${c.insurer.inn}${c.insurer.kpp ? `, КПП ${c.insurer.kpp}` : ''}`,
          `Договор № ${c.insurer.contractNumber} от ${ruDate(c.insurer.contractDate)}`,
        ] },
      ],
      margin: [0, 0, 0, 10],
    },
  ];
  const head = ['№', 'Дата', 'Пациент, карта', 'Полис / ГП', 'Код', 'Услуга', 'Кол.', 'Цена', 'Сумма', 'Врач'].map((t) => ({ text: t, bold: true, fontSize: 8 }));
  const rows: Content[][] = [head];
  let n = 0;
  for (const b of c.bills) {
    for (const s of b.services) {
      rows.push([
        String(++n), ruDate(b.serviceDate), `${b.patientName}, № ${b.cardNumber}`, `${b.policyNumber} / ${b.letterNumber}`, s.code, s.name,
        String(s.quantity), { text: kopecksText(s.unitPrice), alignment: 'right' as const }, { text: kopecksText(s.amount), alignment: 'right' as const }, s.doctor ?? '',
      ].map((x) => (typeof x === 'string' ? { text: x, fontSize: 8 } : { ...x, fontSize: 8 })));
    }
  }
  body.push({ table: { headerRows: 1, widths: [16, 44, '*', 70, 44, '*', 20, 44, 48, 56], body: rows }, layout: 'lightHorizontalLines' });
  body.push({ text: 'Итого по пациентам', bold: true, margin: [0, 12, 0, 4] });
  body.push({
    table: {
      headerRows: 1, widths: ['*', 50, 90, 40, 70],
      body: [
        ['Пациент', 'Карта', 'Полис', 'Визитов', 'Сумма, ₽'].map((t) => ({ text: t, bold: true, fontSize: 8 })),
        ...c.patients.map((p) => [p.patientName, String(p.cardNumber), p.policyNumber, String(p.bills), { text: kopecksText(p.amount), alignment: 'right' as const }].map((x) => (typeof x === 'string' ? { text: x, fontSize: 8 } : { ...x, fontSize: 8 }))),
      ],
    },
    layout: 'lightHorizontalLines',
  });
  body.push({ text: `Всего услуг: ${c.servicesCount}; визитов: ${c.bills.length}; на сумму ${kopecksText(c.total)} ₽`, bold: true, margin: [0, 10, 0, 0] });
  if (h) body.push({ text: `Дата составления: ${ruDate(h.sentAt.slice(0, 10))}`, margin: [0, 6, 0, 0] });
  body.push({ columns: [{ text: 'Исполнитель ____________________' }, { text: 'Заказчик ____________________' }], margin: [0, 30, 0, 0] });
  return { pageOrientation: 'landscape', content: body, styles: { title: { fontSize: 13, bold: true, alignment: 'center' } }, info: { title } };
}
