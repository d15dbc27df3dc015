/**
 * «к доктору Петровой Марине Ивановне»: a Russian full name in the dative, for the call scripts.
 * The sex comes from the patronymic (-вна/-чна); without one, from the surname's ending. Names
 * that do not decline (Шевченко, Дюма, Ким for a woman) stay as they are.
 */
export function dativeFullName(p: { surname: string; firstName: string; patronymic: string | null }): string {
  const female = isFemale(p);
  return [surnameDative(p.surname, female), firstNameDative(p.firstName, female), p.patronymic ? patronymicDative(p.patronymic) : null].filter(Boolean).join(' ');
}

function isFemale(p: { surname: string; firstName: string; patronymic: string | null }): boolean {
  if (p.patronymic) return /(вна|чна|кызы)$/i.test(p.patronymic);
  return /(ова|ева|ёва|ина|ына|ая)$/i.test(p.surname) || /[ая]$/i.test(p.firstName);
}

function surnameDative(s: string, female: boolean): string {
  if (female) {
    if (/(ова|ева|ёва|ина|ына)$/i.test(s)) return s.slice(0, -1) + 'ой';
    if (/ая$/i.test(s)) return s.slice(0, -2) + 'ой';
    return s;
  }
  if (/(ов|ев|ёв|ин|ын)$/i.test(s)) return s + 'у';
  if (/(ий|ой)$/i.test(s)) return s.slice(0, -2) + 'ому';
  if (/ый$/i.test(s)) return s.slice(0, -2) + 'ому';
  if (/[бвгджзклмнпрстфхцчшщ]$/i.test(s)) return s + 'у';
  return s;
}

function firstNameDative(n: string, female: boolean): string {
  if (/ия$/i.test(n)) return n.slice(0, -1) + 'и';
  if (/[ая]$/i.test(n)) return n.slice(0, -1) + 'е';
  if (female) return n;
  if (/й$/i.test(n)) return n.slice(0, -1) + 'ю';
  if (/ь$/i.test(n)) return n.slice(0, -1) + 'ю';
  if (/[бвгджзклмнпрстфхцчшщ]$/i.test(n)) return n + 'у';
  return n;
}

function patronymicDative(p: string): string {
  if (/вна$|чна$/i.test(p)) return p.slice(0, -1) + 'е';
  if (/ич$/i.test(p)) return p + 'у';
  return p;
}
