import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { Patient, PatientInput, PatientPage, PatientPatch, PatientSearch } from '../../contracts/patients.js';
import * as patients from '../../services/patients.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

export const patientRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['patients'];
  app.get('/patients', {
    config: { access: 'patients.read' },
    schema: { tags, summary: 'Search by surname prefix, phone in any format or card number', querystring: PatientSearch, response: { 200: PatientPage } },
  }, async (req) => patients.searchPatients(deps, actorOf(req), req.query));
  app.get('/patients/:id', { config: { access: 'patients.read' }, schema: { tags, summary: 'Open a card (audited read)', params: IdParams, response: { 200: Patient } } }, async (req) =>
    patients.getPatient(deps, actorOf(req), req.params.id));
  app.post('/patients', { config: { access: 'patients.write' }, schema: { tags, body: PatientInput, response: { 201: Patient } } }, async (req, reply) =>
    reply.status(201).send(await patients.createPatient(deps, actorOf(req), req.body)));
  app.patch('/patients/:id', { config: { access: 'patients.write' }, schema: { tags, params: IdParams, body: PatientPatch, response: { 200: Patient } } }, async (req) =>
    patients.updatePatient(deps, actorOf(req), req.params.id, req.body));
};
