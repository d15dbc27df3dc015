import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  AttemptBody, AttemptResult, CallbackList, ConfirmationList, RecallList, RecallRule, RecallRuleInput, RecallRulePatch, RecallRules,
  WorklistCounts, WorklistQuery, WorklistSettingsBody,
} from '../../contracts/worklists.js';
import * as lists from '../../services/callback-recall-worklists.service.js';
import { confirmationList } from '../../services/confirmation-worklist.service.js';
import * as rules from '../../services/recall-rules.service.js';
import { recordAttempt } from '../../services/worklist-attempts.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /worklists: the desk's outgoing calls — confirmations, call-backs, recall (CONF-1..6, REC-1..3); /recall-rules: management's scheme. */
export const worklistRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['worklists'];
  const W = 'schedule.write' as const;
  const M = 'recall.manage' as const;
  app.get('/worklists/confirmations', { config: { access: W }, schema: { tags, summary: 'Whom to call to confirm on a calling day (evening list, and after closed days the morning list)', querystring: WorklistQuery, response: { 200: ConfirmationList } } }, async (req) =>
    confirmationList(deps, actorOf(req), req.query));
  app.get('/worklists/callbacks', { config: { access: W }, schema: { tags, summary: 'Call-backs due: agreed at cancellation and promised in any call', querystring: WorklistQuery, response: { 200: CallbackList } } }, async (req) =>
    lists.callbackList(deps, actorOf(req), req.query));
  app.get('/worklists/recall', { config: { access: W }, schema: { tags, summary: 'Patients due for recall by the clinic rules, and dropped visits', querystring: WorklistQuery, response: { 200: RecallList } } }, async (req) =>
    lists.recallList(deps, actorOf(req), req.query));
  app.get('/worklists/counts', { config: { access: W }, schema: { tags, summary: 'How many are still to call on each list', querystring: WorklistQuery, response: { 200: WorklistCounts } } }, async (req) => {
    const actor = actorOf(req);
    const [c, b, r] = await Promise.all([confirmationList(deps, actor, req.query), lists.callbackList(deps, actor, req.query), lists.recallList(deps, actor, req.query)]);
    return { confirmations: c.counts.toCall, callbacks: b.items.length, recall: r.items.length };
  });
  app.post('/worklists/attempts', { config: { access: W }, schema: { tags, summary: 'Record one call of a worklist and its outcome', body: AttemptBody, response: { 201: AttemptResult } } }, async (req, reply) =>
    reply.status(201).send(await recordAttempt(deps, actorOf(req), req.body)));
  app.get('/recall-rules', { config: { access: W }, schema: { tags, summary: 'The recall scheme and the confirmation half boundary', response: { 200: RecallRules } } }, async (req) =>
    rules.recallRules(deps, actorOf(req)));
  app.post('/recall-rules', { config: { access: M }, schema: { tags, body: RecallRuleInput, response: { 201: RecallRule } } }, async (req, reply) =>
    reply.status(201).send(await rules.createRule(deps, actorOf(req), req.body)));
  app.patch('/recall-rules/:id', { config: { access: M }, schema: { tags, params: IdParams, body: RecallRulePatch, response: { 200: RecallRule } } }, async (req) =>
    rules.patchRule(deps, actorOf(req), req.params.id, req.body));
  app.put('/worklists/settings', { config: { access: M }, schema: { tags, summary: 'The confirmation lists’ half boundary (CONF-2)', body: WorklistSettingsBody, response: { 200: RecallRules } } }, async (req) =>
    rules.setHalfBoundary(deps, actorOf(req), req.body.halfBoundary));
};
