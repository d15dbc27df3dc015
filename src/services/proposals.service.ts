import type { z } from 'zod';
import type { ProposalBody, UrgentBody } from '../contracts/schedule.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import * as appts from '../db/repos/appointments.repo.js';
import { getBranch, listBranches } from '../db/repos/clinic.repo.js';
import { lockSchedule } from '../db/repos/schedule-locks.repo.js';
import type { DoctorView } from '../db/repos/doctors.repo.js';
import { addDays } from '../domain/dates.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { freeSlots, type Busy, type Slot } from '../domain/schedule/slots.js';
import { minuteOf, squeezeInRefusal } from '../domain/schedule/squeeze-in.js';
import { EVENING_FROM, partOfDay, pickTwo } from '../domain/schedule/two-options.js';
import { localDateOf, localInstant, MINUTE } from '../domain/schedule/time.js';
import type { Actor, Deps } from './context.js';
import { clinicTimeZone, doctorWork, loadContext, localToday, type ScheduleContext } from './schedule-context.js';

const iso = (ms: number) => new Date(ms).toISOString();
const slotOut = (s: Slot) => ({ doctorId: s.doctorId, branchId: s.branchId, chairId: s.chairId, startsAt: iso(s.start), endsAt: iso(s.end) });

function chooseDoctors(ctx: ScheduleContext, p: { doctorId?: string; specialty?: string }): DoctorView[] {
  const list = ctx.doctors.filter((d) => d.isActive && (!p.doctorId || d.id === p.doctorId) && (!p.specialty || d.specialties.includes(p.specialty)));
  if (!list.length) throw fieldError(p.doctorId ? 'doctorId' : 'specialty', { ru: 'Нет подходящего врача', en: 'No suitable doctor' });
  return list;
}

/** Busy times per doctor and per chair over [from, to), live holds of other proposals included. */
async function busyMaps(deps: Deps, actor: Actor, from: number, to: number, now: Date, doctors: DoctorView[]) {
  const only = {
    doctorIds: doctors.map((d) => d.id),
    chairIds: [...new Set(doctors.flatMap((d) => d.hours.map((h) => h.chairId)).filter((c): c is string => !!c))],
  };
  const [rows, holds] = await Promise.all([
    appts.busyTimes(deps.h.db, actor.clinicId, iso(from), iso(to), only),
    appts.activeHolds(deps.h.db, actor.clinicId, iso(from), iso(to), now.toISOString()),
  ]);
  const byDoctor = new Map<string, Busy[]>();
  const byChair = new Map<string, Busy[]>();
  const add = (m: Map<string, Busy[]>, k: string | null, b: Busy) => {
    if (!k) return;
    const list = m.get(k);
    if (list) list.push(b);
    else m.set(k, [b]);
  };
  for (const r of [...rows, ...holds]) {
    const b = { start: Date.parse(r.starts_at), end: Date.parse(r.ends_at) };
    add(byDoctor, r.doctor_id, b);
    add(byChair, r.chair_id, b);
  }
  return { byDoctor, byChair };
}

/**
 * The few slots per doctor and day that two-option picking can use: the earliest of each half
 * of the day and, for each, the earliest an hour or more later. Enumerating every free slot of
 * 30 doctors over weeks only to keep two was the cost of the search.
 */
function slotsOn(ctx: ScheduleContext, doctors: DoctorView[], date: string, duration: number, busy: Awaited<ReturnType<typeof busyMaps>>, notBefore: number, branchId?: string) {
  const out: Slot[] = [];
  const evening = localInstant(date, EVENING_FROM, ctx.tz);
  for (const d of doctors) {
    const work = doctorWork(ctx, d, date).filter((w) => !branchId || w.branchId === branchId);
    if (!work.length) continue;
    const first = (from: number) =>
      freeSlots({ doctorId: d.id, work, doctorBusy: busy.byDoctor.get(d.id) ?? [], chairBusy: busy.byChair, duration, step: ctx.settings.slotStepMin * MINUTE, notBefore: from, limit: 1 })[0];
    for (const start of [notBefore, Math.max(notBefore, evening)]) {
      const a = first(start);
      if (!a) continue;
      out.push(a);
      const b = first(a.start + 60 * MINUTE);
      if (b) out.push(b);
    }
  }
  return out;
}

