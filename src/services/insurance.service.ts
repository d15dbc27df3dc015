import type { z } from 'zod';
import type { BillToInsurerInput, InsurerInput, InsurerPatch, LetterInput, PolicyInput, ProgrammeInput } from '../contracts/insurance.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import * as repo from '../db/repos/insurance.repo.js';
import { patientPdState } from '../db/repos/patients.repo.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { insuranceBillingProblem, letterDatesProblem, letterRemaining, policyDatesProblem, policyState, type Problem } from '../domain/insurance.js';
import { localDateOf } from '../domain/schedule/time.js';
import { auditEntry, changedFields, type Actor, type Deps } from './context.js';
import { localToday } from './schedule-context.js';

const INSURER = { ru: 'Страховая компания', en: 'Insurer' };
const PATIENT = { ru: 'Пациент', en: 'Patient' };
const POLICY = { ru: 'Полис ДМС', en: 'Insurance policy' };
const BILL = { ru: 'Счёт', en: 'Bill' };

async function clinicToday(db: Db, clinicId: string, now: Date) {
  const tz = (await clinicTimeAndSettings(db, clinicId)).time_zone;
  return { tz, today: localToday(now, tz).today };
}

function raise(p: Problem | null): void {
  if (p) throw fieldError(p.field, { ru: p.ru, en: p.en });
}

type InsurerRow = Awaited<ReturnType<typeof repo.listInsurers>>[number];
function insurerView(r: InsurerRow) {
  return {
    id: r.id, name: r.name, legalName: r.legal_name, inn: r.inn, kpp: r.kpp, phone: r.phone, email: r.email, contactPerson: r.contact_person, address: r.address,
    contractNumber: r.contract_number, contractDate: r.contract_date, contractValidTo: r.contract_valid_to, note: r.note, isActive: r.is_active === 1,
    programmes: r.programmes.map((p) => ({ id: p.id, name: p.name, description: p.description, isActive: p.is_active === 1 })),
    policiesCount: r.policies,
  };
}

/** The clinic's insurers with their contracts and programmes. */
export async function listInsurers(deps: Deps, actor: Actor) {
  return { items: (await repo.listInsurers(deps.h.db, actor.clinicId)).map(insurerView) };
}

async function oneInsurer(db: Db, clinicId: string, id: string) {
  const r = (await repo.listInsurers(db, clinicId)).find((i) => i.id === id);
  if (!r) throw notFound(INSURER);
  return insurerView(r);
}

async function nameFree(db: Db, clinicId: string, name: string, exceptId?: string) {
  const other = await repo.insurerByName(db, clinicId, name.trim());
  if (other && other.id !== exceptId) {
    throw new DomainError('conflict', { ru: `Страховая «${name.trim()}» уже есть`, en: `Insurer “${name.trim()}” already exists` }, [
      { field: 'name', message: { ru: 'Такое название уже есть', en: 'This name is taken' } },
    ]);
  }
}

function contractProblem(i: { contractDate?: string; contractValidTo?: string | null }): Problem | null {
  if (i.contractDate && i.contractValidTo && i.contractValidTo < i.contractDate) {
    return { field: 'contractValidTo', ru: 'Договор не может закончиться раньше даты заключения', en: 'The contract cannot end before it is signed' };
  }
  return null;
}

const opt = (s: string | null | undefined) => (s === undefined ? undefined : s?.trim() || null);

/** A new insurer with the clinic's contract. */
export async function createInsurer(deps: Deps, actor: Actor, input: z.infer<typeof InsurerInput>) {
  const now = deps.clock();
  const id = newId();
  raise(contractProblem(input));
  await withTx(deps.h, async (trx) => {
    await nameFree(trx, actor.clinicId, input.name);
    await repo.insertInsurer(trx, {
      id, clinic_id: actor.clinicId, name: input.name.trim(), legal_name: input.legalName.trim(), inn: input.inn, kpp: input.kpp ?? null,
      phone: input.phone ?? null, email: input.email ?? null, contact_person: opt(input.contactPerson) ?? null, address: opt(input.address) ?? null,
      contract_number: input.contractNumber.trim(), contract_date: input.contractDate, contract_valid_to: input.contractValidTo ?? null,
      note: opt(input.note) ?? null, is_active: input.isActive === false ? 0 : 1, created_at: now.toISOString(), updated_at: now.toISOString(),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'insurer', objectId: id }));
  });
  return oneInsurer(deps.h.db, actor.clinicId, id);
}

