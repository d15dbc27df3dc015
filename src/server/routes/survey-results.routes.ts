import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { SurveyCallsQuery, SurveyResultsQuery, SurveyReviewInput } from '../../contracts/survey-results.js';
import { surveyCalls, surveyLeavingStats, surveyResults } from '../../services/survey-results.service.js';
import { addReview, doctorFeedback, listReviews } from '../../services/survey-staff.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/**
 * The results of the post-treatment survey and the work with staff on them (SURV-3/4): figures per
 * doctor, service, branch and month, the calls behind any figure, the desk's «Пациент уходит»
 * figures, each doctor's feedback and the notes of the review meetings. Management only: the lists
 * name patients and the figures rate colleagues.
 */
export const surveyResultsRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['surveys'];
  app.get('/surveys/results', { config: { access: 'surveys.read' }, schema: { tags, summary: 'NPS, averages, complaints per doctor, service, branch and month', querystring: SurveyResultsQuery } }, async (req) =>
    surveyResults(deps, actorOf(req), req.query));
  app.get('/surveys/results/calls', { config: { access: 'surveys.read' }, schema: { tags, summary: 'The survey calls behind a figure (patient, date, doctor, scores, comment), paged', querystring: SurveyCallsQuery } }, async (req) =>
    surveyCalls(deps, actorOf(req), req.query));
  app.get('/surveys/leaving', { config: { access: 'surveys.read' }, schema: { tags, summary: '«Пациент уходит» of the period’s visits: reviews asked and where, flyers, gifts, next visit', querystring: SurveyResultsQuery } }, async (req) =>
    surveyLeavingStats(deps, actorOf(req), req.query));
  const FeedbackQuery = SurveyResultsQuery.omit({ doctorId: true });
  app.get('/doctors/:id/survey-feedback', { config: { access: 'surveys.read' }, schema: { tags, summary: 'A doctor’s survey feedback: figures, remarks, follow-up tasks, review meetings', params: IdParams, querystring: FeedbackQuery } }, async (req) =>
    doctorFeedback(deps, actorOf(req), req.params.id, req.query));
  app.get('/doctors/:id/survey-reviews', { config: { access: 'surveys.read' }, schema: { tags, summary: 'Notes of the review meetings with the doctor', params: IdParams } }, async (req) =>
    listReviews(deps, actorOf(req), req.params.id));
  app.post('/doctors/:id/survey-reviews', { config: { access: 'surveys.manage' }, schema: { tags, summary: 'Add the note of a review meeting (chief doctor)', params: IdParams, body: SurveyReviewInput } }, async (req, reply) =>
    reply.status(201).send(await addReview(deps, actorOf(req), req.params.id, req.body)));
};
