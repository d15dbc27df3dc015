import type { z } from 'zod';
import type { Task, TaskClose, TaskFromMessage, TaskInput, TaskQuery } from '../contracts/team.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import { addLiveEvent } from '../db/repos/live.repo.js';
import { getMessage } from '../db/repos/team-messages.repo.js';
import * as repo from '../db/repos/tasks.repo.js';
import { DomainError, notFound } from '../domain/errors.js';
import { can } from '../domain/permissions.js';
import type { Role } from '../domain/roles.js';
import { localDateOf } from '../domain/schedule/time.js';
import { isRole } from '../domain/team/messages.js';
import { checkClose, isAssignedTo, isOverdue, type TaskStatus } from '../domain/team/tasks.js';
import { checkAddressee, checkLinks, patientNameFor } from './team-links.js';
import { surveyFollowUpClosedTx } from './survey-follow-up.service.js';
import { auditEntry, type Actor, type Deps } from './context.js';

const WHAT = { ru: 'Задача', en: 'Task' };

/** What another area passes to createTask (calls: «рекламный звонок → задача маркетологу», surveys: «низкая оценка → главному врачу»). */
export interface NewTask {
  title: string;
  details?: string | null;
  assigneeUserId?: string | null;
  assigneeRole?: Role | null;
  dueDate?: string | null;
  patientId?: string | null;
  appointmentId?: string | null;
  sourceMessageId?: string | null;
}

/**
 * Creates a task inside the caller's transaction, with its audit entry and live event: it exists
 * only if the caller's change commits. The caller checks the assignee and links (checkAddressee /
 * checkLinks in team-links.ts) when they come from user input. Returns the new id.
 */
export async function createTask(trx: Db, actor: Actor, t: NewTask, now: Date): Promise<string> {
  const id = newId();
  await repo.insertTask(trx, {
    id, clinic_id: actor.clinicId, title: t.title.trim(), details: t.details?.trim() || null, assignee_user_id: t.assigneeUserId ?? null,
    assignee_role: t.assigneeUserId ? null : (t.assigneeRole ?? null), due_date: t.dueDate ?? null, status: 'open', outcome: null,
    patient_id: t.patientId ?? null, appointment_id: t.appointmentId ?? null, source_message_id: t.sourceMessageId ?? null,
    created_by: actor.userId, created_at: now.toISOString(), closed_by: null, closed_at: null,
  });
  await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'task', objectId: id, patientId: t.patientId ?? null, details: { assigneeUserId: t.assigneeUserId ?? null, assigneeRole: t.assigneeRole ?? null } }));
  await addLiveEvent(trx, { clinicId: actor.clinicId, at: now.toISOString(), kind: 'task', payload: { id, assigneeUserId: t.assigneeUserId ?? null, assigneeRole: t.assigneeRole ?? null } });
  return id;
}

function mayClose(actor: Actor, r: repo.TaskRow): boolean {
  return r.created_by === actor.userId || isAssignedTo({ assigneeUserId: r.assignee_user_id, assigneeRole: r.assignee_role }, { id: actor.userId, role: actor.role }) || can(actor.role, 'team.manage');
}

function toDto(actor: Actor, r: repo.TaskRow, today: string): Task {
  return {
    id: r.id, title: r.title, details: r.details, assignee: r.assignee_user_id ? { id: r.assignee_user_id, name: r.assignee_name ?? '' } : null,
    assigneeRole: isRole(r.assignee_role) ? r.assignee_role : null, dueDate: r.due_date, overdue: isOverdue({ status: r.status, dueDate: r.due_date }, today),
    status: r.status, outcome: r.outcome, patientId: r.patient_id, patientName: patientNameFor(actor.role, r), appointmentId: r.appointment_id,
    sourceMessageId: r.source_message_id, createdBy: { id: r.created_by, name: r.created_by_name }, createdAt: r.created_at,
    closedBy: r.closed_by ? { id: r.closed_by, name: r.closed_by_name ?? '' } : null, closedAt: r.closed_at, canClose: r.status === 'open' && mayClose(actor, r),
  };
}

async function today(deps: Deps, clinicId: string) {
  const { time_zone: tz } = await clinicTimeAndSettings(deps.h.db, clinicId);
  return localDateOf(deps.clock().getTime(), tz);
}

