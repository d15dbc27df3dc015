import type { Slot } from './slots.js';
import { localDateOf, localTimeOf, MINUTE } from './time.js';

export type PartOfDay = 'any' | 'morning' | 'evening';

/** Where the day splits for "morning or evening?" (SCH-3: "14:30 or 18:00?"). */
export const EVENING_FROM = '14:00';

export function partOfDay(ms: number, tz: string): 'morning' | 'evening' {
  return localTimeOf(ms, tz) < EVENING_FROM ? 'morning' : 'evening';
}

/**
 * SCH-3: never "any time after lunch" — two concrete options. From free slots (any order):
 * the nearest suitable one, and the nearest one in the other half of the day (the same day
 * if possible), so the administrator can ask "14:30 or 18:00?". When the patient named a half
 * of the day, both come from it, at least an hour apart or on different days. Returns 0–2.
 */
export function pickTwo(slots: readonly Slot[], part: PartOfDay, tz: string): Slot[] {
  const sorted = [...slots].sort((a, b) => a.start - b.start || a.doctorId.localeCompare(b.doctorId));
  const pool = part === 'any' ? sorted : sorted.filter((s) => partOfDay(s.start, tz) === part);
  if (pool.length === 0) return [];
  const first = pool[0];
  if (part === 'any') {
    const other = partOfDay(first.start, tz) === 'morning' ? 'evening' : 'morning';
    const firstDay = localDateOf(first.start, tz);
    const opposite = pool.filter((s) => partOfDay(s.start, tz) === other);
    const second = opposite.find((s) => localDateOf(s.start, tz) === firstDay) ?? opposite[0];
    if (second) return [first, second];
  }
  const apart = pool.find((s) => s.start >= first.start + 60 * MINUTE || localDateOf(s.start, tz) !== localDateOf(first.start, tz));
  return apart ? [first, apart] : [first];
}
