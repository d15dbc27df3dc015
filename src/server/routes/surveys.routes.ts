import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { SurveyConsentInput, SurveyConsentView } from '../../contracts/survey-consent.js';
import * as consent from '../../services/survey-consent.service.js';
import * as surveys from '../../services/surveys.service.js';
import { z } from 'zod';
import { Id, Instant, LIMITS, OptText, Text } from '../../contracts/common.js';
import { SURVEY_OUTCOMES } from '../../domain/surveys.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** The post-treatment phone survey (SURV-1..4): the patient's consent, the call list, the questionnaire, the results. */
export const surveyRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['surveys'];
  app.get('/patients/:id/survey-consent', { config: { access: 'patients.read' }, schema: { tags, summary: 'The consent to the survey in force and its history (SVC-1)', params: IdParams, response: { 200: SurveyConsentView } } }, async (req) =>
    consent.surveyConsentView(deps.h.db, actorOf(req), req.params.id));
  app.put('/patients/:id/survey-consent', { config: { access: 'servicecard.write' }, schema: { tags, summary: 'Record the patient’s answer: agreed or refused, when and how to reach them', params: IdParams, body: SurveyConsentInput, response: { 200: SurveyConsentView } } }, async (req) =>
    consent.putSurveyConsent(deps, actorOf(req), req.params.id, req.body));
  const Question = z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), kind: z.enum(['score5', 'nps', 'text']), ru: Text(LIMITS.shortText * 2), en: Text(LIMITS.shortText * 2) });
  const Questionnaire = z.object({ version: z.number().int(), questions: z.array(Question) });
  app.get('/surveys/questionnaire', { config: { access: 'calls.write' }, schema: { tags, summary: 'The questionnaire in force', response: { 200: Questionnaire } } }, async (req) =>
    surveys.currentQuestionnaire(deps.h.db, actorOf(req).clinicId));
  app.put('/surveys/questionnaire', { config: { access: 'surveys.manage' }, schema: { tags, summary: 'Save a new version (chief doctor)', body: z.strictObject({ questions: z.array(Question).min(1).max(30) }), response: { 200: Questionnaire } } }, async (req) =>
    surveys.saveQuestionnaire(deps, actorOf(req), req.body.questions));
  app.get('/surveys/worklist', { config: { access: 'calls.write' }, schema: { tags, summary: 'Patients to survey today (agreed, treatment ended, not surveyed recently)' } }, async (req) =>
    surveys.surveyWorklist(deps, actorOf(req)));
  const CallInput = z.strictObject({
    appointmentId: Id.nullable().optional(), outcome: z.enum(SURVEY_OUTCOMES), callbackAt: Instant.nullable().optional(), complaint: z.boolean().optional(), comment: OptText(LIMITS.text),
    answers: z.array(z.strictObject({ key: z.string().max(40), score: z.number().int().nullable().optional(), text: OptText(LIMITS.text) })).max(30).optional(),
  });
  app.post('/patients/:id/survey-calls', { config: { access: 'calls.write' }, schema: { tags, summary: 'Record a survey call attempt and its answers', params: IdParams, body: CallInput } }, async (req, reply) =>
    reply.status(201).send(await surveys.recordSurveyCall(deps, actorOf(req), req.params.id, req.body)));
  // The results (GET /surveys/results …) live in survey-results.routes.ts.
};
