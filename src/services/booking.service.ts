import type { z } from 'zod';
import type { BookBody, MoveBody } from '../contracts/schedule.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import * as appts from '../db/repos/appointments.repo.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { addLiveEvent } from '../db/repos/live.repo.js';
import { getPatientRow, patientPdState } from '../db/repos/patients.repo.js';
import { markWaitingBooked, waitingPatientId } from '../db/repos/waiting-list.repo.js';
import { getBranch, getChair } from '../db/repos/clinic.repo.js';
import { lockSchedule } from '../db/repos/schedule-locks.repo.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { assertPdActive } from '../domain/retention.js';
import { withinWork } from '../domain/schedule/availability.js';
import { minuteOf, sameMinuteRefusal, squeezeInRefusal } from '../domain/schedule/squeeze-in.js';
import { initialStatus } from '../domain/schedule/status.js';
import { localDateOf, localTimeOf, MINUTE } from '../domain/schedule/time.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { doctorWork, loadContext, localToday, type ScheduleContext } from './schedule-context.js';
import { announceWalkIn, refuseWalkInOverBooking } from './walk-in.service.js';

const APPOINTMENT = { ru: 'Запись', en: 'Appointment' };

/** PostgreSQL's exclusion constraint fired: another transaction took the time first. */
function isExclusionViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23P01';
}

function slotTaken(ctx: Pick<ScheduleContext, 'tz'>, c?: { id: string; starts_at: string; ends_at: string; doctor_id: string; surname: string; first_name: string }): DomainError {
  if (!c) {
    return new DomainError('slot_taken', { ru: 'Это время только что заняли. Выберите другое', en: 'This time was just taken. Choose another' });
  }
  const span = `${localTimeOf(Date.parse(c.starts_at), ctx.tz)}–${localTimeOf(Date.parse(c.ends_at), ctx.tz)}`;
  const who = `${c.surname} ${c.first_name[0]}.`;
  return new DomainError(
    'slot_taken',
    { ru: `Время занято: запись ${span} (${who})`, en: `The time is taken: appointment ${span} (${who})` },
    [],
    { conflict: { appointmentId: c.id, doctorId: c.doctor_id, startsAt: c.starts_at, endsAt: c.ends_at } },
  );
}

/**
 * PostgreSQL's constraint refused the insert: a booking in another transaction (or another app
 * server) won the race after our check. It has committed by now, so name it as the check would.
 */
async function raceLost(deps: Deps, ctx: ScheduleContext, actor: Actor, pl: Placement, excludeId?: string): Promise<DomainError> {
  const range = { clinicId: actor.clinicId, doctorId: pl.doctorId, chairId: pl.chairId, start: new Date(pl.start).toISOString(), end: new Date(pl.end).toISOString() };
  return slotTaken(ctx, (await appts.findConflict(deps.h.db, { ...range, excludeId })) ?? undefined);
}

interface Placement {
  doctorId: string;
  chairId: string | null;
  branchId: string;
  start: number;
  end: number;
  squeezeIn: boolean;
}

/**
 * Resolves where an appointment goes and checks the working-time rule: inside one of the
 * doctor's working intervals (chair and branch from it), unless it is a deliberate squeeze-in.
 */
