import type { z } from 'zod';
import type { SurveyConsent, SurveyConsentInput, SurveyConsentView } from '../contracts/survey-consent.js';
import type { Db } from '../db/connect.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { getPatientRow } from '../db/repos/patients.repo.js';
import { consentsOf, insertConsent, type ConsentRow } from '../db/repos/survey-consents.repo.js';
import { notFound } from '../domain/errors.js';
import { auditEntry, type Actor, type Deps } from './context.js';

const PATIENT = { ru: 'Пациент', en: 'Patient' };

function toDto(r: ConsentRow): z.infer<typeof SurveyConsent> {
  return {
    id: r.id, status: r.status, preferredTime: r.preferred_time, channel: r.channel,
    recordedBy: r.recorded_by ? { id: r.recorded_by, name: r.recorded_by_name ?? '' } : null, recordedAt: r.recorded_at,
  };
}

/**
 * The consent in force for the post-treatment survey (SVC-1, SURV-1): the latest answer, or null
 * when the patient was never asked (then nobody calls them). Works inside a caller's transaction.
 */
export async function getSurveyConsent(db: Db, actor: Actor, patientId: string): Promise<z.infer<typeof SurveyConsent> | null> {
  const rows = await consentsOf(db, actor.clinicId, patientId);
  return rows[0] ? toDto(rows[0]) : null;
}

/** The consent in force and every earlier answer, newest first; 404 for another clinic's patient. */
export async function surveyConsentView(db: Db, actor: Actor, patientId: string): Promise<z.infer<typeof SurveyConsentView>> {
  if (!(await getPatientRow(db, actor.clinicId, patientId))) throw notFound(PATIENT);
  const rows = (await consentsOf(db, actor.clinicId, patientId)).map(toDto);
  return { consent: rows[0] ?? null, history: rows };
}

/**
 * Records the patient's answer (agreed / refused, when and how to reach them) as a new row: the
 * history stays, the latest wins. Audited. Pass a transaction to join the caller's one.
 */
export async function recordSurveyConsent(db: Db, actor: Actor, patientId: string, input: z.input<typeof SurveyConsentInput>, now: Date = new Date()) {
  if (!(await getPatientRow(db, actor.clinicId, patientId))) throw notFound(PATIENT);
  const id = newId();
  await insertConsent(db, {
    id, clinic_id: actor.clinicId, patient_id: patientId, status: input.status, preferred_time: input.preferredTime?.trim() || null,
    channel: input.channel ?? 'phone', recorded_by: actor.userId, recorded_at: now.toISOString(),
  });
  await appendAudit(db, auditEntry(actor, now, { action: 'update', objectType: 'survey_consent', objectId: id, patientId, details: { status: input.status } }));
  return getSurveyConsent(db, actor, patientId);
}

/** The route's use case: one transaction, the clinic's clock. */
export async function putSurveyConsent(deps: Deps, actor: Actor, patientId: string, input: z.input<typeof SurveyConsentInput>) {
  const now = deps.clock();
  await withTx(deps.h, (trx) => recordSurveyConsent(trx, actor, patientId, input, now));
  return surveyConsentView(deps.h.db, actor, patientId);
}
