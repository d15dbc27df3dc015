import type { ReactNode } from 'react';
import type { Appointment, DoctorDayT } from '../../api/schedule';
import { minuteOfDay } from '../../lib/format';

/** Grid step: 15-minute rows (the clinic's slot step). */
export const STEP = 15;
export const DEFAULT_AXIS = { from: 8 * 60, to: 21 * 60 };

/** One column of the grid: a doctor on a date (DAY: doctors side by side; WEEK: one doctor's days). */
export type GridColumn = {
  key: string;
  doctorId: string;
  date: string;
  header: ReactNode;
  /** data-testid of the column; cells are `slot-<slotPrefix>-<HH:MM>`. */
  testId: string;
  slotPrefix: string;
  /** Accessible name of the column's cells: "Кузнецова О. И., пн, 23 ноября". */
  label: string;
  work: DoctorDayT['work'];
  appointments: Appointment[];
  holds: DoctorDayT['holds'];
  /** A day without work or visits (WEEK): a narrow column. */
  narrow?: boolean;
};

export type Band = { from: number; to: number };

/** Working intervals as clinic-local minutes of the column's day. */
export function workBands(col: Pick<GridColumn, 'work'>, tz: string): Band[] {
  return col.work.map((w) => ({ from: minuteOfDay(w.start, tz), to: minuteOfDay(w.end, tz) || 24 * 60 }));
}

/** True when [from, from + STEP) lies inside a working interval. */
export function isWorking(bands: Band[], minute: number): boolean {
  return bands.some((b) => minute >= b.from && minute + STEP <= b.to);
}

/**
 * The time axis: from the earliest start to the latest end of work, appointments and the
 * branch's hours, in whole hours; 08:00–21:00 when the day is empty.
 */
export function axisFor(columns: GridColumn[], tz: string, branchHours: Band[] = []): Band {
  let from = Infinity;
  let to = -Infinity;
  const take = (a: number, b: number) => {
    from = Math.min(from, a);
    to = Math.max(to, b);
  };
  for (const c of columns) {
    for (const b of workBands(c, tz)) take(b.from, b.to);
    for (const a of c.appointments) take(minuteOfDay(a.startsAt, tz), minuteOfDay(a.endsAt, tz) || 24 * 60);
  }
  for (const b of branchHours) take(b.from, b.to);
  if (!Number.isFinite(from)) return DEFAULT_AXIS;
  return { from: Math.floor(from / 60) * 60, to: Math.min(24 * 60, Math.ceil(to / 60) * 60) };
}

/** `marker`: a cancelled or no-show visit under a live one, drawn as a thin mark on the right edge. */
export type Placed = { a: Appointment; top: number; height: number; left: number; width: number; marker?: boolean };

/** A visit that no longer holds its time: cancelled or the patient did not come. */
export const isGone = (a: Appointment) => a.status === 'cancelled' || a.status === 'no_show';
const gone = isGone;
type Span = { a: Appointment; start: number; end: number };
const overlap = (p: Span, q: Span) => p.start < q.end && q.start < p.end;

/** Lanes for overlapping blocks: each block gets the first free lane; width is shared by its overlap group. */
function lanes(items: Span[]): { it: Span; lane: number; count: number }[] {
  const out: { it: Span; lane: number; count: number }[] = [];
  for (const it of [...items].sort((x, y) => x.start - y.start || y.end - x.end)) {
    const busy = new Set(out.filter((p) => overlap(p.it, it)).map((p) => p.lane));
    let lane = 0;
    while (busy.has(lane)) lane++;
    out.push({ it, lane, count: 1 });
  }
  for (const p of out) p.count = Math.max(...out.filter((q) => overlap(q.it, p.it)).map((q) => q.lane)) + 1;
  return out;
}

/**
 * Positions of the blocks of one column: top and height in minutes from the axis start, left
 * and width in per cent. Live visits that overlap (a squeeze-in) share the width side by side.
 * Cancelled and no-show visits never take width from a live one: hidden unless `showGone` (or the
 * one visit `keepId` the desk asked to see); when shown, one under a live visit is only a marker.
 */
export function placeBlocks(list: Appointment[], tz: string, axisFrom: number, opts: { showGone?: boolean; keepId?: string | null } = {}): Placed[] {
  const spans: Span[] = list
    .filter((a) => !gone(a) || opts.showGone || a.id === opts.keepId)
    .map((a) => {
      const start = minuteOfDay(a.startsAt, tz);
      return { a, start, end: Math.max(start + 5, minuteOfDay(a.endsAt, tz) || 24 * 60) };
    });
  const live = spans.filter((x) => !gone(x.a));
  const dead = spans.filter((x) => gone(x.a));
  const out: Placed[] = [];
  const place = (x: Span, left: number, width: number, marker?: boolean) =>
    out.push({ a: x.a, top: x.start - axisFrom, height: x.end - x.start, left, width, ...(marker && { marker }) });
  for (const { it, lane, count } of lanes(live)) place(it, (lane * 100) / count, 100 / count);
  const free = dead.filter((d) => !live.some((l) => overlap(l, d)));
  for (const d of dead) if (!free.includes(d)) place(d, 100, 0, true);
  for (const { it, lane, count } of lanes(free)) place(it, (lane * 100) / count, 100 / count);
  return out;
}

/** Clinic-local minutes → rows of the grid (fractional for times off the 15-minute step). */
export function rows(minutes: number): number {
  return minutes / STEP;
}
