import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { StatsPatientList, StatsPatientsQuery, StatsPaymentList, StatsPaymentsQuery, StatsQuery, StatsSummary, StatsVisitList, StatsVisitsQuery, TodayBoard, TodayQuery } from '../../contracts/statistics.js';
import * as statistics from '../../services/statistics.service.js';
import { todayBoard } from '../../services/today-board.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /statistics: the owner's and the chief doctor's dashboard and the lists behind its figures; /desk/today: the desk's board. */
export const statisticsRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['statistics'];
  const R = 'stats.read' as const;
  app.get('/statistics', { config: { access: R }, schema: { tags, summary: 'The dashboard for a period (at most a year), per branch or the whole clinic', querystring: StatsQuery, response: { 200: StatsSummary } } }, async (req) =>
    statistics.summary(deps, actorOf(req), req.query));
  app.get('/statistics/visits', { config: { access: R }, schema: { tags, summary: 'The visits behind a figure', querystring: StatsVisitsQuery, response: { 200: StatsVisitList } } }, async (req) =>
    statistics.visitsBehind(deps, actorOf(req), req.query));
  app.get('/statistics/patients', { config: { access: R }, schema: { tags, summary: 'The patients behind a figure: new by source, or recall', querystring: StatsPatientsQuery, response: { 200: StatsPatientList } } }, async (req) =>
    statistics.patientsBehind(deps, actorOf(req), req.query));
  app.get('/statistics/payments', { config: { access: R }, schema: { tags, summary: 'The payments and refunds behind the revenue figures', querystring: StatsPaymentsQuery, response: { 200: StatsPaymentList } } }, async (req) =>
    statistics.paymentsBehind(deps, actorOf(req), req.query));
  app.get('/desk/today', { config: { access: 'schedule.read' }, schema: { tags: ['desk'], summary: 'The desk board: today’s open visits and chairs', querystring: TodayQuery, response: { 200: TodayBoard } } }, async (req) =>
    todayBoard(deps, actorOf(req), req.query.branchId));
};
