import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  ConfirmationList, ExamAnswers, ExamPaper, ExamResults, JobDescription, JobDescriptionInput, MyJobStatus, RoleParams, RoleVersionParams, TrainingItemDone, TrainingPlan, TrainingPlanInput,
} from '../../contracts/job-descriptions.js';
import { z } from 'zod';
import * as jd from '../../services/job-descriptions.service.js';
import * as training from '../../services/training.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

const Plans = z.object({ items: z.array(TrainingPlan) });
const ExamResult = z.object({ id: z.uuid(), takenAt: z.string(), score: z.number().int(), total: z.number().int(), passMark: z.number().int(), passed: z.boolean(), wrong: z.array(z.string()) });

/** /job-descriptions, /training: STAFF-2 (descriptions, versions, confirmations) and STAFF-4 (plan, exam). */
export const jobDescriptionRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['team'];
  const A = 'authenticated' as const;
  const M = 'team.manage' as const;
  app.get('/job-descriptions/mine', { config: { access: A }, schema: { tags, summary: 'My role’s current version and whether I still have to confirm it', response: { 200: MyJobStatus } } }, async (req) =>
    jd.myStatus(deps, actorOf(req)));
  app.post('/job-descriptions/mine/confirm', { config: { access: A }, schema: { tags, summary: '«Ознакомлен(а)» with this version', body: z.strictObject({ version: z.number().int().min(1) }), response: { 200: MyJobStatus } } }, async (req) =>
    jd.confirm(deps, actorOf(req), req.body.version));
  app.get('/job-descriptions/confirmations', { config: { access: M }, schema: { tags, summary: 'Who has not confirmed the current version', response: { 200: ConfirmationList } } }, async (req) =>
    jd.confirmations(deps, actorOf(req)));
  // Everyone may read every role's description: the seed's point is that each knows who does what.
  app.get('/job-descriptions/:role', { config: { access: A }, schema: { tags, params: RoleParams, response: { 200: JobDescription } } }, async (req) =>
    jd.getDescription(deps, actorOf(req), req.params.role));
  app.get('/job-descriptions/:role/versions/:version', { config: { access: A }, schema: { tags, params: RoleVersionParams, response: { 200: JobDescription } } }, async (req) =>
    jd.getDescription(deps, actorOf(req), req.params.role, req.params.version));
  app.post('/job-descriptions/:role', { config: { access: M }, schema: { tags, summary: 'Save a new version (everyone in the role confirms again)', params: RoleParams, body: JobDescriptionInput, response: { 201: JobDescription } } }, async (req, reply) =>
    reply.status(201).send(await jd.saveDescription(deps, actorOf(req), req.params.role, req.body)));

  app.get('/training/plans', { config: { access: A }, schema: { tags, summary: 'Training plans: all (management), or mine as trainee or mentor', response: { 200: Plans } } }, async (req) =>
    training.listPlans(deps, actorOf(req)));
  app.post('/training/plans', { config: { access: M }, schema: { tags, summary: 'Start the default internship plan for a new employee', body: TrainingPlanInput, response: { 201: Plans } } }, async (req, reply) =>
    reply.status(201).send(await training.startPlan(deps, actorOf(req), req.body)));
  app.post('/training/items/:id', { config: { access: A }, schema: { tags, summary: 'Tick a plan step done or not (mentor, trainee, management)', params: IdParams, body: TrainingItemDone, response: { 200: Plans } } }, async (req) =>
    training.setItemDone(deps, actorOf(req), req.params.id, req.body.done));
  app.get('/training/exam', { config: { access: A }, schema: { tags, summary: 'The administrator’s exam paper (no answers)', response: { 200: ExamPaper } } }, async (req) =>
    training.examPaper(String(req.headers['accept-language'] ?? 'ru').toLowerCase().startsWith('en') ? 'en' : 'ru'));
  app.post('/training/exam', { config: { access: A }, schema: { tags, summary: 'Hand in answers: scored, recorded', body: ExamAnswers, response: { 201: ExamResult } } }, async (req, reply) =>
    reply.status(201).send(await training.takeExam(deps, actorOf(req), req.body)));
  app.get('/training/exam/results', { config: { access: A }, schema: { tags, summary: 'Results: everyone’s (management) or mine', response: { 200: ExamResults } } }, async (req) =>
    training.examResults(deps, actorOf(req)));
};
