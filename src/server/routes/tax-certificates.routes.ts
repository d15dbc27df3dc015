import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contracts/common.js';
import { Kpp } from '../../contracts/insurance.js';
import { TaxCertificate, TaxCertificateInput, TaxCertificateList, TaxPreview, TaxPreviewQuery, TaxRegisterQuery } from '../../contracts/tax-certificates.js';
import * as tax from '../../services/tax-certificates.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

const ClinicTax = z.object({ inn: z.string().nullable(), kpp: z.string().nullable(), licence: z.string().nullable(), legalName: z.string().nullable() });
const ClinicTaxInput = z.strictObject({ inn: z.string().trim().regex(/^(\d{10}|\d{12})$/, { message: 'inn' }), kpp: Kpp.nullable().optional() });

/** Tax-deduction certificates (FNS form КНД 1151156) from the patient's payments, and their register. */
export const taxCertificateRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['tax certificates'];
  const T = 'taxcert.issue' as const;
  app.get('/patients/:id/tax-certificates/preview', { config: { access: T }, schema: { tags, summary: 'The year’s sum: payments less refunds, money methods only', params: IdParams, querystring: TaxPreviewQuery, response: { 200: TaxPreview } } }, async (req) =>
    tax.taxPreview(deps, actorOf(req), req.params.id, req.query.year));
  app.get('/patients/:id/tax-certificates', { config: { access: T }, schema: { tags, params: IdParams, response: { 200: TaxCertificateList } } }, async (req) =>
    tax.listCertificates(deps, actorOf(req), { patientId: req.params.id }));
  app.post('/patients/:id/tax-certificates', { config: { access: T }, schema: { tags, summary: 'Issue a numbered certificate for a year', params: IdParams, body: TaxCertificateInput, response: { 201: TaxCertificate } } }, async (req, reply) =>
    reply.status(201).send(await tax.issueCertificate(deps, actorOf(req), req.params.id, req.body)));
  app.get('/tax-certificates', { config: { access: T }, schema: { tags, summary: 'The register of issued certificates', querystring: TaxRegisterQuery, response: { 200: TaxCertificateList } } }, async (req) =>
    tax.listCertificates(deps, actorOf(req), { year: req.query.year }));
  app.get('/tax-certificates/:id/pdf', { config: { access: T }, schema: { tags, params: IdParams } }, async (req, reply) => {
    const f = await tax.certificatePdf(deps, actorOf(req), req.params.id);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'no-store').send(f.body);
  });
  app.get('/clinic/tax-details', { config: { access: T }, schema: { tags, summary: 'The clinic’s INN and KPP as certificates print them', response: { 200: ClinicTax } } }, async (req) =>
    tax.clinicTaxDetails(deps, actorOf(req)));
  app.put('/clinic/tax-details', { config: { access: 'clinic.write' }, schema: { tags, body: ClinicTaxInput, response: { 200: ClinicTax } } }, async (req) =>
    tax.setClinicTaxDetails(deps, actorOf(req), { inn: req.body.inn, kpp: req.body.kpp ?? null }));
};
