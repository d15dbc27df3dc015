/**
 * Russian names for the demo clinic. Surnames are kept in the masculine form and turned
 * feminine by the Russian rules (Иванов → Иванова, Вишневский → Вишневская, Толстой → Толстая,
 * Черных and Шевченко do not change). First names are grouped by generation so that a
 * pensioner is a Галина or a Валентин and a schoolchild an Алиса or a Матвей; patronymics are
 * spelled out per father's name, because the irregular ones (Ильич, Ильинична, Павлович,
 * Львович, Дмитриевич, Георгиевна…) cannot be produced by a suffix rule.
 */
import type { Rng } from './demo-random.js';

export type Sex = 'female' | 'male';
export type Generation = 'old' | 'mid' | 'young';

const SURNAMES_MALE: readonly string[] = [
  'Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков',
  'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов',
  'Степанов', 'Николаев', 'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв',
  'Борисов', 'Яковлев', 'Григорьев', 'Романов', 'Воробьёв', 'Сергеев', 'Кузьмин', 'Фролов',
  'Александров', 'Дмитриев', 'Королёв', 'Гусев', 'Киселёв', 'Ильин', 'Максимов', 'Поляков', 'Сорокин',
  'Виноградов', 'Ковалёв', 'Белов', 'Медведев', 'Антонов', 'Тарасов', 'Жуков', 'Баранов', 'Филиппов',
  'Комаров', 'Давыдов', 'Беляев', 'Герасимов', 'Богданов', 'Осипов', 'Сидоров', 'Матвеев', 'Титов',
  'Марков', 'Миронов', 'Крылов', 'Куликов', 'Карпов', 'Власов', 'Мельников', 'Денисов', 'Гаврилов',
  'Тихонов', 'Казаков', 'Афанасьев', 'Данилов', 'Савельев', 'Тимофеев', 'Фомин', 'Чернов', 'Абрамов',
  'Мартынов', 'Ефимов', 'Федотов', 'Щербаков', 'Назаров', 'Калинин', 'Исаев', 'Чернышёв', 'Быков',
  'Маслов', 'Родионов', 'Коновалов', 'Лазарев', 'Воронин', 'Климов', 'Филатов', 'Пономарёв', 'Голубев',
  'Кудрявцев', 'Прохоров', 'Наумов', 'Потапов', 'Журавлёв', 'Овчинников', 'Трофимов', 'Леонов',
  'Соболев', 'Ермаков', 'Колесников', 'Гончаров', 'Емельянов', 'Никифоров', 'Грачёв', 'Котов',
  'Гришин', 'Ефремов', 'Архипов', 'Громов', 'Кириллов', 'Малышев', 'Панов', 'Моисеев', 'Румянцев',
  'Акимов', 'Кондратьев', 'Бирюков', 'Горбунов', 'Анисимов', 'Ерёмин', 'Тихомиров', 'Галкин',
  'Лукьянов', 'Михеев', 'Скворцов', 'Юдин', 'Белоусов', 'Нестеров', 'Симонов', 'Прокофьев',
  'Харитонов', 'Князев', 'Цветков', 'Левин', 'Митрофанов', 'Воронцов', 'Рыбаков', 'Суворов',
  'Шестаков', 'Лапин', 'Ершов', 'Рожков', 'Самойлов', 'Муравьёв', 'Пугачёв', 'Щукин', 'Блинов',
  'Вишневский', 'Островский', 'Покровский', 'Троицкий', 'Савицкий', 'Белецкий', 'Вознесенский',
  'Толстой', 'Донской', 'Черных', 'Седых', 'Белых', 'Шевченко', 'Ткаченко', 'Коваленко', 'Бондаренко',
  'Кравченко', 'Ким', 'Алиев', 'Мамедов', 'Гусейнов', 'Хасанов', 'Сафин', 'Зарипов',
];

/** The feminine form of a masculine Russian surname. */
export function feminineSurname(male: string): string {
  if (/(ий|ый|ой)$/.test(male)) return male.slice(0, -2) + 'ая';
  if (/(ов|ев|ёв|ин|ын)$/.test(male)) return male + 'а';
  return male; // Черных, Шевченко, Ким: the same for both sexes
}

export function surnameFor(sex: Sex, male: string): string {
  return sex === 'female' ? feminineSurname(male) : male;
}

