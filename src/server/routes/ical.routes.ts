import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { FeedParams, FeedToken } from '../../contracts/schedule.js';
import { icalFeed, newFeedToken } from '../../services/schedule-view.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** A doctor's iCalendar feed: the secret address and the feed it serves. */
export const icalRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/doctors/:id/feed-token', { config: { access: 'doctors.hours' }, schema: { tags: ['doctors'], summary: 'New secret iCalendar feed address', params: IdParams, response: { 200: FeedToken } } }, async (req) =>
    newFeedToken(deps, actorOf(req), req.params.id));

  app.get('/ical/:file', { config: { access: 'public' }, schema: { tags: ['schedule'], summary: "A doctor's iCalendar feed by its secret address", params: FeedParams } }, async (req, reply) => {
    const body = await icalFeed(deps, req.params.file.replace(/\.ics$/, ''));
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=60').send(body);
  });
};
