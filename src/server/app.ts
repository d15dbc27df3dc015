import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DbHandle } from '../db/connect.js';
import { DomainError } from '../domain/errors.js';
import { DEFAULT_AUTH, type AuthSettings } from '../services/auth.service.js';
import { healthCheck } from '../services/health.service.js';
import { installAuth } from './plugins/auth.js';
import { frameworkError, installErrors, installNulGuard, sendProblem } from './plugins/errors.js';
import { installJsonBodyParser } from './plugins/json-body.js';
import { swaggerOptions } from './plugins/openapi.js';
import { auditRoutes } from './routes/audit.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { clinicRoutes } from './routes/clinic.routes.js';
import { patientRoutes } from './routes/patients.routes.js';
import { staffRoutes } from './routes/staff.routes.js';
import { scheduleRoutes } from './routes/schedule.routes.js';
import { appointmentRoutes } from './routes/appointments.routes.js';
import { waitingListRoutes } from './routes/waiting-list.routes.js';
import { notificationRoutes } from './routes/notifications.routes.js';
import { icalRoutes } from './routes/ical.routes.js';
import { serviceCardRoutes } from './routes/service-card.routes.js';
import { svcRegulationRoutes } from './routes/svc-regulation.routes.js';
import { doctorRoutes } from './routes/doctors.routes.js';
import { calendarRoutes } from './routes/calendar.routes.js';
import { deskCoverRoutes } from './routes/desk-cover.routes.js';
import { priceRoutes } from './routes/prices.routes.js';
import { worklistRoutes } from './routes/worklists.routes.js';
import { openingChecklistRoutes } from './routes/opening-checklist.routes.js';
import { liveRoutes } from './routes/live.routes.js';
import { retentionRoutes } from './routes/retention.routes.js';
import { incidentRoutes } from './routes/incidents.routes.js';
import { documentRoutes } from './routes/documents.routes.js';
import { questionnaireAnswerRoutes } from './routes/questionnaire-answers.routes.js';
import { billRoutes } from './routes/bills.routes.js';
import { cashRoutes } from './routes/cash.routes.js';
import { moneyRoutes } from './routes/money.routes.js';
import type { FiscalDriverName } from '../services/fiscal-drivers.js';
import { insuranceRoutes } from './routes/insurance.routes.js';
import { taxCertificateRoutes } from './routes/tax-certificates.routes.js';
import { statisticsRoutes } from './routes/statistics.routes.js';
import { teamRoutes } from './routes/team.routes.js';
import { jobDescriptionRoutes } from './routes/job-descriptions.routes.js';
import { callRoutes } from './routes/calls.routes.js';
import { surveyRoutes } from './routes/surveys.routes.js';
import { surveyResultsRoutes } from './routes/survey-results.routes.js';
import { telephonyRoutes } from './routes/telephony.routes.js';
import { callQualityRoutes } from './routes/call-quality.routes.js';
import { mailingRoutes } from './routes/mailings.routes.js';
import { LiveFeed } from '../services/live.service.js';
import type { RouteDeps } from './routes/types.js';

export interface AppOptions {
  h: DbHandle;
  clock?: () => Date;
  auth?: Partial<AuthSettings>;
  cookieSecure?: boolean;
  trustProxy?: boolean;
  /** Per-IP limit on POST /api/auth/login on top of the DB throttling; false to switch off (tests). */
  loginRateLimit?: { max: number; timeWindow: string } | false;
  /** Folder of the built web app; omitted in API tests. */
  webDir?: string;
  logger?: boolean | { level: string };
  /** How often every app server looks for new live events in the database. */
  livePollMs?: number;
  /** Which fiscal register adapter the server runs (shown on the outbox screen); 'none' by default. */
  fiscalDriver?: FiscalDriverName;
}