const FIRST: Record<Sex, Record<Generation, readonly string[]>> = {
  male: {
    old: ['Владимир', 'Александр', 'Николай', 'Виктор', 'Анатолий', 'Юрий', 'Валерий', 'Сергей', 'Геннадий',
      'Михаил', 'Евгений', 'Борис', 'Леонид', 'Аркадий', 'Василий', 'Иван', 'Пётр', 'Вячеслав', 'Валентин',
      'Григорий', 'Олег', 'Игорь'],
    mid: ['Сергей', 'Андрей', 'Алексей', 'Дмитрий', 'Александр', 'Игорь', 'Олег', 'Евгений', 'Денис', 'Роман',
      'Павел', 'Максим', 'Вадим', 'Владимир', 'Михаил', 'Константин', 'Антон', 'Илья', 'Виталий', 'Станислав',
      'Кирилл', 'Артём', 'Руслан', 'Эдуард'],
    young: ['Артём', 'Максим', 'Александр', 'Михаил', 'Иван', 'Дмитрий', 'Никита', 'Кирилл', 'Егор', 'Матвей',
      'Тимофей', 'Глеб', 'Лев', 'Марк', 'Даниил', 'Фёдор', 'Ярослав', 'Степан', 'Семён', 'Илья', 'Алексей',
      'Роман', 'Тимур', 'Арсений'],
  },
  female: {
    old: ['Галина', 'Людмила', 'Валентина', 'Тамара', 'Нина', 'Зоя', 'Любовь', 'Надежда', 'Татьяна', 'Ольга',
      'Лидия', 'Раиса', 'Вера', 'Антонина', 'Елена', 'Лариса', 'Светлана', 'Алла', 'Маргарита'],
    mid: ['Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана', 'Юлия', 'Екатерина', 'Марина', 'Анна',
      'Мария', 'Оксана', 'Евгения', 'Виктория', 'Анастасия', 'Ксения', 'Надежда', 'Алёна', 'Жанна', 'Инна',
      'Кристина', 'Дарья'],
    young: ['Анастасия', 'Мария', 'Дарья', 'Анна', 'Полина', 'Виктория', 'Екатерина', 'Алиса', 'Софья',
      'Ксения', 'Елизавета', 'Варвара', 'Вероника', 'Александра', 'Алёна', 'Милана', 'Ульяна', 'Василиса',
      'Таисия', 'Арина', 'Ева', 'Валерия'],
  },
};

/** Father's name → [son's patronymic, daughter's patronymic]. */
const PATRONYMICS: Record<string, readonly [string, string]> = {
  Иван: ['Иванович', 'Ивановна'],
  Пётр: ['Петрович', 'Петровна'],
  Николай: ['Николаевич', 'Николаевна'],
  Василий: ['Васильевич', 'Васильевна'],
  Михаил: ['Михайлович', 'Михайловна'],
  Алексей: ['Алексеевич', 'Алексеевна'],
  Фёдор: ['Фёдорович', 'Фёдоровна'],
  Григорий: ['Григорьевич', 'Григорьевна'],
  Степан: ['Степанович', 'Степановна'],
  Павел: ['Павлович', 'Павловна'],
  Александр: ['Александрович', 'Александровна'],
  Сергей: ['Сергеевич', 'Сергеевна'],
  Владимир: ['Владимирович', 'Владимировна'],
  Яков: ['Яковлевич', 'Яковлевна'],
  Семён: ['Семёнович', 'Семёновна'],
  Борис: ['Борисович', 'Борисовна'],
  Дмитрий: ['Дмитриевич', 'Дмитриевна'],
  Андрей: ['Андреевич', 'Андреевна'],
  Константин: ['Константинович', 'Константиновна'],
  Егор: ['Егорович', 'Егоровна'],
  Виктор: ['Викторович', 'Викторовна'],
  Анатолий: ['Анатольевич', 'Анатольевна'],
  Юрий: ['Юрьевич', 'Юрьевна'],
  Валерий: ['Валерьевич', 'Валерьевна'],
  Геннадий: ['Геннадьевич', 'Геннадьевна'],
  Евгений: ['Евгеньевич', 'Евгеньевна'],
  Леонид: ['Леонидович', 'Леонидовна'],
  Аркадий: ['Аркадьевич', 'Аркадьевна'],
  Вячеслав: ['Вячеславович', 'Вячеславовна'],
  Игорь: ['Игоревич', 'Игоревна'],
  Олег: ['Олегович', 'Олеговна'],
  Валентин: ['Валентинович', 'Валентиновна'],
  Денис: ['Денисович', 'Денисовна'],
  Роман: ['Романович', 'Романовна'],
  Максим: ['Максимович', 'Максимовна'],
  Вадим: ['Вадимович', 'Вадимовна'],
  Антон: ['Антонович', 'Антоновна'],
  Илья: ['Ильич', 'Ильинична'],
  Артём: ['Артёмович', 'Артёмовна'],
  Виталий: ['Витальевич', 'Витальевна'],
  Станислав: ['Станиславович', 'Станиславовна'],
  Никита: ['Никитич', 'Никитична'],
  Кирилл: ['Кириллович', 'Кирилловна'],
  Эдуард: ['Эдуардович', 'Эдуардовна'],
  Руслан: ['Русланович', 'Руслановна'],
  Георгий: ['Георгиевич', 'Георгиевна'],
};

