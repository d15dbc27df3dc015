import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { PasswordReset, StaffCreate, StaffCreated, StaffPatch, StaffUser } from '../../contracts/staff.js';
import * as staff from '../../services/staff.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

const items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });

/** /staff: logins, roles, one-time passwords. */
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
};
