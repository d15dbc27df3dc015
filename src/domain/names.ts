/**
 * Search key for a Russian surname or name: lower case, «ё» folded into «е», inner
 * whitespace collapsed — staff type «Семенов» for «Семёнов» and must still find him.
 */
export function searchKey(text: string): string {
  return text.trim().toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

/** «Иванова Мария Петровна» from parts, skipping an empty patronymic. */
export function fullName(p: { surname: string; firstName: string; patronymic?: string | null }): string {
  return [p.surname, p.firstName, p.patronymic].filter(Boolean).join(' ');
}

/** «Иванова М. П.» — how lists and the schedule show a person. */
export function shortName(p: { surname: string; firstName: string; patronymic?: string | null }): string {
  const initials = [p.firstName, p.patronymic]
    .filter((s): s is string => !!s)
    .map((s) => s[0].toUpperCase() + '.')
    .join(' ');
  return initials ? `${p.surname} ${initials}` : p.surname;
}

/** «Миронова Екатерина Андреевна» → «Миронова Е. А.»: `shortName` for a name that comes as one string. */
export function shortFromFull(full: string): string {
  const [surname, ...rest] = full.trim().split(/\s+/);
  if (!rest.length) return surname ?? '';
  return `${surname} ${rest.map((p) => `${p[0].toUpperCase()}.`).join(' ')}`;
}
