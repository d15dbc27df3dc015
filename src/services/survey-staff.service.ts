import type { z } from 'zod';
import type { SurveyReviewInput } from '../contracts/survey-results.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import { getDoctor } from '../db/repos/doctors.repo.js';
import * as repo from '../db/repos/survey-results.repo.js';
import { fieldError, notFound } from '../domain/errors.js';
import { localDateOf } from '../domain/schedule/time.js';
import { isLowCall } from '../domain/survey-results.js';
import { addEntryTx, authorName } from './service-card.service.js';
import { callItem, loadCalls, surveyResults, type ResultsQuery } from './survey-results.service.js';
import { auditEntry, type Actor, type Deps } from './context.js';

const DOCTOR = { ru: 'Врач', en: 'Doctor' };

async function doctorOf(deps: Deps, actor: Actor, id: string) {
  const d = await getDoctor(deps.h.db, actor.clinicId, id);
  if (!d) throw notFound(DOCTOR);
  return d;
}

function reviewView(r: Awaited<ReturnType<typeof repo.reviewsOf>>[number]) {
  return { id: r.id, meetingDate: r.meeting_date, participants: r.participants, text: r.text, createdAt: r.created_at, createdBy: r.created_by_name };
}

export async function listReviews(deps: Deps, actor: Actor, doctorId: string) {
  await doctorOf(deps, actor, doctorId);
  return { items: (await repo.reviewsOf(deps.h.db, actor.clinicId, doctorId)).map(reviewView) };
}

/** SURV-4: the note of the review meeting held with the doctor on the results (chief doctor). */
export async function addReview(deps: Deps, actor: Actor, doctorId: string, input: z.infer<typeof SurveyReviewInput>) {
  await doctorOf(deps, actor, doctorId);
  const now = deps.clock();
  // The note of a meeting held, not of one planned: no later than the clinic's today.
  const { time_zone: tz } = await clinicTimeAndSettings(deps.h.db, actor.clinicId);
  if (input.meetingDate > localDateOf(now.getTime(), tz)) throw fieldError('meetingDate', { ru: 'Дата встречи ещё не наступила', en: 'The meeting date is still ahead' });
  const id = newId();
  await withTx(deps.h, async (trx) => {
    await repo.insertReview(trx, {
      id, clinic_id: actor.clinicId, doctor_id: doctorId, meeting_date: input.meetingDate, participants: input.participants.trim(), text: input.text.trim(),
      created_by: actor.userId, created_at: now.toISOString(),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'survey_review', objectId: id, details: { doctorId, meetingDate: input.meetingDate } }));
  });
  return (await listReviews(deps, actor, doctorId)).items.find((r) => r.id === id)!;
}

/**
 * SURV-4: one doctor's feedback for the period — the figures with the clinic's for comparison,
 * the month trend, the remarks (low results, complaints, comments), the follow-up tasks the low
 * results raised with their due dates and outcomes, and the notes of the review meetings.
 */
export async function doctorFeedback(deps: Deps, actor: Actor, doctorId: string, q: Omit<ResultsQuery, 'doctorId'>) {
  const d = await doctorOf(deps, actor, doctorId);
  const clinic = await surveyResults(deps, actor, { ...q, doctorId: undefined });
  const mine = await surveyResults(deps, actor, { ...q, doctorId });
  const { calls } = await loadCalls(deps, actor, { ...q, doctorId });
  const remarks = calls.filter((c) => isLowCall(c) || c.comment || c.texts.length).slice(0, 100).map(callItem);
  const { time_zone: tz } = await clinicTimeAndSettings(deps.h.db, actor.clinicId);
  const today = localDateOf(deps.clock().getTime(), tz);
  const followUps = (await repo.doctorFollowUps(deps.h.db, actor.clinicId, doctorId)).map((t) => ({
    id: t.id, title: t.title, details: t.details, dueDate: t.due_date, status: t.status, outcome: t.outcome, closedAt: t.closed_at, closedBy: t.closed_by_name,
    createdAt: t.created_at, overdue: t.status === 'open' && !!t.due_date && t.due_date < today,
    patientId: t.patient_id, patientName: [t.p_surname, t.p_first, t.p_patronymic].filter(Boolean).join(' '), visitDate: t.visit_date,
  }));
  return {
    doctor: { id: d.id, name: [d.surname, d.firstName, d.patronymic].filter(Boolean).join(' ') },
    questions: mine.questions,
    figures: mine.total,
    clinic: clinic.total,
    byMonth: mine.byMonth,
    remarks,
    followUps,
    reviews: (await repo.reviewsOf(deps.h.db, actor.clinicId, doctorId)).map(reviewView),
  };
}
