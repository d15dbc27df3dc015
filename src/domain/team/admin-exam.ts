import type { Bilingual } from '../errors.js';

/**
 * STAFF-4: the new administrator's exam on the desk standard (seed 002): the stages of the
 * incoming-call script, the confirmation rule, forbidden phrases, the greeting by time of day,
 * what to say about prices. Multiple choice, one right answer each.
 */
export interface ExamQuestion {
  id: string;
  text: Bilingual;
  options: Bilingual[];
  /** Index into options. Never sent to the person taking the exam. */
  correct: number;
}

export const ADMIN_EXAM_ID = 'administrator-v1';

export const ADMIN_EXAM: readonly ExamQuestion[] = [
  {
    id: 'greeting',
    text: { ru: 'Звонок в 10:40. Как вы приветствуете звонящего?', en: 'A call at 10:40. How do you greet the caller?' },
    options: [
      { ru: '«Доброе утро, стоматологическая клиника …, администратор Мария, слушаю вас»', en: '"Good morning, … dental clinic, administrator Maria speaking"' },
      { ru: '«Добрый день, стоматологическая клиника …, администратор Мария, слушаю вас»', en: '"Good afternoon, … dental clinic, administrator Maria speaking"' },
      { ru: '«Алло, клиника»', en: '"Hello, clinic"' },
    ],
    correct: 0,
  },
  {
    id: 'evening',
    text: { ru: 'С какого времени говорят «Добрый вечер»?', en: 'From what time do you say "Good evening"?' },
    options: [{ ru: 'После 15:00', en: 'After 15:00' }, { ru: 'После 17:00', en: 'After 17:00' }, { ru: 'После 19:00', en: 'After 19:00' }],
    correct: 1,
  },
  {
    id: 'rings',
    text: { ru: 'Когда нужно снять трубку?', en: 'When should you answer the phone?' },
    options: [{ ru: 'Сразу, на первом звонке', en: 'At once, on the first ring' }, { ru: 'Не позднее второго звонка', en: 'By the second ring' }, { ru: 'После пятого звонка', en: 'After the fifth ring' }],
    correct: 1,
  },
  {
    id: 'forbidden',
    text: { ru: 'Какая фраза запрещена стандартом?', en: 'Which phrase does the standard forbid?' },
    options: [
      { ru: '«Мы с вами подберём удобное время»', en: '"Together we will find a convenient time"' },
      { ru: '«Я могу вам предложить…»', en: '"I can offer you…"' },
      { ru: '«Вам будет удобно в 11:00 или в 17:00?»', en: '"Would 11:00 or 17:00 suit you?"' },
    ],
    correct: 1,
  },
  {
    id: 'two-times',
    text: { ru: 'Пациент спрашивает, есть ли свободное время у врача. Что вы отвечаете?', en: 'The patient asks whether the doctor has free time. What do you answer?' },
    options: [
      { ru: '«Свободно любое время после обеда»', en: '"Any time after lunch is free"' },
      { ru: 'Предлагаю два варианта на выбор, например утром и вечером', en: 'I offer two choices, e.g. a morning and an evening time' },
      { ru: 'Прошу перезвонить завтра', en: 'I ask them to call back tomorrow' },
    ],
    correct: 1,
  },
  {
    id: 'confirm-when',
    text: { ru: 'Когда подтверждают запись пациента на приём?', en: 'When is a booking confirmed with the patient?' },
    options: [
      { ru: 'За день до приёма, вечером с 16:00 до 20:00', en: 'The day before, in the evening from 16:00 to 20:00' },
      { ru: 'В день приёма за час', en: 'An hour before on the day' },
      { ru: 'За неделю до приёма', en: 'A week before' },
    ],
    correct: 0,
  },
  {
    id: 'confirm-same-day',
    text: { ru: 'Пациент записался сегодня на завтра. Нужен ли звонок-подтверждение?', en: 'The patient booked today for tomorrow. Is a confirmation call needed?' },
    options: [
      { ru: 'Да, обязательно вечером', en: 'Yes, always in the evening' },
      { ru: 'Нет, отметка «Визит подтверждён» ставится сразу', en: 'No, "visit confirmed" is marked at once' },
      { ru: 'Нет, и отметку не ставят', en: 'No, and nothing is marked' },
    ],
    correct: 1,
  },
  {
    id: 'weekend',
    text: { ru: 'Как подтверждают запись на понедельник после выходных?', en: 'How are Monday bookings after a weekend confirmed?' },
    options: [
      { ru: 'Всех — в понедельник утром', en: 'All of them on Monday morning' },
      { ru: 'Первую половину дня — в последний рабочий день, вторую — в понедельник утром', en: 'The morning ones on the last working day, the afternoon ones on Monday morning' },
      { ru: 'Всех — в пятницу', en: 'All of them on Friday' },
    ],
    correct: 1,
  },
  {
    id: 'price',
    text: { ru: 'Пациент спрашивает, сколько стоит пломба. Что вы говорите?', en: 'The patient asks what a filling costs. What do you say?' },
    options: [
      { ru: 'Считаю всё лечение с анестезией, прокладкой и полировкой', en: 'I add up the whole treatment with anaesthesia, lining and polishing' },
      { ru: 'Называю цену пломбы по прейскуранту, говорю, что окончательную стоимость скажет врач на осмотре, и приглашаю на консультацию', en: 'I give the price-list price of the filling, say the doctor gives the final cost after an examination, and invite to a consultation' },
      { ru: 'Говорю, что по телефону цены не называем', en: 'I say we do not give prices over the phone' },
    ],
    correct: 1,
  },
  {
    id: 'stages',
    text: { ru: 'В каком порядке идут этапы разговора с первичным пациентом?', en: 'In what order do the stages of a call with a new patient go?' },
    options: [
      { ru: 'Приветствие и выяснение потребности → установление контакта → мини-презентация → запись и выход из контакта', en: 'Greeting and need → contact → mini-presentation → booking and closing' },
      { ru: 'Цена → приветствие → запись', en: 'Price → greeting → booking' },
      { ru: 'Запись → мини-презентация → приветствие', en: 'Booking → mini-presentation → greeting' },
    ],
    correct: 0,
  },
  {
    id: 'summary',
    text: { ru: 'Что делают, выяснив запрос пациента?', en: 'What do you do once you have learnt the patient’s need?' },
    options: [
      { ru: 'Сразу называют цену', en: 'Give the price at once' },
      { ru: 'Подводят итог («Итак, у вас сейчас стоит задача…, верно?») и получают подтверждение', en: 'Summarise ("So your task is…, right?") and get it confirmed' },
      { ru: 'Переводят звонок на врача', en: 'Put the call through to a doctor' },
    ],
    correct: 1,
  },
  {
    id: 'cancel',
    text: { ru: 'Пациент отменяет запись. Что нужно сделать?', en: 'The patient cancels. What must you do?' },
    options: [
      { ru: 'Удалить запись и попрощаться', en: 'Delete the booking and say goodbye' },
      { ru: 'Предложить другой день или договориться, когда перезвонить; при претензии — сообщить лечащему врачу', en: 'Offer another day or agree when to call back; on a complaint, tell the doctor' },
      { ru: 'Попросить перезвонить, когда будет удобно', en: 'Ask them to call whenever convenient' },
    ],
    correct: 1,
  },
];

