import { mondayOf } from '../dates.js';
import { localDateOf } from '../schedule/time.js';

/** Seed 002: «Хорошей конверсией считается показатель от 60%, отличной – не менее 80%». */
export const CONVERSION_GOOD = 0.6;
export const CONVERSION_EXCELLENT = 0.8;

export type ConversionLevel = 'low' | 'good' | 'excellent';

export function conversionLevel(rate: number): ConversionLevel {
  return rate >= CONVERSION_EXCELLENT ? 'excellent' : rate >= CONVERSION_GOOD ? 'good' : 'low';
}

/** One call as the conversion report reads it. */
export interface ConversionCall {
  direction: string;
  callerType: string;
  startedAt: string;
  userId: string | null;
  sourceId: string | null;
  branchId: string | null;
  outcome: string;
  appointmentId: string | null;
  /** The caller's card had a finished visit before this call: a repeat patient, whatever was ticked. */
  hadVisitBefore: boolean;
  visitStatus: string | null;
  visitStartsAt: string | null;
}

/**
 * CALL-5: a primary call is an incoming call of a first-time caller. A caller whose card already
 * had a finished visit is a repeat patient (CALL-2) — his question about prices or hours is
 * information, not a primary call — whatever type the administrator chose.
 */
export function isPrimaryCall(c: ConversionCall): boolean {
  return c.direction === 'in' && c.callerType === 'primary' && !c.hadVisitBefore;
}

/** Booked: the call ended with a visit booked on it. */
export function isBooked(c: ConversionCall): boolean {
  return c.outcome === 'booked' && c.appointmentId !== null;
}

/** Booked but never came: the visit was missed or cancelled, or its time passed with nobody marked in. */
export function neverCame(c: ConversionCall, nowMs: number): boolean {
  if (!isBooked(c) || !c.visitStatus) return false;
  if (c.visitStatus === 'no_show' || c.visitStatus === 'cancelled') return true;
  return (c.visitStatus === 'booked' || c.visitStatus === 'confirmed') && c.visitStartsAt !== null && Date.parse(c.visitStartsAt) + 86_400_000 < nowMs;
}

export interface ConversionRow {
  key: string;
  calls: number;
  booked: number;
  neverCame: number;
  /** booked / calls; null without calls. */
  rate: number | null;
  level: ConversionLevel | null;
}

export interface ConversionReport {
  total: ConversionRow;
  byAdmin: ConversionRow[];
  bySource: ConversionRow[];
  byBranch: ConversionRow[];
  /** Weeks by their clinic-local Monday. */
  byWeek: ConversionRow[];
  /** 'YYYY-MM', clinic-local. */
  byMonth: ConversionRow[];
}

const NONE = '';

function finish(key: string, calls: number, booked: number, never: number): ConversionRow {
  const rate = calls > 0 ? booked / calls : null;
  return { key, calls, booked, neverCame: never, rate, level: rate === null ? null : conversionLevel(rate) };
}

export type ConversionGroup = 'admin' | 'source' | 'branch' | 'week' | 'month';
export type ConversionMeasure = 'calls' | 'booked' | 'neverCame';
export const CONVERSION_GROUPS: readonly ConversionGroup[] = ['admin', 'source', 'branch', 'week', 'month'];

/** Where a primary call counts in the report: its row key in each breakdown, and whether it was booked and never came. */
export interface ConversionClass {
  keys: Record<ConversionGroup, string>;
  booked: boolean;
  neverCame: boolean;
}

/**
 * The one classification the report's figures and their lists share (issue #14): null for a call
 * that is not primary; else its keys (ids, empty string: not recorded; clinic-local week and month).
 */
export function classifyCall(c: ConversionCall, timeZone: string, nowMs: number): ConversionClass | null {
  if (!isPrimaryCall(c)) return null;
  const day = localDateOf(Date.parse(c.startedAt), timeZone);
  return {
    keys: { admin: c.userId ?? NONE, source: c.sourceId ?? NONE, branch: c.branchId ?? NONE, week: mondayOf(day), month: day.slice(0, 7) },
    booked: isBooked(c),
    neverCame: neverCame(c, nowMs),
  };
}

/** Whether a classified call is one of the figure «measure» of the total (no group) or of the row `key` of `group`. */
export function inFigure(k: ConversionClass, measure: ConversionMeasure, group?: ConversionGroup, key?: string): boolean {
  if (group && k.keys[group] !== key) return false;
  return measure === 'calls' || (measure === 'booked' ? k.booked : k.neverCame);
}

/**
 * Primary calls → primary visits booked (CALL-5), overall and by administrator, source, branch,
 * week and month. Keys are ids (empty string: not recorded) and clinic-local periods.
 */
export function conversion(calls: readonly ConversionCall[], timeZone: string, nowMs: number): ConversionReport {
  const groups = { admin: new Map<string, number[]>(), source: new Map<string, number[]>(), branch: new Map<string, number[]>(), week: new Map<string, number[]>(), month: new Map<string, number[]>() };
  const total = [0, 0, 0];
  const bump = (m: Map<string, number[]>, key: string, b: number, n: number) => {
    const g = m.get(key) ?? [0, 0, 0];
    g[0]++;
    g[1] += b;
    g[2] += n;
    m.set(key, g);
  };
  for (const c of calls) {
    const k = classifyCall(c, timeZone, nowMs);
    if (!k) continue;
    const b = k.booked ? 1 : 0;
    const n = k.neverCame ? 1 : 0;
    total[0]++;
    total[1] += b;
    total[2] += n;
    for (const g of CONVERSION_GROUPS) bump(groups[g], k.keys[g], b, n);
  }
  const rows = (m: Map<string, number[]>, byKey: boolean) =>
    [...m.entries()]
      .map(([k, [c, b, n]]) => finish(k, c, b, n))
      .sort((a, b) => (byKey ? (a.key < b.key ? -1 : 1) : b.calls - a.calls || (a.key < b.key ? -1 : 1)));
  return {
    total: finish('total', total[0], total[1], total[2]),
    byAdmin: rows(groups.admin, false),
    bySource: rows(groups.source, false),
    byBranch: rows(groups.branch, false),
    byWeek: rows(groups.week, true),
    byMonth: rows(groups.month, true),
  };
}
