import type { statisticsRu } from './statistics.ru';

/** English texts of «Статистика» and «Сегодня». */
export const statisticsEn: typeof statisticsRu = {
  nav: 'Statistics',
  title: 'Clinic statistics',
  hint: 'Visits, no-shows, chair load, new patients, confirmations and check-ups, revenue, patient surveys and call conversion for the period. Click any figure to open its list.',
  period: { today: 'Today', yesterday: 'Yesterday', week: 'This week', month: 'This month', lastMonth: 'Last month', year: 'Year to date', from: 'From', to: 'To' },
  allBranches: 'All branches',
  branch: 'Branch',
  visits: {
    title: 'Visits', total: 'All bookings', noShowRate: 'No-shows', noShowHint: 'share of no-shows among the visits that were due',
    cancelled: 'Cancellations', reasons: 'Cancellation reasons', byStatus: 'By status and cancellation reason', reasonNone: 'No reason given',
  },
  load: {
    title: 'Chair load', total: 'Clinic load', doctor: 'Doctor', chair: 'Chair', booked: 'Booked, h', work: 'Working time, h', idle: 'Idle, h', percent: 'Load',
    byDoctor: 'By doctor', byChair: 'By chair',
    hint: 'Booked time: visits that took place or are booked (no cancellations or no-shows). Working time: the doctor’s hours less vacations, sick leave and holidays.',
    none: 'No working time in the period',
  },
  sources: {
    title: 'New patients by source', total: 'New patients', source: 'Source', count: 'Patients', none: 'Not given',
    clinicWide: 'whole clinic: a patient card has no branch', empty: 'No new patients in the period',
  },
  progress: {
    title: 'Confirmations and check-ups', confirmed: 'Confirmed before the day', confirmedOf: '{{confirmed}} of {{due}}',
    confirmHint: 'visits booked in advance (no cancellations or walk-ins)', recall: 'Booked for a check-up', recallOf: '{{booked}} of {{due}}',
    recallHint: 'patients due for a return visit by the clinic\'s recall rules, as on the recall list (as of {{date}})', recallDue: 'Due', recallNotBooked: 'Not booked yet', unconfirmed: 'Not confirmed',
  },
  surveys: { title: 'Post-treatment patient surveys', nps: 'NPS', npsHint: 'answers to «would you recommend us»: {{count}}', count: 'Surveyed', complaints: 'Complaints', low: 'Low scores', none: 'No surveys in this period.', open: 'All survey results: by doctor, service and month →' },
  conversion: { title: 'Call conversion to bookings' },
  revenue: {
    title: 'Revenue', net: 'Revenue', received: 'Taken in', refunded: 'Refunds', fromAdvance: 'Paid from advance',
    advanceHint: 'from the advance: money taken earlier, counted when it came in', method: 'Method', byDoctor: 'Billed by doctor (issued bills)',
    doctor: 'Doctor', billed: 'Billed', noDoctor: 'No doctor',
    methods: { cash: 'Cash', card: 'Card', transfer: 'Transfer', insurer: 'Insurer', advance: 'From advance' }, empty: 'No payments in the period',
  },
  csv: 'CSV',
  csvTitle: 'Download the table as CSV',
  list: {
    date: 'Date', time: 'Time', patient: 'Patient', card: 'Card', doctor: 'Doctor', status: 'Status', reason: 'Reason', registered: 'Registered', source: 'Source',
    lastVisit: 'Last visit', amount: 'Amount', kind: 'Operation', payment: 'Payment', refund: 'Refund', bill: 'Bill', receipt: 'Receipt no.',
    openVisit: 'Open in the schedule', shown: 'First {{shown}} of {{total}} shown', empty: 'The list is empty', count: 'Total: {{total}}',
  },
  drill: {
    status: 'Visits: “{{label}}”', held: 'Booked time: {{label}}', reason: 'Cancellations: {{label}}', source: 'New patients: {{label}}',
    confirmed: 'Confirmed before the day', unconfirmed: 'Not confirmed before the day', recall: 'Check-up: {{label}}', method: 'Payments: {{label}}', all: 'All bookings of the period',
  },
  hours: '{{h}} h',
  today: {
    nav: 'Today', title: 'Today',
    hint: 'Who is waiting and for how long, who is late, which chair is free. Updates itself every minute and on every mark in the schedule.',
    waiting: 'Waiting', waitingNone: 'Nobody is waiting', waitingFor: 'waiting {{n}} min', late: 'Late', lateNone: 'Nobody is late', lateFor: 'late by {{n}} min',
    since: 'booked for {{time}}', arrivedAt: 'arrived at {{time}}', chairs: 'Chairs', chairsNone: 'No chairs in the branch', free: 'Free',
    freeUntil: 'free until {{time}}', freeAllDay: 'free for the rest of the day', inChair: 'In the chair: {{name}}', booked: 'Booked: {{name}} until {{time}}',
    toDoctor: 'to {{name}}', live: 'Updated at {{time}}',
  },
};
