import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  ChecklistDay, ChecklistItems, ChecklistItemsInput, ChecklistItemsQuery, ChecklistMark, ChecklistQuery, ChecklistReport, ChecklistReportQuery,
} from '../../contracts/opening-checklist.js';
import * as items from '../../services/opening-checklist-items.service.js';
import * as report from '../../services/opening-checklist-report.service.js';
import * as checklist from '../../services/opening-checklist.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /opening-checklist: the desk's daily opening checklist per branch, its items and the owner's report (DESK-1). */
export const openingChecklistRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['opening checklist'];
  const T = 'checklist.tick' as const;
  const M = 'checklist.manage' as const;
  app.get('/opening-checklist', { config: { access: T }, schema: { tags, summary: 'A branch’s checklist for today (or a past day)', querystring: ChecklistQuery, response: { 200: ChecklistDay } } }, async (req) =>
    checklist.getChecklist(deps, actorOf(req), req.query));
  app.get('/opening-checklist/items', { config: { access: M }, schema: { tags, summary: 'A branch’s checklist items', querystring: ChecklistItemsQuery, response: { 200: ChecklistItems } } }, async (req) =>
    items.getItems(deps, actorOf(req), req.query.branchId));
  app.put('/opening-checklist/items', { config: { access: M }, schema: { tags, summary: 'Replace a branch’s items (listed in order; unlisted ones retired)', body: ChecklistItemsInput, response: { 200: ChecklistItems } } }, async (req) =>
    items.saveItems(deps, actorOf(req), req.body));
  app.put('/opening-checklist/items/:id/today', { config: { access: T }, schema: { tags, summary: 'Tick or untick an item for today, with a note when it could not be done', params: IdParams, body: ChecklistMark, response: { 200: ChecklistDay } } }, async (req) =>
    checklist.markItem(deps, actorOf(req), req.params.id, req.body));
  app.get('/opening-checklist/report', { config: { access: M }, schema: { tags, summary: 'Per branch and day: completed when, late by how much, skipped, who', querystring: ChecklistReportQuery, response: { 200: ChecklistReport } } }, async (req) =>
    report.checklistReport(deps, actorOf(req), req.query));
};
