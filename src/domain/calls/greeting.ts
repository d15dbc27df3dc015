import { localTimeOf } from '../schedule/time.js';

/** The part of the day the greeting names (CALL-1): clinic-local, never the server's clock. */
export type DayPart = 'morning' | 'day' | 'evening';

/** Seed 002: «до 11:00 следует говорить "Доброе утро", после 17:00 "Добрый вечер"» (17:00 itself is evening). */
export function dayPart(atMs: number, timeZone: string): DayPart {
  const hhmm = localTimeOf(atMs, timeZone);
  if (hhmm < '11:00') return 'morning';
  if (hhmm >= '17:00') return 'evening';
  return 'day';
}

const HELLO: Record<DayPart, string> = { morning: 'Доброе утро', day: 'Добрый день', evening: 'Добрый вечер' };

/** The first name inside a staff full name «Фамилия Имя Отчество» (the greeting introduces by name only). */
export function firstNameOf(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts.length >= 2 ? parts[1] : parts[0] ?? '';
}

export interface GreetingInput {
  clinicName: string;
  /** The branch's address may be named (seed 002, script stage I). */
  branchAddress?: string | null;
  /** The administrator's full name as the staff list keeps it. */
  adminFullName: string;
  atMs: number;
  timeZone: string;
}

/**
 * CALL-1: «Добрый день, Стоматологическая клиника «Улыбка», ул. …, администратор Мария, слушаю Вас.»
 * The clinic's name is said as the clinic calls itself; the administrator by first name only
 * («Представляться лучше только именем, а не именем и отчеством»).
 */
export function greeting(g: GreetingInput): string {
  const hello = HELLO[dayPart(g.atMs, g.timeZone)];
  const address = g.branchAddress?.trim();
  const first = firstNameOf(g.adminFullName);
  return `${hello}, ${g.clinicName.trim()}${address ? `, ${address}` : ''}, администратор ${first}, слушаю Вас.`;
}