/** Holds the offered times for a few minutes so a colleague cannot take them while the patient chooses. */
async function hold(deps: Deps, actor: Actor, ctx: ScheduleContext, slots: Slot[], now: Date) {
  if (!slots.length) return { holdGroup: null, expiresAt: null };
  const group = newId();
  const expiresAt = iso(now.getTime() + ctx.settings.holdMinutes * MINUTE);
  await withTx(deps.h, async (trx) => {
    // Two desks offering the same time at once: one sees the other's hold, as for bookings.
    await lockSchedule(trx, deps.h.dialect, { doctorIds: slots.map((s) => s.doctorId), chairIds: slots.map((s) => s.chairId) });
    await appts.purgeExpiredHolds(trx, now.toISOString());
    for (const s of slots) {
      const range = { clinicId: actor.clinicId, doctorId: s.doctorId, chairId: s.chairId, start: iso(s.start), end: iso(s.end) };
      if ((await appts.findConflict(trx, range)) || (await appts.findHoldConflict(trx, { ...range, now: now.toISOString() }))) {
        throw new DomainError('slot_taken', { ru: 'Пока мы искали, время заняли. Повторите поиск', en: 'The time was taken meanwhile. Search again' });
      }
    }
    await appts.insertHolds(trx, slots.map((s) => ({
      id: newId(), clinic_id: actor.clinicId, hold_group: group, doctor_id: s.doctorId, branch_id: s.branchId, chair_id: s.chairId,
      starts_at: iso(s.start), ends_at: iso(s.end), expires_at: expiresAt, user_id: actor.userId,
    })));
  });
  return { holdGroup: group, expiresAt };
}

/**
 * SCH-3: the two nearest suitable times (one morning, one evening where possible) for a doctor
 * or a specialty within the patient's constraints, both held while the patient chooses.
 */
export async function propose(deps: Deps, actor: Actor, p: z.infer<typeof ProposalBody>) {
  await checkBranch(deps, actor, p.branchId);
  const now = deps.clock();
  const tz = await clinicTimeZone(deps.h.db, actor.clinicId);
  const { today } = localToday(now, tz);
  const afterDate = p.after ? localDateOf(Date.parse(p.after), tz) : today;
  const earliest = afterDate > today ? afterDate : today;
  const from = p.dateFrom && p.dateFrom > earliest ? p.dateFrom : earliest;
  const to = p.dateTo ?? addDays(from, 30);
  if (to < from) throw fieldError('dateTo', { ru: 'Дата окончания раньше даты начала', en: 'The end date is before the start date' });
  const last = addDays(from, 90) < to ? addDays(from, 90) : to;
  const ctx = await loadContext(deps.h.db, actor.clinicId, from, last);
  const doctors = chooseDoctors(ctx, p);
  const duration = (p.durationMin ?? ctx.settings.durationByKind[p.kind]) * MINUTE;
  const part = p.partOfDay ?? 'any';
  const found: Slot[] = [];
  // Walk a week at a time: the nearest options are nearly always in the first days.
  for (let start = from; start <= last; start = addDays(start, 7)) {
    const end = addDays(start, 6) < last ? addDays(start, 6) : last;
    const busy = await busyMaps(deps, actor, Date.parse(`${addDays(start, -1)}T00:00:00Z`), Date.parse(`${addDays(end, 2)}T00:00:00Z`), now, doctors);
    for (let date = start; date <= end; date = addDays(date, 1)) {
      found.push(...slotsOn(ctx, doctors, date, duration, busy, Math.max(now.getTime() + 15 * MINUTE, p.after ? Date.parse(p.after) : 0), p.branchId));
      const two = pickTwo(found, part, ctx.tz);
      // Days come in order, so once both halves of the day are offered nothing nearer can follow.
      if (two.length === 2 && (part !== 'any' || partOfDay(two[0].start, ctx.tz) !== partOfDay(two[1].start, ctx.tz))) {
        return { ...(await hold(deps, actor, ctx, p.hold === false ? [] : two, now)), options: two.map(slotOut) };
      }
    }
  }
  const two = pickTwo(found, part, ctx.tz);
  return { ...(await hold(deps, actor, ctx, p.hold === false ? [] : two, now)), options: two.map(slotOut) };
}

