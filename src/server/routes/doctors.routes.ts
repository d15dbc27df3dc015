import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Ok } from '../../contracts/common.js';
import { Doctor, DoctorException, DoctorExceptionInput, DoctorExceptionParams, DoctorHoursBody, DoctorInput, DoctorPatch } from '../../contracts/staff.js';
import * as doctors from '../../services/doctors.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

const items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });

/** /doctors: profiles, specialties, weekly hours and absences. */
export const doctorRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const dtags = ['doctors'];
  type D = z.infer<typeof Doctor>;
  app.get('/doctors', { config: { access: 'doctors.read' }, schema: { tags: dtags, response: { 200: items(Doctor) } } }, async (req) => ({
    items: (await doctors.listDoctors(deps, actorOf(req))) as D[],
  }));
  app.get('/doctors/:id', { config: { access: 'doctors.read' }, schema: { tags: dtags, params: IdParams, response: { 200: Doctor } } }, async (req) =>
    (await doctors.getDoctor(deps, actorOf(req), req.params.id)) as D);
  app.post('/doctors', { config: { access: 'doctors.write' }, schema: { tags: dtags, body: DoctorInput, response: { 201: Doctor } } }, async (req, reply) =>
    reply.status(201).send((await doctors.createDoctor(deps, actorOf(req), req.body)) as D));
  app.patch('/doctors/:id', { config: { access: 'doctors.write' }, schema: { tags: dtags, params: IdParams, body: DoctorPatch, response: { 200: Doctor } } }, async (req) =>
    (await doctors.updateDoctor(deps, actorOf(req), req.params.id, req.body)) as D);
  app.put('/doctors/:id/hours', { config: { access: 'doctors.hours' }, schema: { tags: dtags, params: IdParams, body: DoctorHoursBody, response: { 200: Doctor } } }, async (req) =>
    (await doctors.setHours(deps, actorOf(req), req.params.id, req.body.hours)) as D);
  type E = z.infer<typeof DoctorException>;
  app.get('/doctors/:id/exceptions', { config: { access: 'doctors.read' }, schema: { tags: dtags, params: IdParams, response: { 200: items(DoctorException) } } }, async (req) => ({
    items: (await doctors.listExceptions(deps, actorOf(req), req.params.id)) as E[],
  }));
  app.post('/doctors/:id/exceptions', { config: { access: 'doctors.hours' }, schema: { tags: dtags, params: IdParams, body: DoctorExceptionInput, response: { 201: DoctorException } } }, async (req, reply) =>
    reply.status(201).send((await doctors.addException(deps, actorOf(req), req.params.id, req.body)) as E));
  app.delete('/doctors/:id/exceptions/:exceptionId', { config: { access: 'doctors.hours' }, schema: { tags: dtags, params: DoctorExceptionParams, response: { 200: Ok } } }, async (req) => {
    await doctors.removeException(deps, actorOf(req), req.params.id, req.params.exceptionId);
    return { ok: true as const };
  });
};