/** «Задачи»: mine and my role's (everyone), the ones I gave (everyone), the clinic's (management). */
export async function listTasks(deps: Deps, actor: Actor, q: z.infer<typeof TaskQuery>) {
  const scope = q.scope ?? 'mine';
  if (scope === 'all' && !can(actor.role, 'team.manage')) {
    throw new DomainError('forbidden', { ru: 'Все задачи клиники видят владелец и главный врач', en: 'Only the owner and the chief doctor see all tasks' });
  }
  const day = await today(deps, actor.clinicId);
  const open = q.status === 'closed' ? false : q.status === 'open' ? true : undefined;
  const rows = await repo.listTasks(deps.h.db, actor.clinicId, {
    open,
    ...(scope === 'mine' && { mine: { userId: actor.userId, role: actor.role } }),
    ...(scope === 'created' && { createdBy: actor.userId }),
  });
  const mineOpen = scope === 'mine' && open === true ? rows : await repo.listTasks(deps.h.db, actor.clinicId, { open: true, mine: { userId: actor.userId, role: actor.role } });
  return {
    items: rows.map((r) => toDto(actor, r, day)),
    openMine: mineOpen.length,
    overdueMine: mineOpen.filter((r) => isOverdue({ status: r.status, dueDate: r.due_date }, day)).length,
  };
}

async function visible(deps: Deps, actor: Actor, id: string) {
  const [r] = await repo.listTasks(deps.h.db, actor.clinicId, { id });
  // Someone else's task between two other people is not this user's business.
  if (!r || !(mayClose(actor, r) || r.created_by === actor.userId)) throw notFound(WHAT);
  return r;
}

export async function getTask(deps: Deps, actor: Actor, id: string): Promise<Task> {
  return toDto(actor, await visible(deps, actor, id), await today(deps, actor.clinicId));
}

/** A task from the «Задачи» screen: to a person or a role, optionally about a patient or a visit. */
export async function addTask(deps: Deps, actor: Actor, input: TaskInput): Promise<Task> {
  await checkAddressee(deps.h.db, actor.clinicId, input.assigneeUserId, input.assigneeRole, 'assigneeUserId');
  const patientId = await checkLinks(deps.h.db, actor.clinicId, input.patientId, input.appointmentId);
  const now = deps.clock();
  const id = await withTx(deps.h, (trx) => createTask(trx, actor, { ...input, patientId }, now));
  return getTask(deps, actor, id);
}

/** A message becomes a task (by default the reader's own): its text is the title, its patient the link. */
export async function taskFromMessage(deps: Deps, actor: Actor, messageId: string, input: z.infer<typeof TaskFromMessage>): Promise<Task> {
  const m = await getMessage(deps.h.db, actor.clinicId, messageId);
  const mayUse = m && (m.from_user_id === actor.userId || (m.to_user_id ? m.to_user_id === actor.userId : m.to_role === actor.role));
  if (!m || !mayUse) throw notFound({ ru: 'Сообщение', en: 'Message' });
  const toSomeone = Boolean(input.assigneeUserId || input.assigneeRole);
  await checkAddressee(deps.h.db, actor.clinicId, toSomeone ? input.assigneeUserId : actor.userId, toSomeone ? input.assigneeRole : null, 'assigneeUserId');
  const now = deps.clock();
  const id = await withTx(deps.h, (trx) =>
    createTask(trx, actor, {
      title: m.text.slice(0, 200), details: `${m.from_name}: ${m.text}`, assigneeUserId: toSomeone ? input.assigneeUserId : actor.userId, assigneeRole: toSomeone ? input.assigneeRole : null,
      dueDate: input.dueDate ?? null, patientId: m.patient_id, appointmentId: m.appointment_id, sourceMessageId: m.id,
    }, now));
  return getTask(deps, actor, id);
}

/** Done or cancelled, with the outcome; by the assignee, a member of the role, the author or management. */
export async function closeTask(deps: Deps, actor: Actor, id: string, input: z.infer<typeof TaskClose>): Promise<Task> {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const [r] = await repo.listTasks(trx, actor.clinicId, { id });
    if (!r || !mayClose(actor, r)) throw notFound(WHAT);
    checkClose(r.status, input.status as TaskStatus, input.outcome);
    await repo.updateTask(trx, actor.clinicId, id, { status: input.status, outcome: input.outcome.trim(), closed_by: actor.userId, closed_at: now.toISOString() });
    // A survey's follow-up: the call to the patient and its outcome go to the service card (SURV-3).
    await surveyFollowUpClosedTx(trx, actor, id, input, now);
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'task', objectId: id, patientId: r.patient_id, details: { status: input.status } }));
    await addLiveEvent(trx, { clinicId: actor.clinicId, at: now.toISOString(), kind: 'task', payload: { id, status: input.status } });
  });
  return getTask(deps, actor, id);
}
