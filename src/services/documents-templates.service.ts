import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as repo from '../db/repos/documents.repo.js';
import { defaultTemplates } from '../documents/defaults/index.js';
import { defaultLegalReferences, legalReferencesToCheck } from '../documents/legal-references.js';
import { defaultQuestions, questionGroups, type QuestionnaireCode } from '../documents/defaults/questions.js';
import { patientDocumentPdf, type DocumentQuestionGroup, type DocumentSnapshot } from '../documents/patient-document.js';
import { renderPdf } from '../documents/render.js';
import type { DocumentKind } from '../domain/document-template-format.js';
import { checkTemplate, fillTemplate, isChild } from '../documents/template-markup.js';
import { documentSettings, type DocumentSettings } from '../domain/document-renewal.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { fullName } from '../domain/names.js';
import { localDateOf } from '../domain/schedule/time.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { warrantyServices } from './documents-performed.js';

/** Document templates (immutable versions), legal references, filling a template into a snapshot, the editor's preview. */

const TEMPLATE = { ru: 'Шаблон документа', en: 'Document template' };

export interface TemplateDto {
  code: string;
  kind: DocumentKind;
  version: number;
  title: string;
  audience: 'patient' | 'staff';
  serviceCodes: string[];
  body: string;
  createdAt: string;
  createdBy: string | null;
}

export const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

function templateDto(r: repo.TemplateRow): TemplateDto {
  return {
    code: r.code,
    kind: r.kind as DocumentKind,
    version: r.version,
    title: r.title,
    audience: r.audience,
    serviceCodes: JSON.parse(r.service_codes_json) as string[],
    body: r.body,
    createdAt: iso(r.created_at)!,
    createdBy: r.created_by,
  };
}

/**
 * Seeds the default templates a clinic does not have yet (version 1, by nobody); new defaults arrive
 * the same way. Answers every version of every template of the clinic, as they are after seeding.
 */
async function ensureDefaults(deps: Deps, clinicId: string): Promise<repo.TemplateRow[]> {
  const rows = await repo.templateRows(deps.h.db, clinicId);
  const have = new Set(rows.map((r) => r.code));
  const missing = defaultTemplates.filter((t) => !have.has(t.code));
  if (!missing.length) return rows;
  const at = deps.clock().toISOString();
  await withTx(deps.h, async (trx) => {
    const again = new Set((await repo.templateRows(trx, clinicId)).map((r) => r.code));
    for (const t of missing) {
      if (again.has(t.code)) continue;
      await repo.insertTemplate(trx, {
        id: newId(), clinic_id: clinicId, code: t.code, kind: t.kind, version: 1, title: t.title, audience: t.audience,
        service_codes_json: JSON.stringify(t.serviceCodes ?? []), body: t.body, created_by: null, created_at: at,
      });
    }
  });
  return repo.templateRows(deps.h.db, clinicId);
}

/** The latest version of every template of the clinic. */
export async function latestTemplates(deps: Deps, clinicId: string): Promise<repo.TemplateRow[]> {
  const latest = new Map<string, repo.TemplateRow>();
  for (const r of await ensureDefaults(deps, clinicId)) latest.set(r.code, r);
  return [...latest.values()];
}

export async function listTemplates(deps: Deps, actor: Actor): Promise<{ items: TemplateDto[] }> {
  return { items: (await latestTemplates(deps, actor.clinicId)).map(templateDto) };
}

export async function getTemplate(deps: Deps, actor: Actor, code: string): Promise<{ current: TemplateDto; versions: TemplateDto[] }> {
  await ensureDefaults(deps, actor.clinicId);
  const rows = await repo.templateRows(deps.h.db, actor.clinicId, code);
  if (!rows.length) throw notFound(TEMPLATE);
  const versions = rows.map(templateDto);
  return { current: versions[versions.length - 1], versions };
}

async function lawKeys(deps: Deps, clinicId: string) {
  return (await repo.legalOverrides(deps.h.db, clinicId)).map((o) => o.key);
}

function refuseProblems(body: string, extra: string[]) {
  const problems = checkTemplate(body, extra);
  if (problems.length) {
    throw new DomainError(
      'validation_failed',
      { ru: `Шаблон не сохранён: ${problems[0].ru}`, en: `The template is not saved: ${problems[0].en}` },
      problems.map((p) => ({ field: 'body', message: { ru: p.ru, en: p.en } })),
    );
  }
}

