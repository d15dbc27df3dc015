import type { Rng } from './rng.js';

/**
 * Russian names for the generated patients. Surnames are masculine and made feminine by the
 * usual rule; a few are listed twice so that some prefixes are common (as «Иванов» is) and
 * the search rows hit both short and long result lists.
 */
const SURNAMES = [
  'Иванов', 'Иванов', 'Смирнов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Петров', 'Соколов',
  'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов',
  'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв',
  'Борисов', 'Яковлев', 'Григорьев', 'Романов', 'Воробьёв', 'Сергеев', 'Кузьмин', 'Фролов', 'Александров',
  'Дмитриев', 'Королёв', 'Гусев', 'Киселёв', 'Ильин', 'Максимов', 'Поляков', 'Сорокин', 'Виноградов',
  'Ковалёв', 'Белов', 'Медведев', 'Антонов', 'Тарасов', 'Жуков', 'Баранов', 'Филиппов', 'Комаров', 'Давыдов',
  'Беляев', 'Герасимов', 'Богданов', 'Осипов', 'Сидоров', 'Матвеев', 'Титов', 'Марков', 'Миронов', 'Крылов',
  'Куликов', 'Карпов', 'Власов', 'Мельников', 'Денисов', 'Гаврилов', 'Тихонов', 'Казаков', 'Афанасьев',
  'Данилов', 'Савельев', 'Тимофеев', 'Фомин', 'Чернов', 'Абрамов', 'Мартынов', 'Ефимов', 'Федотов', 'Щербаков',
  'Назаров', 'Калинин', 'Исаев', 'Быков', 'Маслов', 'Родионов', 'Коновалов', 'Лазарев', 'Воронин', 'Климов',
  'Вишневский', 'Островский', 'Покровский', 'Троицкий', 'Толстой', 'Черных', 'Шевченко', 'Ткаченко', 'Ким', 'Алиев',
];

const MALE = ['Александр', 'Алексей', 'Андрей', 'Артём', 'Владимир', 'Дмитрий', 'Евгений', 'Иван', 'Игорь', 'Максим', 'Михаил', 'Николай', 'Олег', 'Павел', 'Роман', 'Сергей', 'Юрий'];
const FEMALE = ['Александра', 'Алина', 'Анастасия', 'Анна', 'Валентина', 'Галина', 'Дарья', 'Екатерина', 'Елена', 'Ирина', 'Мария', 'Наталья', 'Ольга', 'Светлана', 'Татьяна', 'Юлия'];
/** Fathers' names with both patronymic forms spelled out (the irregular ones cannot be derived). */
const FATHERS: readonly (readonly [string, string])[] = [
  ['Александрович', 'Александровна'], ['Алексеевич', 'Алексеевна'], ['Андреевич', 'Андреевна'], ['Викторович', 'Викторовна'],
  ['Владимирович', 'Владимировна'], ['Дмитриевич', 'Дмитриевна'], ['Иванович', 'Ивановна'], ['Ильич', 'Ильинична'],
  ['Михайлович', 'Михайловна'], ['Николаевич', 'Николаевна'], ['Павлович', 'Павловна'], ['Петрович', 'Петровна'],
  ['Сергеевич', 'Сергеевна'], ['Юрьевич', 'Юрьевна'], ['Львович', 'Львовна'],
];

/** Russian mobile operators' codes, so that phone prefixes such as «8 921» match many numbers. */
export const MOBILE_CODES = ['921', '911', '981', '931', '916', '926', '903', '905', '999', '952'];

export function feminine(male: string): string {
  if (/(ий|ый|ой)$/.test(male)) return male.slice(0, -2) + 'ая';
  if (/(ов|ев|ёв|ин|ын)$/.test(male)) return male + 'а';
  return male;
}

export interface Person {
  surname: string;
  firstName: string;
  patronymic: string;
  sex: 'female' | 'male';
}

export function person(rng: Rng): Person {
  const sex = rng.chance(0.58) ? 'female' : 'male';
  const male = rng.pick(SURNAMES);
  const father = rng.pick(FATHERS);
  return {
    sex,
    surname: sex === 'female' ? feminine(male) : male,
    firstName: rng.pick(sex === 'female' ? FEMALE : MALE),
    patronymic: sex === 'female' ? father[1] : father[0],
  };
}

/** Surname prefixes as typed at the desk: 2–6 letters, sometimes with ё typed as е. */
export function surnamePrefixes(rng: Rng, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = rng.pick(SURNAMES).replace('ё', 'е');
    out.push(s.slice(0, 2 + rng.int(Math.min(5, s.length - 1))));
  }
  return out;
}

/** Phone prefixes in the ways staff type them: «8 921 3», «+7 (911) 45», «9264». */
export function phonePrefixes(rng: Rng, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const code = rng.pick(MOBILE_CODES);
    const tail = String(rng.int(1000)).padStart(3, '0').slice(0, 1 + rng.int(3));
    out.push(rng.weighted<string>([[`8 ${code} ${tail}`, 1], [`+7 (${code}) ${tail}`, 1], [`${code}${tail}`, 1]]));
  }
  return out;
}
