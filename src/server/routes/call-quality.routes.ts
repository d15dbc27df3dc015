import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CallQualityView, QualityInput, QualityListQuery, QualityPage, QualityResults, QualityResultsQuery, QualityScore } from '../../contracts/call-quality.js';
import { IdParams } from '../../contracts/common.js';
import * as quality from '../../services/call-quality.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /calls/:id/quality and /call-quality: CALL-8, a supervisor scores calls against the checklist; results per administrator. */
export const callQualityRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['calls'];
  const Q = 'calls.quality' as const;
  app.get('/calls/:id/quality', { config: { access: Q }, schema: { tags, summary: 'The checklist and the call’s score, if scored', params: IdParams, response: { 200: CallQualityView } } }, async (req) =>
    quality.callQuality(deps, actorOf(req), req.params.id));
  app.put('/calls/:id/quality', { config: { access: Q }, schema: { tags, summary: 'Score the call against the checklist (scoring again replaces the marks)', params: IdParams, body: QualityInput, response: { 200: QualityScore } } }, async (req) =>
    quality.scoreCall(deps, actorOf(req), req.params.id, req.body));
  app.get('/call-quality', { config: { access: Q }, schema: { tags, summary: 'Scores of the calls made in the months asked, newest first', querystring: QualityListQuery, response: { 200: QualityPage } } }, async (req) =>
    quality.listScores(deps, actorOf(req), req.query));
  app.get('/call-quality/results', { config: { access: Q }, schema: { tags, summary: 'Average per administrator and month, share of each item, the weakest items', querystring: QualityResultsQuery, response: { 200: QualityResults } } }, async (req) =>
    quality.results(deps, actorOf(req), req.query));
};