function place(ctx: ScheduleContext, p: { doctorId: string; start: number; end: number; chairId?: string | null; branchId?: string; squeezeIn: boolean }): Placement {
  const doctor = ctx.doctors.find((d) => d.id === p.doctorId);
  if (!doctor || !doctor.isActive) throw fieldError('doctorId', { ru: 'Такого врача нет или он не принимает', en: 'No such active doctor' });
  if (p.end <= p.start) throw fieldError('endsAt', { ru: 'Конец приёма должен быть позже начала', en: 'The end must be after the start' });
  const date = localDateOf(p.start, ctx.tz);
  if (localDateOf(p.end - 1, ctx.tz) !== date) throw fieldError('endsAt', { ru: 'Приём должен закончиться в тот же день', en: 'The visit must end the same day' });
  const work = doctorWork(ctx, doctor, date);
  const inside = withinWork(work, p.start, p.end);
  if (!inside && !p.squeezeIn) {
    throw new DomainError('conflict', {
      ru: 'Вне рабочего времени врача (график, перерыв, отпуск или праздник)',
      en: "Outside the doctor's working time (hours, break, absence or holiday)",
    }, [{ field: 'startsAt', message: { ru: 'Врач в это время не принимает', en: 'The doctor does not receive at this time' } }]);
  }
  const branchId = inside?.branchId ?? p.branchId ?? work[0]?.branchId ?? doctor.hours[0]?.branchId;
  if (!branchId) throw fieldError('branchId', { ru: 'Укажите филиал', en: 'Give the branch' });
  const chairId = p.chairId !== undefined ? p.chairId : (inside?.chairId ?? null);
  return { doctorId: doctor.id, chairId, branchId, start: p.start, end: p.end, squeezeIn: p.squeezeIn };
}

/** The overlap rule (SCH-6), checked inside the booking transaction; squeeze-ins are exempt. */
async function checkFree(trx: Db, ctx: ScheduleContext, actor: Actor, pl: Placement, now: Date, opts: { excludeId?: string; holdGroup?: string }) {
  if (pl.squeezeIn) return;
  const range = { clinicId: actor.clinicId, doctorId: pl.doctorId, chairId: pl.chairId, start: new Date(pl.start).toISOString(), end: new Date(pl.end).toISOString() };
  const conflict = await appts.findConflict(trx, { ...range, excludeId: opts.excludeId });
  if (conflict) throw slotTaken(ctx, conflict);
  const hold = await appts.findHoldConflict(trx, { ...range, now: now.toISOString(), exceptGroup: opts.holdGroup });
  if (hold) {
    throw new DomainError('slot_taken', {
      ru: 'Это время сейчас предложено другому пациенту (удерживается несколько минут)',
      en: 'This time is being offered to another patient (held for a few minutes)',
    });
  }
}

/**
 * A chair or branch given by the caller must be this clinic's: the overlap check and the
 * PostgreSQL exclusion constraint key on the chair id alone, so a foreign chair would both
 * reveal and block another clinic's time. Returns the given chair's branch.
 */
async function checkRefs(deps: Deps, actor: Actor, p: { chairId?: string | null; branchId?: string }): Promise<string | undefined> {
  const chair = p.chairId ? await getChair(deps.h.db, actor.clinicId, p.chairId) : undefined;
  if (p.chairId && !chair) {
    throw fieldError('chairId', { ru: 'Такого кресла нет', en: 'No such chair' });
  }
  if (p.branchId && !(await getBranch(deps.h.db, actor.clinicId, p.branchId))) {
    throw fieldError('branchId', { ru: 'Такого филиала нет', en: 'No such branch' });
  }
  return chair?.branchId;
}

/** A chair the caller chose stands in one branch: the visit must be in that branch, else the board shows it nowhere right. */
function checkChairBranch(pl: Placement, chairBranchId: string | undefined) {
  if (chairBranchId && chairBranchId !== pl.branchId) {
    throw fieldError('chairId', { ru: 'Это кресло в другом филиале', en: 'This chair is in another branch' });
  }
}

/**
 * Serialises the bookings of this doctor and chair (PostgreSQL advisory locks; SQLite is one
 * writer already), then checks the rules that depend on other visits: the free-time rule, or
 * for a squeeze-in the rules it may not break (SCH-4). Must be the first thing in the transaction.
 */
async function lockAndCheck(trx: Db, deps: Deps, ctx: ScheduleContext, actor: Actor, pl: Placement, now: Date, opts: { excludeId?: string; holdGroup?: string }) {
  await lockSchedule(trx, deps.h.dialect, { doctorIds: [pl.doctorId], chairIds: [pl.chairId] });
  if (pl.squeezeIn) await checkSqueezeIn(trx, ctx, actor, pl, opts.excludeId);
  await checkFree(trx, ctx, actor, pl, now, opts);
}

