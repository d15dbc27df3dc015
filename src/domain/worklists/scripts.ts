/**
 * CONF-6: the confirmation and recall calls in the seed's own words (seed 002, «Обзвон пациентов,
 * записанных на прием» and «Вызовы пациентов на профосмотр»), with the patient's name as the
 * patient wishes to be addressed, the date, time, doctor and branch filled in.
 */
import { addDays, weekdayOf } from '../dates.js';
import { localDateOf, localTimeOf } from '../schedule/time.js';

const MONTHS_GEN = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const WEEKDAY_ACC = ['', 'в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу', 'в воскресенье'];

/** «2 декабря» */
export function ruDayMonth(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS_GEN[Number(date.slice(5, 7)) - 1]}`;
}

/** How the day is said from the calling day: «сегодня», «завтра», «в понедельник, 12 января». */
export function spokenDay(date: string, fromDate: string): string {
  if (date === fromDate) return 'сегодня';
  if (date === addDays(fromDate, 1)) return 'завтра';
  return `${WEEKDAY_ACC[weekdayOf(date)]}, ${ruDayMonth(date)}`;
}

/** Seed 002: «до 11:00 — "Доброе утро", после 17:00 — "Добрый вечер"», in the clinic's own time. */
export function hello(atMs: number, tz: string): string {
  const t = localTimeOf(atMs, tz);
  return t < '11:00' ? 'Доброе утро' : t >= '17:00' ? 'Добрый вечер' : 'Добрый день';
}

/** «из стоматологической клиники «Улыбка»»: the clinic's name in the genitive the script needs. */
export function fromClinic(name: string): string {
  const n = name.trim();
  const m = /^стоматологическая клиника\s+(.*)$/i.exec(n);
  if (m) return `стоматологической клиники ${m[1]}`;
  const c = /^клиника\s+(.*)$/i.exec(n);
  if (c) return `клиники ${c[1]}`;
  return `клиники ${n.startsWith('«') ? n : `«${n}»`}`;
}

/** The name the patient is addressed by: the card's «как обращаться», else name and patronymic. */
export function addressName(p: { addressAs: string | null; firstName: string; patronymic: string | null }): string {
  return p.addressAs?.trim() || [p.firstName, p.patronymic].filter(Boolean).join(' ');
}

export interface ScriptContext {
  atMs: number;
  tz: string;
  clinicName: string;
  /** The administrator's first name (introduced by first name only). */
  adminFirstName: string;
  patient: string;
  /** The doctor's full name in the dative: «Петровой Марине Ивановне». */
  doctorDative: string;
}

/** «Добрый вечер, Иван Иванович, Вас беспокоят из …, администратор Мария. Напоминаем, что завтра в 11:00 Вы записаны на приём к доктору …. Вы подойдёте?» */
export function confirmationScript(c: ScriptContext & { visitDate: string; startsAtMs: number; branch: string | null }): string {
  const callDate = localDate(c.atMs, c.tz);
  const day = spokenDay(c.visitDate, callDate);
  const where = c.branch ? ` (${c.branch})` : '';
  return `${hello(c.atMs, c.tz)}, ${c.patient}, Вас беспокоят из ${fromClinic(c.clinicName)}, администратор ${c.adminFirstName}. ` +
    `Напоминаем, что ${at(day, localTimeOf(c.startsAtMs, c.tz))} Вы записаны на приём к доктору ${c.doctorDative}${where}. Вы подойдёте?`;
}

/** REC-2: the recall call with the two options the schedule offers: «…Вы сможете подойти завтра в 10:00 или в четверг, 4 декабря, в 17:30?» */
export function recallScript(c: ScriptContext & { options: readonly number[] }): string {
  const today = localDate(c.atMs, c.tz);
  const said = c.options.slice(0, 2).map((ms) => at(spokenDay(localDate(ms, c.tz), today), localTimeOf(ms, c.tz)));
  const ask = said.length === 2 ? `Вы сможете подойти ${said[0]} или ${said[1]}?` : said.length === 1 ? `Вы сможете подойти ${said[0]}?` : 'Когда Вам будет удобно подойти?';
  return `${hello(c.atMs, c.tz)}, ${c.patient}. Вас беспокоят из ${fromClinic(c.clinicName)}, администратор ${c.adminFirstName}. ` +
    `Вам необходимо подойти к доктору ${c.doctorDative} на профилактический осмотр, я хотела бы записать Вас на приём на удобное время. ${ask}`;
}

const localDate = localDateOf;

/** «завтра в 11:00», «в четверг, 4 декабря, в 17:30». */
function at(day: string, time: string): string {
  return `${day}${day.includes(',') ? ',' : ''} в ${time}`;
}
