import type { z } from 'zod';
import type { CallbackList, RecallList, WorklistQuery } from '../contracts/worklists.js';
import { openCallbacks } from '../db/repos/callbacks.repo.js';
import { droppedOutCandidates } from '../db/repos/gap-candidates.repo.js';
import { attempts, openPromisedCallbacks } from '../db/repos/worklists.repo.js';
import { listDoctors } from '../db/repos/doctors.repo.js';
import { addDays, ruDate } from '../domain/dates.js';
import { fullName } from '../domain/names.js';
import { CANCEL_REASONS, type CancelReason } from '../domain/schedule/status.js';
import { localDateOf, localInstant } from '../domain/schedule/time.js';
import { OVERDUE_CALLBACK_DAYS } from './callbacks.service.js';
import { dativeFullName } from '../domain/worklists/dative.js';
import { addressName, recallScript } from '../domain/worklists/scripts.js';
import type { Actor, Deps } from './context.js';
import { recallToCall } from './recall-due.service.js';
import { attemptOut, groupBy, phonesOf, worklistContext } from './worklist-common.js';
import { unfinishedPlans } from './unfinished-plans.service.js';

/**
 * CONF-5 and any call's promise: whom to call back on `date` — the call-backs agreed at
 * cancellation and those promised in any call (`callback_at`); on today's list also the missed
 * ones of the last month. An item leaves the list once an attempt other than «не дозвонился» is
 * logged, so a patient not reached stays until reached.
 */
export async function callbackList(deps: Deps, actor: Actor, q: z.infer<typeof WorklistQuery>): Promise<z.infer<typeof CallbackList>> {
  const ctx = await worklistContext(deps, actor, q);
  const db = deps.h.db;
  const from = ctx.date === ctx.today ? addDays(ctx.date, -OVERDUE_CALLBACK_DAYS) : ctx.date;
  const [cancels, promises] = await Promise.all([
    openCallbacks(db, actor.clinicId, from, ctx.date),
    openPromisedCallbacks(db, actor.clinicId, new Date(localInstant(from, '00:00', ctx.tz)).toISOString(), new Date(localInstant(addDays(ctx.date, 1), '00:00', ctx.tz)).toISOString()),
  ]);
  const patientIds = [...cancels.map((c) => c.patient_id), ...promises.map((p) => p.patient_id!)];
  const phones = await phonesOf(db, patientIds);
  const tried = groupBy(await attempts(db, actor.clinicId, 'callback', { patientIds, sinceIso: new Date(localInstant(addDays(from, -1), '00:00', ctx.tz)).toISOString() }), (a) => a.patient_id);
  const items: z.infer<typeof CallbackList>['items'] = [];
  for (const c of cancels) {
    const reason = (CANCEL_REASONS as readonly string[]).includes(c.cancel_reason ?? '') ? (c.cancel_reason as CancelReason) : null;
    items.push({
      key: `a:${c.id}`, source: 'cancellation', patientId: c.patient_id, name: fullName({ surname: c.surname, firstName: c.first_name, patronymic: c.patronymic }),
      phone: phones.get(c.patient_id) ?? null, dueDate: c.callback_date!, dueAt: null, overdue: c.callback_date! < ctx.date, appointmentId: c.id, callId: null,
      why: `Отмена визита ${ruDate(c.local_date)}${reason ? `: ${cancelReasonLabel(reason)}` : ''}`, note: c.cancel_note,
      attempts: (tried.get(c.patient_id) ?? []).map(attemptOut),
    });
  }
  for (const p of promises) {
    const due = localDateOf(Date.parse(p.callback_at!), ctx.tz);
    items.push({
      key: `c:${p.id}`, source: 'promise', patientId: p.patient_id!, name: fullName({ surname: p.surname, firstName: p.first_name, patronymic: p.patronymic }),
      phone: phones.get(p.patient_id!) ?? null, dueDate: due, dueAt: new Date(Date.parse(p.callback_at!)).toISOString(), overdue: due < ctx.date, appointmentId: p.appointment_id, callId: p.id,
      why: `Обещали перезвонить (${p.direction === 'in' ? 'входящий' : 'исходящий'} звонок ${ruDate(localDateOf(Date.parse(p.started_at), ctx.tz))}${p.full_name ? `, ${p.full_name}` : ''})`,
      note: p.note ?? p.outcome_reason,
      attempts: (tried.get(p.patient_id!) ?? []).filter((a) => a.started_at > p.started_at).map(attemptOut),
    });
  }
  items.sort((a, b) => Number(a.overdue) - Number(b.overdue) || (a.dueAt ?? a.dueDate).localeCompare(b.dueAt ?? b.dueDate));
  return { date: ctx.date, items };
}

const CANCEL_REASON_RU: Record<CancelReason, string> = {
  patient_request: 'по просьбе пациента', illness: 'болезнь', clinic: 'по инициативе клиники', complaint: 'жалоба', refusal: 'отказ от дальнейших контактов',
};
const cancelReasonLabel = (r: CancelReason) => CANCEL_REASON_RU[r];

/** Outcomes that take a dropped-out patient off the recall list (as recallToCall does for the due). */
const RECALL_CLOSED = new Set(['booked', 'refused', 'callback']);

