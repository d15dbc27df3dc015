import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Ok } from '../../contracts/common.js';
import { WaitingEntry, WaitingInput, WaitingPatch } from '../../contracts/schedule.js';
import * as gaps from '../../services/gaps.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /waiting-list: patients who want an earlier or a specific time. */
export const waitingListRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const W = 'schedule.write' as const;
  const wtags = ['waiting list'];
  // A call list with phones: the desk's work (and whoever covers it).
  app.get('/waiting-list', { config: { access: W }, schema: { tags: wtags, response: { 200: z.object({ items: z.array(WaitingEntry) }) } } }, async (req) =>
    ({ items: await gaps.listWaiting(deps, actorOf(req)) }));
  app.post('/waiting-list', { config: { access: W }, schema: { tags: wtags, body: WaitingInput, response: { 201: WaitingEntry } } }, async (req, reply) =>
    reply.status(201).send(await gaps.addWaiting(deps, actorOf(req), req.body)));
  app.patch('/waiting-list/:id', { config: { access: W }, schema: { tags: wtags, params: IdParams, body: WaitingPatch, response: { 200: Ok } } }, async (req) =>
    gaps.patchWaiting(deps, actorOf(req), req.params.id, req.body));
};
