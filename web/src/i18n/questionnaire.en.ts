import type { questionnaireRu } from './questionnaire.ru';

/** English texts of the questionnaires' answers (DOC-2/DOC-3). */
export const questionnaireEn: typeof questionnaireRu = {
  fill: 'Fill in the questionnaire',
  fillCareful: '«Treat me carefully» form',
  view: 'Answers',
  source: { label: 'Who fills it in', patient: 'The patient (tablet)', staff: 'Copying a paper form' },
  yes: 'Yes',
  no: 'No',
  clear: 'Clear',
  detail: 'Details (if needed)',
  textPlaceholder: 'The patient’s answer',
  redFlag: 'important for the doctor',
  section: 'to the service card',
  answered: 'Answered: {{n}} of {{total}}',
  save: 'Save',
  saveAndSign: 'Save and sign',
  saved: 'Answers saved',
  close: 'Close',
  frozen: 'The questionnaire is signed: its answers cannot change. If something changed, issue a new one.',
  hidden: 'Only medical staff see the health questionnaire’s answers (152-FZ art. 10).',
  recorded: 'Entered by {{name}}, {{when}}',
  anamnesis: {
    title: 'Medical history',
    of: 'questionnaire of {{date}}',
    none: 'Medical history (questionnaire of {{date}}): nothing of note',
    notTyped: 'The health questionnaire was signed on {{date}}; its answers were not typed in — see the paper copy',
    missing: 'No health questionnaire — ask the patient to fill it in before the visit',
    expired: 'The health questionnaire is out of date — ask for a new one (signed {{date}}, valid until {{until}})',
    open: 'issued, not signed',
  },
  call: {
    missing: 'No health questionnaire: ask the patient to come 10 minutes early to fill it in',
    expired: 'The health questionnaire is out of date: ask the patient to come 10 minutes early to fill in a new one',
  },
};
