import { withTx } from '../db/connect.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as repo from '../db/repos/documents.repo.js';
import { patientDocumentPdf } from '../documents/patient-document.js';
import { renderPdfOffThread } from '../documents/render-thread.js';
import type { DocumentKind } from '../domain/document-template-format.js';
import { addDays } from '../domain/dates.js';
import { documentSettings } from '../domain/document-renewal.js';
import { notFound } from '../domain/errors.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { clinicDocumentContext, clinicToday, latestTemplates, plannedCodes, ruDate, snapshotOf } from './documents-templates.service.js';
import { isExpiredOn } from './documents.service.js';
import { checkBranch } from './proposals.service.js';

/** What a visit still needs signed, its planned services, and tomorrow's pack of documents to print. */

const VISIT = { ru: 'Визит', en: 'Visit' };

/** What every first visit needs signed (DOC-1, DOC-2, the personal data consent). */
export const FIRST_VISIT_KINDS: DocumentKind[] = ['contract', 'health_questionnaire', 'pd_consent'];
const SIGNED = new Set(['signed_on_screen', 'signed_on_paper']);

export interface MissingDocument {
  templateCode: string;
  kind: DocumentKind;
  title: string;
  /** expired: the health questionnaire signed earlier is past the clinic's renewal period (DOC-2). */
  reason: 'first_visit' | 'planned_intervention' | 'expired';
  /** An issued, not yet signed copy to sign (null: none issued yet). */
  issuedId: string | null;
}

interface Renewal {
  timeZone: string;
  months: number;
}

function renewalOf(clinic: { time_zone: string; settings_json?: unknown }): Renewal {
  return { timeZone: clinic.time_zone, months: documentSettings(String(clinic.settings_json ?? '{}')).questionnaireRenewalMonths };
}

async function missingFor(deps: Deps, clinicId: string, v: repo.VisitRow, templates: repo.TemplateRow[], visitCodes: string[], renewal: Renewal): Promise<MissingDocument[]> {
  const docs = await repo.patientDocuments(deps.h.db, clinicId, v.patient_id);
  const signed = docs.filter((d) => SIGNED.has(d.status));
  const valid = signed.filter((d) => !isExpiredOn(d, v.local_date, renewal.timeZone, renewal.months));
  const signedEver = new Set(valid.map((d) => d.kind));
  const expiredKinds = new Set(signed.map((d) => d.kind).filter((k) => !signedEver.has(k)));
  const out: MissingDocument[] = [];
  const open = (code: string, visitOnly: boolean) => docs.find((d) => d.template_code === code && d.status === 'issued' && (!visitOnly || d.appointment_id === v.id))?.id ?? null;
  for (const kind of FIRST_VISIT_KINDS) {
    if (signedEver.has(kind)) continue;
    const t = templates.find((x) => x.kind === kind && x.audience === 'patient');
    if (t) out.push({ templateCode: t.code, kind, title: t.title, reason: expiredKinds.has(kind) ? 'expired' : 'first_visit', issuedId: open(t.code, false) });
  }
  const codes = new Set(visitCodes);
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
  const plannedServices = await plannedCodes(deps.h.db, actor.clinicId, v);
  const renewal = renewalOf(await repo.clinicForDocuments(deps.h.db, actor.clinicId));
  return { appointmentId, plannedServices, missing: await missingFor(deps, actor.clinicId, v, templates, plannedServices, renewal) };
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
  const shared = await clinicDocumentContext(deps.h.db, actor.clinicId);
  const renewal = renewalOf(shared.clinic);
  const content: unknown[] = [];
  let documents = 0;
  const seen = new Set<string>();
  for (const v of visits) {
    const patient = await repo.patientForDocuments(deps.h.db, actor.clinicId, v.patient_id);
    if (!patient) continue;
    const codes = await plannedCodes(deps.h.db, actor.clinicId, v);
    for (const m of await missingFor(deps, actor.clinicId, v, templates, codes, renewal)) {
      const key = `${v.patient_id}:${m.templateCode}:${m.reason === 'planned_intervention' ? v.id : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const t = templates.find((x) => x.code === m.templateCode)!;
      const s = await snapshotOf(deps, deps.h.db, actor.clinicId, t, { patient, visit: v, date, number: `${patient.card_number}-${date.replaceAll('-', '')}`, issuedAt: deps.clock().toISOString(), codes }, shared);
      const def = patientDocumentPdf(s, null);
      content.push({ stack: def.content as unknown[], ...(documents > 0 && { pageBreak: 'before' }) });
      documents++;
    }
  }
  if (!documents) content.push({ text: `На ${ruDate(date)} всем пациентам документы подписаны или не требуются.` });
  // A busy day is a thousand documents and a minute of layout: off the event loop, so the desk keeps working.
  const pdf = await renderPdfOffThread({
    info: { title: `Документы на ${ruDate(date)}`, creationDate: deps.clock() } as never,
    header: { text: shared.clinic.name, fontSize: 7, color: '#555', margin: [40, 20, 40, 0] },
    pageMargins: [40, 56, 40, 48],
    content: content as never,
    styles: { title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 10] }, heading: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] } },
  }, { text: 'Страница {page} из {pages}', alignment: 'right', fontSize: 8, color: '#555', margin: [40, 16, 40, 0] });
  return { pdf, date, documents };
}
