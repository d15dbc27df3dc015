import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { z } from 'zod';
import type { PatientInput, PatientPatch, PatientSearch } from '../contracts/patients.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { getClinic, listSources } from '../db/repos/clinic.repo.js';
import { nextNumber } from '../db/repos/counters.repo.js';
import * as repo from '../db/repos/patients.repo.js';
import type { PatientPhonesTable } from '../db/schema.js';
import { fieldError, notFound } from '../domain/errors.js';
import { assertPdActive } from '../domain/retention.js';
import { searchKey } from '../domain/names.js';
import { formatPhone, toE164 } from '../domain/phone.js';
import { patientSearchTerms } from '../domain/patient-search.js';
import { auditEntry, changedFields, type Actor, type Deps } from './context.js';

const PATIENT = { ru: 'Пациент', en: 'Patient' };

/**
 * PAT-2 search as you type. One box takes a surname (prefix, ё = е, optionally followed by the
 * name), a name before the surname, a phone in any format (8 921…, +7 921…, 921…) or its last
 * 7 digits, a card number (also «№1») or a birth date («14.03.1985»).
 */
export async function searchPatients(deps: Deps, actor: Actor, q: z.infer<typeof PatientSearch>) {
  const text = (q.q ?? '').trim();
  const limit = q.limit ?? 20;
  const offset = q.offset ?? 0;
  const terms = patientSearchTerms(text);
  if (text && !Object.keys(terms).length) return { items: [], hasMore: false };
  return repo.searchPatients(deps.h.db, actor.clinicId, { ...terms, limit, offset });
}

/** Opens a patient's card; every read is written to the audit log (152-FZ). */
export async function getPatient(deps: Deps, actor: Actor, id: string) {
  return withTx(deps.h, async (trx) => {
    const found = await repo.getPatientRow(trx, actor.clinicId, id);
    if (!found) throw notFound(PATIENT);
    await appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'read', objectType: 'patient', objectId: id, patientId: id }));
    return view(found);
  });
}

type Input = z.infer<typeof PatientInput>;

/** PAT-1: a new patient gets the next card number of the clinic. */
export async function createPatient(deps: Deps, actor: Actor, input: Input) {
  const now = deps.clock();
  await checkRefs(deps, actor, input, now);
  const id = newId();
  await withTx(deps.h, async (trx) => {
    const cardNumber = await nextNumber(trx, actor.clinicId, 'card');
    await repo.insertPatient(trx, {
      id,
      clinic_id: actor.clinicId,
      card_number: cardNumber,
      surname: input.surname.trim(),
      first_name: input.firstName.trim(),
      patronymic: blankToNull(input.patronymic),
      name_key: nameKey(input.surname, input.firstName, input.patronymic),
      birth_date: input.birthDate ?? null,
      sex: input.sex ?? null,
      address_as: blankToNull(input.addressAs),
      email: blankToNull(input.email),
      source_id: input.sourceId ?? null,
      pd_consent_version: blankToNull(input.pdConsentVersion),
      pd_consent_date: input.pdConsentDate ?? null,
      note: blankToNull(input.note),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      created_by: actor.userId,
    });
    await repo.replacePhones(trx, id, phoneRows(actor.clinicId, id, input.phones ?? []));
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'patient', objectId: id, patientId: id, details: { cardNumber } }));
  });
  const found = await repo.getPatientRow(deps.h.db, actor.clinicId, id);
  return view(found!);
}

