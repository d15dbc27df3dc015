import { createHash } from 'node:crypto';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as repo from '../db/repos/documents.repo.js';
import { insertServiceCardEntry } from '../db/repos/service-card.repo.js';
import { defaultTemplates } from '../documents/defaults/index.js';
import { defaultLegalReferences } from '../documents/legal-references.js';
import { patientDocumentPdf, type DocumentSignature, type DocumentSnapshot } from '../documents/patient-document.js';
import { renderPdf } from '../documents/render.js';
import type { DocumentKind } from '../documents/template-format.js';
import { checkTemplate, fillTemplate, isChild } from '../documents/template-markup.js';
import { addDays } from '../domain/dates.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { fullName } from '../domain/names.js';
import { localDateOf } from '../domain/schedule/time.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { checkBranch } from './proposals.service.js';

const TEMPLATE = { ru: 'Шаблон документа', en: 'Document template' };
const DOCUMENT = { ru: 'Документ пациента', en: 'Patient document' };
const PATIENT = { ru: 'Пациент', en: 'Patient' };
const VISIT = { ru: 'Визит', en: 'Visit' };

/** What every first visit needs signed (DOC-1, DOC-2, the personal data consent). */
export const FIRST_VISIT_KINDS: DocumentKind[] = ['contract', 'health_questionnaire', 'pd_consent'];
const SIGNED = new Set(['signed_on_screen', 'signed_on_paper']);

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

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

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

/** Seeds the default templates a clinic does not have yet (version 1, by nobody); new defaults arrive the same way. */
async function ensureDefaults(deps: Deps, clinicId: string) {
  const have = new Set((await repo.templateRows(deps.h.db, clinicId)).map((r) => r.code));
  const missing = defaultTemplates.filter((t) => !have.has(t.code));
  if (!missing.length) return;
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
}

/** The latest version of every template of the clinic. */
async function latestTemplates(deps: Deps, clinicId: string): Promise<repo.TemplateRow[]> {
  await ensureDefaults(deps, clinicId);
  const latest = new Map<string, repo.TemplateRow>();
  for (const r of await repo.templateRows(deps.h.db, clinicId)) latest.set(r.code, r);
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
  return { items: Object.entries(defaultLegalReferences).map(([key, text]) => ({ key, default: text, override: overrides.get(key) ?? null })) };
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

// ——— Filling ———

type PatientRow = NonNullable<Awaited<ReturnType<typeof repo.patientForDocuments>>>;

interface FillContext {
  patient: PatientRow;
  visit: repo.VisitRow | null;
  date: string;
  number: string;
  issuedAt: string;
}

const ruDate = (d: string | null) => (d ? d.split('-').reverse().join('.') : '');

async function snapshotOf(deps: Deps, db: Db, clinicId: string, t: { title: string; body: string }, ctx: FillContext): Promise<DocumentSnapshot> {
  const clinic = await repo.clinicForDocuments(db, clinicId);
  const settings = (() => { try { return JSON.parse(String(clinic.settings_json ?? '{}')) as Record<string, unknown>; } catch { return {}; } })();
  const branches = await repo.branchesOf(db, clinicId);
  const branch = branches.find((b) => b.id === ctx.visit?.branch_id) ?? branches[0];
  const doctor = ctx.visit ? await repo.doctorName(db, clinicId, ctx.visit.doctor_id) : undefined;
  const doctorFull = doctor ? fullName({ surname: doctor.surname, firstName: doctor.first_name, patronymic: doctor.patronymic }) : null;
  const p = ctx.patient;
  const patientFull = fullName({ surname: p.surname, firstName: p.first_name, patronymic: p.patronymic });
  const child = isChild(p.birth_date, ctx.date);
  const codes = ctx.visit ? await plannedCodes(db, clinicId, ctx.visit) : [];
  const names = await repo.priceNames(db, clinicId, codes);
  const services = codes.map((code) => ({ code, name: names.get(code) ?? code }));
  const overrides = new Map((await repo.legalOverrides(db, clinicId)).map((o) => [o.key, o.text]));
  const law = Object.fromEntries(Object.entries(defaultLegalReferences).map(([k, v]) => [`law.${k}`, overrides.get(k) ?? v]));
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
    blocks: fillTemplate(t.body, values, child),
  };
}