/** A new version of a template (versions are immutable: the old one stays what signed copies were made from). */
export async function saveTemplate(
  deps: Deps,
  actor: Actor,
  code: string,
  input: { title: string; body: string; serviceCodes?: string[]; kind?: DocumentKind; audience?: 'patient' | 'staff' },
): Promise<TemplateDto> {
  await ensureDefaults(deps, actor.clinicId);
  refuseProblems(input.body, await lawKeys(deps, actor.clinicId));
  return withTx(deps.h, async (trx) => {
    const rows = await repo.templateRows(trx, actor.clinicId, code);
    const last = rows[rows.length - 1];
    if (!last && !input.kind) throw fieldError('kind', { ru: 'Новый шаблон: укажите вид документа', en: 'A new template: give the kind of document' });
    const at = deps.clock().toISOString();
    const row: repo.TemplateRow = {
      id: newId(), clinic_id: actor.clinicId, code, kind: last?.kind ?? input.kind!, version: (last?.version ?? 0) + 1, title: input.title, audience: last?.audience ?? input.audience ?? 'patient',
      service_codes_json: JSON.stringify(input.serviceCodes ?? (last ? JSON.parse(last.service_codes_json) : [])), body: input.body, created_by: actor.userId, created_at: at,
    };
    await repo.insertTemplate(trx, row);
    await appendAudit(trx, auditEntry(actor, deps.clock(), { action: last ? 'update' : 'create', objectType: 'document_template', objectId: row.id, details: { code, version: row.version } }));
    return templateDto(row);
  });
}

export async function legalReferences(deps: Deps, actor: Actor) {
  const overrides = new Map((await repo.legalOverrides(deps.h.db, actor.clinicId)).map((o) => [o.key, o.text]));
  const check = legalReferencesToCheck as Record<string, string | undefined>;
  return { items: Object.entries(defaultLegalReferences).map(([key, text]) => ({ key, default: text, override: overrides.get(key) ?? null, check: check[key] ?? null })) };
}

export async function setLegalReference(deps: Deps, actor: Actor, key: string, text: string | null) {
  if (!(key in defaultLegalReferences)) throw fieldError('key', { ru: `Неизвестная ссылка law.${key}`, en: `Unknown legal reference law.${key}` });
  await withTx(deps.h, async (trx) => {
    const at = deps.clock().toISOString();
    await repo.setLegalOverride(trx, { id: newId(), clinic_id: actor.clinicId, key, text: text?.trim() || null, updated_by: actor.userId, updated_at: at });
    await appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'update', objectType: 'legal_reference', objectId: key }));
  });
  return legalReferences(deps, actor);
}

/** The documents section of the clinic's settings (the health questionnaire's renewal period). */
export async function getDocumentSettings(deps: Deps, actor: Actor): Promise<DocumentSettings> {
  return documentSettings(String((await repo.clinicForDocuments(deps.h.db, actor.clinicId)).settings_json ?? '{}'));
}

export async function setDocumentSettings(deps: Deps, actor: Actor, input: DocumentSettings): Promise<DocumentSettings> {
  await withTx(deps.h, async (trx) => {
    const clinic = await repo.clinicForDocuments(trx, actor.clinicId);
    const stored = (() => { try { return JSON.parse(String(clinic.settings_json ?? '{}')) as Record<string, unknown>; } catch { return {}; } })();
    await repo.setClinicSettingsJson(trx, actor.clinicId, JSON.stringify({ ...stored, documents: { ...(stored.documents as object | undefined), ...input } }));
    await appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'update', objectType: 'clinic', objectId: actor.clinicId, details: { documents: input } }));
  });
  return getDocumentSettings(deps, actor);
}

// ——— Filling ———

export type PatientRow = NonNullable<Awaited<ReturnType<typeof repo.patientForDocuments>>>;

export interface FillContext {
  patient: PatientRow;
  visit: repo.VisitRow | null;
  date: string;
  number: string;
  issuedAt: string;
  /** The visit's service codes when the caller already has them (else read from the visit). */
  codes?: string[];
}

export const ruDate = (d: string | null) => (d ? d.split('-').reverse().join('.') : '');

/**
 * What every document of a clinic shares: the clinic, its settings, branches and legal references,
 * and its doctors and price names as they are asked for. Loaded once per request, so a pack of
 * hundreds of documents does not ask the database the same thing for each one.
 */
