import type { z } from 'zod';
import type { WaitingInput, WaitingPatch } from '../contracts/schedule.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import * as appts from '../db/repos/appointments.repo.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { droppedOutCandidates, mainPhoneNumbers, waitingCandidates } from '../db/repos/gap-candidates.repo.js';
import { getDoctor } from '../db/repos/doctors.repo.js';
import { getPatientRow } from '../db/repos/patients.repo.js';
import { insertWaiting, listOpenWaiting, updateWaiting, waitingPatientId } from '../db/repos/waiting-list.repo.js';
import { addDays, ruDate } from '../domain/dates.js';
import { fieldError, notFound } from '../domain/errors.js';
import { fullName } from '../domain/names.js';
import { assertPdActive } from '../domain/retention.js';
import { gaps as findGaps } from '../domain/schedule/slots.js';
import { MINUTE, localDateOf } from '../domain/schedule/time.js';
import { callbacksDue } from './callbacks.service.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { checkBranch } from './proposals.service.js';
import { recallToCall } from './recall-due.service.js';
import { doctorWork, loadContext, localToday } from './schedule-context.js';

type Candidate = { patientId: string; name: string; phone: string | null; reason: 'waiting_list' | 'recall' | 'unfinished'; detail: string; score: number; waitingListId: string | null; doctorId: string | null; specialty: string | null };

/**
 * SCH-7: each doctor's idle gaps of the day with a ranked list of patients to call:
 * the waiting list first (who asked for an earlier time, longest waiting first), then patients
 * who dropped out of treatment (cancelled or missed without a new booking), then recall due.
 * Above all of it, the call-backs agreed at cancellation that are due (CONF-5).
 */
export async function gapsForDay(deps: Deps, actor: Actor, date: string, branchId?: string, minMinutes?: number) {
  await checkBranch(deps, actor, branchId);
  const now = deps.clock();
  const ctx = await loadContext(deps.h.db, actor.clinicId, date, date);
  const { today } = localToday(now, ctx.tz);
  const min = (minMinutes ?? ctx.settings.gapMinMinutes) * MINUTE;
  const dayStart = Date.parse(`${addDays(date, -1)}T00:00:00Z`);
  const busy = await appts.busyTimes(deps.h.db, actor.clinicId, new Date(dayStart).toISOString(), new Date(dayStart + 3 * 86_400_000).toISOString());
  const candidates = await candidatesFor(deps, actor, date, now, ctx.tz);
  const doctors = [];
  for (const d of ctx.doctors) {
    const work = doctorWork(ctx, d, date).filter((w) => !branchId || w.branchId === branchId);
    if (!work.length) continue;
    const mine = busy.filter((b) => b.doctor_id === d.id).map((b) => ({ start: Date.parse(b.starts_at), end: Date.parse(b.ends_at) }));
    const g = findGaps(work, mine, min, date === today ? now.getTime() : -Infinity);
    if (!g.length) continue;
    const fit = candidates
      .filter((c) => (!c.doctorId || c.doctorId === d.id) && (!c.specialty || d.specialties.includes(c.specialty)))
      .slice(0, 15)
      .map(({ doctorId: _d, specialty: _s, ...c }) => c);
    doctors.push({
      doctorId: d.id,
      gaps: g.map((x) => ({ start: new Date(x.start).toISOString(), end: new Date(x.end).toISOString(), minutes: Math.round((x.end - x.start) / MINUTE) })),
      candidates: fit,
    });
  }
  return { date, callbacks: await callbacksDue(deps.h.db, actor.clinicId, date, today), doctors };
}

