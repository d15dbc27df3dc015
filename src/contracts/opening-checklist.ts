import { z } from 'zod';
import { CHECKLIST_LIMITS } from '../domain/opening-checklist.js';
import { Id, IsoDate } from './common.js';

/** Today's (or a past day's) checklist of a branch; the branch defaults to the clinic's first active one. */
export const ChecklistQuery = z.strictObject({ branchId: Id.optional(), date: IsoDate.optional() });

const Who = z.object({ userId: z.string(), name: z.string() }).nullable();

export const ChecklistEntry = z.object({
  itemId: z.string(),
  text: z.string(),
  doneAt: z.string().nullable(),
  doneBy: Who,
  note: z.string().nullable(),
  notedAt: z.string().nullable(),
  notedBy: Who,
});

export const ChecklistDay = z.object({
  branchId: z.string(),
  branchName: z.string(),
  date: z.string(),
  /** True for the clinic-local today: only today's checklist is ticked. */
  isToday: z.boolean(),
  /** The branch's opening time that day, null when closed. */
  opensAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  openedBy: Who,
  completedAt: z.string().nullable(),
  completedBy: Who,
  status: z.enum(['on_time', 'late', 'skipped', 'in_progress', 'closed']),
  lateMinutes: z.number().nullable(),
  items: z.array(ChecklistEntry),
});
export type ChecklistDayT = z.infer<typeof ChecklistDay>;

/**
 * Tick or untick an item of today's checklist, with an optional note when it could not be done
 * («буклеты закончились»). The same body twice changes nothing. A note explains an unticked item.
 */
export const ChecklistMark = z.strictObject({
  done: z.boolean(),
  note: z.string().max(CHECKLIST_LIMITS.note).nullable().optional(),
});

export const ChecklistItem = z.object({ id: z.string(), text: z.string(), position: z.number() });
export const ChecklistItems = z.object({ branchId: z.string(), items: z.array(ChecklistItem) });
export const ChecklistItemsQuery = z.strictObject({ branchId: Id.optional() });

/** The branch's new list in order: an item with an id keeps it (its history), without one is new; unlisted ones are retired. */
export const ChecklistItemsInput = z.strictObject({
  branchId: Id,
  items: z.array(z.strictObject({ id: Id.optional(), text: z.string().max(CHECKLIST_LIMITS.text * 2) })).max(CHECKLIST_LIMITS.items),
});

export const ChecklistReportQuery = z.strictObject({
  from: IsoDate,
  /** The last day, inclusive; `from` when omitted. At most 92 days. */
  to: IsoDate.optional(),
  branchId: Id.optional(),
});

export const ChecklistReportRow = z.object({
  branchId: z.string(),
  branchName: z.string(),
  date: z.string(),
  opensAt: z.string().nullable(),
  status: z.enum(['on_time', 'late', 'skipped', 'in_progress', 'closed']),
  lateMinutes: z.number().nullable(),
  openedAt: z.string().nullable(),
  openedBy: Who,
  completedAt: z.string().nullable(),
  completedBy: Who,
  /** Items left with a note instead of a tick. */
  notes: z.array(z.object({ text: z.string(), note: z.string() })),
});
export const ChecklistReport = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(ChecklistReportRow),
  totals: z.object({ days: z.number(), onTime: z.number(), late: z.number(), skipped: z.number() }),
});
export type ChecklistReportT = z.infer<typeof ChecklistReport>;