export interface ClinicDocumentContext {
  clinic: Awaited<ReturnType<typeof repo.clinicForDocuments>>;
  settings: Record<string, unknown>;
  branches: Awaited<ReturnType<typeof repo.branchesOf>>;
  law: Record<string, string>;
  doctor(id: string): Promise<Awaited<ReturnType<typeof repo.doctorName>>>;
  priceNames(codes: string[]): Promise<Map<string, string>>;
  prices(codes: string[], date: string): Promise<Map<string, { min: number; max: number | null }>>;
}

export async function clinicDocumentContext(db: Db, clinicId: string): Promise<ClinicDocumentContext> {
  // One after another: `db` may be a transaction, which runs one statement at a time anyway.
  const clinic = await repo.clinicForDocuments(db, clinicId);
  const branches = await repo.branchesOf(db, clinicId);
  const overrideRows = await repo.legalOverrides(db, clinicId);
  const settings = (() => { try { return JSON.parse(String(clinic.settings_json ?? '{}')) as Record<string, unknown>; } catch { return {}; } })();
  const overrides = new Map(overrideRows.map((o) => [o.key, o.text]));
  const law = Object.fromEntries(Object.entries(defaultLegalReferences).map(([k, v]) => [`law.${k}`, overrides.get(k) ?? v]));
  const doctors = new Map<string, ReturnType<typeof repo.doctorName>>();
  const prices = new Map<string, Promise<Map<string, string>>>();
  const priced = new Map<string, ReturnType<typeof repo.pricesOn>>();
  return {
    clinic,
    settings,
    branches,
    law,
    doctor(id) {
      if (!doctors.has(id)) doctors.set(id, repo.doctorName(db, clinicId, id));
      return doctors.get(id)!;
    },
    priceNames(codes) {
      const key = [...codes].sort().join('\n');
      if (!prices.has(key)) prices.set(key, repo.priceNames(db, clinicId, codes));
      return prices.get(key)!;
    },
    prices(codes, date) {
      const key = `${date}\n${[...codes].sort().join('\n')}`;
      if (!priced.has(key)) priced.set(key, repo.pricesOn(db, clinicId, codes, date));
      return priced.get(key)!;
    },
  };
}

/** The questions a questionnaire prints at [[questions]]: DOC-3's for «Обращайтесь со мной внимательно», else the health questionnaire's. */
export function questionsFor(kind: string | undefined): DocumentQuestionGroup[] {
  const q: QuestionnaireCode = kind === 'careful_questionnaire' ? 'careful-questionnaire' : 'health-questionnaire';
  return questionGroups
    .filter((g) => g.questionnaire === q)
    .map((g) => ({ title: g.title, items: defaultQuestions.filter((x) => x.group === g.id && x.questionnaire === q).map((x) => ({ text: x.text, answer: x.answer })) }))
    .filter((g) => g.items.length);
}

const QUESTIONS_LINE = /^\s*\[\[\s*questions\s*\]\]\s*$/m;

