import type { WorkInterval } from './availability.js';
import { MINUTE, overlaps } from './time.js';

export interface Busy {
  start: number;
  end: number;
}

export interface Slot {
  doctorId: string;
  branchId: string;
  chairId: string | null;
  start: number;
  end: number;
}

/**
 * Free slots of one doctor: every `step`-aligned start inside a working interval where an
 * appointment of `duration` fits without touching the doctor's busy times or the chair's.
 * Starts are aligned to the step from the start of the working interval (09:00, 09:15, …).
 */
export function freeSlots(opts: {
  doctorId: string;
  work: readonly WorkInterval[];
  doctorBusy: readonly Busy[];
  /** Busy times per chair id (appointments of other doctors in the same chair). */
  chairBusy: ReadonlyMap<string, readonly Busy[]>;
  duration: number;
  step?: number;
  notBefore?: number;
  limit?: number;
}): Slot[] {
  const step = opts.step ?? 15 * MINUTE;
  const out: Slot[] = [];
  for (const w of opts.work) {
    let t = w.start;
    if (opts.notBefore !== undefined && t < opts.notBefore) t = w.start + Math.ceil((opts.notBefore - w.start) / step) * step;
    for (; t + opts.duration <= w.end; t += step) {
      const cand = { start: t, end: t + opts.duration };
      if (opts.doctorBusy.some((b) => overlaps(b, cand))) continue;
      if (w.chairId && (opts.chairBusy.get(w.chairId) ?? []).some((b) => overlaps(b, cand))) continue;
      out.push({ doctorId: opts.doctorId, branchId: w.branchId, chairId: w.chairId, ...cand });
      if (opts.limit && out.length >= opts.limit) return out;
    }
  }
  return out;
}

/** Idle gaps of at least `minLength` inside working intervals (SCH-7). */
export function gaps(work: readonly WorkInterval[], busy: readonly Busy[], minLength: number, notBefore = -Infinity): Busy[] {
  const out: Busy[] = [];
  const sorted = [...busy].sort((a, b) => a.start - b.start);
  for (const w of work) {
    let cursor = Math.max(w.start, notBefore);
    for (const b of sorted) {
      if (b.end <= cursor || b.start >= w.end) continue;
      if (b.start - cursor >= minLength) out.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
    }
    if (w.end - cursor >= minLength) out.push({ start: cursor, end: w.end });
  }
  return out;
}
