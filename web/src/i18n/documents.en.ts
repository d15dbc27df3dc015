import type { documentsRu } from './documents.ru';

/** English texts of the patients' documents (issue #11). */
export const documentsEn: typeof documentsRu = {
  title: 'Documents',
  status: { issued: 'Issued', signed_on_screen: 'Signed', signed_on_paper: 'Signed on paper', refused: 'Refused', expired: 'Expired' },
  kind: {
    contract: 'Contract', pd_consent: 'Personal data consent', mailing_consent: 'Mailing consent', health_questionnaire: 'Health questionnaire',
    careful_questionnaire: '«Treat me carefully» questionnaire', warranty_regulation: 'Warranty regulation', warranty_coupon: 'Warranty coupon', ids_instruction: 'Instruction',
    refusal: 'Refusal of intervention', consent: 'Informed consent', leaflet: 'Leaflet', service_card_regulation: 'Regulation', treatment_plan: 'Treatment plan',
  },
  register: {
    document: 'Document', version: 'Ver.', visit: 'Visit', status: 'Status', date: 'Date', who: 'Signed by', empty: 'No documents yet. Issue the contract, the personal data consent and the health questionnaire.',
    issuedOn: 'issued {{date}}', signedOn: '{{date}}', paperOn: 'on paper {{date}}', reason: 'Reason: {{reason}}', pdf: 'PDF', noVisit: '—',
    representative: 'representative', openPdf: 'Open PDF',
  },
  actions: { sign: 'Sign', paper: 'On paper', refuse: 'Refused', more: 'More' },
  issue: {
    title: 'Issue a document', template: 'Template', templatePlaceholder: 'Start typing the title', visit: 'Visit', noVisit: 'Not tied to a visit',
    submit: 'Issue', andSign: 'Issue and sign', issued: 'Document issued: {{title}}',
  },
  sign: {
    title: 'Signature on screen', signer: 'Signed by', signerPatient: 'the patient {{name}}', signerRep: 'the legal representative ({{relation}}) {{name}}',
    hint: 'The patient signs with a finger, a stylus or the mouse inside the frame below.', clear: 'Clear', submit: 'Sign', empty: 'Sign inside the frame first',
    signed: 'The document is signed', read: 'Open the document to read (PDF)', padLabel: 'Signature field',
    noRep: 'The patient is under 15: the legal representative signs. Enter them on the patient card («Legal representative»).',
  },
  paper: { title: 'Signed on paper', date: 'Signing date', submit: 'Mark as signed', saved: 'Marked as signed on paper' },
  refuse: {
    title: 'Refused to sign', reason: 'Reason for the refusal', reasonPlaceholder: 'E.g. wants to read it at home, disagrees with clause 5.2', submit: 'Record the refusal',
    saved: 'The refusal is recorded in the service card', hint: 'The refusal goes to the service card («Attitude to documents»).',
  },
  rep: {
    title: 'Legal representative', none: 'Not entered', child: 'The patient is under 15: the legal representative signs the documents.',
    childMissing: 'The patient is under 15 and no legal representative is entered: documents cannot be signed.',
    adult: 'For a ward (legally incapable) patient, enter the guardian.', signs: 'Signs: {{name}}', signsPatient: 'The patient signs',
    fullName: 'Representative’s full name', document: 'Identity and authority document', relation: 'Relation', phone: 'Phone',
    relationPlaceholder: 'mother, father, guardian…', documentPlaceholder: 'passport 4000 123456, birth certificate…', edit: 'Edit', add: 'Enter the representative',
    save: 'Save', cancel: 'Cancel', saved: 'Representative saved', clear: 'Remove the representative',
  },
  visit: {
    missingTitle: 'Documents missing before treatment', missingConsentTitle: 'No consent for the planned intervention', allSigned: 'All required documents are signed',
    reason: { first_visit: 'first visit', planned_intervention: 'for the planned intervention', expired: 'expired, a new one is needed' },
    issueSign: 'Sign', issuedNotSigned: 'issued, not signed', planned: 'Planned services', plannedPlaceholder: 'Choose services from the price list',
    plannedSaved: 'Planned services saved', noPlanned: 'No services planned', editPlanned: 'Edit', savePlanned: 'Save services', cancel: 'Cancel',
    doctorWarning: 'No intervention without a signed consent (323-FZ art. 20).',
  },
  aftercare: {
    title: 'After treatment', offer: 'Issue and print', issued: 'Issued', pdf: 'PDF', wait: 'Preparing the PDF…',
    hint: 'Performed: {{services}}', kind: { leaflet: 'leaflet', warranty_coupon: 'warranty coupon' },
    done: 'Issued and opened for printing: {{title}}',
  },
  repOnSchedule: {
    label: 'Legal representative', mark: 'Representative: {{who}}', missingMark: 'Under 15, no legal representative entered',
    missingTitle: 'The child is under 15 and no legal representative is entered',
    missingText: 'Ask them to come with a parent (guardian) and their passport: without a representative the consent and the contract cannot be signed. Enter the representative on the patient card.',
    openCard: 'Open the card', ward: 'a ward’s representative',
  },
  pack: { button: 'Tomorrow’s documents (PDF)', wait: 'Preparing the PDF of tomorrow’s documents… A busy day may take up to a minute.', opened: 'Documents in the pack: {{count}}', none: 'Tomorrow: all documents are signed or not needed' },
};
