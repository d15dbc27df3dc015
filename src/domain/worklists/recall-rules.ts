/**
 * REC-1: management's recall scheme — after which kind of visit, and with which specialist, the
 * patient is invited again and after how many months. Pure: the last finished visit and the rules
 * in, the due date out.
 */
import { addDays, daysInMonth } from '../dates.js';
import type { Kind } from '../schedule/status.js';

export interface RecallRule {
  id: string;
  name: string;
  /** The visit type the rule follows (null: any). */
  visitKind: Kind | null;
  /** The doctor's specialty (src/domain/specialties.ts) the rule follows (null: any). */
  specialty: string | null;
  months: number;
  isActive: boolean;
}

export const RECALL_MONTHS = { min: 1, max: 36 } as const;

/** A patient overdue longer than this after the due date is no longer called by recall (the old list stopped at ~13 months too). */
export const RECALL_OVERDUE_DAYS = 365;

/** The clinic's starting scheme (seed 002: «профилактический осмотр через 6/12 месяцев после проведённого лечения»). */
export const DEFAULT_RECALL_RULES: readonly Omit<RecallRule, 'id' | 'isActive'>[] = [
  { name: 'Профгигиена каждые 6 месяцев', visitKind: null, specialty: 'hygienist', months: 6 },
  { name: 'Профосмотр через 6 месяцев после осмотра', visitKind: 'checkup', specialty: null, months: 6 },
  { name: 'Профосмотр через 12 месяцев после лечения', visitKind: 'repeat', specialty: null, months: 12 },
  { name: 'Профосмотр через 12 месяцев после острой боли', visitKind: 'urgent', specialty: null, months: 12 },
];

/**
 * The scheme in force: the clinic's own rules, or, while management has set none at all (a new
 * clinic), the seed's defaults. A clinic that switched every rule off has a scheme too: nobody is due.
 */
export function rulesInForce(own: readonly RecallRule[]): RecallRule[] {
  if (own.length) return [...own];
  return DEFAULT_RECALL_RULES.map((r, i) => ({ ...r, id: `default-${i + 1}`, isActive: true }));
}

/** The date `months` calendar months after `date`; 31 August + 6 months is 28 (29) February. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/**
 * The rule a finished visit falls under: the most specific active one (kind and specialty, then
 * specialty, then kind, then a catch-all); among equals the shortest interval, so the patient is
 * never called later than some rule asks.
 */
export function ruleFor(rules: readonly RecallRule[], visit: { kind: string; specialties: readonly string[] }): RecallRule | null {
  let best: { r: RecallRule; score: number } | null = null;
  for (const r of rules) {
    if (!r.isActive) continue;
    if (r.visitKind && r.visitKind !== visit.kind) continue;
    if (r.specialty && !visit.specialties.includes(r.specialty)) continue;
    const score = (r.specialty ? 2 : 0) + (r.visitKind ? 1 : 0);
    if (!best || score > best.score || (score === best.score && r.months < best.r.months)) best = { r, score };
  }
  return best?.r ?? null;
}

export interface RecallDue {
  rule: RecallRule;
  dueDate: string;
}

/**
 * When the patient whose last finished visit this is falls due on `date`: the rule's months after
 * the visit, at most RECALL_OVERDUE_DAYS ago; null when no rule covers it or it is not (or no
 * longer) due.
 */
export function recallDue(rules: readonly RecallRule[], last: { date: string; kind: string; specialties: readonly string[] }, date: string): RecallDue | null {
  const rule = ruleFor(rules, last);
  if (!rule) return null;
  const dueDate = addMonths(last.date, rule.months);
  if (dueDate > date || dueDate < addDays(date, -RECALL_OVERDUE_DAYS)) return null;
  return { rule, dueDate };
}

/** The oldest last-visit date any rule can still make due on `date` (the repo's lower bound). */
export function oldestRelevantVisit(rules: readonly RecallRule[], date: string): string {
  const longest = Math.max(RECALL_MONTHS.min, ...rules.filter((r) => r.isActive).map((r) => r.months));
  return addMonths(addDays(date, -RECALL_OVERDUE_DAYS - 1), -longest);
}