/** Fathers' names by the child's generation (a father is about 25–35 years older). */
const FATHERS: Record<Generation, readonly string[]> = {
  old: ['Иван', 'Пётр', 'Николай', 'Василий', 'Михаил', 'Алексей', 'Фёдор', 'Григорий', 'Степан', 'Павел',
    'Александр', 'Сергей', 'Владимир', 'Яков', 'Семён', 'Борис', 'Дмитрий', 'Андрей', 'Константин', 'Георгий'],
  mid: ['Владимир', 'Александр', 'Николай', 'Виктор', 'Анатолий', 'Юрий', 'Валерий', 'Сергей', 'Геннадий',
    'Михаил', 'Евгений', 'Борис', 'Леонид', 'Аркадий', 'Вячеслав', 'Игорь', 'Олег', 'Валентин', 'Василий',
    'Павел', 'Пётр', 'Иван'],
  young: ['Сергей', 'Андрей', 'Алексей', 'Дмитрий', 'Александр', 'Игорь', 'Олег', 'Евгений', 'Денис', 'Роман',
    'Павел', 'Максим', 'Вадим', 'Владимир', 'Михаил', 'Константин', 'Антон', 'Илья', 'Артём', 'Виталий',
    'Станислав', 'Кирилл', 'Никита', 'Руслан'],
};

/** How children are called at the desk and in the chair. */
const DIMINUTIVES: Record<string, string> = {
  Александр: 'Саша', Михаил: 'Миша', Иван: 'Ваня', Дмитрий: 'Дима', Тимофей: 'Тима', Лев: 'Лёва',
  Даниил: 'Даня', Фёдор: 'Федя', Ярослав: 'Слава', Степан: 'Стёпа', Семён: 'Сёма', Алексей: 'Лёша',
  Роман: 'Рома', Артём: 'Тёма', Анастасия: 'Настя', Мария: 'Маша', Дарья: 'Даша', Анна: 'Аня',
  Виктория: 'Вика', Екатерина: 'Катя', Софья: 'Соня', Ксения: 'Ксюша', Елизавета: 'Лиза', Варвара: 'Варя',
  Вероника: 'Ника', Александра: 'Саша', Ульяна: 'Уля', Таисия: 'Тая', Валерия: 'Лера',
};

export function generationOf(birthYear: number): Generation {
  if (birthYear < 1966) return 'old';
  if (birthYear < 1995) return 'mid';
  return 'young';
}

function olderGeneration(g: Generation): Generation {
  return g === 'young' ? 'mid' : 'old';
}

export interface PersonName {
  sex: Sex;
  surname: string;
  firstName: string;
  patronymic: string;
  /** The father's first name, to name a parent of a child patient consistently. */
  fatherName: string;
}

export function randomMaleSurname(rng: Rng): string {
  return rng.pick(SURNAMES_MALE);
}

/** A whole name for a person born in `birthYear`; `maleSurname` to share a family name. */
export function randomName(rng: Rng, sex: Sex, birthYear: number, maleSurname = randomMaleSurname(rng)): PersonName {
  const g = generationOf(birthYear);
  const firstName = rng.pick(FIRST[sex][g]);
  const fatherName = rng.pick(FATHERS[g]);
  const patronymic = PATRONYMICS[fatherName][sex === 'male' ? 0 : 1];
  return { sex, surname: surnameFor(sex, maleSurname), firstName, patronymic, fatherName };
}

/** A mother for a child patient: the child's family name, a generation older. */
export function motherOf(rng: Rng, maleSurname: string, childBirthYear: number): PersonName {
  const g = olderGeneration(generationOf(childBirthYear));
  const firstName = rng.pick(FIRST.female[g]);
  const fatherName = rng.pick(FATHERS[g]);
  return { sex: 'female', surname: feminineSurname(maleSurname), firstName, patronymic: PATRONYMICS[fatherName][1], fatherName };
}

/** A father for a child patient: named as the child's patronymic says, a generation older. */
export function fatherOf(rng: Rng, child: PersonName, maleSurname: string, childBirthYear: number): PersonName {
  const g = olderGeneration(generationOf(childBirthYear));
  const fatherName = rng.pick(FATHERS[g]);
  return { sex: 'male', surname: maleSurname, firstName: child.fatherName, patronymic: PATRONYMICS[fatherName][0], fatherName };
}

/** Friendly form of a child's name (Маша, Тёма); the full name when there is no usual one. */
export function diminutive(firstName: string): string {
  return DIMINUTIVES[firstName] ?? firstName;
}

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Latin spelling for e-mail addresses (Фёдоров → fedorov). */
export function translit(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += TRANSLIT[ch] ?? (/[a-z0-9]/.test(ch) ? ch : '');
  return out;
}

const MAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['yandex.ru', 30], ['mail.ru', 30], ['gmail.com', 20], ['inbox.ru', 5], ['bk.ru', 5], ['list.ru', 4],
  ['rambler.ru', 4], ['ya.ru', 2],
];

/** A plausible personal e-mail for a name (uniqueness is the caller's concern). */
export function randomEmail(rng: Rng, p: PersonName, birthYear: number): string {
  const s = translit(p.surname);
  const f = translit(p.firstName);
  const yy = String(birthYear).slice(2);
  const local = rng.weighted<string>([
    [`${f}.${s}`, 3],
    [`${s}.${f}`, 2],
    [`${f[0]}.${s}${yy}`, 2],
    [`${s}${birthYear}`, 2],
    [`${f}${s}${rng.int(1, 99)}`, 1],
  ]);
  return `${local}@${rng.weighted(MAIL_DOMAINS)}`;
}
