/**
 * When the reception desk is open and who is on it: bookings, new cards and calls in the demo
 * data happen only then. Working days of the production calendar 09:00–21:00; an ordinary
 * Saturday 10:00–18:00 (the Petrogradskaya branch is open); Sundays and holidays closed.
 * Two administrators share the day: `admin` until 15:00, `admin2` after.
 */
import { weekdayOf } from '../domain/dates.js';
import { dayKind, isWorkingDay, type CalendarOverride } from '../domain/calendar/production-calendar.js';
import type { Rng } from './demo-random.js';
import { ClinicClock, DAY_MS } from './demo-time.js';

export const SHIFT_CHANGE_MIN = 15 * 60;

export class Desk {
  constructor(
    readonly clock: ClinicClock,
    readonly calendar: ReadonlyMap<string, CalendarOverride>,
    /** Ids of the morning and the evening administrator. */
    private readonly admins: readonly [string, string],
  ) {}

  /** Opening minutes [from, to) of the desk on a local date, or null when closed. */
  hours(date: string): readonly [number, number] | null {
    if (isWorkingDay(date, this.calendar)) return [9 * 60, 21 * 60];
    // A plain Saturday (dayKind 'weekend', not a holiday) is a short day at the main branch.
    if (dayKind(date, this.calendar) === 'weekend' && weekdayOf(date) === 6) return [10 * 60, 18 * 60];
    return null;
  }

  isOpen(date: string): boolean {
    return this.hours(date) !== null;
  }

  /** The administrator on duty at an instant. */
  adminAt(ms: number): string {
    return this.clock.localMinutes(ms) < SHIFT_CHANGE_MIN ? this.admins[0] : this.admins[1];
  }

  /** A random instant during opening hours of `date` (a margin of `margin` minutes at both ends), or null if closed. */
  randomInstant(rng: Rng, date: string, margin = 10): number | null {
    const h = this.hours(date);
    if (!h) return null;
    const minute = rng.int(h[0] + margin, h[1] - margin - 1);
    return this.clock.toUtcMs(date, minute) + rng.int(0, 59) * 1000;
  }

  /**
   * A random open-hours instant strictly before `limitMs`, at most `maxDaysBack` days earlier;
   * used to move a booking that would otherwise lie in the future back into the past.
   */
  randomInstantBefore(rng: Rng, limitMs: number, maxDaysBack: number): number {
    const limitDate = this.clock.localDate(limitMs);
    for (let attempt = 0; attempt < 60; attempt++) {
      const date = this.clock.localDate(limitMs - rng.int(0, maxDaysBack) * DAY_MS);
      const h = this.hours(date);
      // A short Saturday gets proportionally fewer bookings than a full weekday.
      if (!h || !rng.chance((h[1] - h[0]) / 720)) continue;
      let to = h[1] - 11;
      if (date === limitDate) to = Math.min(to, this.clock.localMinutes(limitMs) - 5);
      if (to <= h[0] + 10) continue;
      const ms = this.clock.toUtcMs(date, rng.int(h[0] + 10, to)) + rng.int(0, 59) * 1000;
      if (ms < limitMs) return ms;
    }
    return this.lastOpenBefore(limitMs);
  }

  /** The latest open-hours minute a few minutes before `limitMs` (fallback when random draws keep missing). */
  lastOpenBefore(limitMs: number): number {
    let date = this.clock.localDate(limitMs);
    const limitMin = this.clock.localMinutes(limitMs);
    for (let k = 0; k < 30; k++) {
      const h = this.hours(date);
      if (h) {
        const to = k === 0 ? Math.min(h[1] - 15, limitMin - 5) : h[1] - 15;
        if (to >= h[0] + 5) return this.clock.toUtcMs(date, to);
      }
      date = this.clock.localDate(this.clock.toUtcMs(date, 12 * 60) - DAY_MS);
    }
    return limitMs - 60 * 60_000;
  }
}
