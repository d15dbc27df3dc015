import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { PriceItemDetail, PriceItemInput, PriceItemPatch, PricePage, PriceQuery, PriceSections, PriceVersionInput } from '../../contracts/prices.js';
import { PRICE_IMPORT_BODY_LIMIT, PriceExportQuery, PriceImportBody, PriceImportResult } from '../../contracts/price-files.js';
import * as priceFiles from '../../services/price-import.service.js';
import * as prices from '../../services/prices.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /price-list: the approved price list with its versions (CALL-6, DESK-4). */
export const priceRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['price list'];
  const R = 'prices.read' as const;
  const W = 'prices.write' as const;
  app.get('/price-list', { config: { access: R }, schema: { tags, summary: 'Services and the prices in force on a date', querystring: PriceQuery, response: { 200: PricePage } } }, async (req) =>
    prices.listPrices(deps, actorOf(req), req.query));
  app.get('/price-list/sections', { config: { access: R }, schema: { tags, response: { 200: PriceSections } } }, async (req) =>
    prices.priceSections(deps, actorOf(req)));
  app.get('/price-list/export', { config: { access: R }, schema: { tags, summary: 'The price list in force on a date as a CSV or XLSX file, hidden services too', querystring: PriceExportQuery } }, async (req, reply) => {
    const f = await priceFiles.exportPriceList(deps, actorOf(req), req.query);
    return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'no-store').send(f.body);
  });
  app.post('/price-list/import', { bodyLimit: PRICE_IMPORT_BODY_LIMIT, config: { access: W }, schema: { tags, summary: 'Import the price list from a CSV or XLSX file (dryRun: check and count only)', body: PriceImportBody, response: { 200: PriceImportResult } } }, async (req) =>
    priceFiles.importPriceList(deps, actorOf(req), req.body));
  app.get('/price-list/:id', { config: { access: R }, schema: { tags, summary: 'A service with its price history', params: IdParams, response: { 200: PriceItemDetail } } }, async (req) =>
    prices.getPrice(deps, actorOf(req), req.params.id));
  app.post('/price-list', { config: { access: W }, schema: { tags, body: PriceItemInput, response: { 201: PriceItemDetail } } }, async (req, reply) =>
    reply.status(201).send(await prices.createPrice(deps, actorOf(req), req.body)));
  app.patch('/price-list/:id', { config: { access: W }, schema: { tags, params: IdParams, body: PriceItemPatch, response: { 200: PriceItemDetail } } }, async (req) =>
    prices.updatePrice(deps, actorOf(req), req.params.id, req.body));
  app.post('/price-list/:id/versions', { config: { access: W }, schema: { tags, summary: 'A new price from a date (today or later)', params: IdParams, body: PriceVersionInput, response: { 200: PriceItemDetail } } }, async (req) =>
    prices.setPrice(deps, actorOf(req), req.params.id, req.body));
};
