import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { Bill, BillCancel, BillCreate, BillLinesInput, DayBalances, DebtsQuery, PatientMoney, VisitBill } from '../../contracts/money.js';
import * as bills from '../../services/bills.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** Bills of visits and the patient's balance (DESK-4): composed at the desk or by the doctor. */
export const billRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['money'];
  const B = 'billing.write' as const;
  app.get('/appointments/:id/bill', { config: { access: B }, schema: { tags, summary: 'The live bill of a visit, or null', params: IdParams, response: { 200: VisitBill } } }, async (req) =>
    bills.visitBill(deps, actorOf(req), req.params.id));
  app.post('/bills', { config: { access: B }, schema: { tags, summary: 'A draft bill for a visit', body: BillCreate, response: { 201: Bill } } }, async (req, reply) =>
    reply.status(201).send(await bills.createBill(deps, actorOf(req), req.body)));
  app.get('/bills/:id', { config: { access: B }, schema: { tags, params: IdParams, response: { 200: Bill } } }, async (req) =>
    bills.getBill(deps, actorOf(req), req.params.id));
  app.put('/bills/:id/lines', { config: { access: B }, schema: { tags, summary: 'Replace a draft bill\'s lines (discounts need cash.discount)', params: IdParams, body: BillLinesInput, response: { 200: Bill } } }, async (req) =>
    bills.setLines(deps, actorOf(req), req.params.id, req.body));
  app.post('/bills/:id/issue', { config: { access: B }, schema: { tags, summary: 'Issue (freeze and number) a draft bill', params: IdParams, response: { 200: Bill } } }, async (req) =>
    bills.issueBill(deps, actorOf(req), req.params.id));
  app.post('/bills/:id/cancel', { config: { access: B }, schema: { tags, summary: 'Cancel a bill with a reason (not while money is on it)', params: IdParams, body: BillCancel, response: { 200: Bill } } }, async (req) =>
    bills.cancelBill(deps, actorOf(req), req.params.id, req.body.reason));
  app.get('/patients/:id/money', { config: { access: B }, schema: { tags, summary: 'The patient\'s balance, bills and payments', params: IdParams, response: { 200: PatientMoney } } }, async (req) =>
    bills.patientMoney(deps, actorOf(req), req.params.id));
  app.get('/cash/day-balances', { config: { access: B }, schema: { tags, summary: 'Non-zero balances of the patients with a visit on a day (the schedule marks debts)', querystring: DebtsQuery, response: { 200: DayBalances } } }, async (req) =>
    bills.dayBalances(deps, actorOf(req), req.query.date));
};
