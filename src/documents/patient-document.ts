import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { inlineRuns, type Block } from './template-markup.js';

/**
 * A patient's document as issued: everything it prints, frozen. Stored as JSON with its SHA-256;
 * the PDF is always rebuilt from it, so a signed copy reads the same years later whatever the
 * template or the clinic's details became.
 */
export interface DocumentSnapshot {
  v: 1;
  number: string;
  title: string;
  /** The document's date, YYYY-MM-DD, clinic's calendar. */
  date: string;
  issuedAt: string;
  clinic: { name: string; legalName: string | null; address: string | null; phone: string | null; inn: string | null; licence: string | null };
  patient: { fullName: string; birthDate: string | null };
  child: boolean;
  /** Who signs for the patient's side: the patient or (a child's) legal representative. */
  signer: { role: 'patient' | 'representative'; fullName: string; relation: string | null };
  doctor: { fullName: string } | null;
  services: DocumentService[];
  /** The questions [[questions]] prints (a questionnaire's, frozen with the document); absent before they were printed. */
  questions?: DocumentQuestionGroup[];
  blocks: Block[];
}

/** A service of the visit or a row of a treatment plan: price in kopecks as of the document's date (null: not in the price list). */
export interface DocumentService {
  code: string;
  name: string;
  price?: number | null;
  /** The price list gives a range: the price is «от …». */
  priceFrom?: boolean;
  quantity?: number;
  /** FDI tooth number(s), the diagnosis and the stage of a treatment plan row (blank: the doctor writes them in). */
  tooth?: string;
  diagnosis?: string;
  stage?: string;
  /** A warranty coupon's row (DOC-4): the warranty term and service life in words, from the clinic's warranty terms. */
  warranty?: string;
  serviceLife?: string;
}

export interface DocumentQuestionGroup {
  title: string;
  /** `id`: the question's stable id; `yes`/`note`: the answers typed in before signing (absent: a blank form to fill by hand). */
  items: { id?: string; text: string; answer: 'yesno' | 'text'; yes?: boolean | null; note?: string | null }[];
}

export interface DocumentSignature {
  /** PNG data URL from the signature pad; null when signed on paper. */
  png: string | null;
  signedAt: string;
  signerName: string;
  onPaper: boolean;
}

const rubles = (kopecks: number) => {
  const r = Math.floor(kopecks / 100);
  const k = kopecks % 100;
  return `${String(r).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')}${k ? `,${String(k).padStart(2, '0')}` : ''}`;
};

const ruDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
};

function runs(text: string): Content {
  return { text: inlineRuns(text).map((r) => (r.bold ? { text: r.text, bold: true } : r.text)) };
}

function signatures(s: DocumentSnapshot, sig: DocumentSignature | null): Content {
  const who = s.signer.role === 'representative'
    ? `Законный представитель${s.signer.relation ? ` (${s.signer.relation})` : ''} пациента ${s.patient.fullName}: ${s.signer.fullName}`
    : `Пациент: ${s.signer.fullName}`;
  const image: Content = sig?.png
    ? { image: sig.png, fit: [160, 50] }
    : { text: sig?.onPaper ? 'подписано на бумаге' : '______________________', margin: [0, 20, 0, 0] };
  return {
    margin: [0, 16, 0, 0],
    unbreakable: true,
    stack: [
      {
        columns: [
          { width: '*', stack: [{ text: who }, { text: sig ? `Дата подписи: ${ruDate(sig.signedAt)}` : 'Дата: «___» __________ 20___ г.', margin: [0, 4, 0, 0] }] },
          { width: 170, stack: [image, { text: '(подпись)', fontSize: 8, color: '#555' }] },
        ],
      },
      {
        margin: [0, 14, 0, 0],
        columns: [
          { width: '*', text: s.doctor ? `Врач: ${s.doctor.fullName}` : `От клиники: ${s.clinic.legalName ?? s.clinic.name}` },
          { width: 170, stack: [{ text: '______________________', margin: [0, 10, 0, 0] }, { text: '(подпись)', fontSize: 8, color: '#555' }] },
        ],
      },
    ],
  };
}

