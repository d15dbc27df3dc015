import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { visibleTo, type LiveFeed } from '../../services/live.service.js';
import { actorOf } from '../plugins/auth.js';

/** /events: server-sent events for the board and the doctor's screen. */
export const liveRoutes = (feed: LiveFeed): FastifyPluginAsyncZod => async (app) => {
  /** Server-sent events: the board and the doctor's screen update without a reload. */
  app.get('/events', { config: { access: 'schedule.read' }, schema: { tags: ['schedule'], summary: 'Live updates (text/event-stream)', hide: false } }, async (req, reply) => {
    const actor = actorOf(req);
    const branchId = await feed.branchOf(actor.clinicId, actor.userId);
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
      if (!visibleTo(e, branchId)) return;
      res.write(`id: ${e.seq}\nevent: ${e.kind}\ndata: ${JSON.stringify(e.payload)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.raw.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  });
};
