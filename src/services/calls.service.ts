import type { z } from 'zod';
import type { CallDeskQuery, CallInputT, CallQueryT } from '../contracts/calls.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { upcomingVisits, recentDoneVisits } from '../db/repos/booking-context.repo.js';
import * as repo from '../db/repos/calls.repo.js';
import { clinicTimeAndSettings, getBranch, getClinic, listBranches } from '../db/repos/clinic.repo.js';
import { getPatientRow } from '../db/repos/patients.repo.js';
import { addDays } from '../domain/dates.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { callProblem, suggestCallerType, type CallRecord } from '../domain/calls/call-rules.js';
import { yearsOpen } from '../domain/calls/call-script.js';
import { dayPart, greeting } from '../domain/calls/greeting.js';
import { toE164 } from '../domain/phone.js';
import { suggestBooking } from '../domain/schedule/booking-context.js';
import { localInstant } from '../domain/schedule/time.js';
import { currentScript } from './call-scripts.service.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { localToday } from './schedule-context.js';

const CALL = { ru: 'Звонок', en: 'Call' };
const PATIENT = { ru: 'Пациент', en: 'Patient' };
/** A call card open longer than this was left open by mistake: the duration is capped, not invented. */
const MAX_CALL_SEC = 2 * 3600;

export function callView(r: repo.CallRow) {
  return {
    id: r.id,
    direction: r.direction,
    callerType: r.caller_type,
    purpose: r.purpose,
    patientId: r.patient_id,
    patientName: r.surname ? [r.surname, r.first_name, r.patronymic].filter(Boolean).join(' ') : null,
    phone: r.phone,
    callerName: r.caller_name,
    sourceId: r.source_id,
    sourceName: r.source_name ?? null,
    outcome: r.outcome,
    outcomeReason: r.outcome_reason,
    appointmentId: r.appointment_id,
    visit: r.visit_starts_at && r.visit_status && r.visit_doctor_id ? { startsAt: r.visit_starts_at, status: r.visit_status, doctorId: r.visit_doctor_id } : null,
    userId: r.user_id,
    userName: r.user_name ?? null,
    branchId: r.branch_id,
    startedAt: r.started_at,
    answerSec: r.answer_sec ?? null,
    durationSec: Number(r.duration_sec),
    needSummary: r.need_summary ?? null,
    note: r.note,
  };
}

/** The clinic-local period [from, to] as instants; the last 7 days by default. */
export async function period(db: Db, clinicId: string, now: Date, from?: string, to?: string, days = 7) {
  const tz = (await clinicTimeAndSettings(db, clinicId)).time_zone;
  const { today } = localToday(now, tz);
  const t = to ?? today;
  const f = from ?? addDays(t, -(days - 1));
  if (f > t) throw fieldError('to', { ru: 'Дата окончания раньше даты начала', en: 'The end date is before the start date' });
  if (addDays(f, 400) < t) throw fieldError('from', { ru: 'Период не длиннее 400 дней', en: 'The period is at most 400 days' });
  return { tz, from: f, to: t, fromIso: new Date(localInstant(f, '00:00', tz)).toISOString(), toIso: new Date(localInstant(addDays(t, 1), '00:00', tz)).toISOString() };
}

/** A filter naming another clinic's patient, administrator, source or branch is an error, not an empty list. */
export async function checkFilterRefs(db: Db, clinicId: string, q: CallQueryT) {
  const refs = [['patientId', 'patients', q.patientId], ['userId', 'users', q.userId], ['sourceId', 'info_sources', q.sourceId], ['branchId', 'branches', q.branchId]] as const;
  for (const [field, table, id] of refs) {
    if (id && !(await repo.refExists(db, table, clinicId, id))) throw fieldError(field, { ru: 'Не найдено', en: 'Not found' });
  }
}

/** CALL-4: the call base, filtered, newest first. */
export async function listCalls(deps: Deps, actor: Actor, q: CallQueryT) {
  await checkFilterRefs(deps.h.db, actor.clinicId, q);
  const p = await period(deps.h.db, actor.clinicId, deps.clock(), q.from, q.to);
  const { rows, total } = await repo.listCalls(deps.h.db, actor.clinicId, { ...q, fromIso: p.fromIso, toIso: p.toIso }, q.limit ?? 50, q.offset ?? 0);
  return { items: rows.map(callView), total, from: p.from, to: p.to };
}

/**
 * CALL-4: an incoming call as the card ends it. A call with a booking is linked both ways (the
 * visit remembers its call); the duration runs from the answer to now, on the server's clock.
 */
