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
  services: { code: string; name: string }[];
  blocks: Block[];
}

export interface DocumentSignature {
  /** PNG data URL from the signature pad; null when signed on paper. */
  png: string | null;
  signedAt: string;
  signerName: string;
  onPaper: boolean;
}

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
      if (b.name === 'services-table' || b.name === 'plan-table') {
        const rows = s.services.length ? s.services.map((x, i) => [String(i + 1), x.code, x.name, '']) : [['', '', '', ''], ['', '', '', '']];
        return {
          margin: [0, 4, 0, 8],
          table: {
            headerRows: 1,
            widths: [20, 70, '*', 90],
            body: [[{ text: '№', bold: true }, { text: 'Код', bold: true }, { text: 'Услуга', bold: true }, { text: b.name === 'plan-table' ? 'Подпись' : 'Отметка', bold: true }], ...rows],
          },
        };
      }
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
