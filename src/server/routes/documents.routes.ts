import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  DocumentSettings, DocumentTemplateList, DocumentTemplateVersions, DocumentTemplate, IssueInput, LegalKeyParams, LegalReferenceInput, LegalReferenceList, PackQuery, PaperInput,
  PatientDocument, PatientDocumentRegister, PlannedServicesInput, RefuseInput, RepresentativeInput, SignInput, TemplateCodeParams, TemplateInput, TemplatePreviewInput,
  VisitDocuments,
} from '../../contracts/documents.js';
import { VisitAftercare } from '../../contracts/aftercare.js';
import * as aftercare from '../../services/documents-aftercare.service.js';
import * as pack from '../../services/documents-pack.service.js';
import * as templates from '../../services/documents-templates.service.js';
import * as docs from '../../services/documents.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

const pdfName = (s: string) => encodeURIComponent(s.replace(/[\\/:*?"<>|]+/g, ' ')) + '.pdf';

/** /documents: templates (DOC-1..7), the documents issued to patients, what a visit still needs, tomorrow's pack (issue #11). */
export const documentRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['documents'];
  const M = 'documents.manage' as const;
  const I = 'documents.issue' as const;
  const R = 'patients.read' as const;
  app.get('/documents/templates', { config: { access: R }, schema: { tags, summary: 'The latest version of every template', response: { 200: DocumentTemplateList } } }, async (req) =>
    templates.listTemplates(deps, actorOf(req)));
  app.get('/documents/templates/:code', { config: { access: R }, schema: { tags, params: TemplateCodeParams, response: { 200: DocumentTemplateVersions } } }, async (req) =>
    templates.getTemplate(deps, actorOf(req), req.params.code));
  app.put('/documents/templates/:code', { config: { access: M }, schema: { tags, summary: 'Save a new version (old versions never change)', params: TemplateCodeParams, body: TemplateInput, response: { 200: DocumentTemplate } } }, async (req) =>
    templates.saveTemplate(deps, actorOf(req), req.params.code, req.body));
  app.post('/documents/templates/preview', { config: { access: M }, schema: { tags, summary: 'PDF of an unsaved body with a sample adult or child', body: TemplatePreviewInput } }, async (req, reply) =>
    reply.type('application/pdf').header('cache-control', 'no-store').send(await templates.previewTemplate(deps, actorOf(req), req.body)));
  app.get('/documents/legal-references', { config: { access: R }, schema: { tags, response: { 200: LegalReferenceList } } }, async (req) => templates.legalReferences(deps, actorOf(req)));
  app.put('/documents/legal-references/:key', { config: { access: M }, schema: { tags, summary: 'The clinic’s own text of a legal reference (null: back to the default)', params: LegalKeyParams, body: LegalReferenceInput, response: { 200: LegalReferenceList } } }, async (req) =>
    templates.setLegalReference(deps, actorOf(req), req.params.key, req.body.text));
  app.get('/documents/settings', { config: { access: R }, schema: { tags, summary: 'Documents settings: the health questionnaire’s renewal period, months', response: { 200: DocumentSettings } } }, async (req) =>
    templates.getDocumentSettings(deps, actorOf(req)));
  app.put('/documents/settings', { config: { access: M }, schema: { tags, body: DocumentSettings, response: { 200: DocumentSettings } } }, async (req) =>
    templates.setDocumentSettings(deps, actorOf(req), req.body));

  app.get('/patients/:id/documents', { config: { access: R }, schema: { tags, summary: 'The patient’s register of documents', params: IdParams, response: { 200: PatientDocumentRegister } } }, async (req) =>
    docs.listPatientDocuments(deps, actorOf(req), req.params.id));
  app.post('/patients/:id/documents', { config: { access: I }, schema: { tags, summary: 'Issue a document (its content is frozen now)', params: IdParams, body: IssueInput, response: { 201: PatientDocument } } }, async (req, reply) =>
    reply.status(201).send(await docs.issueDocument(deps, actorOf(req), req.params.id, req.body)));
  app.put('/patients/:id/representative', { config: { access: 'patients.write' }, schema: { tags, summary: 'The legal representative who signs for a child', params: IdParams, body: RepresentativeInput, response: { 200: PatientDocumentRegister } } }, async (req) =>
    docs.setRepresentative(deps, actorOf(req), req.params.id, req.body));
  app.get('/documents/:id/pdf', { config: { access: R }, schema: { tags, params: IdParams } }, async (req, reply) => {
    const f = await docs.documentPdf(deps, actorOf(req), req.params.id);
    return reply.type('application/pdf').header('content-disposition', `inline; filename*=UTF-8''${pdfName(f.title)}`).header('cache-control', 'no-store').send(f.pdf);
  });
  app.post('/documents/:id/sign', { config: { access: I }, schema: { tags, summary: 'Signed on screen (signature pad PNG)', params: IdParams, body: SignInput, response: { 200: PatientDocument } } }, async (req) =>
    docs.signOnScreen(deps, actorOf(req), req.params.id, req.body));
  app.post('/documents/:id/paper', { config: { access: I }, schema: { tags, summary: 'Signed on paper on a date', params: IdParams, body: PaperInput, response: { 200: PatientDocument } } }, async (req) =>
    docs.signedOnPaper(deps, actorOf(req), req.params.id, req.body));
  app.post('/documents/:id/refuse', { config: { access: I }, schema: { tags, summary: 'Refused, with the reason (goes to the service card, SVC-5)', params: IdParams, body: RefuseInput, response: { 200: PatientDocument } } }, async (req) =>
    docs.refuseDocument(deps, actorOf(req), req.params.id, req.body));

  app.get('/appointments/:id/documents', { config: { access: R }, schema: { tags, summary: 'The documents the visit still needs', params: IdParams, response: { 200: VisitDocuments } } }, async (req) =>
    pack.visitDocuments(deps, actorOf(req), req.params.id));
  app.get('/appointments/:id/aftercare', { config: { access: R }, schema: { tags, summary: 'After treatment: the performed services, the leaflets and warranty coupons to hand over (DOC-4, DOC-7)', params: IdParams, response: { 200: VisitAftercare } } }, async (req) =>
    aftercare.visitAftercare(deps, actorOf(req), req.params.id));
  app.put('/appointments/:id/planned-services', { config: { access: I }, schema: { tags, summary: 'The services planned for the visit (price-list codes)', params: IdParams, body: PlannedServicesInput, response: { 200: VisitDocuments } } }, async (req) =>
    pack.setPlannedServices(deps, actorOf(req), req.params.id, req.body.codes));
  app.get('/documents/tomorrow-pack', { config: { access: I }, schema: { tags, summary: 'One PDF: the documents each of tomorrow’s patients still needs', querystring: PackQuery } }, async (req, reply) => {
    const f = await pack.tomorrowPack(deps, actorOf(req), req.query.branchId);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="documents-${f.date}.pdf"`).header('x-documents', String(f.documents)).header('cache-control', 'no-store').send(f.pdf);
  });
};
