import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { ruDate } from '../domain/dates.js';
import { kopecksText as narrowKopecks } from '../domain/money.js';

/** Roboto has no narrow no-break space (U+202F, a blank box in the PDF): group digits with a no-break space. */
const kopecksText = (k: number) => narrowKopecks(k).replace(/\u202f/g, '\u00a0');
import { RELATION_RU, type TaxRelation } from '../domain/tax-certificate.js';

/** What an issued certificate states; stored as issued (tax_certificates.content_json). */
export interface TaxCertificateContent {
  number: number;
  year: number;
  issuedOn: string;
  clinic: { name: string; legalName: string | null; inn: string | null; kpp: string | null; licence: string | null };
  taxpayer: { fullName: string; inn: string | null; birthDate: string; document: string | null };
  relation: TaxRelation;
  patient: { fullName: string; birthDate: string | null };
  serviceCode: 1 | 2;
  amount: number;
  issuedBy: string;
}

/**
 * The certificate on the FNS form КНД 1151156 (order of 08.11.2023 № ЕА-7-11/824@): the clinic,
 * the taxpayer, the patient when another person, the sum by service code, the responsible person.
 */
export function taxCertificatePdf(c: TaxCertificateContent): TDocumentDefinitions {
  const same = c.relation === 'self';
  const field = (label: string, value: string): Content => ({ columns: [{ text: label, width: 230, color: '#444' }, { text: value, width: '*' }], margin: [0, 2, 0, 2] });
  const content: Content[] = [
    { text: 'Форма по КНД 1151156', alignment: 'right', fontSize: 8 },
    { text: 'Справка об оплате медицинских услуг\nдля представления в налоговый орган', style: 'title' },
    { text: `Номер справки: ${c.number}    Номер корректировки: 0    Отчётный год: ${c.year}`, alignment: 'center', margin: [0, 6, 0, 12] },
    { text: 'Сведения о медицинской организации', bold: true },
    field('Наименование', c.clinic.legalName ?? c.clinic.name),
    field('ИНН / КПП', `${c.clinic.inn ?? '—'} / ${c.clinic.kpp ?? '—'}`),
    ...(c.clinic.licence ? [field('Лицензия', c.clinic.licence)] : []),
    { text: 'Сведения о налогоплательщике', bold: true, margin: [0, 10, 0, 0] },
    field('Фамилия, имя, отчество', c.taxpayer.fullName),
    field('ИНН', c.taxpayer.inn ?? '—'),
    field('Дата рождения', ruDate(c.taxpayer.birthDate)),
    ...(c.taxpayer.inn ? [] : [field('Документ, удостоверяющий личность', c.taxpayer.document ?? '—')]),
    field('Налогоплательщик и пациент являются одним лицом', same ? '1 — да' : '0 — нет'),
    ...(same ? [] : [
      { text: 'Сведения о пациенте', bold: true, margin: [0, 10, 0, 0] } as Content,
      field('Фамилия, имя, отчество', c.patient.fullName),
      field('Дата рождения', c.patient.birthDate ? ruDate(c.patient.birthDate) : '—'),
      field('Кем приходится налогоплательщику', RELATION_RU[c.relation]),
    ]),
    { text: 'Стоимость оказанных медицинских услуг', bold: true, margin: [0, 10, 0, 0] },
    field('Код услуги 1 (руб. коп.)', c.serviceCode === 1 ? kopecksText(c.amount) : '—'),
    field('Код услуги 2 (руб. коп.)', c.serviceCode === 2 ? kopecksText(c.amount) : '—'),
    { text: `Дата выдачи: ${ruDate(c.issuedOn)}`, margin: [0, 16, 0, 0] },
    { text: `Ответственное лицо: ${c.issuedBy}    ____________________ (подпись)`, margin: [0, 16, 0, 0] },
  ];
  return { content, styles: { title: { fontSize: 13, bold: true, alignment: 'center' } }, info: { title: `Справка об оплате медицинских услуг № ${c.number}` } };
}
