import type { z } from 'zod';
import type { DestructionInput, DestructionT } from '../contracts/retention.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { getClinic, listBranches } from '../db/repos/clinic.repo.js';
import { nextNumber } from '../db/repos/counters.repo.js';
import * as repo from '../db/repos/retention.repo.js';
import { findUserByLogin, getUser } from '../db/repos/users.repo.js';
import { can } from '../domain/permissions.js';
import type { Role } from '../domain/roles.js';
import type { PdDestructionsTable } from '../db/schema.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { actKeptUntil, addYears, MEDICAL_RECORD_YEARS, NO_RECORD_YEARS, ACT_RETENTION_YEARS, planDestruction, type DataCategory, type DestructionReason } from '../domain/retention.js';
import { ruDate } from '../domain/dates.js';
import { localDateOf } from '../domain/schedule/time.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { clinicTimeZone } from './schedule-context.js';

const PATIENT = { ru: 'Пациент', en: 'Patient' };
const ACT = { ru: 'Акт об уничтожении', en: 'Destruction act' };
export const SYSTEM_NAME = 'Vizit — информационная система регистратуры клиники';
const REPLACED_NOTIFICATION = { ru: 'Персональные данные пациента уничтожены', en: "The patient's personal data has been destroyed" };

async function clinicToday(deps: Deps, clinicId: string, now: Date) {
  return localDateOf(now.getTime(), await clinicTimeZone(deps.h.db, clinicId));
}

/**
 * Destroys a patient's personal data on `reason` (152-FZ art. 21), keeping what the medical
 * record must keep, and writes the destruction act and its audit entry in the same transaction:
 * either everything happens or nothing does.
 */
export async function destroyPatientData(deps: Deps, actor: Actor, patientId: string, input: z.infer<typeof DestructionInput>): Promise<DestructionT> {
  const now = deps.clock();
  const today = await clinicToday(deps, actor.clinicId, now);
  const performer = await getUser(deps.h.db, actor.clinicId, actor.userId);
  const id = newId();
  await withTx(deps.h, async (trx) => {
    const facts = await repo.retentionFacts(trx, actor.clinicId, patientId, today);
    if (!facts) throw notFound(PATIENT);
    const p = facts.patient;
    if (input.confirmCardNumber !== p.card_number) {
      throw fieldError('confirmCardNumber', { ru: 'Номер карты не совпадает с картой пациента', en: "The card number does not match the patient's card" });
    }
    const plan = planDestruction(input.reason, { state: p.pd_state, lastMedicalVisit: facts.lastMedicalVisit, activeFutureAppointments: facts.activeFutureAppointments, today });
    if (!plan.ok) {
      if (plan.field === 'reason') throw fieldError('reason', plan.message);
      throw new DomainError('conflict', plan.message);
    }
    const at = now.toISOString();
    const counts = await repo.destroyNonMedical(trx, actor.clinicId, patientId, REPLACED_NOTIFICATION);
    if (plan.scope === 'destroyed') await repo.destroyIdentity(trx, actor.clinicId, patientId);
    await repo.setPdState(trx, actor.clinicId, patientId, plan.scope, plan.retainUntil, at);
    const number = await nextNumber(trx, actor.clinicId, 'pd_destruction');
    const seq = await appendAudit(
      trx,
      auditEntry(actor, now, {
        action: plan.scope === 'destroyed' ? 'destroy' : 'block',
        objectType: 'pd_destruction',
        objectId: id,
        patientId,
        details: { act: number, reason: input.reason, categories: plan.categories },
      }),
    );
    const row: PdDestructionsTable = {
      id,
      clinic_id: actor.clinicId,
      number,
      patient_id: patientId,
      card_number: p.card_number,
      subject_name: [p.surname, p.first_name, p.patronymic].filter(Boolean).join(' '),
      scope: plan.scope,
      reason: input.reason,
      basis: input.basis.trim(),
      categories_json: JSON.stringify(plan.categories),
      counts_json: JSON.stringify(counts),
      retain_until: plan.retainUntil,
      performed_at: at,
      local_date: today,
      performed_by: actor.userId,
      performer_name: performer?.full_name ?? actor.login,
      performer_role: actor.role,
      audit_seq: seq,
      act_erased_at: null,
    };
    await repo.insertDestruction(trx, row);
  });
  await repo.scrubAfterDestruction(deps.h);
  return toView((await repo.getDestruction(deps.h.db, actor.clinicId, id))!);
}

/** The register of destruction acts, newest first. */
export async function listDestructions(deps: Deps, actor: Actor, q: { limit?: number; offset?: number; patientId?: string }) {
  const limit = q.limit ?? 50;
  const rows = await repo.listDestructions(deps.h.db, actor.clinicId, limit + 1, q.offset ?? 0, q.patientId);
  return { items: rows.slice(0, limit).map(toView), hasMore: rows.length > limit };
}

/** One act with the operator's details and the event-log excerpt (order No. 179 p. 3-4). */
export async function getDestructionAct(deps: Deps, actor: Actor, id: string) {
  const row = await repo.getDestruction(deps.h.db, actor.clinicId, id);
  if (!row) throw notFound(ACT);
  const clinic = (await getClinic(deps.h.db, actor.clinicId))!;
  const branch = (await listBranches(deps.h.db, actor.clinicId))[0];
  const log = await repo.destructionLog(deps.h.db, actor.clinicId, row.patient_id);
  return {
    ...toView(row),
    operator: { name: clinic.name, legalName: clinic.legalName, address: branch?.address ?? null },
    system: SYSTEM_NAME,
    log: log.map((l) => ({ seq: Number(l.seq), at: l.at, userLogin: l.user_login, role: l.role, action: l.action, hash: l.hash })),
  };
}

