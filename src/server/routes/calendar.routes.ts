import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CalendarDay, CalendarDayInput, CalendarQuery, DateParams } from '../../contracts/clinic.js';
import { Ok } from '../../contracts/common.js';
import * as calendar from '../../services/calendar.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

const CalendarYear = z.object({ year: z.number(), items: z.array(CalendarDay) });

/** /calendar: the production calendar (holidays, transfers, shortened days), editable per clinic. */
export const calendarRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const ctags = ['calendar'];
  app.get('/calendar', { config: { access: 'clinic.read' }, schema: { tags: ctags, querystring: CalendarQuery, response: { 200: CalendarYear } } }, async (req) =>
    calendar.calendarYear(deps, actorOf(req), req.query.year));
  app.put('/calendar/:date', { config: { access: 'calendar.write' }, schema: { tags: ctags, params: DateParams, body: CalendarDayInput, response: { 200: CalendarDay } } }, async (req) =>
    calendar.setDay(deps, actorOf(req), req.params.date, req.body.kind, req.body.note));
  app.delete('/calendar/:date', { config: { access: 'calendar.write' }, schema: { tags: ctags, params: DateParams, response: { 200: Ok } } }, async (req) => {
    await calendar.clearDay(deps, actorOf(req), req.params.date);
    return { ok: true as const };
  });
  app.post('/calendar/reset', { config: { access: 'calendar.write' }, schema: { tags: ctags, querystring: CalendarQuery, response: { 200: CalendarYear } } }, async (req) =>
    calendar.resetYear(deps, actorOf(req), req.query.year));
};
