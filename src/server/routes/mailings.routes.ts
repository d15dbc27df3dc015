import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { IdParams } from '../../contracts/common.js';
import {
  ConsentInput, ConsentList, DispatchOut, MailingInput, MailingList, MailingOut, MessagingSettings, MessagingSettingsInput, OutboxList, Preview, PreviewInput,
  PromotionInput, PromotionOut, TokenParams,
} from '../../contracts/mailings.js';
import * as mailings from '../../services/mailings.service.js';
import { dispatchMessages } from '../../services/message-dispatch.service.js';
import { confirmByToken, enqueueReminders, rescheduleByToken, unsubscribeByToken, visitByToken, type LinkState } from '../../services/reminders.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The minimal public page (Russian, no script: the CSP forbids inline code anyway). */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.6rem 1.2rem;margin:.3rem .5rem .3rem 0}</style></head>
<body><h1>${esc(title)}</h1>${body}</body></html>`;
}

function linkPage(v: LinkState & { done?: string }, token: string): { status: number; html: string } {
  if (v.state === 'invalid') return { status: 404, html: page('Ссылка недействительна', '<p>Ссылка повреждена или не принадлежит клинике. Пожалуйста, позвоните в клинику.</p>') };
  if (v.state === 'expired') return { status: 410, html: page('Срок ссылки истёк', '<p>Визит уже прошёл. Чтобы записаться снова, позвоните в клинику.</p>') };
  if (v.state === 'unsubscribed') return { status: 200, html: page('Вы отписаны от рассылки', `<p>Клиника «${esc(v.clinic)}» больше не будет присылать Вам рассылки на этот адрес.</p>`) };
  const head = `<p>Клиника «${esc(v.clinic)}». Визит ${esc(v.when)}, доктор ${esc(v.doctor)}.</p>`;
  if (v.done === 'confirmed' || v.done === 'already') return { status: 200, html: page('Визит подтверждён', `${head}<p>Спасибо! Ждём Вас.</p>`) };
  if (v.done === 'callback') return { status: 200, html: page('Мы Вам перезвоним', `${head}<p>Администратор позвонит Вам, чтобы подобрать другое время. Пока визит остаётся в расписании.</p>`) };
  if (v.status === 'cancelled' || v.done === 'not_possible') return { status: 409, html: page('Визит нельзя подтвердить', `${head}<p>Визит отменён или уже состоялся. Пожалуйста, позвоните в клинику.</p>`) };
  const t = encodeURIComponent(token);
  const confirmed = v.status === 'confirmed' ? '<p>Визит уже подтверждён.</p>' : `<form method="post" action="/api/public/visit/${t}/confirm"><button type="submit">Подтверждаю</button></form>`;
  return { status: 200, html: page('Напоминание о визите', `${head}${confirmed}<form method="post" action="/api/public/visit/${t}/move"><button type="submit">Перенести</button></form>`) };
}

const baseOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** /mailings, /messages, the patient's mailing consents and the public link pages (REC-4, reminders). */
export const mailingRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['mailings'];
  const M = 'mailings.manage' as const;
  // The public pages' forms post an empty urlencoded body: accepted here only, and ignored.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, undefined));

  app.get('/patients/:id/mailing-consents', { config: { access: 'patients.read' }, schema: { tags, params: IdParams, response: { 200: ConsentList } } }, async (req) =>
    mailings.listConsents(deps, actorOf(req), req.params.id));
  app.put('/patients/:id/mailing-consents', { config: { access: 'patients.write' }, schema: { tags, summary: "Record the patient's consent or refusal to mailings on a channel", params: IdParams, body: ConsentInput, response: { 200: ConsentList } } }, async (req) =>
    mailings.setConsent(deps, actorOf(req), req.params.id, req.body));

  app.get('/messaging/settings', { config: { access: M }, schema: { tags, summary: 'SMTP, SMS gateway, reminders (owner only; secrets never returned)', response: { 200: MessagingSettings } } }, async (req) =>
    mailings.getMessagingSettings(deps, actorOf(req)));
  app.put('/messaging/settings', { config: { access: M }, schema: { tags, body: MessagingSettingsInput, response: { 200: MessagingSettings } } }, async (req) =>
    mailings.updateMessagingSettings(deps, actorOf(req), req.body));

  app.post('/mailings/preview', { config: { access: M }, schema: { tags, summary: "A segment's count and members, who will receive and who is skipped", body: PreviewInput, response: { 200: Preview } } }, async (req) =>
    mailings.preview(deps, actorOf(req), req.body));
  app.get('/mailings', { config: { access: M }, schema: { tags, response: { 200: MailingList } } }, async (req) => mailings.listMailings(deps, actorOf(req)));
  app.post('/mailings', { config: { access: M }, schema: { tags, summary: 'Send a mailing to the consenting members of a segment', body: MailingInput, response: { 201: MailingOut } } }, async (req, reply) =>
    reply.status(201).send(await mailings.createMailing(deps, actorOf(req), req.body, baseOf(req))));
  app.post('/mailings/promotion-calls', { config: { access: M }, schema: { tags, summary: 'Promotion calls: a call-back for each member of the segment in «Обзвон»', body: PromotionInput, response: { 200: PromotionOut } } }, async (req) =>
    mailings.createPromotionCalls(deps, actorOf(req), req.body));

  app.get('/messages', { config: { access: M }, schema: { tags, summary: 'The outbox of e-mails and SMS', response: { 200: OutboxList } } }, async (req) => mailings.listOutbox(deps, actorOf(req)));
  app.post('/messages/:id/retry', { config: { access: M }, schema: { tags, params: IdParams, response: { 200: OutboxList } } }, async (req) => mailings.retryMessage(deps, actorOf(req), req.params.id));
  app.post('/messages/dispatch', { config: { access: M }, schema: { tags, summary: "Enqueue today's reminders and send what waits, now", response: { 200: DispatchOut } } }, async (req) => {
    const reminders = await enqueueReminders(deps, actorOf(req).clinicId, baseOf(req));
    return { ...(await dispatchMessages(deps.h, deps.clock)), reminders };
  });

  const html = (reply: import('fastify').FastifyReply, r: { status: number; html: string }) =>
    reply.status(r.status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(r.html);
  const pub = { access: 'public' as const };
  app.get('/public/visit/:token', { config: pub, schema: { tags, summary: "A reminder's link: the visit with «Подтверждаю» and «Перенести»", params: TokenParams } }, async (req, reply) =>
    html(reply, linkPage(await visitByToken(deps, req.params.token), req.params.token)));
  app.post('/public/visit/:token/confirm', { config: pub, schema: { tags, params: TokenParams } }, async (req, reply) =>
    html(reply, linkPage(await confirmByToken(deps, req.params.token), req.params.token)));
  app.post('/public/visit/:token/move', { config: pub, schema: { tags, params: TokenParams } }, async (req, reply) =>
    html(reply, linkPage(await rescheduleByToken(deps, req.params.token), req.params.token)));
  app.get('/public/unsubscribe/:token', { config: pub, schema: { tags, summary: 'The unsubscribe link of a mailing', params: TokenParams } }, async (req, reply) => {
    const t = encodeURIComponent(req.params.token);
    return html(reply, { status: 200, html: page('Отписка от рассылки', `<form method="post" action="/api/public/unsubscribe/${t}"><button type="submit">Отписаться от рассылки</button></form>`) });
  });
  app.post('/public/unsubscribe/:token', { config: pub, schema: { tags, params: TokenParams } }, async (req, reply) =>
    html(reply, linkPage(await unsubscribeByToken(deps, req.params.token), req.params.token)));
};