/**
 * A no-show set back to booked (SCH-9) takes its time again: serialised and checked like a new
 * booking, so it cannot land on a visit booked into the freed time meanwhile. Call it first in the
 * transaction; `isExclusionViolation` errors of the update map with `slotTakenAt`.
 */
export async function reclaimTime(trx: Db, deps: Deps, actor: Actor, a: { id: string; doctor_id: string; chair_id: string | null; starts_at: string; ends_at: string; squeeze_in: number }, tz: string) {
  await lockSchedule(trx, deps.h.dialect, { doctorIds: [a.doctor_id], chairIds: [a.chair_id] });
  if (a.squeeze_in === 1) {
    const same = await startAtSameMinute(trx, actor, a.doctor_id, Date.parse(a.starts_at), a.id);
    if (same !== null) throw sameMinuteRefusal(same, tz);
    return;
  }
  const conflict = await appts.findConflict(trx, { clinicId: actor.clinicId, doctorId: a.doctor_id, chairId: a.chair_id, start: a.starts_at, end: a.ends_at, excludeId: a.id });
  if (conflict) throw slotTaken({ tz }, conflict);
}

/** PostgreSQL's constraint refused a visit's time after the checks (it should not, under the locks): a 409, never a 500. */
export function slotTakenAt(err: unknown, tz: string): unknown {
  return isExclusionViolation(err) ? slotTaken({ tz }) : err;
}

/** SCH-4: a squeeze-in stays on the doctor's working day, inside the branch's hours, and never at the minute another visit of the doctor starts. */
async function checkSqueezeIn(trx: Db, ctx: ScheduleContext, actor: Actor, pl: Placement, excludeId?: string) {
  const doctor = ctx.doctors.find((d) => d.id === pl.doctorId);
  const branch = await getBranch(trx, actor.clinicId, pl.branchId);
  const refusal = squeezeInRefusal({
    start: pl.start, end: pl.end, tz: ctx.tz, branchId: pl.branchId,
    work: doctor ? doctorWork(ctx, doctor, localDateOf(pl.start, ctx.tz)) : [],
    branchHours: branch?.hours ?? [],
    sameMinute: await startAtSameMinute(trx, actor, pl.doctorId, pl.start, excludeId),
  });
  if (refusal) throw refusal;
}

/** The start of another time-holding visit of the doctor in the same minute as `start`, or null. */
async function startAtSameMinute(trx: Db, actor: Actor, doctorId: string, start: number, excludeId?: string): Promise<number | null> {
  const minute = minuteOf(start);
  const same = await appts.findDoctorStartIn(trx, {
    clinicId: actor.clinicId, doctorId, from: new Date(minute).toISOString(), to: new Date(minute + MINUTE).toISOString(), excludeId,
  });
  return same ? Date.parse(same.starts_at) : null;
}

/** The schedule context of the days around an instant (a day either side covers every time zone). */
function contextAround(deps: Deps, actor: Actor, instant: number, doctorId: string) {
  return loadContext(deps.h.db, actor.clinicId, localDateOf(instant - 86_400_000, 'UTC'), localDateOf(instant + 86_400_000, 'UTC'), doctorId);
}

