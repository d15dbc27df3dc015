import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { SurveyAnswersTable, SurveyCallsTable, SurveyQuestionnairesTable } from '../schema.js';

/** The newest saved questionnaire version of the clinic (SURV-2), or undefined when none was saved. */
export async function latestQuestionnaire(db: Db, clinicId: string) {
  return db.selectFrom('survey_questionnaires').select(['version', 'questions_json']).where('clinic_id', '=', clinicId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** Every saved questionnaire version of the clinic, newest first (the results name the questions of earlier versions too). */
export async function allQuestionnaires(db: Db, clinicId: string) {
  return db.selectFrom('survey_questionnaires').select(['version', 'questions_json']).where('clinic_id', '=', clinicId).orderBy('version', 'desc').execute();
}

export async function insertQuestionnaire(trx: Db, row: SurveyQuestionnairesTable) {
  await trx.insertInto('survey_questionnaires').values(row).execute();
}

/** Every consent answer of the clinic, oldest first (so the latest per patient wins when folded). */
export async function clinicConsentsOldestFirst(db: Db, clinicId: string) {
  return db.selectFrom('survey_consents').select(['patient_id', 'status', 'preferred_time', 'channel', 'recorded_at']).where('clinic_id', '=', clinicId).orderBy('recorded_at', 'asc').execute();
}

/** Visits of these patients with the doctor's name, for the survey list. */
export async function surveyVisitsOf(db: Db, clinicId: string, patientIds: string[]) {
  return db.selectFrom('appointments as a').leftJoin('doctors as d', 'd.id', 'a.doctor_id')
    .select(['a.id', 'a.patient_id', 'a.local_date', 'a.starts_at', 'a.status', 'a.doctor_id', 'a.branch_id', 'a.kind', 'd.surname as d_surname', 'd.first_name as d_first'])
    .where('a.clinic_id', '=', clinicId).where('a.patient_id', 'in', patientIds).execute();
}

/** Survey call attempts of these patients, oldest first. */
export async function surveyCallsOf(db: Db, clinicId: string, patientIds: string[]) {
  return db.selectFrom('survey_calls as c').leftJoin('users as u', 'u.id', 'c.called_by')
    .select(['c.id', 'c.patient_id', 'c.outcome', 'c.called_at', 'c.callback_at', 'c.comment', 'u.full_name as by_name'])
    .where('c.clinic_id', '=', clinicId).where('c.patient_id', 'in', patientIds).orderBy('c.called_at', 'asc').orderBy('c.id', 'asc').execute();
}

export async function surveyPatientNames(db: Db, clinicId: string, patientIds: string[]) {
  return db.selectFrom('patients').select(['id', 'surname', 'first_name', 'patronymic', 'address_as']).where('clinic_id', '=', clinicId).where('id', 'in', patientIds).execute();
}

/** Phones of these patients (the callers have already limited the ids to the clinic's patients). */
export async function surveyPatientPhones(db: Db, patientIds: string[]) {
  return db.selectFrom('patient_phones').select(['patient_id', 'number']).where('patient_id', 'in', patientIds).execute();
}

export async function clinicName(db: Db, clinicId: string) {
  return db.selectFrom('clinics').select('name').where('id', '=', clinicId).executeTakeFirstOrThrow();
}

/** The patient's visit the survey call is about, or undefined when it is not theirs. */
export async function surveyVisit(db: Db, clinicId: string, patientId: string, appointmentId: string) {
  return db.selectFrom('appointments').select(['id', 'doctor_id', 'branch_id', 'local_date', 'status']).where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).where('id', '=', appointmentId).executeTakeFirst();
}

export async function insertSurveyCall(trx: Db, row: Insertable<SurveyCallsTable>) {
  await trx.insertInto('survey_calls').values(row).execute();
}

export async function insertSurveyAnswer(trx: Db, row: SurveyAnswersTable) {
  await trx.insertInto('survey_answers').values(row).execute();
}

export interface SurveyResultsFilter { from?: string; to?: string; doctorId?: string; branchId?: string }

/** SURV-3: answers of completed surveys with the call's doctor, branch and visit date; the period filters the visit date. */
export async function completedSurveyAnswers(db: Db, clinicId: string, f: SurveyResultsFilter) {
  let sel = db.selectFrom('survey_calls as c').innerJoin('survey_answers as a', 'a.survey_call_id', 'c.id').leftJoin('doctors as d', 'd.id', 'c.doctor_id')
    .select(['c.id as call_id', 'c.doctor_id', 'c.branch_id', 'c.visit_date', 'c.called_at', 'd.surname as d_surname', 'd.first_name as d_first', 'a.question_key', 'a.score'])
    .where('c.clinic_id', '=', clinicId).where('c.outcome', '=', 'completed');
  if (f.from) sel = sel.where('c.visit_date', '>=', f.from);
  if (f.to) sel = sel.where('c.visit_date', '<=', f.to);
  if (f.doctorId) sel = sel.where('c.doctor_id', '=', f.doctorId);
  if (f.branchId) sel = sel.where('c.branch_id', '=', f.branchId);
  return sel.execute();
}
