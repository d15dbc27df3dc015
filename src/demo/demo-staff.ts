/**
 * The fixed part of the demo clinic: the clinic itself, its two St. Petersburg branches,
 * chairs, information sources, staff logins and the ten doctors with their weekly rota.
 * Plain data, no randomness: the rota is laid out by hand so that no chair is ever given to
 * two doctors at overlapping times (checked by `rotaConflicts`).
 */
import type { Role } from '../domain/roles.js';
import type { Specialty } from '../domain/specialties.js';

export const DEMO_PASSWORD = 'demo-vizit-2026';
export const DEMO_TIME_ZONE = 'Europe/Moscow';

export const DEMO_CLINIC = {
  name: 'Стоматологическая клиника «Улыбка»',
  legal_name: 'Общество с ограниченной ответственностью «Улыбка-Дент» (ООО «Улыбка-Дент»)',
  time_zone: DEMO_TIME_ZONE,
  phone: '+78123094512',
  email: 'info@ulybka-dent.ru',
  website: 'https://ulybka-dent.ru',
  licence:
    'Лицензия на осуществление медицинской деятельности № Л041-01148-78/00371234 от 15.03.2021, ' +
    'выдана Комитетом по здравоохранению Санкт-Петербурга',
};

export interface DemoBranchSpec {
  name: string;
  address: string;
  directions: string;
  phone: string;
  hours: { weekday: number; opens: string; closes: string }[];
  chairs: number;
}

const WEEKDAYS_9_21 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '21:00' }));

export const DEMO_BRANCHES: readonly DemoBranchSpec[] = [
  {
    name: '«Улыбка» на Петроградской',
    address: 'г. Санкт-Петербург, Большой проспект П. С., д. 84, лит. А (м. «Петроградская»)',
    directions:
      'От станции метро «Петроградская» идите по Большому проспекту П. С. в сторону улицы Ленина, около 5 минут пешком. ' +
      'Вход с проспекта под вывеской «Улыбка», 1-й этаж.',
    phone: '+78123094512',
    hours: [...WEEKDAYS_9_21, { weekday: 6, opens: '10:00', closes: '18:00' }],
    chairs: 4,
  },
  {
    name: '«Улыбка» на Московском',
    address: 'г. Санкт-Петербург, Московский проспект, д. 186 (м. «Парк Победы»)',
    directions:
      'Из метро «Парк Победы» поверните налево и пройдите по Московскому проспекту около 300 метров в сторону станции «Московская». ' +
      'Вход со двора через арку, домофон 12.',
    phone: '+78123094513',
    hours: WEEKDAYS_9_21,
    chairs: 3,
  },
];

/** Where patients heard of the clinic, with how often a new patient names each (PAT-3). */
export const DEMO_SOURCES: readonly (readonly [string, number])[] = [
  ['Сайт клиники', 18],
  ['Яндекс.Карты', 16],
  ['2ГИС', 10],
  ['Рекомендация знакомых', 30],
  ['Наружная реклама', 5],
  ['ВКонтакте', 8],
  ['Проходил мимо', 8],
  ['Страховая компания', 5],
];

export interface DemoUserSpec {
  login: string;
  role: Role;
  fullName: string;
}

export const DEMO_USERS: readonly DemoUserSpec[] = [
  { login: 'owner', role: 'owner', fullName: 'Воронцов Сергей Павлович' },
  { login: 'chief', role: 'chief_doctor', fullName: 'Белов Андрей Николаевич' },
  { login: 'admin', role: 'administrator', fullName: 'Миронова Екатерина Андреевна' },
  { login: 'admin2', role: 'administrator', fullName: 'Зайцева Дарья Игоревна' },
  { login: 'dentist', role: 'dentist', fullName: 'Кузнецова Ольга Игоревна' },
  { login: 'hygienist', role: 'hygienist', fullName: 'Ковалёва Светлана Юрьевна' },
  { login: 'assistant', role: 'assistant', fullName: 'Павлова Юлия Сергеевна' },
  { login: 'nurse', role: 'senior_nurse', fullName: 'Егорова Татьяна Николаевна' },
  { login: 'office', role: 'office_manager', fullName: 'Тихонова Ирина Владимировна' },
];

