import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { MESSAGE_TEMPLATES } from '../domain/team/messages.js';
import { TASK_STATUSES } from '../domain/team/tasks.js';
import { Id, IsoDate, LIMITS, OptText, Text } from './common.js';

/** STAFF-3: a team note, or an automatic one (a doctor told the patient arrived), in one inbox. */
export const RoleEnum = z.enum(ROLES);

/** To a person (toUserId) or to a role (toRole): exactly one, checked by the service. */
export const MessageInput = z.strictObject({
    toUserId: Id.nullable().optional(),
    toRole: RoleEnum.nullable().optional(),
    template: z.enum(MESSAGE_TEMPLATES).nullable().optional(),
    text: Text(500),
    patientId: Id.nullable().optional(),
    appointmentId: Id.nullable().optional(),
  });
export type MessageInput = z.infer<typeof MessageInput>;

const Person = z.object({ id: Id, name: z.string() });

export const InboxItem = z.object({
  id: Id,
  /** message: written by a colleague; auto: the system's note (e.g. the desk marked the patient arrived). */
  source: z.enum(['message', 'auto']),
  template: z.string().nullable(),
  text: z.string(),
  /** The English text of an automatic note (team messages are in the writer's words). */
  textEn: z.string().nullable(),
  from: Person.nullable(),
  toUser: Person.nullable(),
  toRole: RoleEnum.nullable(),
  patientId: Id.nullable(),
  /** Shown to those who may read patients only. */
  patientName: z.string().nullable(),
  appointmentId: Id.nullable(),
  createdAt: z.string(),
  /** When I read it; null: unread. */
  readAt: z.string().nullable(),
  /** Who read it when (the sender's view of their own messages). */
  reads: z.array(z.object({ userId: Id, name: z.string(), at: z.string() })),
  taskId: Id.nullable(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const MessageQuery = z.strictObject({ box: z.enum(['inbox', 'sent']).optional() });
export const MessageList = z.object({ items: z.array(InboxItem), unread: z.number().int() });
export const UnreadCount = z.object({ unread: z.number().int() });

/** Work handed to a person or a role; other areas create them through createTask(). */
export const TaskStatus = z.enum(TASK_STATUSES);
export const Task = z.object({
  id: Id,
  title: z.string(),
  details: z.string().nullable(),
  assignee: Person.nullable(),
  assigneeRole: RoleEnum.nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  status: TaskStatus,
  outcome: z.string().nullable(),
  patientId: Id.nullable(),
  patientName: z.string().nullable(),
  appointmentId: Id.nullable(),
  sourceMessageId: Id.nullable(),
  createdBy: Person,
  createdAt: z.string(),
  closedBy: Person.nullable(),
  closedAt: z.string().nullable(),
  /** The viewer may close it (assignee, role member, author, or management). */
  canClose: z.boolean(),
});
export type Task = z.infer<typeof Task>;

export const TaskInput = z.strictObject({
    title: Text(LIMITS.shortText),
    details: OptText(LIMITS.text),
    assigneeUserId: Id.nullable().optional(),
    assigneeRole: RoleEnum.nullable().optional(),
    dueDate: IsoDate.nullable().optional(),
    patientId: Id.nullable().optional(),
    appointmentId: Id.nullable().optional(),
  });
export type TaskInput = z.infer<typeof TaskInput>;

export const TaskFromMessage = z.strictObject({
  assigneeUserId: Id.nullable().optional(),
  assigneeRole: RoleEnum.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
});

export const TaskClose = z.strictObject({ status: z.enum(['done', 'cancelled']), outcome: Text(LIMITS.shortText) });

export const TaskQuery = z.strictObject({
  /** mine: given to me or my role (everyone); all: the clinic's (management). */
  scope: z.enum(['mine', 'created', 'all']).optional(),
  status: z.enum(['open', 'closed']).optional(),
});
export const TaskList = z.object({ items: z.array(Task), openMine: z.number().int(), overdueMine: z.number().int() });

/** People one can address (active staff), for the message and task forms. */
export const TeamPeople = z.object({ items: z.array(z.object({ id: Id, name: z.string(), role: RoleEnum })) });
