import type { Db } from '../connect.js';
import type { PatientDocumentsTable, QuestionnaireAnswersTable } from '../schema-documents.js';

/** DOC-2/DOC-3 answers (migration 032) and the service-card entries a «careful» answer wrote. */
export type AnswerRow = QuestionnaireAnswersTable;

export async function answersOf(db: Db, clinicId: string, documentId: string): Promise<AnswerRow[]> {
  return db.selectFrom('questionnaire_answers').selectAll().where('clinic_id', '=', clinicId).where('document_id', '=', documentId).orderBy('question_id').execute() as Promise<AnswerRow[]>;
}

/** The red-flag answers of several documents at once (the day's appointments). */
export async function redFlagsOf(db: Db, clinicId: string, documentIds: string[]): Promise<AnswerRow[]> {
  if (!documentIds.length) return [];
  return db
    .selectFrom('questionnaire_answers')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('document_id', 'in', documentIds)
    .where('red_flag', '=', 1)
    .orderBy('question_id')
    .execute() as Promise<AnswerRow[]>;
}

/** How many answers each document holds (a questionnaire signed on paper may have none typed in). */
export async function answerCounts(db: Db, clinicId: string, documentIds: string[]): Promise<Map<string, number>> {
  if (!documentIds.length) return new Map();
  const rows = await db
    .selectFrom('questionnaire_answers')
    .select(['document_id'])
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('clinic_id', '=', clinicId)
    .where('document_id', 'in', documentIds)
    .groupBy('document_id')
    .execute();
  return new Map(rows.map((r) => [r.document_id, Number(r.n)]));
}

export async function insertAnswer(trx: Db, row: AnswerRow) {
  await trx.insertInto('questionnaire_answers').values(row).execute();
}

export async function updateAnswer(trx: Db, clinicId: string, id: string, patch: Partial<AnswerRow>) {
  await trx.updateTable('questionnaire_answers').set(patch).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

export async function deleteAnswer(trx: Db, clinicId: string, id: string) {
  await trx.deleteFrom('questionnaire_answers').where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

/** The signed health questionnaires of these patients, newest first (the caller takes each patient's latest). */
export async function signedHealthQuestionnaires(db: Db, clinicId: string, patientIds: string[]): Promise<PatientDocumentsTable[]> {
  if (!patientIds.length) return [];
  return db
    .selectFrom('patient_documents')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', 'in', patientIds)
    .where('kind', '=', 'health_questionnaire')
    .where('status', 'in', ['signed_on_screen', 'signed_on_paper'])
    .orderBy('signed_at', 'desc')
    .orderBy('id', 'desc')
    .execute() as Promise<PatientDocumentsTable[]>;
}

/** Still open (issued, not signed) health questionnaires of these patients, newest first: the ones to fill in. */
export async function openHealthQuestionnaires(db: Db, clinicId: string, patientIds: string[]): Promise<{ id: string; patient_id: string }[]> {
  if (!patientIds.length) return [];
  return db
    .selectFrom('patient_documents')
    .select(['id', 'patient_id'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', 'in', patientIds)
    .where('kind', '=', 'health_questionnaire')
    .where('status', '=', 'issued')
    .orderBy('issued_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** A questionnaire-written service-card entry follows its answer while the questionnaire is open. */
export async function updateCardEntryText(trx: Db, clinicId: string, id: string, text: string, isAlert: 0 | 1) {
  await trx.updateTable('service_card_entries').set({ text, is_alert: isAlert }).where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

export async function deleteCardEntry(trx: Db, clinicId: string, id: string) {
  await trx.deleteFrom('service_card_entries').where('clinic_id', '=', clinicId).where('id', '=', id).execute();
}

/** The document's content rewritten with the answers (before signing: they become part of what is signed). */
/** Returns false when the document was signed meanwhile: the caller rolls back. */
export async function setDocumentContent(trx: Db, clinicId: string, id: string, content: { content_json: string; content_sha256: string; updated_at: string }): Promise<boolean> {
  const r = await trx.updateTable('patient_documents').set(content).where('clinic_id', '=', clinicId).where('id', '=', id).where('status', '=', 'issued').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
