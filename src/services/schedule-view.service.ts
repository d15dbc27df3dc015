import { createHash, randomBytes } from 'node:crypto';
import * as appts from '../db/repos/appointments.repo.js';
import { addDays } from '../domain/dates.js';
import { dayKind } from '../domain/calendar/production-calendar.js';
import { DomainError, notFound } from '../domain/errors.js';
import { fullName, shortName } from '../domain/names.js';
import { localTimeOf } from '../domain/schedule/time.js';
import { withTx } from '../db/connect.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { feedTokenByHash, replaceFeedToken } from '../db/repos/feed-tokens.repo.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { checkBranch } from './proposals.service.js';
import { clinicTimeZone, doctorWork, loadContext, localToday, type ScheduleContext } from './schedule-context.js';

const iso = (ms: number) => new Date(ms).toISOString();

function column(ctx: ScheduleContext, doctorId: string, date: string, list: appts.AppointmentView[], holds: Awaited<ReturnType<typeof appts.activeHolds>>, actor: Actor) {
  const doctor = ctx.doctors.find((d) => d.id === doctorId)!;
  return {
    doctorId,
    date,
    work: doctorWork(ctx, doctor, date).map((w) => ({ branchId: w.branchId, chairId: w.chairId, start: iso(w.start), end: iso(w.end) })),
    appointments: list.filter((a) => a.doctorId === doctorId && a.localDate === date),
    holds: holds.filter((h) => h.doctor_id === doctorId).map((h) => ({ holdGroup: h.hold_group, doctorId, start: h.starts_at, end: h.ends_at, mine: h.user_id === actor.userId })),
  };
}

/** DAY mode (SCH-2): every doctor working that day (in the branch), side by side. */
export async function dayView(deps: Deps, actor: Actor, date: string, branchId?: string) {
  await checkBranch(deps, actor, branchId);
  const ctx = await loadContext(deps.h.db, actor.clinicId, date, date);
  const list = await appts.listDay(deps.h.db, actor.clinicId, date, branchId);
  const now = deps.clock().toISOString();
  const holds = await appts.activeHolds(deps.h.db, actor.clinicId, `${addDays(date, -1)}T00:00:00.000Z`, `${addDays(date, 2)}T00:00:00.000Z`, now);
  const doctorIds = ctx.doctors
    .filter((d) => {
      const work = doctorWork(ctx, d, date).filter((w) => !branchId || w.branchId === branchId);
      return work.length > 0 || list.some((a) => a.doctorId === d.id);
    })
    .map((d) => d.id);
  return { date, dayKind: dayKind(date, ctx.calendar), timeZone: ctx.tz, columns: doctorIds.map((id) => column(ctx, id, date, list, holds, actor)) };
}

/** WEEK mode (SCH-2): one specialist's seven days from `from`. */
export async function weekView(deps: Deps, actor: Actor, doctorId: string, from: string) {
  const to = addDays(from, 6);
  const ctx = await loadContext(deps.h.db, actor.clinicId, from, to);
  if (!ctx.doctors.some((d) => d.id === doctorId)) throw notFound({ ru: 'Врач', en: 'Doctor' });
  const list = await appts.listDoctorRange(deps.h.db, actor.clinicId, doctorId, from, to);
  const holds = await appts.activeHolds(deps.h.db, actor.clinicId, `${addDays(from, -1)}T00:00:00.000Z`, `${addDays(to, 2)}T00:00:00.000Z`, deps.clock().toISOString());
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i)).map((date) => ({ ...column(ctx, doctorId, date, list, holds, actor), dayKind: dayKind(date, ctx.calendar) }));
  return { doctorId, timeZone: ctx.tz, days };
}

/** SCH-10: tomorrow's (or the given day's) patients per doctor, for pulling the paper cards. */
export async function cardPull(deps: Deps, actor: Actor, date?: string) {
  const ctx = await loadContext(deps.h.db, actor.clinicId, date ?? '2000-01-01', date ?? '2000-01-01');
  const day = date ?? localToday(deps.clock(), ctx.tz).tomorrow;
  const list = (await appts.listDay(deps.h.db, actor.clinicId, day)).filter((a) => a.status !== 'cancelled' && a.status !== 'no_show');
  const doctors = ctx.doctors
    .filter((d) => list.some((a) => a.doctorId === d.id))
    .map((d) => ({
      doctorId: d.id,
      doctorName: shortName(d),
      patients: list.filter((a) => a.doctorId === d.id).map((a) => ({
        time: localTimeOf(Date.parse(a.startsAt), ctx.tz),
        cardNumber: a.patient.cardNumber,
        name: fullName(a.patient),
        birthDate: a.patient.birthDate,
        kind: a.kind,
      })),
    }));
  return { date: day, doctors };
}

function feedHash(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

/** A new secret calendar-feed address for a doctor; the old one stops working. */
export async function newFeedToken(deps: Deps, actor: Actor, doctorId: string) {
  const ctx = await loadContext(deps.h.db, actor.clinicId, '2000-01-01', '2000-01-01');
  if (!ctx.doctors.some((d) => d.id === doctorId)) throw notFound({ ru: 'Врач', en: 'Doctor' });
  const token = randomBytes(24).toString('base64url');
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    await replaceFeedToken(trx, { doctorId, clinicId: actor.clinicId, tokenHash: feedHash(token), createdAt: now.toISOString() });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'calendar_feed', objectId: doctorId }));
  });
  return { token, path: `/api/ical/${token}.ics` };
}

function icsText(s: string) {
  return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/[,;]/g, (m) => `\\${m}`);
}

function icsTime(isoString: string) {
  return isoString.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * iCalendar feed of a doctor's visits from a week ago to 60 days ahead. The patient appears
 * as a surname with initials only: a phone calendar is not the place for the medical record.
 */
export async function icalFeed(deps: Deps, token: string) {
  const row = await feedTokenByHash(deps.h.db, feedHash(token));
  if (!row) throw new DomainError('not_found', { ru: 'Календарь не найден', en: 'No such calendar' });
  const actor: Actor = { clinicId: row.clinic_id, userId: 'feed', login: 'feed', role: 'dentist', ip: null };
  const { today } = localToday(deps.clock(), await clinicTimeZone(deps.h.db, row.clinic_id));
  const list = await appts.listDoctorRange(deps.h.db, actor.clinicId, row.doctor_id, addDays(today, -7), addDays(today, 60));
  const stamp = icsTime(deps.clock().toISOString());
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Vizit//RU', 'CALSCALE:GREGORIAN', 'X-WR-CALNAME:Vizit'];
  for (const a of list) {
    if (a.status === 'cancelled' || a.status === 'no_show') continue;
    lines.push(
      'BEGIN:VEVENT', `UID:${a.id}@vizit`, `DTSTAMP:${stamp}`, `DTSTART:${icsTime(a.startsAt)}`, `DTEND:${icsTime(a.endsAt)}`,
      `SUMMARY:${icsText(shortName(a.patient))}`, 'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}
