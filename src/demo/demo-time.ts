/**
 * Clinic-local time for the demo generator: the clinic works in Moscow time, the database
 * stores UTC instants. Conversions go through @date-fns/tz (IANA data via Intl) rather than a
 * hard-coded +03:00, so the generator stays right if it is ever pointed at another zone.
 */
import { tzOffset } from '@date-fns/tz';

const MINUTE = 60_000;
export const DAY_MS = 86_400_000;

/** Zone offsets change on quarter-hour boundaries of UTC, so one lookup per quarter hour is exact. */
const QUARTER = 15 * MINUTE;

export class ClinicClock {
  private readonly cache = new Map<string, number>();
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {}

  /** UTC offset in minutes at an instant (Intl is slow; tens of thousands of rows ask). */
  offset(ms: number): number {
    const q = Math.floor(ms / QUARTER);
    let off = this.offsets.get(q);
    if (off === undefined) {
      off = tzOffset(this.timeZone, new Date(q * QUARTER));
      this.offsets.set(q, off);
    }
    return off;
  }

  /** The clinic-local 'YYYY-MM-DD' of an instant. */
  localDate(ms: number): string {
    return new Date(ms + this.offset(ms) * MINUTE).toISOString().slice(0, 10);
  }

  /** Minutes since clinic-local midnight of an instant. */
  localMinutes(ms: number): number {
    const local = new Date(ms + this.offset(ms) * MINUTE);
    return local.getUTCHours() * 60 + local.getUTCMinutes();
  }

  /** UTC epoch ms of a clinic-local date and minute of the day. */
  toUtcMs(date: string, minutes: number): number {
    const key = `${date}|${minutes}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const naive = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + minutes * MINUTE;
    // Two passes: the offset at the naive instant may differ from the one at the real instant near a DST switch.
    let ms = naive - this.offset(naive) * MINUTE;
    ms = naive - this.offset(ms) * MINUTE;
    this.cache.set(key, ms);
    return ms;
  }
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