/**
 * SCH-4: acute pain — the nearest free time today; when the day is full, a squeeze-in right
 * after the current or next appointment, flagged so the patient is warned they may wait.
 */
export async function urgent(deps: Deps, actor: Actor, p: z.infer<typeof UrgentBody>) {
  await checkBranch(deps, actor, p.branchId);
  const now = deps.clock();
  const tz = await clinicTimeZone(deps.h.db, actor.clinicId);
  const { today } = localToday(now, tz);
  const ctx = await loadContext(deps.h.db, actor.clinicId, today, today);
  const doctors = chooseDoctors(ctx, p);
  const duration = (p.durationMin ?? ctx.settings.durationByKind.urgent) * MINUTE;
  const busy = await busyMaps(deps, actor, now.getTime() - 86_400_000, now.getTime() + 2 * 86_400_000, now, doctors);
  const free = slotsOn(ctx, doctors, today, duration, busy, now.getTime() + 5 * MINUTE, p.branchId).sort((a, b) => a.start - b.start);
  if (free.length) {
    const h = await hold(deps, actor, ctx, [free[0]], now);
    return { slot: slotOut(free[0]), squeezeIn: false, holdGroup: h.holdGroup };
  }
  let best: Slot | null = null;
  const opening = new Map((await listBranches(deps.h.db, actor.clinicId)).map((b) => [b.id, b.hours]));
  for (const d of doctors) {
    const day = doctorWork(ctx, d, today);
    const work = day.filter((w) => (!p.branchId || w.branchId === p.branchId) && w.end > now.getTime());
    const ends = (busy.byDoctor.get(d.id) ?? []).map((b) => b.end).filter((e) => e > now.getTime()).sort((a, b) => a - b);
    // Never the minute another visit of the doctor starts (the booking would refuse it): a grid step later.
    const starts = new Set((busy.byDoctor.get(d.id) ?? []).map((b) => minuteOf(b.start)));
    for (const w of work) {
      let at = ends.find((e) => e >= w.start && e < w.end) ?? Math.max(w.start, now.getTime());
      while (starts.has(minuteOf(at))) at += ctx.settings.slotStepMin * MINUTE;
      if (at >= w.end) continue;
      // Only what the booking will accept: inside the branch's hours (SCH-4).
      if (squeezeInRefusal({ start: at, end: at + duration, tz: ctx.tz, branchId: w.branchId, work: day, branchHours: opening.get(w.branchId) ?? [], sameMinute: null })) continue;
      if (!best || at < best.start) best = { doctorId: d.id, branchId: w.branchId, chairId: w.chairId, start: at, end: at + duration };
    }
  }
  return { slot: best ? slotOut(best) : null, squeezeIn: best !== null, holdGroup: null };
}

/** Releases the offered times; 404 when the group is unknown here (the web ignores it: the holds are gone either way). */
export async function releaseHolds(deps: Deps, actor: Actor, group: string) {
  const released = await withTx(deps.h, (trx) => appts.releaseHolds(trx, actor.clinicId, group));
  if (!released) throw notFound({ ru: 'Удержание времени', en: 'Time hold' });
}

/** A branch filter must name one of the clinic's branches: another's would silently find nothing. */
export async function checkBranch(deps: Deps, actor: Actor, branchId: string | undefined) {
  if (branchId && !(await getBranch(deps.h.db, actor.clinicId, branchId))) {
    throw fieldError('branchId', { ru: 'Такого филиала нет', en: 'No such branch' });
  }
}