export async function recordCall(deps: Deps, actor: Actor, input: CallInputT) {
  const now = deps.clock();
  const id = newId();
  const started = Date.parse(input.startedAt);
  if (started > now.getTime() + 60_000) throw fieldError('startedAt', { ru: 'Начало звонка в будущем', en: 'The call starts in the future' });
  if (started < now.getTime() - 24 * 3600_000) throw fieldError('startedAt', { ru: 'Звонок старше суток записывают заметкой', en: 'A call older than a day is not recorded here' });
  const rec = {
    callerType: input.callerType, purpose: input.purpose, outcome: input.outcome, outcomeReason: input.outcomeReason?.trim() || null,
    patientId: input.patientId ?? null, appointmentId: input.appointmentId ?? null,
  };
  const problem = callProblem(rec);
  if (problem) throw fieldError(problem.field, { ru: problem.ru, en: problem.en });
  const phone = input.phone ? toE164(input.phone) : null;
  if (input.callId) return completeTelephonyCall(deps, actor, input.callId, input, rec, phone);
  await withTx(deps.h, async (trx) => {
    if (rec.patientId && !(await repo.refExists(trx, 'patients', actor.clinicId, rec.patientId))) throw fieldError('patientId', { ru: 'Пациент не найден', en: 'Patient not found' });
    if (input.sourceId && !(await repo.refExists(trx, 'info_sources', actor.clinicId, input.sourceId))) throw fieldError('sourceId', { ru: 'Источник не найден', en: 'Source not found' });
    if (input.branchId && !(await repo.refExists(trx, 'branches', actor.clinicId, input.branchId))) throw fieldError('branchId', { ru: 'Филиал не найден', en: 'Branch not found' });
    let branchId = input.branchId ?? null;
    if (rec.appointmentId) {
      const a = await repo.appointmentOf(trx, actor.clinicId, rec.appointmentId);
      if (!a) throw fieldError('appointmentId', { ru: 'Визит не найден', en: 'Visit not found' });
      if (a.patient_id !== rec.patientId) throw fieldError('appointmentId', { ru: 'Визит другого пациента', en: 'The visit is another patient’s' });
      branchId ??= a.branch_id;
    }
    const duration = Math.min(MAX_CALL_SEC, Math.max(0, Math.round((now.getTime() - started) / 1000)));
    await repo.insertCall(trx, {
      id, clinic_id: actor.clinicId, branch_id: branchId, direction: 'in', caller_type: rec.callerType, purpose: rec.purpose,
      patient_id: rec.patientId, phone, caller_name: input.callerName?.trim() || null, source_id: input.sourceId ?? null,
      outcome: rec.outcome, outcome_reason: rec.outcomeReason, appointment_id: rec.appointmentId, user_id: actor.userId,
      started_at: new Date(started).toISOString(), duration_sec: duration, note: input.note?.trim() || null,
      answer_sec: input.answerSec ?? null, ended_at: now.toISOString(), need_summary: input.needSummary?.trim() || null, script_version: input.scriptVersion ?? null,
    });
    if (rec.appointmentId) await repo.linkAppointmentCall(trx, actor.clinicId, rec.appointmentId, id);
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'call', objectId: id, patientId: rec.patientId, details: { outcome: rec.outcome } }));
  });
  return getCall(deps, actor, id);
}

/**
 * The card popped by the telephony's ring completes the call row the ring created: purpose, outcome,
 * caller and visit from the card; the instants (ring, answer, end) stay the PBX's own.
 */
async function completeTelephonyCall(deps: Deps, actor: Actor, callId: string, input: CallInputT, rec: CallRecord, phone: string | null) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const row = await repo.telephonyCallOf(trx, actor.clinicId, callId);
    if (!row) throw fieldError('callId', { ru: 'Звонок не найден', en: 'Call not found' });
    if (row.user_id) throw new DomainError('conflict', { ru: 'Этот звонок уже записан', en: 'This call is already recorded' });
    if (rec.patientId && !(await repo.refExists(trx, 'patients', actor.clinicId, rec.patientId))) throw fieldError('patientId', { ru: 'Пациент не найден', en: 'Patient not found' });
    if (input.sourceId && !(await repo.refExists(trx, 'info_sources', actor.clinicId, input.sourceId))) throw fieldError('sourceId', { ru: 'Источник не найден', en: 'Source not found' });
    if (rec.appointmentId) {
      const a = await repo.appointmentOf(trx, actor.clinicId, rec.appointmentId);
      if (!a) throw fieldError('appointmentId', { ru: 'Визит не найден', en: 'Visit not found' });
      if (a.patient_id !== rec.patientId) throw fieldError('appointmentId', { ru: 'Визит другого пациента', en: 'The visit is another patient’s' });
    }
    // Still on the line by the PBX's account: the card's end closes it; a later «ended» event corrects it.
    const ended = row.ended_at ?? now.toISOString();
    const from = row.answered_at ?? row.started_at;
    await repo.updateCallRow(trx, actor.clinicId, callId, {
      caller_type: rec.callerType, purpose: rec.purpose, patient_id: rec.patientId, phone: row.phone ?? phone, caller_name: input.callerName?.trim() || null,
      source_id: input.sourceId ?? null, outcome: rec.outcome, outcome_reason: rec.outcomeReason, appointment_id: rec.appointmentId, user_id: actor.userId,
      note: input.note?.trim() || null, need_summary: input.needSummary?.trim() || null, script_version: input.scriptVersion ?? null, ended_at: ended,
      duration_sec: Math.min(MAX_CALL_SEC, Math.max(0, Math.round((Date.parse(ended) - Date.parse(from)) / 1000))),
    });
    if (rec.appointmentId) await repo.linkAppointmentCall(trx, actor.clinicId, rec.appointmentId, callId);
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'call', objectId: callId, patientId: rec.patientId, details: { outcome: rec.outcome } }));
  });
  return getCall(deps, actor, callId);
}

