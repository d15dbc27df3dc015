import { createHash } from 'node:crypto';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as repo from '../db/repos/documents.repo.js';
import { insertServiceCardEntry } from '../db/repos/service-card.repo.js';
import { getUser } from '../db/repos/users.repo.js';
import { patientDocumentPdf, type DocumentSignature, type DocumentSnapshot } from '../documents/patient-document.js';
import { renderPdf } from '../documents/render.js';
import type { DocumentKind } from '../domain/document-template-format.js';
import { isChild } from '../documents/template-markup.js';
import { addDays } from '../domain/dates.js';
import { documentSettings, questionnaireExpired } from '../domain/document-renewal.js';
import { localDateOf } from '../domain/schedule/time.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { mayReadAnswers, questionnaireOfKind } from '../domain/questionnaire-answers.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { clinicToday, iso, latestTemplates, snapshotOf, type PatientRow } from './documents-templates.service.js';

/** Documents issued to patients: the register, issuing, the PDF, signing on screen or on paper, refusal, the legal representative. */

const DOCUMENT = { ru: 'Документ пациента', en: 'Patient document' };
const PATIENT = { ru: 'Пациент', en: 'Patient' };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

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

/** The day a document was signed, in the clinic's calendar (null: not signed). */
export function signedDate(r: repo.PatientDocumentRow, timeZone: string): string | null {
  if (r.status === 'signed_on_paper' && r.paper_date) return r.paper_date;
  if (r.status === 'signed_on_screen' && r.signed_at) return localDateOf(Date.parse(iso(r.signed_at)!), timeZone);
  return null;
}

/** Whether a signed health questionnaire is past its renewal on `on` (DOC-2; the period is the clinic's setting). */
export function isExpiredOn(r: repo.PatientDocumentRow, on: string, timeZone: string, renewalMonths: number): boolean {
  if (r.kind !== 'health_questionnaire') return false;
  const d = signedDate(r, timeZone);
  return !!d && questionnaireExpired(d, on, renewalMonths);
}

function documentDto(r: repo.PatientDocumentRow, expired = false): PatientDocumentDto {
  const s = JSON.parse(r.content_json) as DocumentSnapshot;
  return {
    id: r.id, patientId: r.patient_id, appointmentId: r.appointment_id, templateCode: r.template_code, templateVersion: r.template_version, kind: r.kind as DocumentKind,
    title: r.title, number: s.number, status: expired ? 'expired' : r.status, refusalReason: r.refusal_reason, signer: r.signer, signerName: r.signer_name, signedAt: iso(r.signed_at),
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
  const clinic = await repo.clinicForDocuments(deps.h.db, actor.clinicId);
  const months = documentSettings(String(clinic.settings_json ?? '{}')).questionnaireRenewalMonths;
  return {
    items: (await repo.patientDocuments(deps.h.db, actor.clinicId, patientId)).map((r) => documentDto(r, isExpiredOn(r, today, clinic.time_zone, months))),
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
  const q = questionnaireOfKind(r.kind);
  if (q && !mayReadAnswers(actor.role, !!actor.deskCover, q, r.status) && /"(yes|note)":/.test(r.content_json)) {
    throw new DomainError('forbidden', { ru: 'Ответы анкеты о здоровье видят только медицинские работники', en: 'Only medical staff see the health questionnaire’s answers' });
  }
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
  const author = await getUser(deps.h.db, actor.clinicId, actor.userId);
  await withTx(deps.h, async (trx) => {
    await repo.updatePatientDocument(trx, actor.clinicId, id, patch);
    await insertServiceCardEntry(trx, {
      id: newId(), clinic_id: actor.clinicId, patient_id: r.patient_id, section: 'svc5', text: `Отказ подписать «${r.title}»: ${reason}`, event_date: today, minutes: null,
      is_alert: 0, appointment_id: r.appointment_id, author_id: actor.userId, author_name: author?.full_name ?? actor.login, author_role: actor.role, created_at: at,
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
