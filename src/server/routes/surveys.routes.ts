import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { SurveyConsentInput, SurveyConsentView } from '../../contracts/survey-consent.js';
import * as consent from '../../services/survey-consent.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** The post-treatment phone survey (SURV-1..4): the patient's consent, the call list, the questionnaire, the results. */
export const surveyRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['surveys'];
  app.get('/patients/:id/survey-consent', { config: { access: 'patients.read' }, schema: { tags, summary: 'The consent to the survey in force and its history (SVC-1)', params: IdParams, response: { 200: SurveyConsentView } } }, async (req) =>
    consent.surveyConsentView(deps.h.db, actorOf(req), req.params.id));
  app.put('/patients/:id/survey-consent', { config: { access: 'servicecard.write' }, schema: { tags, summary: 'Record the patient’s answer: agreed or refused, when and how to reach them', params: IdParams, body: SurveyConsentInput, response: { 200: SurveyConsentView } } }, async (req) =>
    consent.putSurveyConsent(deps, actorOf(req), req.params.id, req.body));
};