/** Shift patterns: morning, evening, and a day shift with a lunch break. */
export const SHIFTS = {
  M: { starts: '09:00', ends: '15:00', break_starts: null, break_ends: null },
  E: { starts: '15:00', ends: '21:00', break_starts: null, break_ends: null },
  D: { starts: '10:00', ends: '19:00', break_starts: '14:00', break_ends: '15:00' },
  /** Saturday at the main branch (open 10:00–18:00). */
  S: { starts: '10:00', ends: '16:00', break_starts: null, break_ends: null },
} as const;
export type ShiftCode = keyof typeof SHIFTS;

/** What kind of work fills a doctor's day: drives durations, patients' ages and comments. */
export type Practice = 'therapist' | 'surgeon' | 'orthopedist' | 'orthodontist' | 'hygienist' | 'pediatric';

export interface DemoDoctorSpec {
  surname: string;
  firstName: string;
  patronymic: string;
  /** Login of the staff account linked to this doctor, if any. */
  login?: string;
  position: string;
  specialties: Specialty[];
  practice: Practice;
  education: string;
  qualification: string;
  experienceSince: number;
  color: string;
  /** Weekly rota: weekdays (1 = Monday), branch index, chair index within the branch, shift. */
  rota: { weekdays: number[]; branch: number; chair: number; shift: ShiftCode }[];
}

const PAVLOV_OLD = 'Санкт-Петербургский государственный медицинский университет им. акад. И. П. Павлова';
const PAVLOV = 'Первый Санкт-Петербургский государственный медицинский университет им. акад. И. П. Павлова';