/** Contacts, contract, shown or hidden. */
export async function updateInsurer(deps: Deps, actor: Actor, id: string, patch: z.infer<typeof InsurerPatch>) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const cur = await repo.getInsurer(trx, actor.clinicId, id);
    if (!cur) throw notFound(INSURER);
    raise(contractProblem({ contractDate: patch.contractDate ?? cur.contract_date, contractValidTo: patch.contractValidTo !== undefined ? patch.contractValidTo : cur.contract_valid_to }));
    if (patch.name !== undefined) await nameFree(trx, actor.clinicId, patch.name, id);
    await repo.updateInsurer(trx, actor.clinicId, id, {
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.legalName !== undefined && { legal_name: patch.legalName.trim() }),
      ...(patch.inn !== undefined && { inn: patch.inn }),
      ...(patch.kpp !== undefined && { kpp: patch.kpp }),
      ...(patch.phone !== undefined && { phone: patch.phone }),
      ...(patch.email !== undefined && { email: patch.email }),
      ...(patch.contactPerson !== undefined && { contact_person: opt(patch.contactPerson) }),
      ...(patch.address !== undefined && { address: opt(patch.address) }),
      ...(patch.contractNumber !== undefined && { contract_number: patch.contractNumber.trim() }),
      ...(patch.contractDate !== undefined && { contract_date: patch.contractDate }),
      ...(patch.contractValidTo !== undefined && { contract_valid_to: patch.contractValidTo }),
      ...(patch.note !== undefined && { note: opt(patch.note) }),
      ...(patch.isActive !== undefined && { is_active: patch.isActive ? 1 : 0 }),
      updated_at: now.toISOString(),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'insurer', objectId: id, details: { fields: changedFields(patch) } }));
  });
  return oneInsurer(deps.h.db, actor.clinicId, id);
}

/** A programme of the insurer (what its policies cover). */
export async function addProgramme(deps: Deps, actor: Actor, insurerId: string, input: z.infer<typeof ProgrammeInput>) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    if (!(await repo.getInsurer(trx, actor.clinicId, insurerId))) throw notFound(INSURER);
    const taken = (await repo.listInsurers(trx, actor.clinicId)).find((i) => i.id === insurerId)?.programmes.some((p) => p.name.toLowerCase() === input.name.trim().toLowerCase());
    if (taken) throw new DomainError('conflict', { ru: 'Такая программа уже есть', en: 'This programme exists' }, [{ field: 'name', message: { ru: 'Такая программа уже есть', en: 'This programme exists' } }]);
    const id = newId();
    await repo.insertProgramme(trx, { id, clinic_id: actor.clinicId, insurer_id: insurerId, name: input.name.trim(), description: opt(input.description) ?? null });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'insurance_programme', objectId: id, details: { insurerId } }));
  });
  return oneInsurer(deps.h.db, actor.clinicId, insurerId);
}

/** The patient's ДМС: policies (an expired one shown as such) with their letters and what is left of each. */
export async function patientInsurance(deps: Deps, actor: Actor, patientId: string) {
  if (!(await patientPdState(deps.h.db, actor.clinicId, patientId))) throw notFound(PATIENT);
  const { today, tz } = await clinicToday(deps.h.db, actor.clinicId, deps.clock());
  const rows = await repo.policiesOfPatient(deps.h.db, actor.clinicId, patientId);
  const billable = await repo.billableBills(deps.h.db, actor.clinicId, patientId);
  return {
    billable: billable.map((b) => ({ id: b.id, number: b.number, total: b.total, serviceDate: b.local_date ?? localDateOf(Date.parse(b.issued_at ?? ''), tz) })),
    policies: rows.map((p) => ({
      id: p.id, insurerId: p.insurer_id, insurerName: p.insurer_name, programmeId: p.programme_id, programmeName: p.programme_name ?? null,
      number: p.number, validFrom: p.valid_from, validTo: p.valid_to, state: policyState({ validFrom: p.valid_from, validTo: p.valid_to }, today), note: p.note,
      letters: p.letters.map((l) => ({
        id: l.id, number: l.number, issuedOn: l.issued_on, validTo: l.valid_to, limit: l.limit_amount, billed: l.billed,
        remaining: letterRemaining(l.limit_amount, l.billed), covers: l.covers, expired: l.valid_to < today,
      })),
    })),
  };
}

/** A policy for the patient. */
export async function addPolicy(deps: Deps, actor: Actor, patientId: string, input: z.infer<typeof PolicyInput>) {
  const now = deps.clock();
  raise(policyDatesProblem(input));
  await withTx(deps.h, async (trx) => {
    const state = await patientPdState(trx, actor.clinicId, patientId);
    if (!state) throw notFound(PATIENT);
    if (state !== 'active') throw new DomainError('invalid_transition', { ru: 'Персональные данные пациента заблокированы', en: 'The patient’s personal data are blocked' });
    const insurer = await repo.getInsurer(trx, actor.clinicId, input.insurerId);
    if (!insurer) throw fieldError('insurerId', { ru: 'Нет такой страховой компании', en: 'No such insurer' });
    if (input.programmeId) {
      const g = await repo.getProgramme(trx, actor.clinicId, input.programmeId);
      if (!g || g.insurer_id !== insurer.id) throw fieldError('programmeId', { ru: 'Программа другой страховой компании', en: 'The programme belongs to another insurer' });
    }
    if (await repo.policyByNumber(trx, insurer.id, input.number.trim())) {
      throw new DomainError('conflict', { ru: `Полис № ${input.number.trim()} этой страховой уже внесён`, en: `Policy ${input.number.trim()} of this insurer is already on file` }, [
        { field: 'number', message: { ru: 'Такой полис уже есть', en: 'This policy exists' } },
      ]);
    }
    const id = newId();
    await repo.insertPolicy(trx, {
      id, clinic_id: actor.clinicId, patient_id: patientId, insurer_id: insurer.id, programme_id: input.programmeId ?? null, number: input.number.trim(),
      valid_from: input.validFrom, valid_to: input.validTo, note: opt(input.note) ?? null, created_at: now.toISOString(), updated_at: now.toISOString(),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'insurance_policy', objectId: id, patientId }));
  });
  return patientInsurance(deps, actor, patientId);
}

