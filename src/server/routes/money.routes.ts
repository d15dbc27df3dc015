import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { FiscalManualInput, FiscalOutboxDetail, FiscalOutboxPage, FiscalOutboxQuery } from '../../contracts/fiscal.js';
import { BilledLineList, BilledLinesQuery, DebtList, DebtsQuery, MoneyExportQuery, MoneyReport, PaymentList, PaymentListQuery, PeriodQuery, ShiftList } from '../../contracts/money-report.js';
import * as outbox from '../../services/fiscal-outbox.service.js';
import type { FiscalDriverName } from '../../services/fiscal-drivers.js';
import { exportMoney } from '../../services/money-export.service.js';
import * as report from '../../services/money-report.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /money: the owner's view of money (money.report); /fiscal-outbox: receipts for the online cash register (fiscal.outbox). */
export const moneyRoutes = ({ deps }: RouteDeps, fiscalDriver: FiscalDriverName): FastifyPluginAsyncZod => async (app) => {
  const tags = ['money'];
  const R = 'money.report' as const;
  app.get('/money/report', { config: { access: R }, schema: { tags, summary: 'Revenue by day and method, billed and paid by doctor and service, for a period of clinic days', querystring: PeriodQuery, response: { 200: MoneyReport } } }, async (req) =>
    report.moneyReport(deps, actorOf(req), req.query));
  app.get('/money/debts', { config: { access: R }, schema: { tags, summary: 'Patients who owe, largest debts first', querystring: DebtsQuery, response: { 200: DebtList } } }, async (req) =>
    report.debts(deps, actorOf(req), req.query));
  app.get('/money/shifts', { config: { access: R }, schema: { tags, summary: 'Cash shifts opened in the period with their reports per method and administrator', querystring: PeriodQuery, response: { 200: ShiftList } } }, async (req) =>
    report.shiftReports(deps, actorOf(req), req.query));
  app.get('/money/payments', { config: { access: R }, schema: { tags, summary: 'Payments and refunds behind a figure', querystring: PaymentListQuery, response: { 200: PaymentList } } }, async (req) =>
    report.paymentsList(deps, actorOf(req), req.query));
  app.get('/money/billed-lines', { config: { access: R }, schema: { tags, summary: 'Bill lines behind a doctor’s or a service’s figure', querystring: BilledLinesQuery, response: { 200: BilledLineList } } }, async (req) =>
    report.billedLinesList(deps, actorOf(req), req.query));
  app.get('/money/export', { config: { access: R }, schema: { tags, summary: 'One table of the money view as CSV', querystring: MoneyExportQuery } }, async (req, reply) => {
    const f = await exportMoney(deps, actorOf(req), req.query);
    return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'no-store').send(f.body);
  });

  const ftags = ['fiscal'];
  const F = 'fiscal.outbox' as const;
  app.get('/fiscal-outbox', { config: { access: F }, schema: { tags: ftags, summary: 'Fiscal receipts for the online cash register, newest first', querystring: FiscalOutboxQuery, response: { 200: FiscalOutboxPage } } }, async (req) =>
    outbox.listOutbox(deps, actorOf(req), fiscalDriver, req.query));
  app.get('/fiscal-outbox/:id', { config: { access: F }, schema: { tags: ftags, summary: 'A receipt with its document and the register task', params: IdParams, response: { 200: FiscalOutboxDetail } } }, async (req) =>
    outbox.getOutboxItem(deps, actorOf(req), req.params.id));
  app.post('/fiscal-outbox/:id/retry', { config: { access: F }, schema: { tags: ftags, summary: 'Send a refused receipt again', params: IdParams, response: { 200: FiscalOutboxDetail } } }, async (req) =>
    outbox.retryOutbox(deps, actorOf(req), req.params.id));
  app.post('/fiscal-outbox/:id/manual', { config: { access: F }, schema: { tags: ftags, summary: 'The receipt was punched on the register by hand', params: IdParams, body: FiscalManualInput, response: { 200: FiscalOutboxDetail } } }, async (req) =>
    outbox.markManual(deps, actorOf(req), req.params.id, req.body));
};
