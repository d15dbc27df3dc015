/**
 * The agreed format of the clinic's document templates (issue #11, DOC-1..7). The default texts in
 * src/documents/defaults/*.ts and every template the clinic edits are written in it; the parser in
 * src/domain/document-templates.ts refuses anything outside it.
 *
 * Body markup, one construct a line:
 * - `# Title` the document's title; `## Heading` a section heading; `- item` a list item;
 * - a blank line separates paragraphs; consecutive text lines join into one paragraph;
 * - `**bold**` inline;
 * - `{{name.path}}` a placeholder from PLACEHOLDERS below (an unknown one is refused on save);
 * - block directives alone on their line (DIRECTIVES): `[[signatures]]`, `[[plan-table]]`,
 *   `[[services-table]]`, `[[questions]]`, and the conditional blocks `[[if child]]` … `[[endif]]`,
 *   `[[if adult]]` … `[[endif]]` (a child is under 15 on the document's date; not nested).
 * Legal references are never typed into a text: they are the `law.*` placeholders, filled from
 * src/documents/legal-references.ts unless the clinic overrides one in its settings.
 */
export type DocumentKind =
  | 'contract'
  | 'pd_consent'
  | 'mailing_consent'
  | 'health_questionnaire'
  | 'careful_questionnaire'
  | 'warranty_regulation'
  | 'warranty_coupon'
  | 'ids_instruction'
  | 'refusal'
  | 'consent'
  | 'leaflet'
  | 'service_card_regulation'
  | 'treatment_plan';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'contract',
  'pd_consent',
  'mailing_consent',
  'health_questionnaire',
  'careful_questionnaire',
  'warranty_regulation',
  'warranty_coupon',
  'ids_instruction',
  'refusal',
  'consent',
  'leaflet',
  'service_card_regulation',
  'treatment_plan',
];

export interface DefaultTemplate {
  /** Stable code, lower-case latin, digits, '-' or '_' (e.g. 'contract', 'consent-extraction'). */
  code: string;
  kind: DocumentKind;
  title: string;
  /** 'patient': issued to and signed by the patient; 'staff': an instruction for the staff, never issued. */
  audience: 'patient' | 'staff';
  /** For consents: the price-list service codes whose planned intervention needs this consent. */
  serviceCodes?: string[];
  body: string;
}

/** Legal reference keys: `{{law.<key>}}`. Defaults in src/documents/legal-references.ts. */
export const LAW_KEYS = [
  'paidServices',
  'pd',
  'healthProtection',
  'consentForms',
  'consumerProtection',
  'advertising',
  'medicalLicensing',
  'civilCode',
  'interventionList',
] as const;
export type LawKey = (typeof LAW_KEYS)[number];

/** Every placeholder a template may use, with what it prints. */
export const PLACEHOLDERS: Record<string, string> = {
  'clinic.name': 'Наименование клиники',
  'clinic.legalName': 'Полное юридическое наименование',
  'clinic.registration': 'Сведения о регистрации (ОГРН, кем и когда зарегистрировано)',
  'clinic.licenceDetails': 'Лицензия: перечень работ и лицензирующий орган',
  'clinic.signatory': 'Лицо, подписывающее договоры от имени клиники (должность, ФИО)',
  'clinic.signatoryBasis': 'Основание полномочий подписывающего (устав, доверенность)',
  'clinic.shortName': 'Краткое наименование клиники',
  'clinic.inn': 'ИНН',
  'clinic.ogrn': 'ОГРН',
  'clinic.kpp': 'КПП',
  'clinic.licence': 'Лицензия на медицинскую деятельность (номер, дата, кем выдана)',
  'clinic.address': 'Юридический адрес клиники',
  'clinic.phone': 'Телефон клиники',
  'clinic.email': 'Эл. почта клиники',
  'clinic.director': 'ФИО руководителя',
  'clinic.chiefDoctor': 'ФИО главного врача',
  'branch.name': 'Название филиала',
  'branch.address': 'Адрес филиала',
  'branch.phone': 'Телефон филиала',
  'patient.fullName': 'ФИО пациента',
  'patient.lastName': 'Фамилия пациента',
  'patient.firstName': 'Имя пациента',
  'patient.middleName': 'Отчество пациента',
  'patient.birthDate': 'Дата рождения пациента',
  'patient.phone': 'Телефон пациента',
  'patient.email': 'Эл. почта пациента',
  'patient.address': 'Адрес пациента',
  'patient.document': 'Документ, удостоверяющий личность пациента',
  'patient.cardNumber': 'Номер медицинской карты',
  'representative.fullName': 'ФИО законного представителя',
  'representative.document': 'Документ законного представителя',
  'representative.relation': 'Кем приходится пациенту',
  'representative.phone': 'Телефон законного представителя',
  'signer.fullName': 'ФИО подписывающего (пациент или представитель)',
  'doctor.fullName': 'ФИО врача',
  'doctor.position': 'Должность врача',
  'visit.date': 'Дата визита',
  'visit.services': 'Услуги визита (через запятую)',
  'document.number': 'Номер документа',
  date: 'Дата документа',
  city: 'Город',
  ...Object.fromEntries(LAW_KEYS.map((k) => [`law.${k}`, `Ссылка на нормативный акт (${k})`])),
};

/** Block directives (alone on a line). */
export const DIRECTIVES = ['signatures', 'plan-table', 'services-table', 'questions', 'if child', 'if adult', 'endif'] as const;
export type Directive = (typeof DIRECTIVES)[number];
