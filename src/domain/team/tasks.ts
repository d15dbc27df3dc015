import type { Bilingual } from '../errors.js';
import { DomainError } from '../errors.js';
import type { Role } from '../roles.js';

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, Bilingual> = {
  open: { ru: 'Открыта', en: 'Open' },
  done: { ru: 'Выполнена', en: 'Done' },
  cancelled: { ru: 'Отменена', en: 'Cancelled' },
};

/** Overdue: still open after its due day (clinic-local dates, compared as YYYY-MM-DD text). */
export function isOverdue(t: { status: TaskStatus; dueDate: string | null }, today: string): boolean {
  return t.status === 'open' && t.dueDate !== null && t.dueDate < today;
}

/** The task is this user's: given to them by name, or to their role. */
export function isAssignedTo(t: { assigneeUserId: string | null; assigneeRole: string | null }, user: { id: string; role: Role }): boolean {
  return t.assigneeUserId ? t.assigneeUserId === user.id : t.assigneeRole === user.role;
}

/**
 * A task is closed once: done (with what came of it) or cancelled (with why). An outcome is
 * required either way: «Позвонила, записан на 12.12» is what the next person needs to read.
 */
export function checkClose(current: TaskStatus, next: TaskStatus, outcome: string | null | undefined): void {
  if (current !== 'open') {
    throw new DomainError('invalid_transition', { ru: 'Задача уже закрыта', en: 'The task is already closed' });
  }
  if (next === 'open') return;
  if (!outcome?.trim()) {
    throw new DomainError('validation_failed', { ru: 'Проверьте введённые данные', en: 'Please check the entered data' }, [
      { field: 'outcome', message: next === 'done' ? { ru: 'Напишите, чем закончилось', en: 'Say how it ended' } : { ru: 'Напишите, почему отменена', en: 'Say why it is cancelled' } },
    ]);
  }
}
