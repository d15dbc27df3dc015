import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { Destruction, DestructionAct, DestructionInput, DestructionList, DestructionPage, DueList } from '../../contracts/retention.js';
import * as retention from '../../services/retention.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** 152-FZ art. 21: destroying a patient's personal data, the register of acts, the due list. */
export const retentionRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['retention'];
  app.post('/patients/:id/destruction', {
    config: { access: 'patients.destroy' },
    schema: { tags, summary: "Destroy a patient's personal data, keeping the medical record the law requires; writes the act", params: IdParams, body: DestructionInput, response: { 201: Destruction } },
  }, async (req, reply) => reply.status(201).send(await retention.destroyPatientData(deps, actorOf(req), req.params.id, req.body)));
  app.get('/pd-destructions', { config: { access: 'patients.destroy' }, schema: { tags, summary: 'The register of destruction acts', querystring: DestructionList, response: { 200: DestructionPage } } }, async (req) =>
    retention.listDestructions(deps, actorOf(req), req.query));
  app.get('/pd-destructions/due', { config: { access: 'patients.destroy' }, schema: { tags, summary: 'Patients whose retention period has ended', response: { 200: DueList } } }, async (req) =>
    retention.listDue(deps, actorOf(req)));
  app.get('/pd-destructions/:id', { config: { access: 'patients.destroy' }, schema: { tags, summary: 'One act with the event-log excerpt', params: IdParams, response: { 200: DestructionAct } } }, async (req) =>
    retention.getDestructionAct(deps, actorOf(req), req.params.id));
};