async function plannedCodes(db: Db, clinicId: string, v: repo.VisitRow): Promise<string[]> {
  const planned = v.planned_services_json ? (JSON.parse(v.planned_services_json) as string[]) : [];
  return [...new Set([...planned, ...(await repo.billedCodes(db, clinicId, v.id))])];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function clinicToday(deps: Deps, clinicId: string) {
  const clinic = await repo.clinicForDocuments(deps.h.db, clinicId);
  return localDateOf(deps.clock().getTime(), clinic.time_zone);
}

/** A preview of an edited (unsaved) body with a sample adult or child: the editor's live PDF. */
export async function previewTemplate(deps: Deps, actor: Actor, input: { title: string; body: string; child?: boolean }): Promise<Buffer> {
  refuseProblems(input.body, await lawKeys(deps, actor.clinicId));
  const date = await clinicToday(deps, actor.clinicId);
  const [y] = date.split('-').map(Number);
  const patient: PatientRow = {
    id: 'preview', surname: 'Образцова', first_name: 'Анна', patronymic: 'Сергеевна', birth_date: `${input.child ? y - 8 : y - 35}-03-15`, email: null, card_number: 0,
    rep_full_name: input.child ? 'Образцов Сергей Петрович' : null, rep_document: input.child ? 'паспорт 0000 000000' : null, rep_relation: input.child ? 'отец' : null, rep_phone: null,
  };
  const s = await snapshotOf(deps, deps.h.db, actor.clinicId, input, { patient, visit: null, date, number: 'ОБРАЗЕЦ', issuedAt: deps.clock().toISOString() });
  return renderPdf(patientDocumentPdf(s, null));
}

// ——— Patients' documents ———

export interface PatientDocumentDto {
  id: string;
  patientId: string;
  appointmentId: string | null;
  templateCode: string;
  templateVersion: number;
  kind: DocumentKind;
  title: string;
  number: string;
  status: repo.PatientDocumentRow['status'];
  refusalReason: string | null;
  signer: 'patient' | 'representative' | null;
  signerName: string | null;
  signedAt: string | null;
  paperDate: string | null;
  issuedAt: string;
  contentSha256: string;
}

function documentDto(r: repo.PatientDocumentRow): PatientDocumentDto {
  const s = JSON.parse(r.content_json) as DocumentSnapshot;
  return {
    id: r.id, patientId: r.patient_id, appointmentId: r.appointment_id, templateCode: r.template_code, templateVersion: r.template_version, kind: r.kind as DocumentKind,
    title: r.title, number: s.number, status: r.status, refusalReason: r.refusal_reason, signer: r.signer, signerName: r.signer_name, signedAt: iso(r.signed_at),
    paperDate: r.paper_date, issuedAt: iso(r.issued_at)!, contentSha256: r.content_sha256,
  };
}

async function patientOf(deps: Deps, actor: Actor, patientId: string) {
  const p = await repo.patientForDocuments(deps.h.db, actor.clinicId, patientId);
  if (!p) throw notFound(PATIENT);
  return p;
}

export async function listPatientDocuments(deps: Deps, actor: Actor, patientId: string) {
  const p = await patientOf(deps, actor, patientId);
  const today = await clinicToday(deps, actor.clinicId);
  return {
    items: (await repo.patientDocuments(deps.h.db, actor.clinicId, patientId)).map(documentDto),
    representative: { fullName: p.rep_full_name, document: p.rep_document, relation: p.rep_relation, phone: p.rep_phone },
    child: isChild(p.birth_date, today),
  };
}

export async function issueDocument(deps: Deps, actor: Actor, patientId: string, input: { templateCode: string; appointmentId?: string | null }): Promise<PatientDocumentDto> {
  const patient = await patientOf(deps, actor, patientId);
  const templates = await latestTemplates(deps, actor.clinicId);
  const t = templates.find((x) => x.code === input.templateCode);
  if (!t) throw fieldError('templateCode', { ru: 'Нет такого шаблона', en: 'No such template' });
  if (t.audience !== 'patient') throw fieldError('templateCode', { ru: 'Это инструкция для персонала, пациенту её не выдают', en: 'This is a staff instruction; it is not issued to patients' });
  let v: repo.VisitRow | null = null;
  if (input.appointmentId) {
    v = (await repo.visit(deps.h.db, actor.clinicId, input.appointmentId)) ?? null;
    if (!v || v.patient_id !== patientId) throw fieldError('appointmentId', { ru: 'Визит не найден у этого пациента', en: 'The visit is not this patient’s' });
  }
  const row = await issueRow(deps, deps.h.db, actor, patient, t, v);
  await withTx(deps.h, async (trx) => {
    await repo.insertPatientDocument(trx, row);
    await appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'create', objectType: 'patient_document', objectId: row.id, patientId, details: { template: t.code, version: t.version } }));
  });
  return documentDto(row);
}

