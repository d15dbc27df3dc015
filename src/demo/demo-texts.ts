/**
 * Short Russian texts for the demo data: appointment comments by kind of work, reasons for
 * cancellations and for calls that ended without a booking. Teeth are numbered the FDI way
 * (36 = lower left first molar, 75 = a lower left milk molar) as Russian dentists write them.
 */
import type { CancelReason } from '../domain/schedule/status.js';
import type { Sex } from './demo-names.js';
import type { Rng } from './demo-random.js';
import type { Practice } from './demo-staff.js';

export type VisitKind = 'primary' | 'repeat' | 'checkup' | 'urgent';

/** «ночью не спал» / «не спала»: the past tense agrees with the patient's sex. */
export function bySex(sex: Sex, male: string, female: string): string {
  return sex === 'female' ? female : male;
}

/** «3 года», «5 лет», «21 год». */
export function yearsRu(n: number): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return `${n} год`;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return `${n} года`;
  return `${n} лет`;
}

const tooth = (rng: Rng) => `${rng.int(1, 4)}${rng.int(4, 7)}`;
const front = (rng: Rng) => `${rng.pick([1, 2])}${rng.int(1, 3)}`;
const molar = (rng: Rng) => `${rng.int(1, 4)}${rng.pick([6, 7])}`;
const wisdom = (rng: Rng) => `${rng.int(1, 4)}8`;
const milk = (rng: Rng) => `${rng.int(5, 8)}${rng.int(4, 5)}`;
const side = (rng: Rng) => rng.pick(['справа', 'слева']);

type Maker = (rng: Rng, sex: Sex, age: number) => string;

const URGENT: Maker[] = [
  (r) => `Острая боль ${side(r)} внизу`,
  (r) => `Острая боль ${side(r)} вверху`,
  (_r, s) => `Болит зуб, ночью ${bySex(s, 'не спал', 'не спала')}`,
  (r) => `Выпала пломба ${tooth(r)}`,
  (r) => `Скол зуба ${front(r)}`,
  (r) => `Отёк щеки ${side(r)}`,
  (r) => `Болит при накусывании ${tooth(r)}`,
  () => 'Сломалась коронка',
];

const COMMENTS: Record<Practice, Partial<Record<VisitKind, Maker[]>>> = {
  therapist: {
    primary: [() => 'Первичная консультация', () => 'Консультация, составить план лечения', () => 'Чувствительность зубов', () => 'Хочет отбелить зубы', () => 'Кровоточат дёсны'],
    repeat: [
      (r) => `Продолжение лечения ${tooth(r)}`,
      (r) => `Лечение каналов ${tooth(r)}, второй визит`,
      (r) => `Пломбирование каналов ${tooth(r)}`,
      (r) => `Замена пломбы ${tooth(r)}`,
      (r) => `Реставрация ${front(r)}`,
      (r) => `Лечение кариеса ${tooth(r)}, ${tooth(r)}`,
    ],
    checkup: [() => 'Профосмотр', () => 'Контрольный осмотр через полгода', (r) => `Осмотр после лечения ${tooth(r)}`],
    urgent: URGENT,
  },
  surgeon: {
    primary: [() => 'Консультация по имплантации', () => 'Консультация: удаление зуба мудрости', () => 'Консультация, есть КТ'],
    repeat: [
      (r) => `Удаление ${wisdom(r)}`,
      (r) => `Имплантация ${molar(r)}`,
      () => 'Снятие швов',
      (r) => `Удаление ${tooth(r)}, сложное`,
      (r) => `Установка формирователя десны ${molar(r)}`,
      (r) => `Синус-лифтинг ${side(r)}`,
    ],
    checkup: [() => 'Контроль после имплантации', () => 'Осмотр после удаления'],
    urgent: URGENT,
  },
  orthopedist: {
    primary: [() => 'Консультация по протезированию', () => 'Консультация: коронки или виниры'],
    repeat: [
      () => 'Снятие слепков',
      (r) => `Препарирование под коронку ${tooth(r)}`,
      (r) => `Примерка коронки ${tooth(r)}`,
      (r) => `Фиксация коронки ${tooth(r)}`,
      () => 'Примерка каркаса',
      () => 'Коррекция съёмного протеза',
      () => 'Сканирование для коронок на имплантатах',
    ],
    checkup: [() => 'Контроль протеза'],
    urgent: [() => 'Сломалась коронка', () => 'Натирает протез'],
  },
  orthodontist: {
    primary: [() => 'Консультация по брекетам', () => 'Консультация: элайнеры', () => 'Диагностика: ТРГ и модели'],
    repeat: [
      () => 'Активация брекет-системы',
      () => 'Замена дуги',
      () => 'Коррекция элайнеров, выдача следующих кап',
      () => 'Фиксация брекетов на верхнюю челюсть',
      () => 'Снятие брекетов',
    ],
    checkup: [() => 'Контроль ретейнера', () => 'Плановый осмотр'],
    urgent: [() => 'Отклеился брекет', () => 'Ранит дуга'],
  },
  hygienist: {
    primary: [() => 'Профгигиена, первый визит'],
    repeat: [() => 'Профгигиена', () => 'Профгигиена + фторирование', () => 'Чистка Air Flow', () => 'Профгигиена перед имплантацией', () => 'Гигиена на брекетах'],
    checkup: [() => 'Профгигиена', () => 'Профгигиена раз в полгода', () => 'Профгигиена, чувствительные зубы'],
  },
  pediatric: {
    primary: [() => 'Адаптационный визит', (_r, _s, age) => `Первичный осмотр, ребёнку ${yearsRu(age)}`],
    repeat: [(r) => `Лечение кариеса ${milk(r)}`, () => 'Герметизация фиссур', (r) => `Продолжение лечения ${milk(r)}`, (r) => `Удаление молочного зуба ${milk(r)}`],
    checkup: [() => 'Профосмотр', () => 'Осмотр для справки в школу', () => 'Фторирование, контроль'],
    urgent: [() => 'Болит зуб', (r) => `Выпала пломба ${milk(r)}`, () => 'Травма переднего зуба'],
  },
};

