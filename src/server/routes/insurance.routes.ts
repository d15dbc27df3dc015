import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contracts/common.js';
import {
  BillInsurance, BillToInsurerInput, InsurerInput, InsurerList, InsurerPatch, JournalPage, JournalQuery, LetterInput, PatientInsurance, PolicyInput, ProgrammeInput,
  RegisterDetail, RegisterDraft, RegisterDraftQuery, RegisterFileQuery, RegisterList, RegisterPayInput, RegisterSendInput, Insurer,
} from '../../contracts/insurance.js';
import * as insurance from '../../services/insurance.service.js';
import * as registers from '../../services/insurance-registers.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/** /insurance: ДМС (PAT-4) — insurers and contracts, patients' policies and letters, bills to the insurer, the journal, the monthly registers. */
export const insuranceRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['insurance'];
  const M = 'insurance.manage' as const;
  const file = (reply: { type(t: string): { header(k: string, v: string): { header(k: string, v: string): { send(b: Buffer): unknown } } } }, f: { contentType: string; fileName: string; body: Buffer }) =>
    reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'no-store').send(f.body);

  app.get('/insurers', { config: { access: M }, schema: { tags, summary: 'Insurers with the clinic’s contracts and programmes', response: { 200: InsurerList } } }, async (req) =>
    insurance.listInsurers(deps, actorOf(req)));
  app.post('/insurers', { config: { access: M }, schema: { tags, body: InsurerInput, response: { 201: Insurer } } }, async (req, reply) =>
    reply.status(201).send(await insurance.createInsurer(deps, actorOf(req), req.body)));
  app.patch('/insurers/:id', { config: { access: M }, schema: { tags, params: IdParams, body: InsurerPatch, response: { 200: Insurer } } }, async (req) =>
    insurance.updateInsurer(deps, actorOf(req), req.params.id, req.body));
  app.post('/insurers/:id/programmes', { config: { access: M }, schema: { tags, params: IdParams, body: ProgrammeInput, response: { 200: Insurer } } }, async (req) =>
    insurance.addProgramme(deps, actorOf(req), req.params.id, req.body));

  app.get('/patients/:id/insurance', { config: { access: M }, schema: { tags, summary: 'The patient’s policies (expired ones marked) and guarantee letters with what is left', params: IdParams, response: { 200: PatientInsurance } } }, async (req) =>
    insurance.patientInsurance(deps, actorOf(req), req.params.id));
  app.post('/patients/:id/insurance/policies', { config: { access: M }, schema: { tags, params: IdParams, body: PolicyInput, response: { 200: PatientInsurance } } }, async (req) =>
    insurance.addPolicy(deps, actorOf(req), req.params.id, req.body));
  app.post('/insurance-policies/:id/letters', { config: { access: M }, schema: { tags, summary: 'A guarantee letter on a policy', params: IdParams, body: LetterInput, response: { 200: PatientInsurance } } }, async (req) =>
    insurance.addLetter(deps, actorOf(req), req.params.id, req.body));
  app.post('/insurance-bills/:id', { config: { access: M }, schema: { tags, summary: 'Hand an issued, unpaid bill to the insurer on a policy and a guarantee letter', params: IdParams, body: BillToInsurerInput, response: { 200: BillInsurance } } }, async (req) =>
    insurance.billToInsurer(deps, actorOf(req), req.params.id, req.body));

  app.get('/insurance-journal', { config: { access: M }, schema: { tags, summary: 'The insurance patients’ journal (seed 002, 2.13)', querystring: JournalQuery, response: { 200: JournalPage } } }, async (req) =>
    registers.journal(deps, actorOf(req), req.query));
  app.get('/insurance-journal.csv', { config: { access: M }, schema: { tags, summary: 'The journal over the filter as CSV', querystring: JournalQuery } }, async (req, reply) =>
    file(reply, { contentType: 'text/csv; charset=utf-8', fileName: 'zhurnal-dms.csv', body: await registers.journalCsv(deps, actorOf(req), req.query) }));

  app.get('/insurance-registers', { config: { access: M }, schema: { tags, querystring: z.strictObject({ insurerId: z.uuid().optional() }), response: { 200: RegisterList } } }, async (req) =>
    registers.listRegisters(deps, actorOf(req), req.query.insurerId));
  app.get('/insurance-registers/draft', { config: { access: M }, schema: { tags, summary: 'What the month’s register would hold if sent now', querystring: RegisterDraftQuery, response: { 200: RegisterDraft } } }, async (req) =>
    registers.registerDraft(deps, actorOf(req), req.query.insurerId, req.query.month));
  app.post('/insurance-registers', { config: { access: M }, schema: { tags, summary: 'Send the month’s register: numbered and fixed', body: RegisterSendInput, response: { 201: RegisterDetail } } }, async (req, reply) =>
    reply.status(201).send(await registers.sendRegister(deps, actorOf(req), req.body)));
  app.get('/insurance-registers/:id', { config: { access: M }, schema: { tags, params: IdParams, response: { 200: RegisterDetail } } }, async (req) =>
    registers.getRegister(deps, actorOf(req), req.params.id));
  app.get('/insurance-registers/:id/file', { config: { access: M }, schema: { tags, summary: 'The register as sent, CSV or PDF', params: IdParams, querystring: RegisterFileQuery } }, async (req, reply) =>
    file(reply, await registers.registerFile(deps, actorOf(req), req.params.id, req.query.format ?? 'pdf')));
  app.post('/insurance-registers/:id/payment', { config: { access: M }, schema: { tags, summary: 'The insurer paid the register: a payment by the insurer on each of its bills', params: IdParams, body: RegisterPayInput, response: { 200: RegisterDetail } } }, async (req) =>
    registers.payRegister(deps, actorOf(req), req.params.id, req.body));
};
