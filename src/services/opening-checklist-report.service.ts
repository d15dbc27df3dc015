import type { z } from 'zod';
import type { ChecklistReportQuery, ChecklistReportT } from '../contracts/opening-checklist.js';
import { calendarRange, listBranches } from '../db/repos/clinic.repo.js';
import { daysInRange, notedMarks, userNames } from '../db/repos/opening-checklist.repo.js';
import { addDays, dayNumber } from '../domain/dates.js';
import { fieldError } from '../domain/errors.js';
import { openingOutcome, openingTimeOf } from '../domain/opening-checklist.js';
import type { Actor, Deps } from './context.js';
import { branchOf } from './opening-checklist-items.service.js';
import { clinicToday } from './opening-checklist.service.js';

const MAX_DAYS = 92;

/**
 * The owner's report (DESK-1): per branch and day up to today, when the checklist was completed,
 * how many minutes after opening, or that it was skipped, and who opened and completed it. Days a
 * branch was closed appear only when someone ticked the checklist anyway.
 */
export async function checklistReport(deps: Deps, actor: Actor, q: z.infer<typeof ChecklistReportQuery>): Promise<ChecklistReportT> {
  const db = deps.h.db;
  const to = q.to ?? q.from;
  if (to < q.from) throw fieldError('to', { ru: 'Конец периода раньше начала', en: 'The period ends before it starts' });
  if (dayNumber(to) - dayNumber(q.from) >= MAX_DAYS) throw fieldError('to', { ru: `Период не длиннее ${MAX_DAYS} дней`, en: `At most ${MAX_DAYS} days` });
  const branches = q.branchId ? [await branchOf(db, actor, q.branchId)] : (await listBranches(db, actor.clinicId)).filter((b) => b.isActive);
  const { tz, today } = await clinicToday(db, actor.clinicId, deps.clock());
  const last = to < today ? to : today;
  const days = await daysInRange(db, actor.clinicId, branches.map((b) => b.id), q.from, last);
  const byKey = new Map(days.map((d) => [`${d.branch_id}|${d.date}`, d]));
  const calendar = new Map((await calendarRange(db, actor.clinicId, q.from, last)).map((c) => [c.date, c.kind]));
  const notes = new Map<string, { text: string; note: string }[]>();
  for (const m of await notedMarks(db, days.map((d) => d.id))) notes.set(m.day_id, [...(notes.get(m.day_id) ?? []), { text: m.text, note: m.note! }]);
  const names = await userNames(db, actor.clinicId, days.flatMap((d) => [d.opened_by, d.completed_by]));
  const who = (id: string | null) => (id ? { userId: id, name: names.get(id) ?? '—' } : null);
  const rows: ChecklistReportT['rows'] = [];
  for (const b of branches) {
    for (let date = q.from; date <= last; date = addDays(date, 1)) {
      const d = byKey.get(`${b.id}|${date}`);
      const opensAt = openingTimeOf(b.hours, date, calendar.get(date));
      const outcome = openingOutcome({ date, today, opens: opensAt, completedAt: d?.completed_at ?? null, tz });
      if (outcome.status === 'closed' && !d) continue;
      rows.push({
        branchId: b.id, branchName: b.name, date, opensAt, ...outcome,
        openedAt: d?.opened_at ?? null, openedBy: who(d?.opened_by ?? null),
        completedAt: d?.completed_at ?? null, completedBy: who(d?.completed_by ?? null),
        notes: d ? notes.get(d.id) ?? [] : [],
      });
    }
  }
  rows.sort((a, b) => (a.date === b.date ? a.branchName.localeCompare(b.branchName, 'ru') : a.date < b.date ? 1 : -1));
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  return { from: q.from, to, rows, totals: { days: rows.length, onTime: count('on_time'), late: count('late'), skipped: count('skipped') } };
}