/** Books an appointment (SCH-3/4/6/8, CONF-4): checked and written in one transaction, audited, announced live. */
export async function book(deps: Deps, actor: Actor, input: z.infer<typeof BookBody>) {
  const now = deps.clock();
  const start = Date.parse(input.startsAt);
  const ctx = await contextAround(deps, actor, start, input.doctorId);
  const date = localDateOf(start, ctx.tz);
  const duration = input.durationMin ?? ctx.settings.durationByKind[input.kind];
  const end = input.endsAt ? Date.parse(input.endsAt) : start + duration * MINUTE;
  const squeezeIn = input.squeezeIn === true;
  const pl = place(ctx, { doctorId: input.doctorId, start, end, chairId: input.chairId, branchId: input.branchId, squeezeIn });
  checkChairBranch(pl, await checkRefs(deps, actor, input));
  const patient = await getPatientRow(deps.h.db, actor.clinicId, input.patientId);
  if (!patient) throw fieldError('patientId', { ru: 'Такого пациента нет', en: 'No such patient' });
  if (input.waitingListId && (await waitingPatientId(deps.h.db, actor.clinicId, input.waitingListId)) !== input.patientId) {
    throw fieldError('waitingListId', { ru: 'Такой записи этого пациента в листе ожидания нет', en: "No such waiting-list entry of this patient" });
  }
  assertPdActive(patient.p.pd_state);
  if (input.walkIn && !input.secondVisit) await refuseWalkInOverBooking(deps.h.db, actor, input.patientId, date, ctx.tz);
  const { today, tomorrow } = localToday(now, ctx.tz);
  if (end <= now.getTime() && !input.walkIn) {
    throw fieldError('startsAt', { ru: 'Нельзя записать на прошедшее время', en: 'Cannot book a time in the past' });
  }
  const id = newId();
  const at = now.toISOString();
  const status = input.walkIn ? 'arrived' : initialStatus(today, date, tomorrow, input.needsCall === true);
  try {
    await withTx(deps.h, async (trx) => {
      await lockAndCheck(trx, deps, ctx, actor, pl, now, { holdGroup: input.holdGroup });
      // Again inside the transaction: a destruction may have committed since the check above.
      assertPdActive((await patientPdState(trx, actor.clinicId, input.patientId)) ?? 'destroyed');
      await appts.insertAppointment(trx, {
        id,
        clinic_id: actor.clinicId,
        branch_id: pl.branchId,
        doctor_id: pl.doctorId,
        chair_id: pl.chairId,
        patient_id: input.patientId,
        starts_at: new Date(pl.start).toISOString(),
        ends_at: new Date(pl.end).toISOString(),
        local_date: date,
        kind: input.kind,
        status,
        squeeze_in: squeezeIn ? 1 : 0,
        needs_call: input.needsCall ? 1 : 0,
        comment: input.comment?.trim() || null,
        services: input.services?.trim() || null,
        walk_in: input.walkIn ? 1 : 0,
        arrived_at: input.walkIn ? at : null,
        created_at: at,
        created_by: actor.userId,
        updated_at: at,
        status_changed_at: at,
      });
      await appts.addHistory(trx, { id: newId(), clinicId: actor.clinicId, appointmentId: id, at, userId: actor.userId, action: 'book', to: status, details: { squeezeIn, walkIn: !!input.walkIn, ...(input.secondVisit && { secondVisit: true }) } });
      if (input.walkIn) await announceWalkIn(trx, actor, { id, doctorId: pl.doctorId, patientId: input.patientId, start: pl.start, date, tz: ctx.tz }, at);
      if (input.holdGroup) await appts.releaseHolds(trx, actor.clinicId, input.holdGroup);
      if (input.waitingListId) {
        await markWaitingBooked(trx, actor.clinicId, input.waitingListId, id);
      }
      await appendAudit(trx, auditEntry(actor, now, {
        action: 'create', objectType: 'appointment', objectId: id, patientId: input.patientId,
        details: { status, ...(squeezeIn && { override: 'squeeze_in' }), ...(input.walkIn && { walkIn: true }) },
      }));
      await addLiveEvent(trx, { clinicId: actor.clinicId, at, kind: input.walkIn ? 'arrival' : 'appointment', payload: { id, date, doctorId: pl.doctorId, status } });
    });
  } catch (err) {
    if (isExclusionViolation(err)) throw await raceLost(deps, ctx, actor, pl);
    throw err;
  }
  return (await appts.getAppointment(deps.h.db, actor.clinicId, id))!;
}

