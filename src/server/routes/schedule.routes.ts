import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../contracts/common.js';
import {
  CardPull, CardPullQuery, DayQuery, DayView, DoctorLateBody, GapsQuery, GapsView, HoldParams, Proposal, ProposalBody, UrgentBody,
  UrgentProposal, WeekQuery, WeekView,
} from '../../contracts/schedule.js';
import * as status from '../../services/appointment-status.service.js';
import * as gaps from '../../services/gaps.service.js';
import * as proposals from '../../services/proposals.service.js';
import * as views from '../../services/schedule-view.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /schedule: the DAY and WEEK boards, two options and urgent search, gaps, the card-pull list. */
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
  // The call lists carry phones: the desk's work (and whoever covers it), not every reader of the schedule.
  app.get('/schedule/gaps', { config: { access: W }, schema: { tags, summary: 'Idle gaps and whom to call', querystring: GapsQuery, response: { 200: GapsView } } }, async (req) =>
    gaps.gapsForDay(deps, actorOf(req), req.query.date, req.query.branchId, req.query.minMinutes));
  app.get('/schedule/card-pull', { config: { access: R }, schema: { tags, summary: "Tomorrow's patients per doctor", querystring: CardPullQuery, response: { 200: CardPull } } }, async (req) =>
    views.cardPull(deps, actorOf(req), req.query.date));
  app.post('/schedule/doctor-late', { config: { access: W }, schema: { tags, summary: 'The doctor runs late (SVC-2)', body: DoctorLateBody, response: { 200: z.object({ affected: z.number() }) } } }, async (req) =>
    status.doctorLate(deps, actorOf(req), req.body));
};
