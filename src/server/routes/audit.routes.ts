import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, AuditVerify } from '../../contracts/audit.js';
import { listAudit, verifyAudit } from '../../services/audit.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

export const auditRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['audit'];
  app.get('/audit', { config: { access: 'audit.read' }, schema: { tags, querystring: AuditQuery, response: { 200: AuditPage } } }, async (req) =>
    listAudit(deps, actorOf(req), req.query));
  app.get('/audit/verify', { config: { access: 'audit.read' }, schema: { tags, summary: 'Recompute the hash chain', response: { 200: AuditVerify } } }, async (req) =>
    verifyAudit(deps, actorOf(req)));
};
