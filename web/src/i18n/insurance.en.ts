import type { insuranceRu } from './insurance.ru';

/** English texts of the insurance screens; same keys as insurance.ru.ts. */
export const insuranceEn: typeof insuranceRu = {
  nav: 'Insurers',
  title: 'Insurers and voluntary insurance',
  tabs: { journal: 'Insurance patients’ journal', registers: 'Registers', insurers: 'Insurers', tax: 'Tax certificates' },
  status: { billed: 'Billed', in_register: 'In a register', paid: 'Paid by the insurer', rejected: 'Refused by the insurer' },
  state: { active: 'Valid', expired: 'Expired', future: 'Not yet valid' },
  journal: {
    hint: 'Every visit whose bill went to an insurer (the administrator’s job description, 2.13).',
    from: 'From', to: 'To', insurer: 'Insurer', allInsurers: 'All insurers', status: 'Status', allStatuses: 'All statuses', search: 'Patient, card or policy',
    date: 'Date', patient: 'Patient', card: 'Card', policy: 'Policy', letter: 'Guarantee letter', doctor: 'Doctor', services: 'Services', sum: 'Sum',
    total: 'Visits: {{count}}, sum {{sum}}', empty: 'No insured visits in this period', csv: 'Download CSV', more: 'Show more',
  },
  registers: {
    hint: 'A register of services is made per insurer for a month. Once sent it is fixed: its number and content never change.',
    insurer: 'Insurer', month: 'Month', draft: 'Draft register', draftEmpty: 'No services of that month are left outside a register',
    draftSummary: 'Visits: {{bills}}, services: {{services}}, sum {{sum}}', send: 'Send the register', sent: 'Register {{number}} sent',
    list: 'Sent registers', number: 'No.', sentAt: 'Sent', total: 'Sum', bills: 'Visits', status: 'Status',
    statusSent: 'Awaiting payment', statusPaid: 'Paid on {{date}}', pdf: 'PDF', csv: 'CSV', pay: 'Payment received', none: 'No registers yet',
    payTitle: 'Payment of register {{number}}', payAmount: 'Amount, ₽', payDate: 'Payment date', payRef: 'Payment order number', paySave: 'Record the payment',
    payDue: 'Register total {{total}}, refused {{refused}}', refusedToggle: 'The insurer refused some bills (expert review act)',
    refusedHint: 'Mark the refused bills and give the reason from the act: the payment is recomputed. Refused sums stay owed on the bill.',
    refuseBill: 'Bill No. {{number}} refused', refuseReason: 'Reason of the refusal', billNo: 'Bill No. {{number}}', statusRefused: 'refused {{sum}}',
    confirmSend: 'Send the register for {{month}} to “{{insurer}}”? Once sent, it does not change.',
  },
  insurers: {
    add: 'Add an insurer', edit: 'Edit', name: 'Name', legalName: 'Legal name', inn: 'INN', kpp: 'KPP', phone: 'Phone', email: 'E-mail',
    contact: 'Contact person', address: 'Address', contract: 'Contract', contractNumber: 'Contract number', contractDate: 'Contract date', contractTo: 'Valid until',
    note: 'Note', programmes: 'Programmes', policies: 'Policies: {{count}}', contractText: 'No. {{number}} of {{date}}', contractUntil: 'until {{date}}', open: 'open-ended',
    inactive: 'Not working with', active: 'Working with', save: 'Save', none: 'No insurers yet', addProgramme: 'Add a programme', programmeName: 'Programme name', programmeDescription: 'What it covers (briefly)', noProgrammes: 'No programmes yet: add the one the policies are issued under',
  },
  patient: {
    title: 'Voluntary insurance', none: 'No insurance policies', addPolicy: 'Add a policy', policy: 'Policy {{number}}', insurer: 'Insurer', programme: 'Programme', number: 'Policy number',
    validFrom: 'Valid from', validTo: 'Valid to', validity: '{{from}} – {{to}}', letters: 'Guarantee letters', noLetters: 'No guarantee letters', addLetter: 'Guarantee letter',
    letterNumber: 'Letter number', issuedOn: 'Letter date', letterTo: 'Valid until', limit: 'Limit, ₽', covers: 'Covers', coversPlaceholder: 'E.g. caries treatment, hygiene',
    remaining: '{{left}} left of {{limit}}', letterExpired: 'expired', billable: 'Bills that can go to the insurer', billLine: 'Bill {{number}} of {{date}} — {{sum}}',
    of: 'of',
    toInsurer: 'Bill the insurer', toInsurerTitle: 'Bill {{number}} for {{sum}} — to the insurer', chooseLetter: 'Guarantee letter', handed: 'The bill went to the insurer',
    save: 'Save',
  },
  tax: {
    title: 'Tax-deduction certificates', hint: 'Certificate of payment for medical services for the tax office (form KND 1151156, FNS order of 08.11.2023 No. ЕА-7-11/824@).',
    issue: 'Issue a certificate', year: 'Year', preview: 'Paid in {{year}}: {{sum}} (payments: {{payments}}, refunds: {{refunds}})', previewNote: 'Cash, card and transfer less refunds; the insurer’s payments are not included.',
    relation: 'Who paid', relations: { self: 'The patient', spouse: 'Spouse', parent: 'The patient’s son or daughter (patient is the parent)', child: 'A parent (patient is the child)' },
    taxpayer: 'Taxpayer (full name)', inn: 'Taxpayer’s INN', birthDate: 'Taxpayer’s birth date', document: 'Identity document (without an INN)',
    documentPlaceholder: 'Passport 05 12 345678, issued 01.02.2015', code: 'Service code', code1: '1 — ordinary services', code2: '2 — expensive treatment',
    issued: 'Certificate {{number}} issued', list: 'Issued certificates', none: 'No certificates issued', number: 'No.', issuedAt: 'Issued', patient: 'Patient', payer: 'Taxpayer', sum: 'Sum', pdf: 'PDF',
    clinic: 'The clinic’s details for certificates and registers', clinicInn: 'Clinic INN', clinicKpp: 'Clinic KPP', clinicSave: 'Save the details', clinicMissing: 'The clinic’s INN is not set: certificates cannot be issued',
  },
};