/** A desk comment for an appointment, or null (most appointments have none). */
export function appointmentComment(rng: Rng, practice: Practice, kind: VisitKind, sex: Sex, age: number): string | null {
  const makers = COMMENTS[practice][kind];
  const p = kind === 'urgent' ? 0.9 : practice === 'hygienist' ? 0.5 : 0.3;
  if (!makers || !rng.chance(p)) return null;
  return rng.pick(makers)(rng, sex, age);
}

export interface Cancellation {
  reason: CancelReason;
  note: string;
  /** Days after the cancellation to call back (CONF-5); null after a complaint or a refusal. */
  callbackDays: number | null;
}

/** Why a visit was cancelled, as the patient said it; always with the next contact agreed (CONF-5). */
export function cancellation(rng: Rng, sex: Sex, child: boolean): Cancellation {
  if (child) {
    return rng.chance(0.7)
      ? { reason: 'illness', note: 'Ребёнок заболел, перезвонить через неделю', callbackDays: 7 }
      : { reason: 'patient_request', note: 'Уезжают на каникулы, перезвонить после возвращения', callbackDays: 14 };
  }
  return rng.weighted<Cancellation>([
    [{ reason: 'illness', note: `${bySex(sex, 'Заболел', 'Заболела')}, перезвонить через неделю`, callbackDays: 7 }, 35],
    [{ reason: 'patient_request', note: `${bySex(sex, 'Уехал', 'Уехала')} в командировку, перезвонить через две недели`, callbackDays: 14 }, 15],
    [{ reason: 'patient_request', note: 'Не отпустили с работы, перезвонить завтра', callbackDays: 1 }, 20],
    [{ reason: 'patient_request', note: 'Перенос по просьбе пациента, подобрать время на следующей неделе', callbackDays: 3 }, 24],
    [{ reason: 'refusal', note: `Отказ от лечения: ${bySex(sex, 'решил', 'решила')} лечиться по ДМС в другой клинике`, callbackDays: null }, 4],
    [{ reason: 'complaint', note: `${bySex(sex, 'Недоволен', 'Недовольна')} долгим ожиданием в прошлый визит`, callbackDays: null }, 2],
  ]);
}

/** «Узнавал цену» / «Узнавала цену». */
export function askedPrice(sex: Sex): string {
  return bySex(sex, 'Узнавал цену', 'Узнавала цену');
}

/** A reason a first-time caller did not book (CALL-4, CALL-5), in the caller's grammatical gender. */
export function notBookedReason(rng: Rng, sex: Sex): string {
  return rng.weighted(NOT_BOOKED_REASONS).replace('{asked}', askedPrice(sex));
}

const NOT_BOOKED_REASONS: readonly (readonly [string, number])[] = [
  ['Дорого', 18],
  ['Не подошло время', 16],
  ['{asked}', 20],
  ['Далеко ехать', 6],
  ['Сравнивает цены в других клиниках', 10],
  ['Нужен приём в выходной', 6],
  ['Хочет посоветоваться с семьёй', 8],
  ['Нет нужного специалиста в удобные дни', 6],
  ['Нужна клиника по ДМС другой страховой', 4],
];

export const CALLBACK_REASONS: readonly string[] = [
  'Перезвонит после разговора с семьёй',
  'Просит перезвонить вечером',
  'Уточнит свой график и перезвонит',
];

/** Not a patient: suppliers, advertising, job seekers, a call for the director (CALL-2). */
export const NON_PATIENT_CALLS: readonly { name: string; note: string }[] = [
  { name: 'Андрей, ООО «ДентСнаб»', note: 'Поставщик материалов: переадресован старшей медсестре' },
  { name: 'Марина, рекламное агентство «Медиа Плюс»', note: 'Реклама: попросили прислать предложение на e-mail' },
  { name: 'Олег, компания «СтомаТех»', note: 'Сервис оборудования: переадресован старшей медсестре' },
  { name: 'Кристина, журнал «Здоровье Петербурга»', note: 'Звонок директору: попросили отправить предложение на e-mail' },
  { name: 'Соискатель, ассистент стоматолога', note: 'Вакансия: резюме на e-mail офис-менеджеру' },
  { name: 'Екатерина, страховая компания', note: 'Договор ДМС: переадресована офис-менеджеру' },
];

/** What repeat patients call about when they do not book. */
export const INFO_TOPICS: readonly string[] = [
  'Уточнить время приёма',
  'Вопрос о гарантии на пломбу',
  'Справка для налогового вычета',
  'Как подготовиться к удалению',
  'Стоимость профгигиены',
  'Режим работы в праздники',
];

export const RECALL_FAILED: readonly (readonly [string, string])[] = [
  ['callback', 'Не дозвонились'],
  ['callback', 'Просит перезвонить через месяц'],
  ['not_booked', 'Лечится в другой клинике'],
  ['not_booked', 'Пока не планирует'],
];
