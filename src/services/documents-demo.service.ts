import { createHash } from 'node:crypto';
import { withTx, type DbHandle } from '../db/connect.js';
import { newId } from '../db/ids.js';
import * as repo from '../db/repos/documents.repo.js';
import { defaultTemplates } from '../documents/defaults/index.js';
import { clinicDocumentContext, latestTemplates, snapshotOf, type ClinicDocumentContext, type PatientRow } from './documents-templates.service.js';
import type { Deps } from './context.js';

/**
 * The demo clinic's documents (issue #11) are frozen exactly as the service freezes an issued one; src/demo may not
 * import the templates or the filling, so bootstrap hands the demo generator this writer (see src/demo/demo-documents.ts).
 */
export interface DemoDocumentInput {
  templateCode: string;
  patientId: string;
  appointmentId: string | null;
  /** The document's date (clinic calendar) and the instant it was issued. */
  date: string;
  issuedAt: string;
  /** The visit's service codes printed in the document (a warranty coupon prints the visit's performed services instead). */
  codes: string[];
}

export interface DemoDocumentWriter {
  /** Seeds the default templates as version 1 created at `at` (before the demo's documents). */
  templates(at: string): Promise<{ code: string; kind: string; audience: string; serviceCodes: string[]; version: number; title: string }[]>;
  /** The frozen content of a document as issued (not inserted). */
  content(input: DemoDocumentInput): Promise<{ content_json: string; content_sha256: string; title: string; kind: string; template_version: number; child: boolean; signerName: string }>;
}

export function demoDocumentWriter(h: DbHandle, clinicId: string, now: Date): DemoDocumentWriter {
  const deps: Deps = { h, clock: () => now };
  const patients = new Map<string, Promise<PatientRow | undefined>>();
  const visits = new Map<string, Promise<repo.VisitRow | undefined>>();
  let shared: Promise<ClinicDocumentContext> | null = null;
  let templates: Promise<repo.TemplateRow[]> | null = null;
  return {
    async templates(at) {
      await withTx(h, async (trx) => {
        const have = new Set((await repo.templateRows(trx, clinicId)).map((r) => r.code));
        for (const t of defaultTemplates) {
          if (have.has(t.code)) continue;
          await repo.insertTemplate(trx, {
            id: newId(), clinic_id: clinicId, code: t.code, kind: t.kind, version: 1, title: t.title, audience: t.audience,
            service_codes_json: JSON.stringify(t.serviceCodes ?? []), body: t.body, created_by: null, created_at: at,
          });
        }
      });
      templates = latestTemplates(deps, clinicId);
      return (await templates).map((t) => ({ code: t.code, kind: t.kind, audience: t.audience, serviceCodes: JSON.parse(t.service_codes_json) as string[], version: t.version, title: t.title }));
    },
    async content(input) {
      templates ??= latestTemplates(deps, clinicId);
      shared ??= clinicDocumentContext(h.db, clinicId);
      const t = (await templates).find((x) => x.code === input.templateCode);
      if (!t) throw new Error(`demo documents: no template ${input.templateCode}`);
      if (!patients.has(input.patientId)) patients.set(input.patientId, repo.patientForDocuments(h.db, clinicId, input.patientId));
      const patient = await patients.get(input.patientId);
      if (!patient) throw new Error(`demo documents: no patient ${input.patientId}`);
      let visit: repo.VisitRow | null = null;
      if (input.appointmentId) {
        if (!visits.has(input.appointmentId)) visits.set(input.appointmentId, repo.visit(h.db, clinicId, input.appointmentId));
        visit = (await visits.get(input.appointmentId)) ?? null;
      }
      const number = `${patient.card_number}-${input.date.replaceAll('-', '')}-${newId().slice(-4).toUpperCase()}`;
      const s = await snapshotOf(deps, h.db, clinicId, t, { patient, visit, date: input.date, number, issuedAt: input.issuedAt, codes: t.kind === 'warranty_coupon' ? undefined : input.codes }, await shared);
      const content = JSON.stringify(s);
      return {
        content_json: content, content_sha256: createHash('sha256').update(content).digest('hex'), title: t.title, kind: t.kind, template_version: t.version,
        child: s.child, signerName: s.signer.fullName,
      };
    },
  };
}