async function issueRow(deps: Deps, db: Db, actor: Actor, patient: PatientRow, t: repo.TemplateRow, v: repo.VisitRow | null): Promise<repo.PatientDocumentRow> {
  const now = deps.clock();
  const issuedAt = now.toISOString();
  const date = await clinicToday(deps, actor.clinicId);
  const id = newId();
  const number = `${patient.card_number}-${date.replaceAll('-', '')}-${id.slice(-4).toUpperCase()}`;
  const snapshot = await snapshotOf(deps, db, actor.clinicId, t, { patient, visit: v, date, number, issuedAt });
  const content = JSON.stringify(snapshot);
  return {
    id, clinic_id: actor.clinicId, patient_id: patient.id, appointment_id: v?.id ?? null, template_code: t.code, template_version: t.version, kind: t.kind, title: t.title,
    content_json: content, content_sha256: sha256(content), status: 'issued', refusal_reason: null, signer: null, signer_name: null, signature_png: null, signed_at: null,
    paper_date: null, recorded_by: null, issued_by: actor.userId, issued_at: issuedAt, updated_at: issuedAt,
  };
}

async function documentOf(deps: Deps, actor: Actor, id: string) {
  const r = await repo.patientDocument(deps.h.db, actor.clinicId, id);
  if (!r) throw notFound(DOCUMENT);
  return r;
}

/** The document's PDF, rebuilt from its snapshot: the same bytes every time. */
export async function documentPdf(deps: Deps, actor: Actor, id: string): Promise<{ pdf: Buffer; title: string }> {
  const r = await documentOf(deps, actor, id);
  return { pdf: await pdfOfRow(r), title: r.title };
}

async function pdfOfRow(r: repo.PatientDocumentRow): Promise<Buffer> {
  const s = JSON.parse(r.content_json) as DocumentSnapshot;
  if (sha256(r.content_json) !== r.content_sha256) throw new DomainError('conflict', { ru: 'Содержимое документа не совпадает с его хешем', en: 'The document content does not match its hash' });
  return renderPdf(patientDocumentPdf(s, signatureOf(r)));
}

function signatureOf(r: repo.PatientDocumentRow): DocumentSignature | null {
  if (r.status === 'signed_on_screen' && r.signed_at) return { png: r.signature_png, signedAt: iso(r.signed_at)!, signerName: r.signer_name ?? '', onPaper: false };
  if (r.status === 'signed_on_paper' && r.paper_date) return { png: null, signedAt: r.paper_date, signerName: r.signer_name ?? '', onPaper: true };
  return null;
}

function mustBeOpen(r: repo.PatientDocumentRow) {
  if (r.status !== 'issued') throw new DomainError('invalid_transition', { ru: 'Документ уже подписан, отклонён или просрочен', en: 'The document is already signed, refused or expired' });
}

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

async function signer(deps: Deps, actor: Actor, r: repo.PatientDocumentRow) {
  const s = JSON.parse(r.content_json) as DocumentSnapshot;
  if (s.child) {
    const p = await patientOf(deps, actor, r.patient_id);
    if (!p.rep_full_name) throw fieldError('signer', { ru: 'Пациенту нет 15 лет: укажите законного представителя, он подписывает документы', en: 'The patient is under 15: enter the legal representative, who signs the documents' });
    return { signer: 'representative' as const, signer_name: p.rep_full_name };
  }
  return { signer: 'patient' as const, signer_name: s.patient.fullName };
}

export async function signOnScreen(deps: Deps, actor: Actor, id: string, input: { signaturePng: string }): Promise<PatientDocumentDto> {
  const r = await documentOf(deps, actor, id);
  mustBeOpen(r);
  if (!PNG_DATA_URL.test(input.signaturePng) || !Buffer.from(input.signaturePng.split(',')[1], 'base64').subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    throw fieldError('signaturePng', { ru: 'Подпись должна быть изображением PNG', en: 'The signature must be a PNG image' });
  }
  const who = await signer(deps, actor, r);
  const at = deps.clock().toISOString();
  const patch = { ...who, status: 'signed_on_screen' as const, signature_png: input.signaturePng, signed_at: at, recorded_by: actor.userId, updated_at: at };
  await withTx(deps.h, async (trx) => {
    await repo.updatePatientDocument(trx, actor.clinicId, id, patch);
    await appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'update', objectType: 'patient_document', objectId: id, patientId: r.patient_id, details: { status: 'signed_on_screen', signer: who.signer } }));
  });
  return documentDto({ ...r, ...patch });
}