/** Builds the whole HTTP app without listening (tests use inject or listen themselves). */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrors(app);
  installJsonBodyParser(app);
  installNulGuard(app);

  const deps = { h: opts.h, clock: opts.clock ?? (() => new Date()) };
  const authSettings = { ...DEFAULT_AUTH, ...opts.auth };
  const rd: RouteDeps = {
    deps,
    auth: authSettings,
    cookieSecure: opts.cookieSecure ?? false,
    loginRateLimit: opts.loginRateLimit ?? { max: 20, timeWindow: '1 minute' },
  };

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, swaggerOptions());
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  installAuth(app, deps, authSettings);
  const feed = new LiveFeed(deps, opts.livePollMs ?? 500);
  app.addHook('onClose', async () => feed.stop());

  await app.register(
    async (api) => {
      api.get('/health', {
        config: { access: 'public' },
        schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok'), engine: z.enum(['sqlite', 'postgres']), time: z.string() }) } },
      }, async () => healthCheck(deps));
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
      await api.register(authRoutes(rd));
      await api.register(deskCoverRoutes(rd));
      await api.register(clinicRoutes(rd));
      await api.register(calendarRoutes(rd));
      await api.register(priceRoutes(rd));
      await api.register(openingChecklistRoutes(rd));
      await api.register(staffRoutes(rd));
      await api.register(doctorRoutes(rd));
      await api.register(patientRoutes(rd));
      await api.register(auditRoutes(rd));
      await api.register(retentionRoutes(rd));
      await api.register(scheduleRoutes(rd));
      await api.register(appointmentRoutes(rd));
      await api.register(waitingListRoutes(rd));
      await api.register(notificationRoutes(rd));
      await api.register(serviceCardRoutes(rd));
      await api.register(svcRegulationRoutes(rd));
      await api.register(icalRoutes(rd));
      await api.register(incidentRoutes(rd));
      await api.register(documentRoutes(rd));
      await api.register(questionnaireAnswerRoutes(rd));
      await api.register(billRoutes(rd));
      await api.register(cashRoutes(rd));
      await api.register(moneyRoutes(rd, opts.fiscalDriver ?? 'none'));
      await api.register(insuranceRoutes(rd));
      await api.register(taxCertificateRoutes(rd));
      await api.register(statisticsRoutes(rd));
      await api.register(teamRoutes(rd));
      await api.register(jobDescriptionRoutes(rd));
      await api.register(callRoutes(rd));
      await api.register(surveyRoutes(rd));
      await api.register(surveyResultsRoutes(rd));
      await api.register(telephonyRoutes(rd));
      await api.register(callQualityRoutes(rd));
      await api.register(mailingRoutes(rd));
      await api.register(worklistRoutes(rd));
      await api.register(liveRoutes(feed));
    },
    { prefix: '/api' },
  );

  const index = opts.webDir ? path.join(opts.webDir, 'index.html') : null;
  if (opts.webDir && fs.existsSync(opts.webDir)) {
    // wildcard: files are looked up per request, so a rebuilt bundle is served without a restart.
    await app.register(fastifyStatic, {
      root: opts.webDir, wildcard: true, index: false, serveDotFiles: false,
      // Source maps are never public, even if a build left one behind.
      allowedPath: (pathName) => !pathName.toLowerCase().endsWith('.map'),
    });
  }
  const sendIndex = (reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(fs.createReadStream(index!));
  if (index) app.get('/', { config: { access: 'public' } }, async (_req, reply) => (fs.existsSync(index) ? sendIndex(reply) : reply.callNotFound()));
  app.setNotFoundHandler((req, reply) => {
    // A missing bundle file is a 404, never the app page (a stale tab would get HTML for JavaScript).
    const isAsset = req.url.startsWith('/assets/') || /\.map$/i.test(req.url.split('?')[0]);
    if (!req.url.startsWith('/api') && !isAsset && req.method === 'GET' && index && fs.existsSync(index)) return sendIndex(reply);
    return sendProblem(req, reply, new DomainError('not_found', { ru: 'Адрес не найден', en: 'No such address' }));
  });
  return app;
}
