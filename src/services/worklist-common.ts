import type { Db } from '../db/connect.js';
import { calendarRange, clinicTimeAndSettings, getClinic } from '../db/repos/clinic.repo.js';
import { mainPhoneNumbers } from '../db/repos/gap-candidates.repo.js';
import type { AttemptRow } from '../db/repos/worklists.repo.js';
import { addDays } from '../domain/dates.js';
import type { CalendarOverride } from '../domain/calendar/production-calendar.js';
import { localDateOf } from '../domain/schedule/time.js';
import { checkBranch } from './proposals.service.js';
import { authorName } from './service-card.service.js';
import type { Actor, Deps } from './context.js';

/** What every worklist needs first: the clinic's zone and settings, the calling date, the script's names. */
export async function worklistContext(deps: Deps, actor: Actor, q: { date?: string; branchId?: string }) {
  await checkBranch(deps, actor, q.branchId);
  const now = deps.clock();
  const { time_zone: tz, settings_json: settings } = await clinicTimeAndSettings(deps.h.db, actor.clinicId);
  const today = localDateOf(now.getTime(), tz);
  const date = q.date ?? today;
  const [clinic, admin] = await Promise.all([getClinic(deps.h.db, actor.clinicId), authorName(deps.h.db, actor)]);
  const parts = admin.trim().split(/\s+/);
  return { now, tz, settings, today, date, clinicName: clinic?.name ?? '', adminFirstName: parts.length >= 2 ? parts[1] : parts[0] ?? '' };
}

/** The clinic's calendar overrides around a date: enough for the longest closure a search may cross. */
export async function calendarAround(db: Db, clinicId: string, date: string): Promise<Map<string, CalendarOverride>> {
  const rows = await calendarRange(db, clinicId, addDays(date, -400), addDays(date, 400));
  return new Map(rows.map((c) => [c.date, c as CalendarOverride]));
}

export async function phonesOf(db: Db, patientIds: string[]): Promise<Map<string, string>> {
  const rows = await mainPhoneNumbers(db, [...new Set(patientIds)]);
  return new Map(rows.map((p) => [p.patient_id, p.number]));
}

/** An attempt as the lists show it. */
export function attemptOut(a: AttemptRow) {
  return { id: a.id, outcome: a.outcome, at: a.started_at, by: a.full_name ?? null, callbackAt: a.callback_at ?? null, note: a.note ?? a.outcome_reason ?? null };
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: readonly T[], key: (r: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
}