async function candidatesFor(deps: Deps, actor: Actor, date: string, now: Date, tz: string): Promise<Candidate[]> {
  const db = deps.h.db;
  const nowIso = now.toISOString();
  const waiting = await waitingCandidates(db, actor.clinicId, date);
  // Dropped out: cancelled or missed in the last 60 days and not booked again since.
  const dropped = await droppedOutCandidates(db, actor.clinicId, addDays(date, -60), date, nowIso);
  // Recall: due by the clinic's scheme, as on the recall worklist (REC-1: one rule everywhere).
  const recall = await recallToCall(db, actor.clinicId, date, now, tz);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const push = (c: Candidate) => {
    if (seen.has(c.patientId)) return;
    seen.add(c.patientId);
    out.push(c);
  };
  for (const w of waiting) {
    const days = Math.max(0, Math.round((now.getTime() - Date.parse(w.created_at)) / 86_400_000));
    push({ patientId: w.patient_id, name: fullName({ surname: w.surname, firstName: w.first_name, patronymic: w.patronymic }), phone: null, reason: 'waiting_list',
      detail: `В листе ожидания с ${ruDate(localDateOf(Date.parse(w.created_at), tz))}${w.note ? `: ${w.note}` : ''}`, score: 1000 + days, waitingListId: w.id, doctorId: w.doctor_id, specialty: w.specialty });
  }
  for (const d of dropped) {
    push({ patientId: d.patient_id, name: fullName({ surname: d.surname, firstName: d.first_name, patronymic: d.patronymic }), phone: null, reason: 'unfinished',
      detail: `${d.status === 'no_show' ? 'Неявка на приём' : 'Отмена приёма'} ${ruDate(d.local_date)}, новой записи нет`, score: 500, waitingListId: null, doctorId: d.doctor_id, specialty: null });
  }
  // The longest overdue first; a day's gaps take at most 15 per doctor anyway.
  for (const { visit: v, rule, dueDate } of [...recall].sort((a, b) => a.dueDate.localeCompare(b.dueDate)).slice(0, 100)) {
    // A rule of a specialty (hygiene) fits that specialty's gaps only.
    push({ patientId: v.patient_id, name: fullName({ surname: v.surname, firstName: v.first_name, patronymic: v.patronymic }), phone: null, reason: 'recall',
      detail: `${rule.name}: последний визит ${ruDate(v.local_date)}, срок ${ruDate(dueDate)}`, score: 100, waitingListId: null, doctorId: null, specialty: rule.specialty });
  }
  const phones = await mainPhoneNumbers(db, out.map((c) => c.patientId));
  const byPatient = new Map(phones.map((p) => [p.patient_id, p.number]));
  return out.map((c) => ({ ...c, phone: byPatient.get(c.patientId) ?? null })).sort((a, b) => b.score - a.score);
}

export async function listWaiting(deps: Deps, actor: Actor) {
  const rows = await listOpenWaiting(deps.h.db, actor.clinicId);
  return rows.map((r) => ({
    id: r.id, patientId: r.patient_id, patientName: fullName({ surname: r.surname, firstName: r.first_name, patronymic: r.patronymic }), phone: r.number,
    doctorId: r.doctor_id, specialty: r.specialty, kind: r.kind, dateFrom: r.date_from, dateTo: r.date_to, partOfDay: r.part_of_day, note: r.note, status: r.status, createdAt: r.created_at,
  }));
}

/** Puts a patient on the waiting list: they asked for an earlier time than the one they got (SCH-7). */
export async function addWaiting(deps: Deps, actor: Actor, w: z.infer<typeof WaitingInput>) {
  if (w.dateTo < w.dateFrom) throw fieldError('dateTo', { ru: 'Дата окончания раньше даты начала', en: 'The end date is before the start date' });
  const patient = await getPatientRow(deps.h.db, actor.clinicId, w.patientId);
  if (!patient) throw fieldError('patientId', { ru: 'Такого пациента нет', en: 'No such patient' });
  assertPdActive(patient.p.pd_state);
  if (w.doctorId && !(await getDoctor(deps.h.db, actor.clinicId, w.doctorId))) throw fieldError('doctorId', { ru: 'Такого врача нет', en: 'No such doctor' });
  const now = deps.clock();
  const id = newId();
  await withTx(deps.h, async (trx) => {
    await insertWaiting(trx, {
      id, clinic_id: actor.clinicId, patient_id: w.patientId, doctor_id: w.doctorId ?? null, specialty: w.specialty ?? null, kind: w.kind,
      date_from: w.dateFrom, date_to: w.dateTo, part_of_day: w.partOfDay ?? 'any', note: w.note?.trim() || null, status: 'open',
      appointment_id: null, created_at: now.toISOString(), created_by: actor.userId,
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'waiting_list', objectId: id, patientId: w.patientId }));
  });
  return (await listWaiting(deps, actor)).find((x) => x.id === id)!;
}

export async function patchWaiting(deps: Deps, actor: Actor, id: string, p: z.infer<typeof WaitingPatch>) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const patientId = await waitingPatientId(trx, actor.clinicId, id);
    if (!patientId) throw notFound({ ru: 'Запись листа ожидания', en: 'Waiting list entry' });
    await updateWaiting(trx, actor.clinicId, id, { ...(p.status && { status: p.status }), ...(p.note !== undefined && { note: p.note?.trim() || null }) });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'waiting_list', objectId: id, patientId, details: { fields: Object.keys(p).sort() } }));
  });
  return { ok: true as const };
}
