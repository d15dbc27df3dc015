/**
 * DESK-1 in the demo: four weeks of opening checklists at both branches, ticked by the morning
 * administrator 20–35 minutes before opening, with two late openings, one skipped day and a
 * morning when the booklets ran out. Today's list is ticked as far as the clock has got: a demo
 * started at 08:45 shows it half done, one started in the afternoon shows it completed.
 */
import { addDays } from '../domain/dates.js';
import { DEFAULT_CHECKLIST_ITEMS, openingTimeOf, type BranchHours } from '../domain/opening-checklist.js';
import { minutesOf } from '../domain/schedule/time.js';
import type { ChecklistDaysTable, ChecklistItemsTable, ChecklistMarksTable } from '../db/schema.js';
import type { Desk } from './demo-desk.js';
import type { Rng } from './demo-random.js';
import { iso } from './demo-time.js';

const DAYS = 28;
const MINUTE = 60_000;

export function generateChecklists(o: {
  rng: Rng;
  desk: Desk;
  nowMs: number;
  clinicId: string;
  branches: readonly { id: string; hours: readonly BranchHours[] }[];
  /** The administrator who opens each branch (by branch index). */
  openers: readonly string[];
  createdMs: number;
  id: () => string;
}) {
  const { desk, clinicId } = o;
  const today = desk.clock.localDate(o.nowMs);
  const items: ChecklistItemsTable[] = [];
  const days: ChecklistDaysTable[] = [];
  const marks: ChecklistMarksTable[] = [];
  const openDays = (b: number) => {
    const out: { date: string; opens: string }[] = [];
    for (let i = DAYS; i >= 1; i--) {
      const date = addDays(today, -i);
      const opens = openingTimeOf(o.branches[b].hours, date, desk.calendar.get(date)?.kind);
      if (opens) out.push({ date, opens });
    }
    return out;
  };
  // The exceptions the owner's report should show, on open days counted back from today.
  const back = (b: number, n: number) => openDays(b).at(-n)?.date;
  const late = new Map([[`0|${back(0, 9)}`, 12], [`1|${back(1, 4)}`, 23]]);
  const skipped = `1|${back(1, 14)}`;
  const booklets = `0|${back(0, 6)}`;

  o.branches.forEach((b, bi) => {
    const branchItems = DEFAULT_CHECKLIST_ITEMS.map((text, i) => ({
      id: o.id(), clinic_id: clinicId, branch_id: b.id, seed_key: `default-${i + 1}`, position: i + 1, text, is_active: 1 as const,
      created_at: iso(o.createdMs), updated_at: iso(o.createdMs),
    }));
    items.push(...branchItems);
    const opener = o.openers[bi];
    const dates = [...openDays(bi)];
    const todayOpens = openingTimeOf(b.hours, today, desk.calendar.get(today)?.kind);
    if (todayOpens) dates.push({ date: today, opens: todayOpens });
    for (const { date, opens } of dates) {
      const key = `${bi}|${date}`;
      if (key === skipped) continue;
      const lateBy = late.get(key);
      const openMs = desk.clock.toUtcMs(date, minutesOf(opens));
      // Ticks 2–5 minutes apart, the last one either before opening or `lateBy` minutes after it.
      const gaps = branchItems.map(() => o.rng.int(2, 5));
      const span = gaps.reduce((a, g) => a + g, 0);
      const lastMs = lateBy ? openMs + lateBy * MINUTE : openMs - o.rng.int(3, 15) * MINUTE;
      let t = lastMs - span * MINUTE;
      const ticks = gaps.map((g) => (t += g * MINUTE));
      if (ticks[0] > o.nowMs) continue; // today, before anyone arrived
      const dayId = o.id();
      const ticked = ticks.filter((x) => x <= o.nowMs).length;
      const noteIdx = key === booklets ? 1 : -1;
      const complete = ticked === branchItems.length;
      days.push({
        id: dayId, clinic_id: clinicId, branch_id: b.id, date, opened_by: opener, opened_at: iso(ticks[0]),
        completed_at: complete ? iso(ticks.at(-1)!) : null, completed_by: complete ? opener : null,
      });
      branchItems.forEach((it, i) => {
        const done = ticks[i] <= o.nowMs && i !== noteIdx;
        marks.push({
          id: o.id(), clinic_id: clinicId, branch_id: b.id, day_id: dayId, item_id: it.id, position: it.position, text: it.text,
          done_at: done ? iso(ticks[i]) : null, done_by: done ? opener : null,
          note: i === noteIdx ? 'Буклеты закончились, заказали в типографии' : null,
          noted_at: i === noteIdx ? iso(ticks[i]) : null, noted_by: i === noteIdx ? opener : null,
        });
      });
    }
  });
  return { items, days, marks };
}