export async function snapshotOf(deps: Deps, db: Db, clinicId: string, t: { title: string; body: string; kind?: string }, ctx: FillContext, shared?: ClinicDocumentContext): Promise<DocumentSnapshot> {
  const { clinic, settings, branches, law, ...lookups } = shared ?? (await clinicDocumentContext(db, clinicId));
  const branch = branches.find((b) => b.id === ctx.visit?.branch_id) ?? branches[0];
  const doctor = ctx.visit ? await lookups.doctor(ctx.visit.doctor_id) : undefined;
  const doctorFull = doctor ? fullName({ surname: doctor.surname, firstName: doctor.first_name, patronymic: doctor.patronymic }) : null;
  const p = ctx.patient;
  const patientFull = fullName({ surname: p.surname, firstName: p.first_name, patronymic: p.patronymic });
  const child = isChild(p.birth_date, ctx.date);
  const codes = ctx.codes ?? (ctx.visit ? await plannedCodes(db, clinicId, ctx.visit) : []);
  const names = await lookups.priceNames(codes);
  const priceOf = await lookups.prices(codes, ctx.date);
  // A warranty coupon lists the visit's performed services with their teeth and terms (DOC-4), not the planned ones.
  const services = t.kind === 'warranty_coupon' && ctx.visit && !ctx.codes ? await warrantyServices(db, clinicId, ctx.visit) : codes.map((code) => {
    const pr = priceOf.get(code);
    return { code, name: names.get(code) ?? code, price: pr ? pr.min : null, ...(pr?.max != null && pr.max !== pr.min && { priceFrom: true }) };
  });
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const signerName = child ? p.rep_full_name ?? '' : patientFull;
  const values: Record<string, string> = {
    ...law,
    'clinic.name': clinic.name,
    'clinic.shortName': clinic.name,
    'clinic.legalName': str(clinic.legal_name) || clinic.name,
    'clinic.inn': str(clinic.inn),
    'clinic.licence': str(clinic.licence),
    'clinic.phone': str(clinic.phone),
    'clinic.email': str(clinic.email),
    'clinic.address': str(settings.legalAddress) || branch?.address || '',
    'clinic.ogrn': str(settings.ogrn),
    'clinic.kpp': str(settings.kpp),
    'clinic.registration': str(settings.registration),
    'clinic.licenceDetails': str(settings.licenceDetails),
    'clinic.signatory': str(settings.signatory),
    'clinic.signatoryBasis': str(settings.signatoryBasis),
    'clinic.director': str(settings.director),
    'clinic.chiefDoctor': str(settings.chiefDoctor),
    'branch.name': branch?.name ?? '',
    'branch.address': branch?.address ?? '',
    'branch.phone': branch?.phone ?? '',
    'patient.fullName': patientFull,
    'patient.lastName': p.surname,
    'patient.firstName': p.first_name,
    'patient.middleName': p.patronymic ?? '',
    'patient.birthDate': ruDate(p.birth_date),
    'patient.email': p.email ?? '',
    'patient.cardNumber': String(p.card_number),
    'representative.fullName': p.rep_full_name ?? '',
    'representative.document': p.rep_document ?? '',
    'representative.relation': p.rep_relation ?? '',
    'representative.phone': p.rep_phone ?? '',
    'signer.fullName': signerName,
    'doctor.fullName': doctorFull ?? '',
    'doctor.position': doctor?.position ?? '',
    'visit.date': ctx.visit ? ruDate(ctx.visit.local_date) : '',
    'visit.services': services.map((s) => s.name).join(', '),
    'document.number': ctx.number,
    date: ruDate(ctx.date),
    city: str(settings.city),
  };
  return {
    v: 1,
    number: ctx.number,
    title: t.title,
    date: ctx.date,
    issuedAt: ctx.issuedAt,
    clinic: { name: clinic.name, legalName: str(clinic.legal_name) || null, address: values['clinic.address'] || null, phone: str(clinic.phone) || null, inn: str(clinic.inn) || null, licence: str(clinic.licence) || null },
    patient: { fullName: patientFull, birthDate: p.birth_date },
    child,
    signer: { role: child ? 'representative' : 'patient', fullName: signerName, relation: child ? p.rep_relation : null },
    doctor: doctorFull ? { fullName: doctorFull } : null,
    services,
    ...(QUESTIONS_LINE.test(t.body) && { questions: questionsFor(t.kind) }),
    blocks: fillTemplate(t.body, values, child),
  };
}

export async function plannedCodes(db: Db, clinicId: string, v: repo.VisitRow): Promise<string[]> {
  const planned = v.planned_services_json ? (JSON.parse(v.planned_services_json) as string[]) : [];
  return [...new Set([...planned, ...(await repo.billedCodes(db, clinicId, v.id))])];
}

export async function clinicToday(deps: Deps, clinicId: string) {
  const clinic = await repo.clinicForDocuments(deps.h.db, clinicId);
  return localDateOf(deps.clock().getTime(), clinic.time_zone);
}

/** A preview of an edited (unsaved) body with a sample adult or child: the editor's live PDF. */
export async function previewTemplate(deps: Deps, actor: Actor, input: { title: string; body: string; child?: boolean; code?: string }): Promise<Buffer> {
  refuseProblems(input.body, await lawKeys(deps, actor.clinicId));
  const kind = input.code ? (await repo.templateRows(deps.h.db, actor.clinicId, input.code)).at(-1)?.kind : undefined;
  const date = await clinicToday(deps, actor.clinicId);
  const [y] = date.split('-').map(Number);
  const patient: PatientRow = {
    id: 'preview', surname: 'Образцова', first_name: 'Анна', patronymic: 'Сергеевна', birth_date: `${input.child ? y - 8 : y - 35}-03-15`, email: null, card_number: 0,
    rep_full_name: input.child ? 'Образцов Сергей Петрович' : null, rep_document: input.child ? 'паспорт 0000 000000' : null, rep_relation: input.child ? 'отец' : null, rep_phone: null,
  };
  const s = await snapshotOf(deps, deps.h.db, actor.clinicId, { ...input, kind }, { patient, visit: null, date, number: 'ОБРАЗЕЦ', issuedAt: deps.clock().toISOString() });
  return renderPdf(patientDocumentPdf(s, null));
}
