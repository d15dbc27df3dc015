import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Ok } from '../../contracts/common.js';
import { InboxItem, MessageInput, MessageList, MessageQuery, Task, TaskClose, TaskFromMessage, TaskInput, TaskList, TaskQuery, TeamPeople, UnreadCount } from '../../contracts/team.js';
import * as messages from '../../services/team-messages.service.js';
import * as tasks from '../../services/tasks.service.js';
import { actorOf } from '../plugins/auth.js';
import type { RouteDeps } from './types.js';

/**
 * /team/messages, /tasks: notes inside the team (STAFF-3) and tasks. Every signed-in member:
 * the service limits each to their own inbox, their own tasks and the ones they gave.
 */
export const teamRoutes = ({ deps }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['team'];
  const A = 'authenticated' as const;
  app.get('/team/people', { config: { access: A }, schema: { tags, summary: 'Active colleagues to address', response: { 200: TeamPeople } } }, async (req) => messages.people(deps, actorOf(req)));
  app.get('/team/messages', { config: { access: A }, schema: { tags, summary: 'My inbox (messages to me or my role and my automatic notes) or what I sent, with read marks', querystring: MessageQuery, response: { 200: MessageList } } }, async (req) =>
    messages.listMessages(deps, actorOf(req), req.query));
  app.get('/team/messages/unread', { config: { access: A }, schema: { tags, summary: 'The header counter', response: { 200: UnreadCount } } }, async (req) => ({ unread: await messages.unreadCount(deps, actorOf(req)) }));
  app.post('/team/messages', { config: { access: A }, schema: { tags, summary: 'Send a note to a person or a role', body: MessageInput, response: { 201: InboxItem } } }, async (req, reply) =>
    reply.status(201).send(await messages.sendMessage(deps, actorOf(req), req.body)));
  app.post('/team/messages/:id/read', { config: { access: A }, schema: { tags, summary: 'Mark a message (or an automatic note) read', params: IdParams, response: { 200: Ok } } }, async (req) => {
    await messages.markRead(deps, actorOf(req), req.params.id);
    return { ok: true as const };
  });
  app.post('/team/messages/read-all', { config: { access: A }, schema: { tags, summary: 'Mark my whole inbox read', response: { 200: z.object({ marked: z.number().int() }) } } }, async (req) =>
    ({ marked: await messages.markAllRead(deps, actorOf(req)) }));
  app.post('/team/messages/:id/task', { config: { access: A }, schema: { tags, summary: 'Turn a message into a task (mine by default)', params: IdParams, body: TaskFromMessage, response: { 201: Task } } }, async (req, reply) =>
    reply.status(201).send(await tasks.taskFromMessage(deps, actorOf(req), req.params.id, req.body)));

  app.get('/tasks', { config: { access: A }, schema: { tags, summary: 'Mine and my role’s; the ones I gave; all (management)', querystring: TaskQuery, response: { 200: TaskList } } }, async (req) =>
    tasks.listTasks(deps, actorOf(req), req.query));
  app.get('/tasks/:id', { config: { access: A }, schema: { tags, params: IdParams, response: { 200: Task } } }, async (req) => tasks.getTask(deps, actorOf(req), req.params.id));
  app.post('/tasks', { config: { access: A }, schema: { tags, summary: 'Give a task to a person or a role', body: TaskInput, response: { 201: Task } } }, async (req, reply) =>
    reply.status(201).send(await tasks.addTask(deps, actorOf(req), req.body)));
  app.post('/tasks/:id/close', { config: { access: A }, schema: { tags, summary: 'Done or cancelled, with the outcome', params: IdParams, body: TaskClose, response: { 200: Task } } }, async (req) =>
    tasks.closeTask(deps, actorOf(req), req.params.id, req.body));
};