export async function getCall(deps: Deps, actor: Actor, id: string) {
  const r = await repo.getCall(deps.h.db, actor.clinicId, id);
  if (!r) throw notFound(CALL);
  return callView(r);
}

const visitView = (v: { id: string; starts_at?: string; startsAt?: string; doctor_id?: string; doctorId?: string; branch_id?: string; branchId?: string; kind: string; status: string }) => ({
  id: v.id, startsAt: (v.startsAt ?? v.starts_at)!, doctorId: (v.doctorId ?? v.doctor_id)!, branchId: (v.branchId ?? v.branch_id)!, kind: v.kind, status: v.status,
});

/** CALL-10: everything the desk should know the moment a known caller is on the line; a read of the patient's record, audited. */
export async function callerCard(deps: Deps, actor: Actor, patientId: string) {
  const now = deps.clock();
  const db = deps.h.db;
  const found = await getPatientRow(db, actor.clinicId, patientId);
  if (!found || found.p.pd_state !== 'active') throw notFound(PATIENT);
  const [done, upcoming, past, alerts, waiting, calls, pastCount] = await Promise.all([
    recentDoneVisits(db, actor.clinicId, patientId, 20),
    upcomingVisits(db, actor.clinicId, patientId, now, 5),
    repo.pastVisitsOf(db, actor.clinicId, patientId, now, 5),
    repo.alertsOf(db, actor.clinicId, patientId),
    repo.openWaitingOf(db, actor.clinicId, patientId),
    repo.lastCallsOf(db, actor.clinicId, patientId, 5),
    repo.countDoneVisits(db, actor.clinicId, patientId),
  ]);
  await withTx(deps.h, (trx) => appendAudit(trx, auditEntry(actor, now, { action: 'read', objectType: 'patient', objectId: patientId, patientId, details: { via: 'call_card' } })));
  const p = found.p;
  return {
    patient: {
      id: p.id, surname: p.surname, firstName: p.first_name, patronymic: p.patronymic, addressAs: p.address_as, cardNumber: Number(p.card_number),
      birthDate: p.birth_date, phone: found.phones[0]?.number ?? null, sourceId: p.source_id,
    },
    pastVisits: pastCount,
    suggestedType: suggestCallerType({ pastVisits: pastCount }),
    treatingDoctorId: suggestBooking(done).doctorId,
    alerts: alerts.map((a) => ({ text: a.text, date: a.event_date })),
    upcoming: upcoming.map(visitView),
    past: past.map(visitView),
    waiting: waiting.map((w) => ({ id: w.id, doctorId: w.doctor_id, specialty: w.specialty, dateFrom: w.date_from, dateTo: w.date_to, note: w.note })),
    lastCalls: calls.map(callView),
  };
}

/** What the call card opens with: the greeting to say at this moment at this branch (CALL-1), the script (CALL-3). */
export async function callDesk(deps: Deps, actor: Actor, q: z.infer<typeof CallDeskQuery>) {
  const now = deps.clock();
  const db = deps.h.db;
  const clinic = await getClinic(db, actor.clinicId);
  if (!clinic) throw notFound({ ru: 'Клиника', en: 'Clinic' });
  let branch = q.branchId ? await getBranch(db, actor.clinicId, q.branchId) : undefined;
  if (q.branchId && !branch) throw fieldError('branchId', { ru: 'Филиал не найден', en: 'Branch not found' });
  if (!branch) {
    const active = (await listBranches(db, actor.clinicId)).filter((b) => b.isActive);
    // One branch: its address goes into the greeting; several: the desk picks its own.
    if (active.length === 1) branch = active[0];
  }
  const script = await currentScript(db, actor.clinicId);
  const { today } = localToday(now, clinic.timeZone);
  const adminFullName = await repo.userFullName(db, actor.userId);
  return {
    greeting: greeting({ clinicName: clinic.name, branchAddress: branch?.address ?? null, adminFullName, atMs: now.getTime(), timeZone: clinic.timeZone }),
    dayPart: dayPart(now.getTime(), clinic.timeZone),
    today,
    yearsOpen: yearsOpen(script.script.facts.foundedYear, today),
    script,
  };
}