/** A guarantee letter of the insurer on a policy. */
export async function addLetter(deps: Deps, actor: Actor, policyId: string, input: z.infer<typeof LetterInput>) {
  const now = deps.clock();
  raise(letterDatesProblem(input));
  const policy = await withTx(deps.h, async (trx) => {
    const p = await repo.getPolicy(trx, actor.clinicId, policyId);
    if (!p) throw notFound(POLICY);
    if (await repo.letterByNumber(trx, p.insurer_id, input.number.trim())) {
      throw new DomainError('conflict', { ru: `Гарантийное письмо № ${input.number.trim()} уже внесено`, en: `Guarantee letter ${input.number.trim()} is already on file` }, [
        { field: 'number', message: { ru: 'Такое письмо уже есть', en: 'This letter exists' } },
      ]);
    }
    const id = newId();
    await repo.insertLetter(trx, {
      id, clinic_id: actor.clinicId, insurer_id: p.insurer_id, policy_id: p.id, number: input.number.trim(), issued_on: input.issuedOn, valid_to: input.validTo,
      limit_amount: input.limit, covers: input.covers.trim(), created_by: actor.userId, created_at: now.toISOString(),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'guarantee_letter', objectId: id, patientId: p.patient_id }));
    return p;
  });
  return patientInsurance(deps, actor, policy.patient_id);
}

/**
 * Hands an issued bill to the insurer: the visit must fall within the policy and the letter, the
 * bill's sum within what the letter has left; the patient has paid nothing on it. Done on the issued
 * bill (not while drafting) because only then is its sum final: the letter's limit is checked on it.
 */
export async function billToInsurer(deps: Deps, actor: Actor, billId: string, input: z.infer<typeof BillToInsurerInput>) {
  const now = deps.clock();
  return withTx(deps.h, async (trx) => {
    const { tz } = await clinicToday(trx, actor.clinicId, now);
    const bill = await repo.billForInsurance(trx, actor.clinicId, billId);
    if (!bill) throw notFound(BILL);
    if (bill.status !== 'issued') throw new DomainError('invalid_transition', { ru: 'Страховой передаётся только выставленный счёт', en: 'Only an issued bill can be billed to the insurer' });
    if (bill.linked || bill.payer === 'insurer') throw new DomainError('conflict', { ru: 'Счёт уже передан страховой компании', en: 'The bill is already billed to an insurer' });
    if (bill.paid !== 0) throw new DomainError('invalid_transition', { ru: 'По счёту уже есть оплата пациента: сначала верните её', en: 'The patient has paid on this bill: refund it first' });
    const policy = await repo.getPolicy(trx, actor.clinicId, input.policyId);
    if (!policy || policy.patient_id !== bill.patient_id) throw fieldError('policyId', { ru: 'Полис другого пациента или не найден', en: 'The policy is another patient’s or not found' });
    const letter = await repo.getLetter(trx, actor.clinicId, input.letterId);
    if (!letter) throw fieldError('letterId', { ru: 'Гарантийное письмо не найдено', en: 'Guarantee letter not found' });
    const serviceDate = bill.local_date ?? localDateOf(Date.parse(bill.issued_at ?? bill.created_at), tz);
    raise(insuranceBillingProblem({
      serviceDate, amount: bill.total,
      policy: { id: policy.id, insurerId: policy.insurer_id, validFrom: policy.valid_from, validTo: policy.valid_to, number: policy.number },
      letter: { policyId: letter.policy_id, insurerId: letter.insurer_id, validTo: letter.valid_to, issuedOn: letter.issued_on, limit: letter.limit_amount, billed: letter.billed, number: letter.number },
    }));
    await repo.linkBill(trx, {
      bill_id: bill.id, clinic_id: actor.clinicId, insurer_id: policy.insurer_id, policy_id: policy.id, letter_id: letter.id, service_date: serviceDate, amount: bill.total,
      created_by: actor.userId, created_at: now.toISOString(),
    }, now.toISOString());
    await appendAudit(trx, auditEntry(actor, now, { action: 'bill_to_insurer', objectType: 'bill', objectId: bill.id, patientId: bill.patient_id, details: { policyId: policy.id, letterId: letter.id } }));
    const insurer = await repo.getInsurer(trx, actor.clinicId, policy.insurer_id);
    return {
      billId: bill.id, insurerName: insurer!.name, policyNumber: policy.number, letterNumber: letter.number, serviceDate, amount: bill.total,
      letterRemaining: letterRemaining(letter.limit_amount, letter.billed + bill.total),
    };
  });
}
