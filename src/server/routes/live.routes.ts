import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contracts/common.js';
import { FeedParams } from '../../contracts/schedule.js';
import { ServiceCardEntry, ServiceCardInput } from '../../contracts/service-card.js';
import type { LiveFeed } from '../../services/live.service.js';
import * as card from '../../services/service-card.service.js';
import { icalFeed } from '../../services/schedule-view.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

export const liveRoutes = ({ deps }: RouteDeps, feed: LiveFeed): FastifyPluginAsyncZod => async (app) => {
  /** Server-sent events: the board and the doctor's screen update without a reload. */
  app.get('/events', { config: { access: 'schedule.read' }, schema: { tags: ['schedule'], summary: 'Live updates (text/event-stream)', hide: false } }, async (req, reply) => {
    const actor = actorOf(req);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const unsubscribe = feed.subscribe(actor.clinicId, (e) => {
      res.write(`id: ${e.seq}\nevent: ${e.kind}\ndata: ${JSON.stringify(e.payload)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.raw.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  });

  app.get('/ical/:file', { config: { access: 'public' }, schema: { tags: ['schedule'], summary: "A doctor's iCalendar feed by its secret address", params: FeedParams } }, async (req, reply) => {
    const body = await icalFeed(deps, req.params.file.replace(/\.ics$/, ''));
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=60').send(body);
  });

  const tags = ['service card'];
  const Entries = z.object({ items: z.array(ServiceCardEntry) });
  app.get('/patients/:id/service-card', { config: { access: 'patients.read' }, schema: { tags, params: IdParams, response: { 200: Entries } } }, async (req) =>
    ({ items: await card.listEntries(deps, actorOf(req), req.params.id) }));
  app.post('/patients/:id/service-card', { config: { access: 'servicecard.write' }, schema: { tags, params: IdParams, body: ServiceCardInput, response: { 201: Entries } } }, async (req, reply) =>
    reply.status(201).send({ items: await card.addEntry(deps, actorOf(req), req.params.id, req.body) }));
};
