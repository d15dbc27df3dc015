import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import { can, type RouteAccess } from '../../domain/permissions.js';
import { coverOf } from '../../services/desk-cover.service.js';
import { csrfMatches, resolveSession, type AuthSettings, type SessionInfo } from '../../services/auth.service.js';
import type { Actor, Deps } from '../../services/context.js';

export const SESSION_COOKIE = 'vizit_session';

export interface RouteAccessEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its declared access: the 403 tests are driven by it. */
    routeAccess: RouteAccessEntry[];
  }
  interface FastifyContextConfig {
    /** Who may call the route: a permission of the matrix, `authenticated` or `public`. Required on every /api route. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    session: SessionInfo | null;
    actor: Actor | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in actor of a route that declared a non-public access (set by the preHandler below). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new DomainError('unauthenticated', { ru: 'Войдите в систему', en: 'Please sign in' });
  return req.actor;
}

/**
 * Deny by default: a route under /api without `config.access` fails the server start;
 * each request is checked against the permission matrix before its handler runs.
 * Cookie-authenticated writes must carry the session's CSRF token in X-CSRF-Token.
 */
export function installAuth(app: FastifyInstance, deps: Deps, cfg: AuthSettings) {
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);

  const table: RouteAccessEntry[] = [];
  app.decorate('routeAccess', table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (!route.config?.access) throw new Error(`Route ${route.method} ${route.url} declares no access (deny by default)`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access: route.config.access });
  });

  // onRequest, before the body is even parsed: a caller without the right learns nothing about the route.
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(deps, cfg, token) : null;
    if (!session) {
      if (token) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw new DomainError('unauthenticated', { ru: 'Сеанс завершён. Войдите снова', en: 'Your session has ended. Please sign in again' });
    }
    if (!SAFE.has(req.method) && !csrfMatches(session.csrfToken, req.headers['x-csrf-token'] as string | undefined)) {
      throw new DomainError('csrf_failed', { ru: 'Запрос отклонён защитой от подделки (CSRF). Обновите страницу', en: 'Request rejected by CSRF protection. Reload the page' });
    }
    // Until the one-time password is changed, only the password change and "who am I" work.
    if (session.user.mustChangePassword && access !== 'authenticated') {
      throw new DomainError('forbidden', { ru: 'Сначала смените временный пароль', en: 'Change your temporary password first' });
    }
    // DESK-6: a nurse, an assistant or a doctor standing in at the desk holds its duties meanwhile.
    const deskCover = (await coverOf(deps, session.user.role, session.sessionId)) !== null;
    if (!can(session.user.role, access, deskCover)) {
      throw new DomainError('forbidden', { ru: 'Недостаточно прав для этого действия', en: 'You do not have permission for this action' });
    }
    req.session = session;
    req.actor = {
      clinicId: session.clinic.id,
      userId: session.user.id,
      login: session.user.login,
      role: session.user.role,
      ip: req.ip,
      sessionId: session.sessionId,
      deskCover,
    };
  });
}