export async function signedOnPaper(deps: Deps, actor: Actor, id: string, input: { date: string }): Promise<PatientDocumentDto> {
  const r = await documentOf(deps, actor, id);
  mustBeOpen(r);
  const today = await clinicToday(deps, actor.clinicId);
  if (input.date > today) throw fieldError('date', { ru: 'Дата подписи в будущем', en: 'The signing date is in the future' });
  if (input.date < iso(r.issued_at)!.slice(0, 10) && input.date < addDays(iso(r.issued_at)!.slice(0, 10), -1)) throw fieldError('date', { ru: 'Дата подписи раньше выдачи документа', en: 'The signing date is before the document was issued' });
  const who = await signer(deps, actor, r);
  const at = deps.clock().toISOString();
  const patch = { ...who, status: 'signed_on_paper' as const, paper_date: input.date, signed_at: at, recorded_by: actor.userId, updated_at: at };
  await withTx(deps.h, async (trx) => {
    await repo.updatePatientDocument(trx, actor.clinicId, id, patch);
    await appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'update', objectType: 'patient_document', objectId: id, patientId: r.patient_id, details: { status: 'signed_on_paper', date: input.date } }));
  });
  return documentDto({ ...r, ...patch });
}

/** A refusal with its reason; the service card's SVC-5 (attitude to the documents) records it. */
export async function refuseDocument(deps: Deps, actor: Actor, id: string, input: { reason: string }): Promise<PatientDocumentDto> {
  const r = await documentOf(deps, actor, id);
  mustBeOpen(r);
  const reason = input.reason.trim();
  if (!reason) throw fieldError('reason', { ru: 'Укажите причину отказа', en: 'Give the reason for the refusal' });
  const now = deps.clock();
  const at = now.toISOString();
  const today = await clinicToday(deps, actor.clinicId);
  const patch = { status: 'refused' as const, refusal_reason: reason, recorded_by: actor.userId, updated_at: at };
  const author = await (deps.h.db as unknown as import('kysely').Kysely<any>).selectFrom('users').select('full_name').where('id', '=', actor.userId).executeTakeFirst();
  await withTx(deps.h, async (trx) => {
    await repo.updatePatientDocument(trx, actor.clinicId, id, patch);
    await insertServiceCardEntry(trx, {
      id: newId(), clinic_id: actor.clinicId, patient_id: r.patient_id, section: 'svc5', text: `Отказ подписать «${r.title}»: ${reason}`, event_date: today, minutes: null,
      is_alert: 0, appointment_id: r.appointment_id, author_id: actor.userId, author_name: (author?.full_name as string | undefined) ?? actor.login, author_role: actor.role, created_at: at,
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'patient_document', objectId: id, patientId: r.patient_id, details: { status: 'refused' } }));
  });
  return documentDto({ ...r, ...patch });
}

export async function setRepresentative(
  deps: Deps,
  actor: Actor,
  patientId: string,
  input: { fullName: string | null; document: string | null; relation: string | null; phone: string | null },
) {
  await patientOf(deps, actor, patientId);
  const clean = (s: string | null) => (s && s.trim() ? s.trim() : null);
  const row = { rep_full_name: clean(input.fullName), rep_document: clean(input.document), rep_relation: clean(input.relation), rep_phone: clean(input.phone) };
  await withTx(deps.h, async (trx) => {
    await repo.setRepresentative(trx, actor.clinicId, patientId, row);
    await appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'update', objectType: 'patient', objectId: patientId, patientId, details: { representative: !!row.rep_full_name } }));
  });
  return listPatientDocuments(deps, actor, patientId);
}

// ——— What a visit still needs ———

export interface MissingDocument {
  templateCode: string;
  kind: DocumentKind;
  title: string;
  reason: 'first_visit' | 'planned_intervention';
  /** An issued, not yet signed copy to sign (null: none issued yet). */
  issuedId: string | null;
}

