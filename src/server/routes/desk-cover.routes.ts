import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DeskCover } from '../../contracts/auth.js';
import { Ok } from '../../contracts/common.js';
import * as cover from '../../services/desk-cover.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /desk-cover: a nurse, an assistant or a doctor stands in at the desk (DESK-6). */
export const deskCoverRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['auth'];
  app.post('/desk-cover', { config: { access: 'desk.cover' }, schema: { tags, summary: 'Stand in at the desk: its duties until handed back or signed out', response: { 200: DeskCover } } }, async (req) =>
    cover.takeDesk(deps, actorOf(req)));
  app.delete('/desk-cover', { config: { access: 'desk.cover' }, schema: { tags, summary: 'Hand the desk back', response: { 200: Ok } } }, async (req) => {
    await cover.leaveDesk(deps, actorOf(req));
    return { ok: true as const };
  });
};