/** Patients whose purpose of processing has been achieved today: the clinic's destruction to-do list. */
export async function listDue(deps: Deps, actor: Actor, limit = 200) {
  const today = await clinicToday(deps, actor.clinicId, deps.clock());
  const medicalCutoff = addYears(today, -MEDICAL_RECORD_YEARS);
  const noRecordCutoff = addYears(today, -NO_RECORD_YEARS);
  const rows = await repo.dueForDestruction(deps.h.db, actor.clinicId, medicalCutoff, noRecordCutoff, limit);
  return {
    medicalCutoff,
    noRecordCutoff,
    items: rows.map((r) => ({
      id: r.id,
      cardNumber: r.card_number,
      name: [r.surname, r.first_name, r.patronymic].filter(Boolean).join(' '),
      pdState: r.pd_state as 'active' | 'blocked',
      lastVisit: r.last_visit,
      lastContact: r.last_contact,
    })),
  };
}

/**
 * The periodic run (CLI `npm run retention -- run`): destroys every patient that is due, then
 * erases subjects' names from acts older than three years. Each patient is its own transaction.
 */
export async function runRetention(deps: Deps, actor: Actor) {
  const due = await listDue(deps, actor, 10_000);
  const done: number[] = [];
  const skipped: { cardNumber: number; why: string }[] = [];
  for (const p of due.items) {
    try {
      const act = await destroyPatientData(deps, actor, p.id, { reason: 'purpose_achieved', basis: 'Плановая проверка сроков хранения', confirmCardNumber: p.cardNumber });
      done.push(act.number);
    } catch (e) {
      skipped.push({ cardNumber: p.cardNumber, why: e instanceof DomainError ? e.detail.ru : String(e) });
    }
  }
  const now = deps.clock();
  const today = await clinicToday(deps, actor.clinicId, now);
  const erased = await withTx(deps.h, async (trx) => {
    const n = await repo.eraseOldActs(trx, actor.clinicId, addYears(today, -ACT_RETENTION_YEARS), now.toISOString());
    if (n) await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'pd_destruction', objectId: null, details: { actsErased: n } }));
    return n;
  });
  return { acts: done, skipped, actsErased: erased };
}

/**
 * The actor for the command line: an active staff member allowed to destroy personal data, so
 * the act and the audit log name a real, responsible person, never "system".
 */
export async function actorForLogin(deps: Deps, login: string): Promise<Actor> {
  const u = await findUserByLogin(deps.h.db, login);
  if (!u || !u.is_active) throw new DomainError('not_found', { ru: `Нет активного сотрудника с логином «${login}»`, en: `No active staff member with login "${login}"` });
  if (!can(u.role as Role, 'patients.destroy')) {
    throw new DomainError('forbidden', { ru: 'Уничтожать персональные данные может только владелец или главный врач', en: 'Only the owner or the chief doctor may destroy personal data' });
  }
  return { clinicId: u.clinic_id, userId: u.id, login: u.login, role: u.role as Role, ip: null };
}

/** The patient with this card number in the actor's clinic (the command line names cards, not ids). */
export async function patientIdByCard(deps: Deps, actor: Actor, cardNumber: number): Promise<string> {
  const id = await repo.patientIdByCard(deps.h.db, actor.clinicId, cardNumber);
  if (!id) throw notFound({ ru: `Карта № ${cardNumber}`, en: `Card No. ${cardNumber}` });
  return id;
}

/**
 * The demo clinic's register: one card blocked on a withdrawn consent (its medical record kept)
 * and one caller's data destroyed on request, both by the chief doctor three days ago.
 */
export async function seedDemoDestructions(h: Deps['h'], now: Date, keepSurname: string) {
  const at = new Date(now.getTime() - 3 * 86_400_000);
  const deps: Deps = { h, clock: () => at };
  const actor = await actorForLogin(deps, 'chief');
  const today = await clinicToday(deps, actor.clinicId, at);
  const treated = await repo.demoDestructionCandidate(h.db, actor.clinicId, today, true, keepSurname);
  if (treated) {
    await destroyPatientData(deps, actor, treated.id, { reason: 'consent_withdrawn', basis: `Заявление пациента об отзыве согласия, вх. № 41 от ${ruDate(today)}`, confirmCardNumber: Number(treated.card_number) });
  }
  const caller = await repo.demoDestructionCandidate(h.db, actor.clinicId, today, false, keepSurname);
  if (caller) {
    await destroyPatientData(deps, actor, caller.id, { reason: 'subject_request', basis: `Требование субъекта по телефону, запись разговора от ${ruDate(today)}`, confirmCardNumber: Number(caller.card_number) });
  }
}

function toView(r: PdDestructionsTable): DestructionT {
  return {
    id: r.id,
    number: Number(r.number),
    patientId: r.patient_id,
    cardNumber: Number(r.card_number),
    subjectName: r.subject_name,
    scope: r.scope,
    reason: r.reason as DestructionReason,
    basis: r.basis,
    categories: JSON.parse(r.categories_json) as DataCategory[],
    counts: JSON.parse(r.counts_json) as Record<string, number>,
    retainUntil: r.retain_until,
    performedAt: r.performed_at,
    localDate: r.local_date,
    performerName: r.performer_name,
    performerRole: r.performer_role as Role,
    actKeptUntil: actKeptUntil(r.local_date),
    actErasedAt: r.act_erased_at,
  };
}
