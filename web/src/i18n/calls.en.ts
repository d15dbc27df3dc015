import type { callsRu } from './calls.ru';

export const callsEn: typeof callsRu = {
  nav: 'Calls',
  newCall: 'New call',
  newCallHint: 'Open the call card (F2)',
  card: {
    title: 'Call', say: 'Say', caller: 'Caller', phone: 'Phone', callerName: 'Caller’s name', callerType: 'Caller type',
    repeatHint: 'A repeat patient: speak to him as someone the clinic remembers', addressAs: 'Address as: {{name}}',
    visitsBehind_one: '{{count}} visit at the clinic', visitsBehind_few: '{{count}} visits at the clinic', visitsBehind_many: '{{count}} visits at the clinic',
    alerts: 'Alerts', doctor: 'Treating doctor', upcoming: 'Booked', past: 'Visited', waiting: 'Waiting list', lastCalls: 'Last calls', none: 'none',
    book: 'Book — two options', booked: 'Booked: {{when}}, {{doctor}}', purpose: 'Purpose', source: 'How they heard of the clinic',
    need: 'The need said back («So your task is …, right?»)', outcome: 'Outcome', reason: 'Why not booked', note: 'Note', finish: 'End the call',
    saved: 'The call is recorded in the call base',
    nonPatient: {
      advertising: 'Advertising: keep a friendly tone, pass it to the marketing manager.',
      supplier: 'A supplier: pass it to the senior nurse.',
      director: 'Asking for the director: ask who is calling and ask to send the proposal by e-mail to the director (chief doctor).',
    },
  },
  timer: { label: 'Length', target: 'target {{min}} min', over: 'over the target' },
  script: {
    title: 'Script', rules: 'General rules', forbidden: 'Forbidden phrases', objections: 'Answers to objections', version: 'Version {{v}}',
    seed: 'Default script (the administrator’s standard)', edit: 'Edit the script', editTitle: 'Phone script', stageTitle: 'Stage',
    steps: 'What to do (one a line)', phrases: 'What to say (one phrase a line)', rulesField: 'General rules (one a line)',
    forbiddenField: 'Forbidden phrases (one a line)', objectionsField: 'Objections: «objection — answer», one a line', target: 'Target length, seconds',
    founded: 'Year the clinic opened', equipment: 'Equipment', materials: 'Materials and drugs', save: 'Save a new version', saved: 'Script saved: version {{v}}',
    flagged: 'A phrase contains a forbidden one: «{{p}}»', savedBy: 'Saved by {{who}}, {{when}}',
  },
  answers: {
    title: 'Answers', prices: 'Prices', priceSearch: 'Service or code',
    priceHint: 'Name the price of exactly the service asked for; the final price comes after the doctor’s examination.',
    doctors: 'Doctors', hours: 'Hours', clinic: 'About the clinic', experience: 'practising since {{year}} ({{years}})',
    years_one: '{{count}} year', years_few: '{{count}} years', years_many: '{{count}} years', worksFor: 'The clinic has worked for {{years}}',
    founded: 'The year the clinic opened is not set in the script', equipment: 'Equipment', materials: 'Materials', closed: 'closed', noPrice: 'no price set',
  },
  types: { primary: 'First-time patient', repeat: 'Repeat patient', non_patient: 'Not a patient' },
  purposes: {
    booking: 'Booking', price: 'Price', info: 'Information', reschedule: 'Reschedule', cancel: 'Cancellation', doctor: 'Question for the doctor', recall: 'Recall',
    confirmation: 'Confirmation', other: 'Other', advertising: 'Advertising', supplier: 'Supplier', director: 'For the director',
  },
  outcomes: { booked: 'Booked', not_booked: 'Not booked', info_given: 'Information only', callback: 'Call back', routed: 'Passed on', confirmed: 'Confirmed' },
  directions: { in: 'Incoming', out: 'Outgoing' },
  base: {
    title: 'Calls', tabs: { base: 'Call base', conversion: 'Conversion', script: 'Script' },
    from: 'From', to: 'To', direction: 'Direction', type: 'Type', outcome: 'Outcome', admin: 'Administrator', any: 'All', export: 'Export CSV', total: 'Calls: {{n}}',
    cols: { when: 'Start', who: 'Caller', type: 'Type', purpose: 'Purpose', source: 'Source', outcome: 'Outcome', admin: 'Taken by', answer: 'Answer', duration: 'Length', visit: 'Visit' },
    empty: 'No calls on these days', more: 'Show more',
  },
  conv: {
    title: 'Conversion of first-time calls into bookings',
    explain: 'First-time incoming calls → first-time patients booked. Good from 60 %, excellent from 80 %. A repeat patient’s information call is not a first-time call.',
    total: 'Total', calls: 'First-time calls', booked: 'Booked', rate: 'Conversion', neverCame: 'Booked, never came',
    byWeek: 'By week', byMonth: 'By month', byAdmin: 'By administrator', bySource: 'By source', byBranch: 'By branch', weekOf: 'week of {{d}}', none: 'not recorded',
    good: 'good (60 %)', excellent: 'excellent (80 %)', levels: { low: 'below the mark', good: 'good', excellent: 'excellent' },
  },
};
