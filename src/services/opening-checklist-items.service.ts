import type { z } from 'zod';
import type { ChecklistItemsInput } from '../contracts/opening-checklist.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { getBranch, listBranches } from '../db/repos/clinic.repo.js';
import { countItems, insertItems, listItems, updateItem } from '../db/repos/opening-checklist.repo.js';
import { fieldError, notFound } from '../domain/errors.js';
import { cleanItemTexts, DEFAULT_CHECKLIST_ITEMS } from '../domain/opening-checklist.js';
import { auditEntry, type Actor, type Deps } from './context.js';

const BRANCH = { ru: 'Филиал', en: 'Branch' };

/** The asked branch of the actor's clinic, or its first active branch when none is asked. */
export async function branchOf(db: Db, actor: Actor, branchId: string | undefined) {
  if (branchId) {
    const b = await getBranch(db, actor.clinicId, branchId);
    if (!b) throw notFound(BRANCH);
    return b;
  }
  const all = await listBranches(db, actor.clinicId);
  const b = all.find((x) => x.isActive) ?? all[0];
  if (!b) throw notFound(BRANCH);
  return b;
}

/**
 * A branch gets the seed's items on its first read (new branches and those that existed before
 * the checklist alike), so nothing else has to remember to create them.
 */
export async function ensureDefaultItems(deps: Deps, clinicId: string, branchId: string): Promise<void> {
  if ((await countItems(deps.h.db, clinicId, branchId)) > 0) return;
  const at = deps.clock().toISOString();
  await withTx(deps.h, (trx) =>
    insertItems(trx, DEFAULT_CHECKLIST_ITEMS.map((text, i) => ({ id: newId(), clinicId, branchId, seedKey: `default-${i + 1}`, position: i + 1, text, at }))));
}

/** The branch's current items, for the settings page. */
export async function getItems(deps: Deps, actor: Actor, branchId: string | undefined) {
  const branch = await branchOf(deps.h.db, actor, branchId);
  await ensureDefaultItems(deps, actor.clinicId, branch.id);
  const items = await listItems(deps.h.db, actor.clinicId, branch.id);
  return { branchId: branch.id, items: items.map((r) => ({ id: r.id, text: r.text, position: r.position })) };
}

/**
 * Replaces the branch's list (owner, chief doctor): listed items in the given order, new ones
 * added, unlisted ones retired (kept for the days that used them). A day already started keeps
 * the texts it copied; new items join today's list at once.
 */
export async function saveItems(deps: Deps, actor: Actor, input: z.infer<typeof ChecklistItemsInput>) {
  const branch = await branchOf(deps.h.db, actor, input.branchId);
  const texts = cleanItemTexts(input.items);
  await ensureDefaultItems(deps, actor.clinicId, branch.id);
  const now = deps.clock();
  const at = now.toISOString();
  await withTx(deps.h, async (trx) => {
    const existing = new Map((await listItems(trx, actor.clinicId, branch.id, true)).map((r) => [r.id, r]));
    const kept = new Set<string>();
    const fresh: Parameters<typeof insertItems>[1] = [];
    for (const [i, it] of input.items.entries()) {
      if (it.id) {
        if (!existing.has(it.id) || kept.has(it.id)) throw fieldError(`items.${i}.id`, { ru: 'Этого пункта нет в чек-листе филиала', en: 'No such item in the branch checklist' });
        kept.add(it.id);
        await updateItem(trx, actor.clinicId, it.id, { text: texts[i], position: i + 1, is_active: 1, updated_at: at });
      } else {
        const id = newId();
        fresh.push({ id, clinicId: actor.clinicId, branchId: branch.id, seedKey: id, position: i + 1, text: texts[i], at });
      }
    }
    for (const [id, r] of existing) if (!kept.has(id) && r.is_active === 1) await updateItem(trx, actor.clinicId, id, { is_active: 0, updated_at: at });
    await insertItems(trx, fresh);
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'checklist_items', objectId: branch.id, details: { items: input.items.length, added: fresh.length } }));
  });
  return getItems(deps, actor, branch.id);
}
