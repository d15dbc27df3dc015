import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangePasswordBody, LoginBody, Me, SessionState } from '../../contracts/auth.js';
import { Ok } from '../../contracts/common.js';
import * as auth from '../../services/auth.service.js';
import { coverOf, leaveDesk } from '../../services/desk-cover.service.js';
import { actorOf, SESSION_COOKIE } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

const DEVICE_COOKIE = 'vizit_device';

const loginRateKey = (req: FastifyRequest) => `${req.ip} ${String((req.body as { login?: unknown } | undefined)?.login ?? '').trim().toLowerCase()}`;

export const authRoutes = (d: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/auth/login', {
    // Keyed by address AND login, after the body is read: one address (a clinic's NAT) hammering some
    // logins must not hold back a colleague's sign-in; the database throttle does the real counting.
    config: { access: 'public', rateLimit: d.loginRateLimit && { ...d.loginRateLimit, hook: 'preHandler', keyGenerator: loginRateKey } },
    schema: { tags: ['auth'], summary: 'Sign in', body: LoginBody, response: { 200: Me } },
  }, async (req, reply) => {
    const { token, session, deviceToken } = await auth.login(d.deps, d.auth, {
      ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null, deviceToken: req.cookies[DEVICE_COOKIE] ?? null,
    });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: d.cookieSecure, maxAge: d.auth.absoluteHours * 3600,
    });
    // Sent only to sign-in, kept a year: this browser is throttled on its own, not with its address.
    reply.setCookie(DEVICE_COOKIE, deviceToken, { path: '/api/auth/login', httpOnly: true, sameSite: 'strict', secure: d.cookieSecure, maxAge: 365 * 86400 });
    return auth.meView(session);
  });

  app.post('/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Sign out', response: { 200: Ok } },
  }, async (req, reply) => {
    await leaveDesk(d.deps, actorOf(req));
    await auth.logout(d.deps, actorOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'The signed-in user, clinic, permissions and CSRF token', response: { 200: Me } },
  }, async (req) => auth.meView(req.session!, await coverOf(d.deps, req.session!.user.role, req.session!.sessionId)));

  // The web app's first question on every start: a signed-out visitor is an answer (me: null), not
  // an error for the browser to log. /auth/me stays the signed-in user's resource (401 without one).
  app.get('/auth/session', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Who is signed in here: as /auth/me, or me: null for a signed-out visitor', response: { 200: SessionState } },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await auth.resolveSession(d.deps, d.auth, token) : null;
    if (!session) {
      if (token) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { me: null };
    }
    return { me: auth.meView(session, await coverOf(d.deps, session.user.role, session.sessionId)) };
  });

  app.post('/auth/password', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Change own password', body: ChangePasswordBody, response: { 200: Ok } },
  }, async (req) => {
    await auth.changePassword(d.deps, actorOf(req), req.body.currentPassword, req.body.newPassword);
    return { ok: true as const };
  });
};
