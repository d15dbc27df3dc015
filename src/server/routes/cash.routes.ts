import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { CurrentShift, Payment, PaymentInput, RefundInput, Shift, ShiftClose, ShiftList, ShiftListQuery, ShiftOpen, ShiftQuery } from '../../contracts/money.js';
import * as shifts from '../../services/cash-shifts.service.js';
import * as payments from '../../services/payments.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** The cash desk (DESK-4, seed 002 2.16–2.17): shifts, payments, advances, refunds, receipts. */
export const cashRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['money'];
  const C = 'cash.take' as const;
  app.get('/cash/shifts/current', { config: { access: C }, schema: { tags, summary: 'The branch\'s open shift with its X-report', querystring: ShiftQuery, response: { 200: CurrentShift } } }, async (req) =>
    shifts.currentShift(deps, actorOf(req), req.query.branchId));
  app.get('/cash/shifts', { config: { access: C }, schema: { tags, summary: 'Recent shifts with their reports', querystring: ShiftListQuery, response: { 200: ShiftList } } }, async (req) =>
    shifts.listShifts(deps, actorOf(req), req.query));
  app.post('/cash/shifts', { config: { access: C }, schema: { tags, summary: 'Open the branch\'s shift with the counted float', body: ShiftOpen, response: { 201: Shift } } }, async (req, reply) =>
    reply.status(201).send(await shifts.openShift(deps, actorOf(req), req.body)));
  app.get('/cash/shifts/:id', { config: { access: C }, schema: { tags, params: IdParams, response: { 200: Shift } } }, async (req) =>
    shifts.getShift(deps, actorOf(req), req.params.id));
  app.post('/cash/shifts/:id/close', { config: { access: C }, schema: { tags, summary: 'Close with the counted cash; a discrepancy needs a note', params: IdParams, body: ShiftClose, response: { 200: Shift } } }, async (req) =>
    shifts.closeShift(deps, actorOf(req), req.params.id, req.body));
  app.get('/cash/shifts/:id/report.pdf', { config: { access: C }, schema: { tags, summary: 'The shift report (X while open, Z once closed)', params: IdParams } }, async (req, reply) => {
    const f = await shifts.shiftReportPdf(deps, actorOf(req), req.params.id);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${f.fileName}"`).header('cache-control', 'no-store').send(f.body);
  });
  app.post('/payments', { config: { access: C }, schema: { tags, summary: 'Take a payment on a bill, from the balance, or an advance', body: PaymentInput, response: { 201: Payment } } }, async (req, reply) =>
    reply.status(201).send(await payments.takePayment(deps, actorOf(req), req.body)));
  app.get('/payments/:id', { config: { access: C }, schema: { tags, params: IdParams, response: { 200: Payment } } }, async (req) =>
    payments.getPayment(deps, actorOf(req), req.params.id));
  app.post('/payments/:id/refund', { config: { access: 'cash.refund' }, schema: { tags, summary: 'Refund (part of) a payment with a reason', params: IdParams, body: RefundInput, response: { 201: Payment } } }, async (req, reply) =>
    reply.status(201).send(await payments.refundPayment(deps, actorOf(req), req.params.id, req.body)));
  app.get('/payments/:id/receipt.pdf', { config: { access: C }, schema: { tags, summary: 'The receipt («Квитанция») of a payment or refund', params: IdParams } }, async (req, reply) => {
    const f = await payments.receiptPdf(deps, actorOf(req), req.params.id);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${f.fileName}"`).header('cache-control', 'no-store').send(f.body);
  });
};
