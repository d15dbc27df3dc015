import type { Db } from '../connect.js';
import type { SurveyReviewsTable } from '../schema.js';

/** The filter of the results screen (SURV-3): the period filters the visit date the call is about. */
export interface SurveyFilter { from?: string; to?: string; doctorId?: string; branchId?: string }

/** Completed survey calls of the filter with patient, doctor and branch names. */
export async function completedCalls(db: Db, clinicId: string, f: SurveyFilter) {
  let sel = db.selectFrom('survey_calls as c')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .leftJoin('doctors as d', 'd.id', 'c.doctor_id')
    .leftJoin('branches as b', 'b.id', 'c.branch_id')
    .select([
      'c.id', 'c.patient_id', 'p.surname as p_surname', 'p.first_name as p_first', 'p.patronymic as p_patronymic', 'c.appointment_id', 'c.doctor_id',
      'd.surname as d_surname', 'd.first_name as d_first', 'c.branch_id', 'b.name as branch_name', 'c.visit_date', 'c.called_at', 'c.complaint', 'c.comment', 'c.task_id',
    ])
    .where('c.clinic_id', '=', clinicId).where('c.outcome', '=', 'completed');
  if (f.from) sel = sel.where('c.visit_date', '>=', f.from);
  if (f.to) sel = sel.where('c.visit_date', '<=', f.to);
  if (f.doctorId) sel = sel.where('c.doctor_id', '=', f.doctorId);
  if (f.branchId) sel = sel.where('c.branch_id', '=', f.branchId);
  return sel.orderBy('c.called_at', 'desc').orderBy('c.id').execute();
}

/** The answers of the same calls (joined again rather than listed by id: a period may hold thousands). */
export async function completedAnswers(db: Db, clinicId: string, f: SurveyFilter) {
  let sel = db.selectFrom('survey_answers as a').innerJoin('survey_calls as c', 'c.id', 'a.survey_call_id')
    .select(['a.survey_call_id as call_id', 'a.question_key', 'a.score', 'a.text'])
    .where('c.clinic_id', '=', clinicId).where('c.outcome', '=', 'completed');
  if (f.from) sel = sel.where('c.visit_date', '>=', f.from);
  if (f.to) sel = sel.where('c.visit_date', '<=', f.to);
  if (f.doctorId) sel = sel.where('c.doctor_id', '=', f.doctorId);
  if (f.branchId) sel = sel.where('c.branch_id', '=', f.branchId);
  return sel.execute();
}

/** The services of the visits the calls are about: the lines of their bills that were not cancelled. */
export async function calledVisitServices(db: Db, clinicId: string, f: SurveyFilter) {
  let sel = db.selectFrom('survey_calls as c')
    .innerJoin('bills as bl', (j) => j.onRef('bl.appointment_id', '=', 'c.appointment_id').onRef('bl.clinic_id', '=', 'c.clinic_id'))
    .innerJoin('bill_lines as l', 'l.bill_id', 'bl.id')
    .select(['c.id as call_id', 'l.code', 'l.name'])
    .where('c.clinic_id', '=', clinicId).where('c.outcome', '=', 'completed').where('bl.status', '!=', 'cancelled');
  if (f.from) sel = sel.where('c.visit_date', '>=', f.from);
  if (f.to) sel = sel.where('c.visit_date', '<=', f.to);
  if (f.doctorId) sel = sel.where('c.doctor_id', '=', f.doctorId);
  if (f.branchId) sel = sel.where('c.branch_id', '=', f.branchId);
  return sel.execute();
}

/** DESK-3 records of the visits of the filter (by the visit's date, branch and doctor). */
export async function leavingsOfVisits(db: Db, clinicId: string, f: SurveyFilter) {
  let sel = db.selectFrom('visit_leavings as l').innerJoin('appointments as a', 'a.id', 'l.appointment_id')
    .select(['l.next_visit', 'l.review_asked', 'l.review_site', 'l.flyers', 'l.gift'])
    .where('l.clinic_id', '=', clinicId).where('a.clinic_id', '=', clinicId);
  if (f.from) sel = sel.where('a.local_date', '>=', f.from);
  if (f.to) sel = sel.where('a.local_date', '<=', f.to);
  if (f.doctorId) sel = sel.where('a.doctor_id', '=', f.doctorId);
  if (f.branchId) sel = sel.where('a.branch_id', '=', f.branchId);
  return sel.execute();
}

/** SURV-4: the follow-up tasks raised by low scores of a doctor's patients, newest first. */
export async function doctorFollowUps(db: Db, clinicId: string, doctorId: string) {
  return db.selectFrom('tasks as t').innerJoin('survey_calls as c', 'c.task_id', 't.id')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .leftJoin('users as u', 'u.id', 't.closed_by')
    .select([
      't.id', 't.title', 't.details', 't.due_date', 't.status', 't.outcome', 't.closed_at', 'u.full_name as closed_by_name', 't.created_at',
      'c.id as call_id', 'c.patient_id', 'p.surname as p_surname', 'p.first_name as p_first', 'p.patronymic as p_patronymic', 'c.visit_date',
    ])
    .where('t.clinic_id', '=', clinicId).where('c.clinic_id', '=', clinicId).where('c.doctor_id', '=', doctorId)
    .orderBy('t.created_at', 'desc').limit(200).execute();
}

/** The survey call that raised this task, if it came from a survey. */
export async function surveyCallOfTask(db: Db, clinicId: string, taskId: string) {
  return db.selectFrom('survey_calls').select(['id', 'patient_id', 'appointment_id']).where('clinic_id', '=', clinicId).where('task_id', '=', taskId).executeTakeFirst();
}

export async function reviewsOf(db: Db, clinicId: string, doctorId: string) {
  return db.selectFrom('survey_reviews as r').leftJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.id', 'r.meeting_date', 'r.participants', 'r.text', 'r.created_at', 'u.full_name as created_by_name'])
    .where('r.clinic_id', '=', clinicId).where('r.doctor_id', '=', doctorId)
    .orderBy('r.meeting_date', 'desc').orderBy('r.created_at', 'desc').execute();
}

export async function insertReview(trx: Db, row: SurveyReviewsTable) {
  await trx.insertInto('survey_reviews').values(row).execute();
}
