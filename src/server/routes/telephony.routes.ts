import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TelephonyLinesBody, TelephonyResult, TelephonySecret, TelephonySettings } from '../../contracts/telephony.js';
import * as telephony from '../../services/telephony.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** /telephony: the PBX's signed webhook and the owner's settings (secret, lines → branches). */
export const telephonyRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['calls'];
  await app.register(async (hook) => {
    // The signature covers the body's exact bytes: it is kept as text here and parsed only once verified.
    hook.removeAllContentTypeParsers();
    hook.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => done(null, body));
    hook.post('/telephony/events', {
      config: { access: 'public', rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: { tags, summary: 'A signed PBX event: ringing, answered, ended (see the README «Телефония»)', response: { 200: TelephonyResult } },
    }, async (req) =>
      telephony.takeEvent(deps, {
        clinicId: header(req.headers['x-vizit-clinic']),
        timestamp: header(req.headers['x-vizit-timestamp']),
        signature: header(req.headers['x-vizit-signature']),
        body: typeof req.body === 'string' ? req.body : '',
      }));
  });
  app.get('/telephony/settings', { config: { access: 'clinic.write' }, schema: { tags, summary: 'The clinic’s telephony: whether a secret is set, lines → branches', response: { 200: TelephonySettings } } }, async (req) =>
    telephony.getSettings(deps, actorOf(req)));
  app.post('/telephony/secret', { config: { access: 'clinic.write' }, schema: { tags, summary: 'Generate or rotate the shared secret (shown once)', response: { 200: TelephonySecret } } }, async (req, reply) =>
    reply.header('cache-control', 'no-store').send(await telephony.rotateSecret(deps, actorOf(req))));
  app.put('/telephony/lines', { config: { access: 'clinic.write' }, schema: { tags, summary: 'Replace the lines → branches table', body: TelephonyLinesBody, response: { 200: TelephonySettings } } }, async (req) =>
    telephony.saveLines(deps, actorOf(req), req.body.lines));
};
