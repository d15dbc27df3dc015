import { weekdayOf } from '../dates.js';
import { DomainError, type Bilingual } from '../errors.js';
import type { WorkInterval } from './availability.js';
import { localDateOf, localInstant, localTimeOf, MINUTE } from './time.js';

/** A branch's opening hours on one ISO weekday (branches.hours_json); a weekday absent means closed. */
export interface OpeningHours {
  weekday: number;
  opens: string;
  closes: string;
}

/** The reason is the detail too: the walk-in dialog shows only the detail, and «Проверьте данные» would say nothing there. */
function refuse(field: string, message: Bilingual): DomainError {
  return new DomainError('validation_failed', message, [{ field, message }]);
}

/** The start of the minute an instant falls in: "the same minute" is the same wall-clock HH:MM. */
export function minuteOf(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}

/**
 * SCH-4, SCH-6: a squeeze-in (an urgent patient fitted between visits) may break the grid's
 * free-time rule and nothing else. It must be on a day the doctor works in that branch (weekly
 * hours, absences and the production calendar, i.e. the day's working intervals `work`), inside
 * the branch's opening hours that day, and never start at the same minute as another visit of
 * the same doctor (`sameMinute`: that visit's start, or null) — two patients called in at once
 * is not a squeeze-in but a double booking. Returns the refusal, or null when it is allowed.
 */
export function squeezeInRefusal(p: {
  start: number;
  end: number;
  tz: string;
  branchId: string;
  work: readonly WorkInterval[];
  branchHours: readonly OpeningHours[];
  sameMinute: number | null;
}): DomainError | null {
  const date = localDateOf(p.start, p.tz);
  if (!p.work.length) {
    return refuse('startsAt', {
      ru: 'Врач в этот день не работает (выходной, отпуск или праздник): срочного пациента можно вписать только в рабочий день врача',
      en: 'The doctor does not work that day (day off, absence or holiday): a squeeze-in must be on a working day of the doctor',
    });
  }
  if (!p.work.some((w) => w.branchId === p.branchId)) {
    return refuse('branchId', { ru: 'В этот день врач принимает в другом филиале', en: 'That day the doctor works at another branch' });
  }
  const hours = p.branchHours.find((h) => h.weekday === weekdayOf(date));
  if (!hours) {
    return refuse('startsAt', { ru: 'Филиал в этот день закрыт', en: 'The branch is closed that day' });
  }
  const opens = localInstant(date, hours.opens, p.tz);
  const closes = localInstant(date, hours.closes, p.tz);
  if (p.start < opens || p.start >= closes || p.end > closes) {
    const span = `${hours.opens}–${hours.closes}`;
    return refuse(p.start < opens || p.start >= closes ? 'startsAt' : 'endsAt', {
      ru: `Вне часов работы филиала (${span}): срочного пациента можно вписать только пока филиал открыт`,
      en: `Outside the branch's opening hours (${span}): a squeeze-in must fit while the branch is open`,
    });
  }
  return p.sameMinute === null ? null : sameMinuteRefusal(p.sameMinute, p.tz);
}

/** Another visit of the doctor starts at this minute (`other`: its start): a squeeze-in cannot go there. */
export function sameMinuteRefusal(other: number, tz: string): DomainError {
  const time = localTimeOf(other, tz);
  return new DomainError(
    'slot_taken',
    { ru: `В ${time} у врача уже начинается другой приём`, en: `Another visit of the doctor starts at ${time}` },
    [{ field: 'startsAt', message: { ru: 'Выберите другое время начала: в одну минуту врач не примет двоих', en: 'Choose another start: the doctor cannot take two patients at the same minute' } }],
  );
}
