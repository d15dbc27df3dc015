import { withTx } from '../db/connect.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as repo from '../db/repos/clinic.repo.js';
import type { Db } from '../db/connect.js';
import { shippedCalendar } from '../domain/calendar/production-calendar.js';
import { auditEntry, type Actor, type Deps } from './context.js';

type Kind = 'holiday' | 'day_off' | 'working' | 'short';

/** The year's overrides of the plain Mon–Fri week, as the clinic keeps them. */
export async function calendarYear(deps: Deps, actor: Actor, year: number) {
  return { year, items: await repo.calendarYear(deps.h.db, actor.clinicId, year) };
}

/** Marks one day (a clinic may also close for its own reasons, or work a Saturday). */
export async function setDay(deps: Deps, actor: Actor, date: string, kind: Kind, note: string) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    await repo.upsertCalendarDay(trx, actor.clinicId, { date, kind, note: note.trim() });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'calendar_day', objectId: date, details: { kind } }));
  });
  return { date, kind, note: note.trim() };
}

export async function clearDay(deps: Deps, actor: Actor, date: string) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    await repo.deleteCalendarDays(trx, actor.clinicId, date, date);
    await appendAudit(trx, auditEntry(actor, now, { action: 'delete', objectType: 'calendar_day', objectId: date }));
  });
}

/** Replaces the year's overrides with the data shipped from the government decree. */
export async function resetYear(deps: Deps, actor: Actor, year: number) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    await loadShipped(trx, actor.clinicId, year);
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'calendar_year', objectId: String(year), details: { reset: true } }));
  });
  return calendarYear(deps, actor, year);
}

export async function loadShipped(trx: Db, clinicId: string, year: number) {
  await repo.deleteCalendarDays(trx, clinicId, `${year}-01-01`, `${year}-12-31`);
  for (const d of shippedCalendar(year)) await repo.upsertCalendarDay(trx, clinicId, d);
}
