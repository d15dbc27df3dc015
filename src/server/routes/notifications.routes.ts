import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Ok } from '../../contracts/common.js';
import { Notification } from '../../contracts/schedule.js';
import * as notifications from '../../services/notifications.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /notifications: a staff member's own notes («Пациентка … пришла»). */
export const notificationRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/notifications', { config: { access: 'authenticated' }, schema: { tags: ['notifications'], response: { 200: z.object({ items: z.array(Notification) }) } } }, async (req) =>
    notifications.myNotifications(deps, actorOf(req)));
  app.post('/notifications/:id/read', { config: { access: 'authenticated' }, schema: { tags: ['notifications'], params: IdParams, response: { 200: Ok } } }, async (req) => {
    await notifications.markRead(deps, actorOf(req), req.params.id);
    return { ok: true as const };
  });
};
