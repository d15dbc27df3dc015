import { weekdayOf } from './dates.js';
import { DomainError, type FieldError } from './errors.js';
import { localInstant, MINUTE } from './schedule/time.js';

/**
 * DESK-1: the administrator's daily opening checklist. Seed 002, «Ежедневная подготовка
 * администратора … к открытию клиники»: the defaults every branch starts with.
 */
export const DEFAULT_CHECKLIST_ITEMS: readonly string[] = [
  'Выучить текст акций и спецпредложений на текущий период',
  'Разложить буклеты и флаеры на стойке, стенде и в местах ожидания',
  'Включить оргтехнику и кассовый аппарат',
  'Проверить наличие чистых бахил',
  'Подготовить согласованный прайс-лист на текущий период',
  'Ознакомиться с графиком работы врачей на день',
];

export const CHECKLIST_LIMITS = { items: 30, text: 200, note: 500 } as const;

/** A branch's opening hours on one ISO weekday (branches.hours_json). */
export interface BranchHours {
  weekday: number;
  opens: string;
  closes: string;
}

/**
 * The time a branch opens on a clinic-local date, or null when it is closed that day: no hours
 * on that weekday, or a holiday / day off of the clinic's production calendar.
 */
export function openingTimeOf(hours: readonly BranchHours[], date: string, calendarKind?: string | null): string | null {
  if (calendarKind === 'holiday' || calendarKind === 'day_off') return null;
  return hours.find((h) => h.weekday === weekdayOf(date))?.opens ?? null;
}

export type OpeningStatus = 'on_time' | 'late' | 'skipped' | 'in_progress' | 'closed';

/**
 * How a branch opened on a day. «Late»: the checklist was completed after the opening time, by at
 * least a whole minute; «skipped»: a past day the branch was open and the checklist never got
 * completed. Today, before it is completed, is «in progress» (it may still turn late). A day the
 * branch was closed counts only if someone completed the checklist anyway (then it is on time).
 */
export function openingOutcome(p: {
  date: string;
  today: string;
  opens: string | null;
  completedAt: string | null;
  tz: string;
}): { status: OpeningStatus; lateMinutes: number | null } {
  if (p.completedAt) {
    if (!p.opens) return { status: 'on_time', lateMinutes: null };
    const late = Math.floor((Date.parse(p.completedAt) - localInstant(p.date, p.opens, p.tz)) / MINUTE);
    return late >= 1 ? { status: 'late', lateMinutes: late } : { status: 'on_time', lateMinutes: null };
  }
  if (!p.opens) return { status: 'closed', lateMinutes: null };
  if (p.date >= p.today) return { status: 'in_progress', lateMinutes: null };
  return { status: 'skipped', lateMinutes: null };
}

/** An item of a day is handled when it is ticked, or explained with a note («буклеты закончились»). */
export function isHandled(mark: { doneAt: string | null; note: string | null }): boolean {
  return mark.doneAt !== null || (mark.note !== null && mark.note.trim() !== '');
}

/** Trims the settings' item texts and refuses empty, over-long or repeated ones, field by field. */
export function cleanItemTexts(items: readonly { text: string }[]): string[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const out = items.map((it, i) => {
    const text = it.text.trim().replace(/\s+/g, ' ');
    const field = `items.${i}.text`;
    if (!text) errors.push({ field, message: { ru: 'Пустой пункт: впишите, что сделать, или удалите его', en: 'An empty item: say what to do or remove it' } });
    else if (text.length > CHECKLIST_LIMITS.text) errors.push({ field, message: { ru: `Не длиннее ${CHECKLIST_LIMITS.text} символов`, en: `At most ${CHECKLIST_LIMITS.text} characters` } });
    else if (seen.has(text.toLowerCase())) errors.push({ field, message: { ru: 'Такой пункт уже есть в списке', en: 'This item is already on the list' } });
    seen.add(text.toLowerCase());
    return text;
  });
  if (!out.length) errors.push({ field: 'items', message: { ru: 'В чек-листе должен быть хотя бы один пункт', en: 'The checklist needs at least one item' } });
  if (errors.length) throw new DomainError('validation_failed', { ru: 'Проверьте пункты чек-листа', en: 'Check the checklist items' }, errors);
  return out;
}