const th = (text: string, alignment: 'left' | 'center' | 'right' = 'left') => ({ text, bold: true, fontSize: 8.5, alignment, fillColor: '#eeeeee' });

/** Unchanged since the first issued documents, so their PDFs read as they did; a warranty coupon's rows carry their terms (DOC-4). */
function servicesTable(s: DocumentSnapshot): Content {
  if (s.services.some((x) => x.warranty !== undefined)) return warrantyTable(s);
  const rows = s.services.length ? s.services.map((x, i) => [String(i + 1), x.code, x.name, '']) : [['', '', '', ''], ['', '', '', '']];
  return {
    margin: [0, 4, 0, 8],
    table: { headerRows: 1, widths: [20, 70, '*', 90], body: [[{ text: '№', bold: true }, { text: 'Код', bold: true }, { text: 'Услуга', bold: true }, { text: 'Отметка', bold: true }], ...rows] },
  };
}

/** DOC-4: № · tooth (FDI) · service · warranty term · service life, one row per performed service. */
function warrantyTable(s: DocumentSnapshot): Content {
  const rows = s.services.map((x, i) => [{ text: String(i + 1), alignment: 'right' }, x.tooth ?? '', { text: [{ text: x.name }, { text: `  ${x.code}`, color: '#666', fontSize: 7.5 }] }, x.warranty ?? '', x.serviceLife ?? '']);
  return {
    margin: [0, 4, 0, 8],
    fontSize: 9,
    table: { headerRows: 1, dontBreakRows: true, widths: [16, 40, '*', 90, 90], body: [[th('№', 'right'), th('Зуб (FDI)'), th('Выполненная работа'), th('Гарантийный срок'), th('Срок службы')], ...rows] },
  } as Content;
}

/** DOC-6: № · tooth (FDI) · diagnosis · service · quantity · price · sum · stage, with the total; blank cells for the doctor's hand. */
function planTable(s: DocumentSnapshot): Content {
  const rows = s.services.length ? s.services : [{ code: '', name: '' }, { code: '', name: '' }, { code: '', name: '' }];
  let total = 0;
  let partial = false;
  const body = rows.map((x, i) => {
    const qty = x.quantity ?? (x.code ? 1 : 0);
    const sum = x.price != null ? x.price * qty : null;
    if (sum === null && x.code) partial = true;
    total += sum ?? 0;
    const price = x.price != null ? `${x.priceFrom ? 'от ' : ''}${rubles(x.price)}` : '';
    return [
      { text: x.code ? String(i + 1) : '', alignment: 'right' },
      x.tooth ?? '',
      x.diagnosis ?? '',
      { text: x.code ? [{ text: x.name }, { text: `  ${x.code}`, color: '#666', fontSize: 7.5 }] : '' },
      { text: qty ? String(qty) : '', alignment: 'center' },
      { text: price, alignment: 'right' },
      { text: sum != null ? rubles(sum) : '', alignment: 'right' },
      x.stage ?? '',
    ];
  });
  const totalRow = [{ text: partial ? 'Итого (без услуг без цены)' : 'Итого', bold: true, colSpan: 6, alignment: 'right' }, '', '', '', '', '', { text: s.services.length ? rubles(total) : '', bold: true, alignment: 'right' }, ''];
  return {
    margin: [0, 4, 0, 8],
    fontSize: 8.5,
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [16, 34, 70, '*', 26, 52, 56, 34],
      body: [[th('№', 'right'), th('Зуб (FDI)'), th('Диагноз'), th('Услуга'), th('Кол-во', 'center'), th('Цена, ₽', 'right'), th('Сумма, ₽', 'right'), th('Этап')], ...body, totalRow],
    },
  } as Content;
}

const box: Content = { canvas: [{ type: 'rect', x: 0, y: 0, w: 9, h: 9, lineWidth: 0.8 }], alignment: 'center', margin: [9, 1, 0, 0] } as Content;

const ticked: Content = {
  canvas: [{ type: 'rect', x: 0, y: 0, w: 9, h: 9, lineWidth: 0.8 }, { type: 'line', x1: 1.5, y1: 1.5, x2: 7.5, y2: 7.5, lineWidth: 1.2 }, { type: 'line', x1: 7.5, y1: 1.5, x2: 1.5, y2: 7.5, lineWidth: 1.2 }],
  alignment: 'center',
  margin: [9, 1, 0, 0],
} as Content;

