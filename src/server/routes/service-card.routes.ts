import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contracts/common.js';
import { ServiceCardEntry, ServiceCardInput } from '../../contracts/service-card.js';
import * as card from '../../services/service-card.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /patients/:id/service-card: the client's service card (SVC-1..12). */
export const serviceCardRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['service card'];
  const Entries = z.object({ items: z.array(ServiceCardEntry) });
  app.get('/patients/:id/service-card', { config: { access: 'patients.read' }, schema: { tags, params: IdParams, response: { 200: Entries } } }, async (req) =>
    ({ items: await card.listEntries(deps, actorOf(req), req.params.id) }));
  app.post('/patients/:id/service-card', { config: { access: 'servicecard.write' }, schema: { tags, params: IdParams, body: ServiceCardInput, response: { 201: Entries } } }, async (req, reply) =>
    reply.status(201).send({ items: await card.addEntry(deps, actorOf(req), req.params.id, req.body) }));
};