/** Moves (drag and drop) or edits an appointment; a move is checked exactly like a new booking. */
export async function move(deps: Deps, actor: Actor, id: string, input: z.infer<typeof MoveBody>) {
  const now = deps.clock();
  const cur = await appts.rawAppointment(deps.h.db, actor.clinicId, id);
  if (!cur) throw notFound(APPOINTMENT);
  if (!['booked', 'confirmed'].includes(cur.status) && (input.startsAt || input.endsAt || input.doctorId)) {
    throw new DomainError('invalid_transition', { ru: 'Перенести можно только предстоящую запись', en: 'Only an upcoming appointment can be moved' });
  }
  const start = input.startsAt ? Date.parse(input.startsAt) : Date.parse(cur.starts_at);
  const length = Date.parse(cur.ends_at) - Date.parse(cur.starts_at);
  const end = input.endsAt ? Date.parse(input.endsAt) : start + length;
  const moving = start !== Date.parse(cur.starts_at) || end !== Date.parse(cur.ends_at) || (input.doctorId && input.doctorId !== cur.doctor_id) || input.chairId !== undefined;
  const chairBranchId = await checkRefs(deps, actor, input);
  const pre = await contextAround(deps, actor, start, input.doctorId ?? cur.doctor_id);
  const date = localDateOf(start, pre.tz);
  const at = now.toISOString();
  let pl: Placement | undefined;
  try {
    await withTx(deps.h, async (trx) => {
      const patch: Parameters<typeof appts.updateAppointment>[3] = { updated_at: at };
      if (moving) {
        if (end <= now.getTime()) throw fieldError('startsAt', { ru: 'Нельзя перенести на прошедшее время', en: 'Cannot move into the past' });
        pl = place(pre, { doctorId: input.doctorId ?? cur.doctor_id, start, end, chairId: input.chairId, squeezeIn: false });
        checkChairBranch(pl, chairBranchId);
        await lockAndCheck(trx, deps, pre, actor, pl, now, { excludeId: id });
        Object.assign(patch, {
          doctor_id: pl.doctorId, chair_id: pl.chairId, branch_id: pl.branchId, squeeze_in: 0,
          starts_at: new Date(start).toISOString(), ends_at: new Date(end).toISOString(), local_date: date,
        });
      }
      if (input.comment !== undefined) patch.comment = input.comment?.trim() || null;
      if (input.services !== undefined) patch.services = input.services?.trim() || null;
      if (input.needsCall !== undefined) patch.needs_call = input.needsCall ? 1 : 0;
      await appts.updateAppointment(trx, actor.clinicId, id, patch);
      await appts.addHistory(trx, {
        id: newId(), clinicId: actor.clinicId, appointmentId: id, at, userId: actor.userId, action: moving ? 'move' : 'edit',
        details: moving ? { from: cur.starts_at, to: new Date(start).toISOString(), doctorId: input.doctorId ?? cur.doctor_id } : {},
      });
      await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'appointment', objectId: id, patientId: cur.patient_id, details: { fields: Object.keys(input).sort() } }));
      await addLiveEvent(trx, { clinicId: actor.clinicId, at, kind: 'appointment', payload: { id, date, previousDate: cur.local_date, doctorId: input.doctorId ?? cur.doctor_id } });
    });
  } catch (err) {
    if (isExclusionViolation(err)) throw pl ? await raceLost(deps, pre, actor, pl, id) : slotTaken(pre);
    throw err;
  }
  return (await appts.getAppointment(deps.h.db, actor.clinicId, id))!;
}

export async function getAppointment(deps: Deps, actor: Actor, id: string) {
  const a = await appts.getAppointment(deps.h.db, actor.clinicId, id);
  if (!a) throw notFound(APPOINTMENT);
  return a;
}

/** The appointment's timeline: bookings, moves and status changes with who and when. */
export async function history(deps: Deps, actor: Actor, id: string) {
  await getAppointment(deps, actor, id);
  const rows = await appts.listHistory(deps.h.db, actor.clinicId, id);
  return rows.map((r) => ({ at: r.at, action: r.action, fromStatus: r.from_status, toStatus: r.to_status, userId: r.user_id, userName: r.user_name, details: JSON.parse(r.details_json) as Record<string, unknown> }));
}

/** The patient's visits, newest first, for the card. */
export async function patientAppointments(deps: Deps, actor: Actor, patientId: string, date?: string) {
  if (!(await getPatientRow(deps.h.db, actor.clinicId, patientId))) throw notFound({ ru: 'Пациент', en: 'Patient' });
  if (date) return appts.listPatientDay(deps.h.db, actor.clinicId, patientId, date);
  return appts.listPatientAppointments(deps.h.db, actor.clinicId, patientId);
}
