import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { BookingContext } from '../../contracts/patients.js';
import { Appointment, BookBody, DeskEventBody, HistoryEntry, MoveBody, PatientVisitsQuery, StatusBody } from '../../contracts/schedule.js';
import * as status from '../../services/appointment-status.service.js';
import * as booking from '../../services/booking.service.js';
import { bookingContext } from '../../services/booking-context.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /appointments: book, move, change status, desk events, history; and a patient's visits. */
export const appointmentRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const R = 'schedule.read' as const;
  const W = 'schedule.write' as const;
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

  app.get('/patients/:id/appointments', { config: { access: R }, schema: { tags: atags, summary: "A patient's visits, newest first; or one day's, by time", params: IdParams, querystring: PatientVisitsQuery, response: { 200: z.object({ items: z.array(Appointment) }) } } }, async (req) =>
    ({ items: await booking.patientAppointments(deps, actorOf(req), req.params.id, req.query.date) }));
  app.get('/patients/:id/booking-context', { config: { access: R }, schema: { tags: atags, summary: 'For booking a known patient: visit type and doctor from her history, her visits ahead', params: IdParams, response: { 200: BookingContext } } }, async (req) =>
    bookingContext(deps, actorOf(req), req.params.id));
};
