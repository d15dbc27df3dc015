import type { z } from 'zod';
import type { ChecklistDayT, ChecklistMark, ChecklistQuery } from '../contracts/opening-checklist.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { calendarRange, clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import { dayMarks, getDay, getItem, insertDay, insertMarks, listItems, setCompletion, updateMark, userNames } from '../db/repos/opening-checklist.repo.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { isHandled, openingOutcome, openingTimeOf } from '../domain/opening-checklist.js';
import { localDateOf } from '../domain/schedule/time.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { branchOf, ensureDefaultItems } from './opening-checklist-items.service.js';

const ITEM = { ru: 'Пункт чек-листа', en: 'Checklist item' };

/** The clinic's time zone and its local today. */
export async function clinicToday(db: Db, clinicId: string, now: Date) {
  const tz = (await clinicTimeAndSettings(db, clinicId)).time_zone;
  return { tz, today: localDateOf(now.getTime(), tz) };
}

/** The opening time of a branch on a date, the production calendar's holidays closing it. */
export async function opensOn(db: Db, clinicId: string, hours: Parameters<typeof openingTimeOf>[0], date: string) {
  const cal = await calendarRange(db, clinicId, date, date);
  return openingTimeOf(hours, date, cal[0]?.kind);
}

/**
 * DESK-1: a branch's checklist for a day (today by default): the items with who ticked each and
 * when, who opened, whether it is complete and how late. Today lists the items added since the
 * day began too; a past day shows only what it had.
 */
export async function getChecklist(deps: Deps, actor: Actor, q: z.infer<typeof ChecklistQuery>): Promise<ChecklistDayT> {
  const db = deps.h.db;
  const branch = await branchOf(db, actor, q.branchId);
  const { tz, today } = await clinicToday(db, actor.clinicId, deps.clock());
  const date = q.date ?? today;
  if (date > today) throw fieldError('date', { ru: 'Чек-лист будущего дня ещё не начат', en: 'A future day has no checklist yet' });
  if (date === today) await ensureDefaultItems(deps, actor.clinicId, branch.id);
  const day = await getDay(db, actor.clinicId, branch.id, date);
  const marks = day ? await dayMarks(db, day.id) : [];
  const entries = marks.map((m) => ({ itemId: m.item_id, text: m.text, doneAt: m.done_at, doneBy: m.done_by, note: m.note, notedAt: m.noted_at, notedBy: m.noted_by }));
  if (date === today) {
    const have = new Set(marks.map((m) => m.item_id));
    for (const it of await listItems(db, actor.clinicId, branch.id)) {
      if (!have.has(it.id)) entries.push({ itemId: it.id, text: it.text, doneAt: null, doneBy: null, note: null, notedAt: null, notedBy: null });
    }
  }
  const names = await userNames(db, actor.clinicId, [day?.opened_by ?? null, day?.completed_by ?? null, ...entries.flatMap((e) => [e.doneBy, e.notedBy])]);
  const who = (id: string | null) => (id ? { userId: id, name: names.get(id) ?? '—' } : null);
  const opens = await opensOn(db, actor.clinicId, branch.hours, date);
  const outcome = openingOutcome({ date, today, opens, completedAt: day?.completed_at ?? null, tz });
  return {
    branchId: branch.id,
    branchName: branch.name,
    date,
    isToday: date === today,
    opensAt: opens,
    openedAt: day?.opened_at ?? null,
    openedBy: who(day?.opened_by ?? null),
    completedAt: day?.completed_at ?? null,
    completedBy: who(day?.completed_by ?? null),
    ...outcome,
    items: entries.map((e) => ({ ...e, doneBy: who(e.doneBy), notedBy: who(e.notedBy) })),
  };
}

/**
 * Ticks or unticks an item of its branch's checklist for today, with an optional note («буклеты
 * закончились»). The first mark of the day opens the day (who, when) and copies the day's item
 * texts. Repeating a mark changes nothing and writes no audit entry. The day is complete the
 * first time every item is ticked or explained, and that moment stays: the branch opened then,
 * so a later correction (an untick, an item the owner added at noon) does not make it late.
 */
export async function markItem(deps: Deps, actor: Actor, itemId: string, body: z.infer<typeof ChecklistMark>): Promise<ChecklistDayT> {
  const db = deps.h.db;
  const item = await getItem(db, actor.clinicId, itemId);
  if (!item) throw notFound(ITEM);
  const now = deps.clock();
  const at = now.toISOString();
  const { today } = await clinicToday(db, actor.clinicId, now);
  const note = body.note === undefined ? undefined : body.note?.trim() ? body.note.trim() : null;
  await withTx(deps.h, async (trx) => {
    await insertDay(trx, { id: newId(), clinicId: actor.clinicId, branchId: item.branch_id, date: today, userId: actor.userId, at });
    const day = (await getDay(trx, actor.clinicId, item.branch_id, today))!;
    // The day's list: what it copied before, plus every active item it has not copied yet.
    const active = await listItems(trx, actor.clinicId, item.branch_id);
    await insertMarks(trx, active.map((it) => ({
      id: newId(), clinic_id: actor.clinicId, branch_id: item.branch_id, day_id: day.id, item_id: it.id, position: it.position, text: it.text,
      done_at: null, done_by: null, note: null, noted_by: null, noted_at: null,
    })));
    const marks = await dayMarks(trx, day.id);
    const mark = marks.find((m) => m.item_id === itemId);
    if (!mark) throw new DomainError('conflict', { ru: 'Этот пункт убран из чек-листа', en: 'This item was removed from the checklist' });
    const patch: Parameters<typeof updateMark>[2] = {};
    if (body.done && !mark.done_at) Object.assign(patch, { done_at: at, done_by: actor.userId });
    if (!body.done && mark.done_at) Object.assign(patch, { done_at: null, done_by: null });
    if (note !== undefined && note !== mark.note) Object.assign(patch, { note, noted_at: note ? at : null, noted_by: note ? actor.userId : null });
    if (!Object.keys(patch).length) return;
    await updateMark(trx, mark.id, patch);
    const after = marks.map((m) => (m.id === mark.id ? { ...m, ...patch } : m));
    const complete = after.every((m) => isHandled({ doneAt: m.done_at, note: m.note }));
    if (complete && !day.completed_at) await setCompletion(trx, day.id, at, actor.userId);
    await appendAudit(trx, auditEntry(actor, now, {
      action: 'done_at' in patch ? (body.done ? 'checklist_tick' : 'checklist_untick') : 'checklist_note',
      objectType: 'checklist_day',
      objectId: day.id,
      details: { itemId, date: today, ...(note !== undefined && { note: !!note }) },
    }));
  });
  return getChecklist(deps, actor, { branchId: item.branch_id });
}
