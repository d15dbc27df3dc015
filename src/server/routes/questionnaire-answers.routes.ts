import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { Anamnesis, AnamnesisDay, AnamnesisDayQuery, AnswersInput, QuestionnaireForm } from '../../contracts/questionnaire-answers.js';
import * as anamnesis from '../../services/anamnesis.service.js';
import * as answers from '../../services/questionnaire-answers.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** DOC-2/DOC-3 answers as data: the questionnaire form, saving answers before signing, the appointment's «Анамнез» and renewal reminder (issue #11). */
export const questionnaireAnswerRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['documents'];
  app.get('/documents/:id/answers', {
    config: { access: 'patients.read' },
    schema: { tags, summary: 'A questionnaire’s questions and answers (a signed health questionnaire’s answers need anamnesis.read: null otherwise)', params: IdParams, response: { 200: QuestionnaireForm } },
  }, async (req) => answers.questionnaireForm(deps, actorOf(req), req.params.id));
  app.put('/documents/:id/answers', {
    config: { access: 'questionnaires.fill' },
    schema: { tags, summary: 'Save the answers of an open questionnaire (frozen once signed; DOC-3 answers go to the service card once)', params: IdParams, body: AnswersInput, response: { 200: QuestionnaireForm } },
  }, async (req) => answers.saveAnswers(deps, actorOf(req), req.params.id, req.body));
  app.get('/appointments/:id/anamnesis', {
    config: { access: 'patients.read' },
    schema: { tags, summary: 'The health questionnaire as of the visit’s day: red flags (anamnesis.read) or the renewal reminder', params: IdParams, response: { 200: Anamnesis } },
  }, async (req) => anamnesis.visitAnamnesis(deps, actorOf(req), req.params.id));
  app.get('/anamnesis/day', {
    config: { access: 'patients.read' },
    schema: { tags, summary: 'The same for every live visit of a day (a doctor’s day, the confirmation list)', querystring: AnamnesisDayQuery, response: { 200: AnamnesisDay } },
  }, async (req) => anamnesis.dayAnamnesis(deps, actorOf(req), req.query));
};