/**
 * REC-1..3: patients due for recall on `date` by the clinic's rules (recall-due.service: the same
 * rule as the gaps list and the statistics), then those who dropped out (a visit cancelled or
 * missed in the last 60 days and nothing booked since). A refusal or a booking after the visit
 * takes the patient off; «не дозвонился» keeps them with the attempt shown; «перезвонить» moves
 * them to the call-backs list.
 */
export async function recallList(deps: Deps, actor: Actor, q: z.infer<typeof WorklistQuery>): Promise<z.infer<typeof RecallList>> {
  const ctx = await worklistContext(deps, actor, q);
  const db = deps.h.db;
  const nowIso = ctx.now.toISOString();
  const [due, dropped, doctors, plans] = await Promise.all([
    recallToCall(db, actor.clinicId, ctx.date, ctx.now, ctx.tz),
    droppedOutCandidates(db, actor.clinicId, addDays(ctx.date, -60), addDays(ctx.date, 1), nowIso),
    listDoctors(db, actor.clinicId),
    unfinishedPlans(db, actor.clinicId, ctx.date, ctx.now, ctx.tz),
  ]);
  const doctorById = new Map(doctors.map((d) => [d.id, d]));
  const patientIds = [...due.map((d) => d.visit.patient_id), ...dropped.map((d) => d.patient_id), ...plans.map((p) => p.patientId)];
  const tried = groupBy(await attempts(db, actor.clinicId, 'recall', { patientIds: dropped.map((d) => d.patient_id) }), (a) => a.patient_id);
  const phones = await phonesOf(db, patientIds);
  const script = (p: { address_as?: string | null; first_name: string; patronymic: string | null }, doctorId: string) => {
    const d = doctorById.get(doctorId);
    return recallScript({
      atMs: ctx.now.getTime(), tz: ctx.tz, clinicName: ctx.clinicName, adminFirstName: ctx.adminFirstName,
      patient: addressName({ addressAs: p.address_as ?? null, firstName: p.first_name, patronymic: p.patronymic }),
      doctorDative: d ? dativeFullName({ surname: d.surname, firstName: d.firstName, patronymic: d.patronymic }) : '', options: [],
    });
  };
  const items: z.infer<typeof RecallList>['items'] = [];
  const seen = new Set<string>();
  for (const { visit: v, rule, dueDate, attempts: after } of due) {
    seen.add(v.patient_id);
    items.push({
      patientId: v.patient_id, name: fullName({ surname: v.surname, firstName: v.first_name, patronymic: v.patronymic }), phone: phones.get(v.patient_id) ?? null,
      kind: 'recall', lastVisit: v.local_date, dueDate, rule: rule.name, doctorId: v.doctor_id,
      doctorName: fullName({ surname: v.d_surname, firstName: v.d_first_name, patronymic: v.d_patronymic }),
      detail: `${rule.name}: последний визит ${ruDate(v.local_date)}, срок ${ruDate(dueDate)}`,
      attempts: after.map(attemptOut), script: script(v, v.doctor_id),
    });
  }
  for (const d of dropped) {
    if (seen.has(d.patient_id)) continue;
    seen.add(d.patient_id);
    const after = (tried.get(d.patient_id) ?? []).filter((a) => localDateOf(Date.parse(a.started_at), ctx.tz) >= d.local_date);
    if (after.some((a) => RECALL_CLOSED.has(a.outcome))) continue;
    const doc = doctorById.get(d.doctor_id);
    items.push({
      patientId: d.patient_id, name: fullName({ surname: d.surname, firstName: d.first_name, patronymic: d.patronymic }), phone: phones.get(d.patient_id) ?? null,
      kind: 'dropped', lastVisit: d.local_date, dueDate: null, rule: null, doctorId: d.doctor_id, doctorName: doc ? fullName(doc) : '',
      detail: `${d.status === 'no_show' ? 'Неявка на приём' : 'Отмена приёма'} ${ruDate(d.local_date)}, новой записи нет`,
      attempts: after.map(attemptOut), script: script({ first_name: d.first_name, patronymic: d.patronymic, address_as: null }, d.doctor_id),
    });
  }
  // DOC-6: a recommended plan not completed, nothing booked: «не завершил лечение» with what is left of the plan.
  // (Listed already: skipped; a dropped-out patient a call closed is judged again by the calls after the plan.)
  const listed = new Set(items.map((i) => i.patientId));
  for (const p of plans) {
    if (listed.has(p.patientId)) continue;
    const doc = doctorById.get(p.doctorId);
    items.push({
      patientId: p.patientId, name: fullName({ surname: p.surname, firstName: p.firstName, patronymic: p.patronymic }), phone: phones.get(p.patientId) ?? null,
      kind: 'dropped', lastVisit: p.planDate, dueDate: null, rule: null, doctorId: p.doctorId, doctorName: doc ? fullName(doc) : '', detail: p.detail,
      attempts: p.attempts.map(attemptOut), script: script({ first_name: p.firstName, patronymic: p.patronymic, address_as: null }, p.doctorId),
    });
  }
  items.sort((a, b) => (a.kind === b.kind ? (a.dueDate ?? a.lastVisit).localeCompare(b.dueDate ?? b.lastVisit) || a.name.localeCompare(b.name, 'ru') : a.kind === 'recall' ? -1 : 1));
  return { date: ctx.date, items };
}
