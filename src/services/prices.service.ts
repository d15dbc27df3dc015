import type { z } from 'zod';
import type { PriceItemInput, PriceItemPatch, PriceQuery, PriceVersionInput } from '../contracts/prices.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import * as repo from '../db/repos/prices.repo.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { searchKey } from '../domain/names.js';
import { newVersionProblem, priceSearchKey } from '../domain/prices.js';
import { auditEntry, changedFields, type Actor, type Deps } from './context.js';
import { localToday } from './schedule-context.js';

const ITEM = { ru: 'Услуга прейскуранта', en: 'Price list service' };

async function today(db: Db, clinicId: string, now: Date): Promise<string> {
  return localToday(now, (await clinicTimeAndSettings(db, clinicId)).time_zone).today;
}

const version = (from: string | null, min: number | null, max: number | null) =>
  from === null || min === null ? null : { validFrom: from, priceMin: Number(min), priceMax: max === null ? null : Number(max) };

function itemView(r: repo.PriceRow) {
  return {
    id: r.id,
    code: r.code,
    mohCode: r.moh_code,
    name: r.name,
    section: r.section,
    note: r.note,
    isActive: r.is_active === 1,
    price: version(r.v_from, r.v_min, r.v_max),
    next: version(r.n_from, r.n_min, r.n_max),
  };
}

/** The price list on a date (today by default), searchable by name, code or Ministry code (CALL-6). */
export async function listPrices(deps: Deps, actor: Actor, query: z.infer<typeof PriceQuery>) {
  const date = query.date ?? (await today(deps.h.db, actor.clinicId, deps.clock()));
  const words = searchKey(query.q ?? '').split(' ').filter(Boolean).slice(0, 8);
  const { rows, total } = await repo.listItems(deps.h.db, actor.clinicId, {
    words, section: query.section, date, includeInactive: query.includeInactive === 'true', limit: query.limit ?? 100, offset: query.offset ?? 0,
  });
  return { items: rows.map(itemView), total, date };
}

export async function priceSections(deps: Deps, actor: Actor) {
  return { items: await repo.sections(deps.h.db, actor.clinicId) };
}

/** One service with its whole price history, newest first. */
export async function getPrice(deps: Deps, actor: Actor, id: string) {
  const date = await today(deps.h.db, actor.clinicId, deps.clock());
  const row = await repo.getItem(deps.h.db, actor.clinicId, id, date);
  if (!row) throw notFound(ITEM);
  const versions = await repo.versionsOf(deps.h.db, actor.clinicId, id);
  return {
    ...itemView(row),
    versions: versions.map((v) => ({ validFrom: v.valid_from, priceMin: Number(v.price_min), priceMax: v.price_max === null ? null : Number(v.price_max), createdAt: v.created_at, createdBy: v.full_name ?? null })),
  };
}

function checkVersion(v: { validFrom: string; priceMin: number; priceMax: number | null }, today: string) {
  const p = newVersionProblem(v, today);
  if (p) throw fieldError(p.field, { ru: p.ru, en: p.en });
}

async function codeFree(db: Db, clinicId: string, code: string, exceptId?: string) {
  const other = await repo.itemByCode(db, clinicId, code);
  if (other && other.id !== exceptId) {
    throw new DomainError('conflict', { ru: `Код ${code} уже занят: «${other.name}»`, en: `Code ${code} is already used by “${other.name}”` }, [
      { field: 'code', message: { ru: 'Такой код уже есть в прейскуранте', en: 'This code is already in the price list' } },
    ]);
  }
}

/** A new service with its first price (today or a later date). */
export async function createPrice(deps: Deps, actor: Actor, input: z.infer<typeof PriceItemInput>) {
  const now = deps.clock();
  const id = newId();
  await withTx(deps.h, async (trx) => {
    const t = await today(trx, actor.clinicId, now);
    const v = { validFrom: input.validFrom ?? t, priceMin: input.priceMin, priceMax: input.priceMax ?? null };
    checkVersion(v, t);
    await codeFree(trx, actor.clinicId, input.code);
    const item = { code: input.code, mohCode: input.mohCode ?? null, name: input.name.trim() };
    await repo.insertItem(trx, {
      id, clinic_id: actor.clinicId, ...{ code: item.code, moh_code: item.mohCode, name: item.name }, search_key: priceSearchKey(item),
      section: input.section.trim(), note: input.note?.trim() || null, is_active: 1, created_at: now.toISOString(), updated_at: now.toISOString(),
    });
    await repo.putVersion(trx, { id: newId(), clinicId: actor.clinicId, itemId: id, ...v, by: actor.userId, at: now.toISOString() });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'price_item', objectId: id, details: { validFrom: v.validFrom } }));
  });
  return getPrice(deps, actor, id);
}

/** Name, codes, section, note, shown or hidden; the price itself changes only through a new version. */
export async function updatePrice(deps: Deps, actor: Actor, id: string, patch: z.infer<typeof PriceItemPatch>) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const cur = await repo.getItem(trx, actor.clinicId, id, '0000-00-00');
    if (!cur) throw notFound(ITEM);
    if (patch.code !== undefined) await codeFree(trx, actor.clinicId, patch.code, id);
    const next = { code: patch.code ?? cur.code, mohCode: patch.mohCode !== undefined ? patch.mohCode : cur.moh_code, name: patch.name?.trim() ?? cur.name };
    await repo.updateItem(trx, actor.clinicId, id, {
      code: next.code, moh_code: next.mohCode, name: next.name, search_key: priceSearchKey(next),
      ...(patch.section !== undefined && { section: patch.section.trim() }),
      ...(patch.note !== undefined && { note: patch.note?.trim() || null }),
      ...(patch.isActive !== undefined && { is_active: patch.isActive ? 1 : 0 }),
      updated_at: now.toISOString(),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'price_item', objectId: id, details: { fields: changedFields(patch) } }));
  });
  return getPrice(deps, actor, id);
}

/** A new price from a date (today or later); one already set for that date is replaced (a same-day correction). Prices of past days never change. */
export async function setPrice(deps: Deps, actor: Actor, id: string, input: z.infer<typeof PriceVersionInput>) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const t = await today(trx, actor.clinicId, now);
    if (!(await repo.getItem(trx, actor.clinicId, id, t))) throw notFound(ITEM);
    const v = { validFrom: input.validFrom, priceMin: input.priceMin, priceMax: input.priceMax ?? null };
    checkVersion(v, t);
    const how = await repo.putVersion(trx, { id: newId(), clinicId: actor.clinicId, itemId: id, ...v, by: actor.userId, at: now.toISOString() });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'price_item', objectId: id, details: { validFrom: v.validFrom, version: how } }));
  });
  return getPrice(deps, actor, id);
}
