import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { Call, CallDesk, CallDeskQuery, CallerCard, CallInput, CallPage, CallQuery, CallScriptBody, CallScriptView, ConversionList, ConversionListQuery, ConversionQuery, ConversionReport } from '../../contracts/calls.js';
import * as reports from '../../services/call-reports.service.js';
import * as scripts from '../../services/call-scripts.service.js';
import * as calls from '../../services/calls.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /calls: the call card, the call base and its conversion (CALL-1..11); /call-script: the clinic's phone script. */
export const callRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['calls'];
  const W = 'calls.write' as const;
  const M = 'calls.manage' as const;
  app.get('/calls', { config: { access: W }, schema: { tags, summary: 'The call base, filtered, newest first', querystring: CallQuery, response: { 200: CallPage } } }, async (req) =>
    calls.listCalls(deps, actorOf(req), req.query));
  app.get('/calls/export', { config: { access: W }, schema: { tags, summary: 'The filtered call base as CSV', querystring: CallQuery } }, async (req, reply) => {
    const f = await reports.exportCalls(deps, actorOf(req), req.query);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'no-store').send(f.body);
  });
  app.get('/calls/desk', { config: { access: W }, schema: { tags, summary: 'What the call card opens with: the greeting now, the script', querystring: CallDeskQuery, response: { 200: CallDesk } } }, async (req) =>
    calls.callDesk(deps, actorOf(req), req.query));
  app.get('/calls/conversion', { config: { access: M }, schema: { tags, summary: 'Primary calls → primary visits booked', querystring: ConversionQuery, response: { 200: ConversionReport } } }, async (req) =>
    reports.conversionReport(deps, actorOf(req), req.query));
  app.get('/calls/conversion/list', { config: { access: M }, schema: { tags, summary: 'The calls behind one conversion figure (the total or a breakdown row)', querystring: ConversionListQuery, response: { 200: ConversionList } } }, async (req) =>
    reports.conversionList(deps, actorOf(req), req.query));
  app.get('/patients/:id/caller-card', { config: { access: W }, schema: { tags, summary: 'A known caller’s history for the call card (audited read)', params: IdParams, response: { 200: CallerCard } } }, async (req) =>
    calls.callerCard(deps, actorOf(req), req.params.id));
  app.get('/calls/:id', { config: { access: W }, schema: { tags, params: IdParams, response: { 200: Call } } }, async (req) =>
    calls.getCall(deps, actorOf(req), req.params.id));
  app.post('/calls', { config: { access: W }, schema: { tags, summary: 'Record an incoming call as the card ends it', body: CallInput, response: { 201: Call } } }, async (req, reply) =>
    reply.status(201).send(await calls.recordCall(deps, actorOf(req), req.body)));
  app.get('/call-script', { config: { access: M }, schema: { tags, summary: 'The phone script in force', response: { 200: CallScriptView } } }, async (req) =>
    scripts.getScript(deps, actorOf(req)));
  app.put('/call-script', { config: { access: M }, schema: { tags, summary: 'Save the phone script as a new version', body: z.strictObject({ baseVersion: z.number().int().min(0).max(1_000_000).optional(), script: CallScriptBody }), response: { 200: CallScriptView } } }, async (req) =>
    scripts.saveScript(deps, actorOf(req), req.body.script, req.body.baseVersion));
};