async function missingFor(deps: Deps, clinicId: string, v: repo.VisitRow, templates: repo.TemplateRow[]): Promise<MissingDocument[]> {
  const docs = await repo.patientDocuments(deps.h.db, clinicId, v.patient_id);
  const signedEver = new Set(docs.filter((d) => SIGNED.has(d.status)).map((d) => d.kind));
  const out: MissingDocument[] = [];
  const open = (code: string, visitOnly: boolean) => docs.find((d) => d.template_code === code && d.status === 'issued' && (!visitOnly || d.appointment_id === v.id))?.id ?? null;
  for (const kind of FIRST_VISIT_KINDS) {
    if (signedEver.has(kind)) continue;
    const t = templates.find((x) => x.kind === kind && x.audience === 'patient');
    if (t) out.push({ templateCode: t.code, kind, title: t.title, reason: 'first_visit', issuedId: open(t.code, false) });
  }
  const codes = new Set(await plannedCodes(deps.h.db, clinicId, v));
  for (const t of templates) {
    if (t.kind !== 'consent' || t.audience !== 'patient') continue;
    const needs = (JSON.parse(t.service_codes_json) as string[]).some((c) => codes.has(c));
    if (!needs) continue;
    const done = docs.some((d) => d.template_code === t.code && d.appointment_id === v.id && (SIGNED.has(d.status) || d.status === 'refused'));
    if (!done) out.push({ templateCode: t.code, kind: 'consent', title: t.title, reason: 'planned_intervention', issuedId: open(t.code, true) });
  }
  return out;
}

export async function visitDocuments(deps: Deps, actor: Actor, appointmentId: string) {
  const v = await repo.visit(deps.h.db, actor.clinicId, appointmentId);
  if (!v) throw notFound(VISIT);
  const templates = await latestTemplates(deps, actor.clinicId);
  return { appointmentId, plannedServices: await plannedCodes(deps.h.db, actor.clinicId, v), missing: await missingFor(deps, actor.clinicId, v, templates) };
}

export async function setPlannedServices(deps: Deps, actor: Actor, appointmentId: string, codes: string[]) {
  const v = await repo.visit(deps.h.db, actor.clinicId, appointmentId);
  if (!v) throw notFound(VISIT);
  await withTx(deps.h, async (trx) => {
    await repo.setPlannedServices(trx, actor.clinicId, appointmentId, [...new Set(codes)]);
    await appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'update', objectType: 'appointment', objectId: appointmentId, patientId: v.patient_id, details: { plannedServices: codes } }));
  });
  return visitDocuments(deps, actor, appointmentId);
}

/** Tomorrow's pack: one PDF, each of tomorrow's patients' missing documents, ready to print (nothing is issued by printing). */
export async function tomorrowPack(deps: Deps, actor: Actor, branchId?: string): Promise<{ pdf: Buffer; date: string; documents: number }> {
  await checkBranch(deps, actor, branchId);
  const date = addDays(await clinicToday(deps, actor.clinicId), 1);
  const templates = await latestTemplates(deps, actor.clinicId);
  const visits = await repo.visitsOn(deps.h.db, actor.clinicId, date, branchId);
  const content: unknown[] = [];
  let documents = 0;
  const seen = new Set<string>();
  for (const v of visits) {
    const patient = await repo.patientForDocuments(deps.h.db, actor.clinicId, v.patient_id);
    if (!patient) continue;
    for (const m of await missingFor(deps, actor.clinicId, v, templates)) {
      const key = `${v.patient_id}:${m.templateCode}:${m.reason === 'first_visit' ? '' : v.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const t = templates.find((x) => x.code === m.templateCode)!;
      const s = await snapshotOf(deps, deps.h.db, actor.clinicId, t, { patient, visit: v, date, number: `${patient.card_number}-${date.replaceAll('-', '')}`, issuedAt: deps.clock().toISOString() });
      const def = patientDocumentPdf(s, null);
      content.push({ stack: def.content as unknown[], ...(documents > 0 && { pageBreak: 'before' }) });
      documents++;
    }
  }
  if (!documents) content.push({ text: `На ${ruDate(date)} всем пациентам документы подписаны или не требуются.` });
  const clinic = await repo.clinicForDocuments(deps.h.db, actor.clinicId);
  const pdf = await renderPdf({
    info: { title: `Документы на ${ruDate(date)}`, creationDate: deps.clock() } as never,
    header: { text: clinic.name, fontSize: 7, color: '#555', margin: [40, 20, 40, 0] },
    footer: (page: number, pages: number) => ({ text: `Страница ${page} из ${pages}`, alignment: 'right', fontSize: 8, color: '#555', margin: [40, 16, 40, 0] }),
    pageMargins: [40, 56, 40, 48],
    content: content as never,
    styles: { title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 10] }, heading: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] } },
  });
  return { pdf, date, documents };
}