export async function updatePatient(deps: Deps, actor: Actor, id: string, patch: z.infer<typeof PatientPatch>) {
  const now = deps.clock();
  await checkRefs(deps, actor, patch, now);
  await withTx(deps.h, async (trx) => {
    const found = await repo.getPatientRow(trx, actor.clinicId, id);
    if (!found) throw notFound(PATIENT);
    const p = found.p;
    assertPdActive(p.pd_state);
    const surname = patch.surname?.trim() ?? p.surname;
    const firstName = patch.firstName?.trim() ?? p.first_name;
    const patronymic = patch.patronymic !== undefined ? blankToNull(patch.patronymic) : p.patronymic;
    await repo.updatePatient(trx, actor.clinicId, id, {
      surname,
      first_name: firstName,
      patronymic,
      name_key: nameKey(surname, firstName, patronymic),
      ...(patch.birthDate !== undefined && { birth_date: patch.birthDate }),
      ...(patch.sex !== undefined && { sex: patch.sex }),
      ...(patch.addressAs !== undefined && { address_as: blankToNull(patch.addressAs) }),
      ...(patch.email !== undefined && { email: blankToNull(patch.email) }),
      ...(patch.sourceId !== undefined && { source_id: patch.sourceId }),
      ...(patch.pdConsentVersion !== undefined && { pd_consent_version: blankToNull(patch.pdConsentVersion) }),
      ...(patch.pdConsentDate !== undefined && { pd_consent_date: patch.pdConsentDate }),
      ...(patch.note !== undefined && { note: blankToNull(patch.note) }),
      updated_at: now.toISOString(),
    });
    if (patch.phones) await repo.replacePhones(trx, id, phoneRows(actor.clinicId, id, patch.phones));
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'patient', objectId: id, patientId: id, details: { fields: changedFields(patch) } }));
  });
  return view((await repo.getPatientRow(deps.h.db, actor.clinicId, id))!);
}

async function checkRefs(deps: Deps, actor: Actor, input: Partial<Input>, now: Date) {
  if (input.sourceId) {
    const sources = await listSources(deps.h.db, actor.clinicId);
    if (!sources.some((s) => s.id === input.sourceId)) {
      throw fieldError('sourceId', { ru: 'Такого источника информации нет', en: 'No such information source' });
    }
  }
  if (input.birthDate || input.pdConsentDate) {
    const clinic = await getClinic(deps.h.db, actor.clinicId);
    const today = format(new TZDate(now, clinic!.timeZone), 'yyyy-MM-dd');
    if (input.birthDate && (input.birthDate > today || input.birthDate < '1900-01-01')) {
      throw fieldError('birthDate', { ru: 'Дата рождения не может быть в будущем или раньше 1900 года', en: 'Birth date must be between 1900 and today' });
    }
    if (input.pdConsentDate && input.pdConsentDate > today) {
      throw fieldError('pdConsentDate', { ru: 'Дата согласия не может быть в будущем', en: 'The consent date cannot be in the future' });
    }
  }
}

function phoneRows(clinicId: string, patientId: string, phones: NonNullable<Input['phones']>): PatientPhonesTable[] {
  const seen = new Set<string>();
  const rows: PatientPhonesTable[] = [];
  for (const ph of phones) {
    const e164 = toE164(ph.number)!; // validated by the contract
    if (seen.has(e164)) continue;
    seen.add(e164);
    rows.push({
      id: newId(),
      clinic_id: clinicId,
      patient_id: patientId,
      number: e164,
      digits: e164.slice(1),
      kind: ph.kind ?? 'mobile',
      note: blankToNull(ph.note),
      position: rows.length,
    });
  }
  return rows;
}

function nameKey(surname: string, firstName: string, patronymic?: string | null) {
  return searchKey([surname, firstName, patronymic].filter(Boolean).join(' '));
}

function blankToNull(s: string | null | undefined): string | null {
  if (s === undefined || s === null) return null;
  const t = s.trim();
  return t ? t : null;
}

function view(found: NonNullable<Awaited<ReturnType<typeof repo.getPatientRow>>>) {
  const { p, phones } = found;
  return {
    id: p.id,
    cardNumber: p.card_number,
    surname: p.surname,
    firstName: p.first_name,
    patronymic: p.patronymic,
    birthDate: p.birth_date,
    phone: phones[0]?.number ?? null,
    sex: p.sex,
    addressAs: p.address_as,
    phones: phones.map((ph) => ({ number: ph.number, display: formatPhone(ph.number), kind: ph.kind as 'mobile', note: ph.note })),
    email: p.email,
    sourceId: p.source_id,
    sourceName: p.source_name,
    pdConsentVersion: p.pd_consent_version,
    pdConsentDate: p.pd_consent_date,
    note: p.note,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    pdState: p.pd_state,
    retainUntil: p.retain_until,
    representative: p.rep_full_name ? { fullName: p.rep_full_name, relation: p.rep_relation, phone: p.rep_phone } : null,
  };
}
