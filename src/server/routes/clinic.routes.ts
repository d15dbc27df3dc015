import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Branch, BranchInput, BranchPatch, Chair, ChairInput, ChairPatch, Clinic, ClinicPatch, InfoSource, InfoSourceInput } from '../../contracts/clinic.js';
import { IdParams } from '../../contracts/common.js';
import * as clinic from '../../services/clinic.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

const items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });

/** The clinic's structure, one service: /clinic, /branches, /chairs, /info-sources. */
export const clinicRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['clinic'];
  app.get('/clinic', { config: { access: 'clinic.read' }, schema: { tags, response: { 200: Clinic } } }, async (req) => clinic.getClinic(deps, actorOf(req)));
  app.patch('/clinic', { config: { access: 'clinic.write' }, schema: { tags, body: ClinicPatch, response: { 200: Clinic } } }, async (req) =>
    clinic.updateClinic(deps, actorOf(req), req.body));

  app.get('/branches', { config: { access: 'clinic.read' }, schema: { tags, response: { 200: items(Branch) } } }, async (req) => ({
    items: await clinic.listBranches(deps, actorOf(req)),
  }));
  app.post('/branches', { config: { access: 'clinic.write' }, schema: { tags, body: BranchInput, response: { 201: Branch } } }, async (req, reply) =>
    reply.status(201).send(await clinic.createBranch(deps, actorOf(req), req.body)));
  app.patch('/branches/:id', { config: { access: 'clinic.write' }, schema: { tags, params: IdParams, body: BranchPatch, response: { 200: Branch } } }, async (req) =>
    clinic.updateBranch(deps, actorOf(req), req.params.id, req.body));

  app.get('/chairs', { config: { access: 'clinic.read' }, schema: { tags, response: { 200: items(Chair) } } }, async (req) => ({
    items: await clinic.listChairs(deps, actorOf(req)),
  }));
  app.post('/chairs', { config: { access: 'clinic.write' }, schema: { tags, body: ChairInput, response: { 201: Chair } } }, async (req, reply) =>
    reply.status(201).send(await clinic.createChair(deps, actorOf(req), req.body)));
  app.patch('/chairs/:id', { config: { access: 'clinic.write' }, schema: { tags, params: IdParams, body: ChairPatch, response: { 200: Chair } } }, async (req) =>
    clinic.updateChair(deps, actorOf(req), req.params.id, req.body));

  app.get('/info-sources', { config: { access: 'clinic.read' }, schema: { tags, response: { 200: items(InfoSource) } } }, async (req) => ({
    items: await clinic.listSources(deps, actorOf(req)),
  }));
  app.post('/info-sources', { config: { access: 'sources.write' }, schema: { tags, body: InfoSourceInput, response: { 201: InfoSource } } }, async (req, reply) =>
    reply.status(201).send(await clinic.createSource(deps, actorOf(req), req.body)));
  app.patch('/info-sources/:id', { config: { access: 'sources.write' }, schema: { tags, params: IdParams, body: InfoSourceInput.partial(), response: { 200: InfoSource } } }, async (req) =>
    clinic.updateSource(deps, actorOf(req), req.params.id, req.body));
};
