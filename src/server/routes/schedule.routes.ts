import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Ok } from '../../contracts/common.js';
import {
  Appointment, BookBody, CardPull, CardPullQuery, DayQuery, DayView, DeskEventBody, DoctorLateBody, FeedToken, GapsQuery, GapsView,
  HistoryEntry, HoldParams, MoveBody, Notification, Proposal, ProposalBody, StatusBody, UrgentBody, UrgentProposal, WaitingEntry,
  WaitingInput, WaitingPatch, WeekQuery, WeekView,
} from '../../contracts/schedule.js';
import * as status from '../../services/appointment-status.service.js';
import * as booking from '../../services/booking.service.js';
import * as gaps from '../../services/gaps.service.js';
import * as notifications from '../../services/notifications.service.js';
import * as proposals from '../../services/proposals.service.js';
import * as views from '../../services/schedule-view.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

export const scheduleRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['schedule'];
  const R = 'schedule.read' as const;
  const W = 'schedule.write' as const;
  app.get('/schedule/day', { config: { access: R }, schema: { tags, summary: 'DAY mode: all doctors side by side', querystring: DayQuery, response: { 200: DayView } } }, async (req) =>
    views.dayView(deps, actorOf(req), req.query.date, req.query.branchId));
  app.get('/schedule/week', { config: { access: R }, schema: { tags, summary: "WEEK mode: one specialist's week", querystring: WeekQuery, response: { 200: WeekView } } }, async (req) =>
    views.weekView(deps, actorOf(req), req.query.doctorId, req.query.from));
  app.post('/schedule/proposals', { config: { access: W }, schema: { tags, summary: 'Two nearest options, held while the patient chooses', body: ProposalBody, response: { 200: Proposal } } }, async (req) =>
    proposals.propose(deps, actorOf(req), req.body));
  app.post('/schedule/urgent', { config: { access: W }, schema: { tags, summary: 'Acute pain: nearest time or a squeeze-in', body: UrgentBody, response: { 200: UrgentProposal } } }, async (req) =>
    proposals.urgent(deps, actorOf(req), req.body));
  app.delete('/schedule/holds/:group', { config: { access: W }, schema: { tags, params: HoldParams, response: { 200: Ok } } }, async (req) => {
    await proposals.releaseHolds(deps, actorOf(req), req.params.group);
    return { ok: true as const };
  });
  app.get('/schedule/gaps', { config: { access: R }, schema: { tags, summary: 'Idle gaps and whom to call', querystring: GapsQuery, response: { 200: GapsView } } }, async (req) =>
    gaps.gapsForDay(deps, actorOf(req), req.query.date, req.query.branchId, req.query.minMinutes));
  app.get('/schedule/card-pull', { config: { access: R }, schema: { tags, summary: "Tomorrow's patients per doctor", querystring: CardPullQuery, response: { 200: CardPull } } }, async (req) =>
    views.cardPull(deps, actorOf(req), req.query.date));
  app.post('/schedule/doctor-late', { config: { access: W }, schema: { tags, summary: 'The doctor runs late (SVC-2)', body: DoctorLateBody, response: { 200: z.object({ affected: z.number() }) } } }, async (req) =>
    status.doctorLate(deps, actorOf(req), req.body));

  const atags = ['appointments'];
  app.post('/appointments', { config: { access: W }, schema: { tags: atags, body: BookBody, response: { 201: Appointment } } }, async (req, reply) =>
    reply.status(201).send(await booking.book(deps, actorOf(req), req.body)));
  app.get('/appointments/:id', { config: { access: R }, schema: { tags: atags, params: IdParams, response: { 200: Appointment } } }, async (req) =>
    booking.getAppointment(deps, actorOf(req), req.params.id));
  app.patch('/appointments/:id', { config: { access: W }, schema: { tags: atags, summary: 'Move or edit', params: IdParams, body: MoveBody, response: { 200: Appointment } } }, async (req) =>
    booking.move(deps, actorOf(req), req.params.id, req.body));
  app.post('/appointments/:id/status', { config: { access: 'schedule.status' }, schema: { tags: atags, params: IdParams, body: StatusBody, response: { 200: Appointment } } }, async (req) =>
    status.changeStatus(deps, actorOf(req), req.params.id, req.body));
  app.post('/appointments/:id/events', { config: { access: W }, schema: { tags: atags, summary: 'Review asked, follow-up booked, mixed-up day', params: IdParams, body: DeskEventBody, response: { 200: Appointment } } }, async (req) =>
    status.deskEvent(deps, actorOf(req), req.params.id, req.body));
  app.get('/appointments/:id/history', { config: { access: R }, schema: { tags: atags, params: IdParams, response: { 200: z.object({ items: z.array(HistoryEntry) }) } } }, async (req) =>
    ({ items: await booking.history(deps, actorOf(req), req.params.id) }));

  app.get('/patients/:id/appointments', { config: { access: R }, schema: { tags: atags, summary: "A patient's visits, newest first", params: IdParams, response: { 200: z.object({ items: z.array(Appointment) }) } } }, async (req) =>
    ({ items: await booking.patientAppointments(deps, actorOf(req), req.params.id) }));

  const wtags = ['waiting list'];
  app.get('/waiting-list', { config: { access: R }, schema: { tags: wtags, response: { 200: z.object({ items: z.array(WaitingEntry) }) } } }, async (req) =>
    ({ items: await gaps.listWaiting(deps, actorOf(req)) }));
  app.post('/waiting-list', { config: { access: W }, schema: { tags: wtags, body: WaitingInput, response: { 201: WaitingEntry } } }, async (req, reply) =>
    reply.status(201).send(await gaps.addWaiting(deps, actorOf(req), req.body)));
  app.patch('/waiting-list/:id', { config: { access: W }, schema: { tags: wtags, params: IdParams, body: WaitingPatch, response: { 200: Ok } } }, async (req) =>
    gaps.patchWaiting(deps, actorOf(req), req.params.id, req.body));

  app.get('/notifications', { config: { access: 'authenticated' }, schema: { tags: ['notifications'], response: { 200: z.object({ items: z.array(Notification) }) } } }, async (req) =>
    notifications.myNotifications(deps, actorOf(req)));
  app.post('/notifications/:id/read', { config: { access: 'authenticated' }, schema: { tags: ['notifications'], params: IdParams, response: { 200: Ok } } }, async (req) => {
    await notifications.markRead(deps, actorOf(req), req.params.id);
    return { ok: true as const };
  });

  app.post('/doctors/:id/feed-token', { config: { access: 'doctors.hours' }, schema: { tags: ['doctors'], summary: 'New secret iCalendar feed address', params: IdParams, response: { 200: FeedToken } } }, async (req) =>
    views.newFeedToken(deps, actorOf(req), req.params.id));
};