export const DEMO_DOCTORS: readonly DemoDoctorSpec[] = [
  {
    surname: 'Белов', firstName: 'Андрей', patronymic: 'Николаевич', login: 'chief',
    position: 'Главный врач, врач-стоматолог-терапевт', specialties: ['therapist', 'endodontist'], practice: 'therapist',
    education: `${PAVLOV_OLD}, специальность «Стоматология», 2002 г.; клиническая ординатура по специальности «Стоматология терапевтическая», 2004 г.; профессиональная переподготовка «Организация здравоохранения и общественное здоровье», 2015 г.`,
    qualification: 'Высшая квалификационная категория по специальности «Стоматология терапевтическая», кандидат медицинских наук. Периодическая аккредитация специалиста, 2023 г. Курсы: «Эндодонтическое лечение под микроскопом» (2022 г.), «Управление качеством медицинской помощи» (2024 г.).',
    experienceSince: 2002, color: '#1e88e5',
    rota: [{ weekdays: [1, 2, 4, 5], branch: 0, chair: 0, shift: 'D' }],
  },
  {
    surname: 'Кузнецова', firstName: 'Ольга', patronymic: 'Игоревна', login: 'dentist',
    position: 'Врач-стоматолог-терапевт', specialties: ['therapist', 'endodontist'], practice: 'therapist',
    education: `${PAVLOV_OLD}, специальность «Стоматология», 2010 г.; ординатура по специальности «Стоматология терапевтическая», 2012 г.`,
    qualification: 'Первая квалификационная категория. Периодическая аккредитация по специальности «Стоматология терапевтическая», 2024 г. Курсы: «Художественная реставрация фронтальных зубов» (2023 г.).',
    experienceSince: 2012, color: '#43a047',
    rota: [{ weekdays: [1, 2, 3, 4, 5], branch: 0, chair: 1, shift: 'M' }],
  },
  {
    surname: 'Морозов', firstName: 'Дмитрий', patronymic: 'Александрович',
    position: 'Врач-стоматолог-терапевт', specialties: ['therapist'], practice: 'therapist',
    education: `${PAVLOV}, специальность «Стоматология», 2017 г.; ординатура по специальности «Стоматология терапевтическая», 2019 г.`,
    qualification: 'Первичная специализированная аккредитация по специальности «Стоматология терапевтическая», 2019 г.; периодическая аккредитация, 2024 г. Курсы: «Современные методы лечения кариеса» (2021 г.), «Механическая обработка корневых каналов» (2023 г.).',
    experienceSince: 2019, color: '#e53935',
    rota: [
      { weekdays: [1, 2, 3, 5], branch: 0, chair: 1, shift: 'E' },
      { weekdays: [6], branch: 0, chair: 1, shift: 'S' },
    ],
  },
  {
    surname: 'Григорьев', firstName: 'Павел', patronymic: 'Сергеевич',
    position: 'Врач-стоматолог-хирург, имплантолог', specialties: ['surgeon', 'implantologist'], practice: 'surgeon',
    education: 'Московский государственный медико-стоматологический университет, специальность «Стоматология», 2008 г.; клиническая ординатура по специальности «Стоматология хирургическая», 2010 г.',
    qualification: 'Высшая квалификационная категория. Периодическая аккредитация по специальности «Стоматология хирургическая», 2024 г. Курсы: «Дентальная имплантация и костная пластика» (2019 г.), «Синус-лифтинг: открытый и закрытый» (2022 г.).',
    experienceSince: 2008, color: '#8e24aa',
    rota: [
      { weekdays: [1, 3, 5], branch: 0, chair: 2, shift: 'D' },
      { weekdays: [2, 4], branch: 1, chair: 2, shift: 'D' },
    ],
  },
  {
    surname: 'Лебедев', firstName: 'Игорь', patronymic: 'Владимирович',
    position: 'Врач-стоматолог-ортопед', specialties: ['orthopedist'], practice: 'orthopedist',
    education: 'Тверская государственная медицинская академия, специальность «Стоматология», 2005 г.; клиническая ординатура по специальности «Стоматология ортопедическая», 2007 г.',
    qualification: 'Высшая квалификационная категория. Периодическая аккредитация по специальности «Стоматология ортопедическая», 2023 г. Курсы: «Цифровое протезирование: CAD/CAM» (2021 г.), «Протезирование на имплантатах» (2023 г.).',
    experienceSince: 2005, color: '#fb8c00',
    rota: [
      { weekdays: [2, 4], branch: 0, chair: 2, shift: 'D' },
      { weekdays: [1, 3], branch: 1, chair: 0, shift: 'M' },
    ],
  },
  {
    surname: 'Фёдорова', firstName: 'Мария', patronymic: 'Андреевна',
    position: 'Врач-ортодонт', specialties: ['orthodontist'], practice: 'orthodontist',
    education: 'Санкт-Петербургский государственный университет, медицинский факультет, специальность «Стоматология», 2012 г.; ординатура по специальности «Ортодонтия», 2014 г.',
    qualification: 'Первая квалификационная категория. Периодическая аккредитация по специальности «Ортодонтия», 2024 г. Курсы: «Лечение на самолигирующих брекет-системах» (2018 г.), «Элайнеры в практике ортодонта» (2022 г.).',
    experienceSince: 2014, color: '#00897b',
    rota: [
      { weekdays: [1, 3, 5], branch: 0, chair: 3, shift: 'E' },
      { weekdays: [2, 4], branch: 1, chair: 1, shift: 'E' },
    ],
  },
  {
    surname: 'Ковалёва', firstName: 'Светлана', patronymic: 'Юрьевна', login: 'hygienist',
    position: 'Гигиенист стоматологический', specialties: ['hygienist'], practice: 'hygienist',
    education: 'СПб ГБПОУ «Медицинский колледж № 1», специальность «Стоматология профилактическая», 2013 г.',
    qualification: 'Периодическая аккредитация по специальности «Стоматология профилактическая», 2023 г. Курсы: «Профессиональная гигиена полости рта: технология Air Flow» (2021 г.).',
    experienceSince: 2013, color: '#d81b60',
    rota: [
      { weekdays: [1, 2, 3, 4, 5], branch: 0, chair: 3, shift: 'M' },
      { weekdays: [6], branch: 0, chair: 3, shift: 'S' },
    ],
  },
  {
    surname: 'Никитина', firstName: 'Алёна', patronymic: 'Олеговна',
    position: 'Врач-стоматолог детский', specialties: ['pediatric'], practice: 'pediatric',
    education: 'Санкт-Петербургский государственный педиатрический медицинский университет, специальность «Стоматология», 2016 г.; ординатура по специальности «Стоматология детская», 2018 г.',
    qualification: 'Первая квалификационная категория. Периодическая аккредитация по специальности «Стоматология детская», 2023 г. Курсы: «Адаптация ребёнка к стоматологическому приёму» (2022 г.), «Эндодонтия временных зубов» (2024 г.).',
    experienceSince: 2018, color: '#3949ab',
    rota: [
      { weekdays: [1, 3, 5], branch: 1, chair: 1, shift: 'D' },
      { weekdays: [2], branch: 1, chair: 1, shift: 'M' },
    ],
  },
  {
    surname: 'Семёнов', firstName: 'Артём', patronymic: 'Витальевич',
    position: 'Врач-стоматолог общей практики', specialties: ['general', 'therapist', 'endodontist'], practice: 'therapist',
    education: 'Петрозаводский государственный университет, Медицинский институт, специальность «Стоматология», 2014 г.; ординатура по специальности «Стоматология общей практики», 2016 г.',
    qualification: 'Первая квалификационная категория. Периодическая аккредитация по специальности «Стоматология общей практики», 2021 г. Курсы: «Эндодонтическое лечение с применением операционного микроскопа» (2023 г.).',
    experienceSince: 2016, color: '#6d4c41',
    rota: [
      { weekdays: [1], branch: 1, chair: 0, shift: 'E' },
      { weekdays: [2, 4, 5], branch: 1, chair: 0, shift: 'D' },
    ],
  },
  {
    surname: 'Орлова', firstName: 'Наталья', patronymic: 'Геннадьевна',
    position: 'Врач-стоматолог-терапевт, пародонтолог', specialties: ['therapist', 'periodontist'], practice: 'therapist',
    education: `${PAVLOV_OLD}, специальность «Стоматология», 2006 г.; клиническая ординатура по специальности «Стоматология терапевтическая», 2008 г.`,
    qualification: 'Высшая квалификационная категория. Периодическая аккредитация по специальности «Стоматология терапевтическая», 2022 г. Курсы: «Пародонтология: консервативное и хирургическое лечение» (2019 г.), «Лазер в пародонтологии» (2023 г.).',
    experienceSince: 2006, color: '#7cb342',
    rota: [
      { weekdays: [1, 5], branch: 1, chair: 2, shift: 'D' },
      { weekdays: [3], branch: 0, chair: 0, shift: 'D' },
      { weekdays: [4], branch: 0, chair: 1, shift: 'E' },
    ],
  },
];

/**
 * Pairs of rota entries that put two doctors into one chair at overlapping times on the same
 * weekday, or one doctor into two places at once. Empty for DEMO_DOCTORS.
 */
export function rotaConflicts(doctors: readonly DemoDoctorSpec[]): string[] {
  const slots: { who: number; weekday: number; place: string; from: string; to: string }[] = [];
  doctors.forEach((d, who) => {
    for (const r of d.rota) {
      for (const weekday of r.weekdays) {
        const s = SHIFTS[r.shift];
        slots.push({ who, weekday, place: `${r.branch}/${r.chair}`, from: s.starts, to: s.ends });
      }
    }
  });
  const out: string[] = [];
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length; j++) {
      const a = slots[i];
      const b = slots[j];
      if (a.weekday !== b.weekday || !(a.from < b.to && b.from < a.to)) continue;
      if (a.place === b.place || a.who === b.who) out.push(`${doctors[a.who].surname}/${doctors[b.who].surname} on ${a.weekday} at ${a.place}`);
    }
  }
  return out;
}
