import { withTx } from '../db/connect.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as docs from '../db/repos/documents.repo.js';
import * as repo from '../db/repos/questionnaire-answers.repo.js';
import { redFlagLabels } from '../documents/defaults/questions.js';
import { addMonths, documentSettings } from '../domain/document-renewal.js';
import { notFound } from '../domain/errors.js';
import { can } from '../domain/permissions.js';
import { anamnesisState, type AnamnesisState } from '../domain/questionnaire-answers.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { signedDate } from './documents.service.js';

/**
 * DOC-2 where the doctor and the assistant work: the red flags of the patient's latest valid health
 * questionnaire (with its date) on the appointment, or — missing or past the renewal period on the
 * visit's day — the reminder to fill it in again (also on the desk's confirmation call, so the patient
 * comes ten minutes early). Readers without `anamnesis.read` get the reminder, never the answers.
 */

const VISIT = { ru: 'Визит', en: 'Visit' };
const DOCTOR = { ru: 'Врач', en: 'Doctor' };

export interface AnamnesisDto {
  appointmentId: string;
  patientId: string;
  state: AnamnesisState;
  documentId: string | null;
  signedDate: string | null;
  validUntil: string | null;
  answered: boolean;
  redFlags: { questionId: string; label: string; text: string | null }[] | null;
  openDocumentId: string | null;
}

async function build(deps: Deps, actor: Actor, visits: { id: string; patient_id: string; local_date: string }[], via: string): Promise<AnamnesisDto[]> {
  if (!visits.length) return [];
  const clinic = await docs.clinicForDocuments(deps.h.db, actor.clinicId);
  const months = documentSettings(String(clinic.settings_json ?? '{}')).questionnaireRenewalMonths;
  const patients = [...new Set(visits.map((v) => v.patient_id))];
  const signed = await repo.signedHealthQuestionnaires(deps.h.db, actor.clinicId, patients);
  // Each patient's latest by the day it was signed (a paper date may be earlier than when it was recorded).
  const latest = new Map<string, { id: string; date: string }>();
  for (const d of signed) {
    const date = signedDate(d, clinic.time_zone);
    if (!date) continue;
    const cur = latest.get(d.patient_id);
    if (!cur || date > cur.date) latest.set(d.patient_id, { id: d.id, date });
  }
  const reader = can(actor.role, 'anamnesis.read', !!actor.deskCover);
  const ids = [...latest.values()].map((x) => x.id);
  const counts = await repo.answerCounts(deps.h.db, actor.clinicId, ids);
  const flags = reader ? await repo.redFlagsOf(deps.h.db, actor.clinicId, ids) : [];
  const open = new Map<string, string>();
  for (const o of await repo.openHealthQuestionnaires(deps.h.db, actor.clinicId, patients)) if (!open.has(o.patient_id)) open.set(o.patient_id, o.id);
  const items = visits.map((v) => {
    const doc = latest.get(v.patient_id) ?? null;
    const state = anamnesisState(doc?.date ?? null, v.local_date, months);
    return {
      appointmentId: v.id, patientId: v.patient_id, state, documentId: doc?.id ?? null, signedDate: doc?.date ?? null,
      validUntil: doc ? addMonths(doc.date, months) : null, answered: !!doc && (counts.get(doc.id) ?? 0) > 0,
      redFlags: reader && state === 'valid' && doc
        ? flags.filter((f) => f.document_id === doc.id).map((f) => ({ questionId: f.question_id, label: redFlagLabels[f.question_id] ?? f.question_id, text: f.text }))
        : null,
      openDocumentId: open.get(v.patient_id) ?? null,
    };
  });
  const shown = items.filter((i) => i.redFlags?.length);
  if (shown.length) {
    // Health data read (152-FZ art. 10): one journal line per patient whose red flags were shown.
    await withTx(deps.h, async (trx) => {
      for (const p of new Set(shown.map((i) => i.patientId))) {
        await appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'read', objectType: 'patient_document', objectId: latest.get(p)!.id, patientId: p, details: { via } }));
      }
    });
  }
  return items;
}

/** The visit panel's «Анамнез» (or the renewal reminder). */
export async function visitAnamnesis(deps: Deps, actor: Actor, appointmentId: string): Promise<AnamnesisDto> {
  const v = await docs.visit(deps.h.db, actor.clinicId, appointmentId);
  if (!v) throw notFound(VISIT);
  return (await build(deps, actor, [v], 'appointment'))[0];
}

/** The day's live visits (a doctor's «Мой день», the confirmation list of that day), one item each. */
export async function dayAnamnesis(deps: Deps, actor: Actor, q: { date: string; doctorId?: string }) {
  if (q.doctorId && !(await docs.doctorName(deps.h.db, actor.clinicId, q.doctorId))) throw notFound(DOCTOR);
  const visits = (await docs.visitsOn(deps.h.db, actor.clinicId, q.date)).filter((v) => !q.doctorId || v.doctor_id === q.doctorId);
  return { date: q.date, items: await build(deps, actor, visits, 'day') };
}
