import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Ok } from '../../contracts/common.js';
import {
  Doctor, DoctorException, DoctorExceptionInput, DoctorExceptionParams, DoctorHoursBody, DoctorInput, DoctorPatch,
  PasswordReset, StaffCreate, StaffCreated, StaffPatch, StaffUser,
} from '../../contracts/staff.js';
import * as doctors from '../../services/doctors.service.js';
import * as staff from '../../services/staff.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

const items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });

export const staffRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['staff'];
  app.get('/staff', { config: { access: 'staff.read' }, schema: { tags, response: { 200: items(StaffUser) } } }, async (req) => ({
    items: (await staff.listStaff(deps, actorOf(req))) as z.infer<typeof StaffUser>[],
  }));
  app.post('/staff', { config: { access: 'staff.write' }, schema: { tags, body: StaffCreate, response: { 201: StaffCreated } } }, async (req, reply) =>
    reply.status(201).send((await staff.createStaff(deps, actorOf(req), req.body)) as z.infer<typeof StaffCreated>));
  app.patch('/staff/:id', { config: { access: 'staff.write' }, schema: { tags, params: IdParams, body: StaffPatch, response: { 200: StaffUser } } }, async (req) =>
    (await staff.updateStaff(deps, actorOf(req), req.params.id, req.body)) as z.infer<typeof StaffUser>);
  app.post('/staff/:id/reset-password', { config: { access: 'staff.write' }, schema: { tags, params: IdParams, response: { 200: PasswordReset } } }, async (req) =>
    staff.resetPassword(deps, actorOf(req), req.params.id));

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
