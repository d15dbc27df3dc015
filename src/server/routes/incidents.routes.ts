import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { Incident, IncidentInput, IncidentList, IncidentNoteInput, IncidentQuery, IncidentResolve } from '../../contracts/incidents.js';
import * as incidents from '../../services/incidents.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /incidents: failures at a branch, logged by the desk and tracked to resolution (DESK-5). */
export const incidentRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['incidents'];
  const R = 'incidents.read' as const;
  const W = 'incidents.write' as const;
  app.get('/incidents', { config: { access: R }, schema: { tags, summary: 'Open incidents first; status=all is the whole log with a per-kind report (owner, chief doctor)', querystring: IncidentQuery, response: { 200: IncidentList } } }, async (req) =>
    incidents.listIncidents(deps, actorOf(req), req.query));
  app.get('/incidents/:id', { config: { access: R }, schema: { tags, params: IdParams, response: { 200: Incident } } }, async (req) =>
    incidents.getIncident(deps, actorOf(req), req.params.id));
  app.post('/incidents', { config: { access: W }, schema: { tags, summary: 'Report a failure', body: IncidentInput, response: { 201: Incident } } }, async (req, reply) =>
    reply.status(201).send(await incidents.createIncident(deps, actorOf(req), req.body)));
  app.post('/incidents/:id/notes', { config: { access: W }, schema: { tags, summary: 'What was done (allowed after resolution too)', params: IdParams, body: IncidentNoteInput, response: { 200: Incident } } }, async (req) =>
    incidents.addNote(deps, actorOf(req), req.params.id, req.body));
  app.post('/incidents/:id/resolve', { config: { access: W }, schema: { tags, summary: 'Resolved: when and how', params: IdParams, body: IncidentResolve, response: { 200: Incident } } }, async (req) =>
    incidents.resolveIncident(deps, actorOf(req), req.params.id, req.body));
};
