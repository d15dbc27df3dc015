import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contracts/common.js';
import {
  MySvcRegulationStatus, ReviewSites, ReviewSitesInput, SvcRegulation, SvcRegulationConfirmations, SvcRegulationInput, SvcRegulationVersionParams, VisitLeaving, VisitLeavingInput,
} from '../../contracts/svc-regulation.js';
import * as reg from '../../services/service-card-regulation.service.js';
import * as leaving from '../../services/visit-leaving.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /service-card-regulation (SVC-11), /appointments/:id/leaving and /clinic/review-sites (DESK-2/3). */
export const svcRegulationRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['service card'];
  const A = 'authenticated' as const;
  app.get('/service-card-regulation', { config: { access: A }, schema: { tags, summary: 'The current service card regulation', response: { 200: SvcRegulation } } }, async (req) =>
    reg.getRegulation(deps, actorOf(req)));
  app.get('/service-card-regulation/mine', { config: { access: A }, schema: { tags, summary: 'Whether I still have to confirm the current version', response: { 200: MySvcRegulationStatus } } }, async (req) =>
    reg.myRegulationStatus(deps, actorOf(req)));
  app.post('/service-card-regulation/mine/confirm', { config: { access: A }, schema: { tags, summary: '«Ознакомлен(а)» with this version', body: z.strictObject({ version: z.number().int().min(1) }), response: { 200: MySvcRegulationStatus } } }, async (req) =>
    reg.confirmRegulation(deps, actorOf(req), req.body.version));
  app.get('/service-card-regulation/confirmations', { config: { access: 'team.manage' }, schema: { tags, summary: 'Who has not confirmed the current version', response: { 200: SvcRegulationConfirmations } } }, async (req) =>
    reg.regulationConfirmations(deps, actorOf(req)));
  app.get('/service-card-regulation/versions/:version', { config: { access: A }, schema: { tags, params: SvcRegulationVersionParams, response: { 200: SvcRegulation } } }, async (req) =>
    reg.getRegulation(deps, actorOf(req), req.params.version));
  app.post('/service-card-regulation', { config: { access: 'team.manage' }, schema: { tags, summary: 'Save a new version (everyone confirms again)', body: SvcRegulationInput, response: { 201: SvcRegulation } } }, async (req, reply) =>
    reply.status(201).send(await reg.saveRegulation(deps, actorOf(req), req.body)));

  app.get('/clinic/review-sites', { config: { access: A }, schema: { tags, summary: 'Where the desk asks for a review', response: { 200: ReviewSites } } }, async (req) =>
    ({ sites: await leaving.reviewSites(deps, actorOf(req)) }));
  app.put('/clinic/review-sites', { config: { access: 'clinic.write' }, schema: { tags, body: ReviewSitesInput, response: { 200: ReviewSites } } }, async (req) =>
    ({ sites: await leaving.saveReviewSites(deps, actorOf(req), req.body.sites) }));
  app.get('/appointments/:id/leaving', { config: { access: 'schedule.read' }, schema: { tags, params: IdParams, response: { 200: z.object({ leaving: VisitLeaving.nullable() }) } } }, async (req) =>
    ({ leaving: await leaving.getLeaving(deps, actorOf(req), req.params.id) }));
  app.put('/appointments/:id/leaving', { config: { access: 'schedule.status' }, schema: { tags, summary: 'DESK-2/3: what happened when the patient left, in one save', params: IdParams, body: VisitLeavingInput, response: { 200: VisitLeaving } } }, async (req) =>
    leaving.recordLeaving(deps, actorOf(req), req.params.id, req.body));
};