/** A question answered before signing: the chosen box ticked, the written answer in place of the blank line. */
function answeredRow(q: DocumentQuestionGroup['items'][number]): unknown[] {
  const note = q.note ? [{ text: q.note, italics: true, margin: [8, 2, 0, 0] }] : [];
  if (q.answer === 'yesno') return [{ stack: [{ text: q.text }, ...note] }, q.yes === true ? ticked : box, q.yes === false ? ticked : box];
  return [{ stack: [{ text: q.text }, ...(note.length ? note : [{ text: '—', color: '#888', margin: [8, 2, 0, 0] }])], colSpan: 3 }, '', ''];
}

/** DOC-2/DOC-3: the questions grouped, «Да» / «Нет» boxes to tick, a line to write on for the open ones. */
function questionsTable(s: DocumentSnapshot): Content {
  const groups = s.questions ?? [];
  if (!groups.length) return { text: '' };
  const body: unknown[][] = [[th('Вопрос'), th('Да', 'center'), th('Нет', 'center')]];
  for (const g of groups) {
    body.push([{ text: g.title, bold: true, colSpan: 3, fillColor: '#f5f5f5', margin: [0, 1, 0, 1] }, '', '']);
    for (const q of g.items) {
      if (q.yes !== undefined || q.note !== undefined) body.push(answeredRow(q));
      else if (q.answer === 'yesno') body.push([{ text: q.text }, box, box]);
      else body.push([{ stack: [{ text: q.text }, { text: ' ', margin: [0, 6, 0, 0] }, { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 500, y2: 0, lineWidth: 0.5, lineColor: '#888' }] }] , colSpan: 3 }, '', '']);
    }
  }
  return { margin: [0, 4, 0, 8], fontSize: 9, table: { headerRows: 1, dontBreakRows: true, widths: ['*', 28, 28], body } } as Content;
}

function blockContent(b: Block, s: DocumentSnapshot, sig: DocumentSignature | null): Content {
  switch (b.t) {
    case 'title':
      return { text: b.text, style: 'title' };
    case 'heading':
      return { ...(runs(b.text) as object), style: 'heading' } as Content;
    case 'para':
      return { ...(runs(b.text) as object), margin: [0, 0, 0, 6], alignment: 'justify' } as Content;
    case 'item':
      return { ul: [runs(b.text)], margin: [8, 0, 0, 3] };
    case 'directive':
      if (b.name === 'signatures') return signatures(s, sig);
      if (b.name === 'services-table') return servicesTable(s);
      if (b.name === 'plan-table') return planTable(s);
      if (b.name === 'questions') return questionsTable(s);
      return { text: '' };
  }
}

/** The pdfmake definition: A4, the clinic's header, «Страница N из M», fixed metadata so one snapshot renders to the same bytes. */
export function patientDocumentPdf(s: DocumentSnapshot, sig: DocumentSignature | null): TDocumentDefinitions {
  const c = s.clinic;
  const header = [c.legalName ?? c.name, c.address, c.inn ? `ИНН ${c.inn}` : null, c.licence ? `Лицензия: ${c.licence}` : null, c.phone].filter(Boolean).join(' · ');
  return {
    info: { title: s.title, author: c.name, creator: 'Vizit', producer: 'Vizit', creationDate: new Date(s.issuedAt), modDate: new Date(s.issuedAt) } as TDocumentDefinitions['info'],
    pageMargins: [40, 56, 40, 48],
    header: { text: header, fontSize: 7, color: '#555', margin: [40, 20, 40, 0] },
    footer: (page: number, pages: number) => ({
      columns: [{ text: `№ ${s.number} от ${ruDate(s.date)}`, fontSize: 8, color: '#555' }, { text: `Страница ${page} из ${pages}`, alignment: 'right', fontSize: 8, color: '#555' }],
      margin: [40, 16, 40, 0],
    }),
    content: s.blocks.map((b) => blockContent(b, s, sig)),
    styles: { title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 10] }, heading: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] } },
  };
}
