import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  ConsentInput, ConsentList, DispatchOut, MailingInput, MailingList, MailingOut, MessageAction, MessagingSettings, MessagingSettingsInput, OutboxList, OutboxQuery,
  Preview, PreviewInput, PromotionInput, PromotionOut, TestEmailInput, TestEmailOut, TokenParams,
} from '../../contracts/mailings.js';
import * as mailings from '../../services/mailings.service.js';
import * as messages from '../../services/messages.service.js';
import { answerByToken, unsubscribeByToken, unsubscribePage, visitByToken } from '../../services/reminders.service.js';
import { actorOf } from '../plugins/auth.js';
import { linkPage } from './public-pages.js';
import type { RouteDeps } from './types.js';

const baseOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** /mailings, /messages, /messaging, the patient's mailing consents and the public link pages (REC-4, reminders). */
export const mailingRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['mailings'];
  const M = 'mailings.manage' as const;
  const S = 'mailings.settings' as const;
  // The public pages' forms post an empty urlencoded body: accepted here only, and ignored.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, undefined));

  app.get('/patients/:id/mailing-consents', { config: { access: 'patients.read' }, schema: { tags, summary: "The patient's consents to mailings per channel", params: IdParams, response: { 200: ConsentList } } }, async (req) =>
    mailings.listConsents(deps, actorOf(req), req.params.id));
  app.put('/patients/:id/mailing-consents', { config: { access: 'patients.write' }, schema: { tags, summary: "Record the patient's consent or refusal to mailings on a channel", params: IdParams, body: ConsentInput, response: { 200: ConsentList } } }, async (req) =>
    mailings.setConsent(deps, actorOf(req), req.params.id, req.body));

  app.get('/messaging/settings', { config: { access: S }, schema: { tags, summary: 'SMTP, SMS gateway, reminders (owner only; secrets never returned)', response: { 200: MessagingSettings } } }, async (req) =>
    mailings.getMessagingSettings(deps, actorOf(req)));
  app.put('/messaging/settings', { config: { access: S }, schema: { tags, body: MessagingSettingsInput, response: { 200: MessagingSettings } } }, async (req) =>
    mailings.updateMessagingSettings(deps, actorOf(req), req.body));
  app.post('/messaging/test-email', { config: { access: S }, schema: { tags, summary: 'Send a test e-mail over the saved SMTP settings', body: TestEmailInput, response: { 200: TestEmailOut } } }, async (req) =>
    messages.sendTestEmail(deps, actorOf(req), req.body));

  app.post('/mailings/preview', { config: { access: M }, schema: { tags, summary: "A segment's count and members: who will receive and who is skipped", body: PreviewInput, response: { 200: Preview } } }, async (req) =>
    mailings.preview(deps, actorOf(req), req.body));
  app.get('/mailings', { config: { access: M }, schema: { tags, response: { 200: MailingList } } }, async (req) => mailings.listMailings(deps, actorOf(req)));
  app.post('/mailings', { config: { access: M }, schema: { tags, summary: 'Send a mailing to the consenting members of a segment (into the outbox)', body: MailingInput, response: { 201: MailingOut } } }, async (req, reply) =>
    reply.status(201).send(await mailings.createMailing(deps, actorOf(req), req.body, baseOf(req))));
  app.post('/mailings/promotion-calls', { config: { access: M }, schema: { tags, summary: 'Promotion calls: a call-back for each member of the segment in «Обзвон»', body: PromotionInput, response: { 200: PromotionOut } } }, async (req) =>
    mailings.createPromotionCalls(deps, actorOf(req), req.body));

  app.get('/messages', { config: { access: M }, schema: { tags, summary: 'The outbox of e-mails and SMS', querystring: OutboxQuery, response: { 200: OutboxList } } }, async (req) =>
    messages.listOutbox(deps, actorOf(req), req.query));
  app.post('/messages/:id/status', { config: { access: M }, schema: { tags, summary: 'Sent by hand, cancel, retry', params: IdParams, body: MessageAction, response: { 200: OutboxList } } }, async (req) =>
    messages.actOnMessage(deps, actorOf(req), req.params.id, req.body));
  app.post('/messages/dispatch', { config: { access: M }, schema: { tags, summary: "Enqueue today's reminders and send what waits, now", response: { 200: DispatchOut } } }, async (req) =>
    messages.dispatchNow(deps, actorOf(req), baseOf(req)));

  const html = (reply: FastifyReply, r: { status: number; html: string }) =>
    reply.status(r.status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(r.html);
  const pub = { access: 'public' as const };
  app.get('/public/visit/:token', { config: pub, schema: { tags, summary: "A reminder's link: the visit with «Подтверждаю» and «Перенести»", params: TokenParams } }, async (req, reply) =>
    html(reply, linkPage(await visitByToken(deps, req.params.token), req.params.token)));
  app.post('/public/visit/:token/confirm', { config: pub, schema: { tags, params: TokenParams } }, async (req, reply) =>
    html(reply, linkPage(await answerByToken(deps, req.params.token, 'confirmed'), req.params.token)));
  app.post('/public/visit/:token/move', { config: pub, schema: { tags, params: TokenParams } }, async (req, reply) =>
    html(reply, linkPage(await answerByToken(deps, req.params.token, 'move'), req.params.token)));
  app.get('/public/unsubscribe/:token', { config: pub, schema: { tags, summary: 'The unsubscribe link of a mailing (the page; the button posts)', params: TokenParams } }, async (req, reply) =>
    html(reply, linkPage(await unsubscribePage(deps, req.params.token), req.params.token)));
  app.post('/public/unsubscribe/:token', { config: pub, schema: { tags, params: TokenParams } }, async (req, reply) =>
    html(reply, linkPage(await unsubscribeByToken(deps, req.params.token), req.params.token)));
};