/** Pass mark: 10 of 12 right (the desk standard allows a slip or two, not a gap in a whole topic). */
export const ADMIN_EXAM_PASS = 10;

export interface ExamResult {
  score: number;
  total: number;
  passMark: number;
  passed: boolean;
  /** Ids of the questions answered wrongly or not at all, for the review with the mentor. */
  wrong: string[];
}

/** Scores answers (question id → chosen option index); an unanswered or unknown answer is wrong. */
export function scoreExam(questions: readonly ExamQuestion[], answers: Readonly<Record<string, number>>, passMark: number): ExamResult {
  const wrong = questions.filter((q) => answers[q.id] !== q.correct).map((q) => q.id);
  const score = questions.length - wrong.length;
  return { score, total: questions.length, passMark, passed: score >= passMark, wrong };
}

/** The default plan of a new administrator's internship (seed 002: standards, scripts, the cash). */
export const ADMIN_TRAINING_PLAN: readonly { title: string; days: number }[] = [
  { title: 'Знакомство с клиникой, сотрудниками и должностной инструкцией', days: 1 },
  { title: 'Стандарт открытия смены и чек-лист утра', days: 2 },
  { title: 'Скрипт входящего звонка: этапы, приветствие по времени суток, запрещённые фразы', days: 5 },
  { title: 'Запись в расписание и правило подтверждения визитов', days: 7 },
  { title: 'Ответы о ценах по прейскуранту', days: 7 },
  { title: 'Касса: расчёт с пациентами, чеки, закрытие смены', days: 10 },
  { title: 'Самостоятельная смена под присмотром наставника', days: 12 },
  { title: 'Экзамен по стандартам работы администратора', days: 14 },
];
