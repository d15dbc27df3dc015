import type { z } from 'zod';
import { PRICE_FILE_MAX_BYTES, type PriceExportQuery, type PriceImportBody, type PriceImportResultT } from '../contracts/price-files.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import * as repo from '../db/repos/prices.repo.js';
import { DomainError, type FieldError } from '../domain/errors.js';
import { newVersionProblem, priceSearchKey, versionAt, type PriceVersion } from '../domain/prices.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { fileError, MAX_ROWS, readPriceFile, writePriceFile } from './price-files.js';
import { columnOf, readRow, type RowInput } from './price-import-rows.js';
import { localToday } from './schedule-context.js';

/** At most this many row problems in one answer: the first ones are enough to fix the file. */
const MAX_ERRORS = 200;

async function today(db: Db, clinicId: string, now: Date): Promise<string> {
  return localToday(now, (await clinicTimeAndSettings(db, clinicId)).time_zone).today;
}

/** The price list in force on a date (today by default), hidden services too, as a CSV or XLSX file. */
export async function exportPriceList(deps: Deps, actor: Actor, q: z.infer<typeof PriceExportQuery>) {
  const date = q.date ?? (await today(deps.h.db, actor.clinicId, deps.clock()));
  const { rows } = await repo.listItems(deps.h.db, actor.clinicId, { words: [], date, includeInactive: true, limit: MAX_ROWS, offset: 0 });
  const body = await writePriceFile(q.format, rows.map((r) => ({
    code: r.code, mohCode: r.moh_code, name: r.name, section: r.section, note: r.note, hidden: r.is_active !== 1,
    priceMin: r.v_min === null ? null : Number(r.v_min), priceMax: r.v_max === null ? null : Number(r.v_max), validFrom: r.v_from,
  })));
  const contentType = q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return { fileName: `prajskurant-${date}.${q.format}`, contentType, body };
}

function decodeFile(b64: string): Buffer {
  const s = b64.replace(/^data:[^,]{0,200},/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1) {
    throw fileError('Файл передан повреждённым (ожидается base64)', 'The file arrived damaged (base64 expected)');
  }
  if (Math.floor((s.length * 3) / 4) > PRICE_FILE_MAX_BYTES + 2) {
    throw new DomainError('payload_too_large', { ru: 'Файл больше 5 МБ', en: 'The file is larger than 5 MB' }, [{ field: 'fileBase64', message: { ru: 'Не более 5 МБ', en: 'At most 5 MB' } }]);
  }
  const buf = Buffer.from(s, 'base64');
  if (buf.length === 0) throw fileError('Файл пуст', 'The file is empty');
  return buf;
}

type Item = Awaited<ReturnType<typeof repo.allItems>>[number];
interface Plan {
  input: RowInput;
  item: Item | undefined;
  fields: string[];
  price: PriceVersion | null;
}

const same = (a: PriceVersion | null, min: number, max: number | null) =>
  a !== null && a.priceMin === min && (a.priceMax === null || a.priceMax === a.priceMin ? null : a.priceMax) === max;

/** What a row changes on an existing service (names of fields, never values). */
function changedFields(i: RowInput, it: Item): string[] {
  const out: string[] = [];
  if (i.name !== it.name) out.push('name');
  if (i.section !== it.section) out.push('section');
  if (i.mohCode !== undefined && i.mohCode !== it.moh_code) out.push('mohCode');
  if (i.note !== undefined && i.note !== it.note) out.push('note');
  if (i.hidden !== undefined && i.hidden !== (it.is_active !== 1)) out.push('isActive');
  return out;
}

/**
 * Imports the approved price list from a file (DESK-4), keyed by «Код»: a new code is a new
 * service; an existing one gets its texts and visibility from the file, and a new price version
 * from «Действует с» (today when empty) when the price differs from the one in force then. Every
 * row is checked first with the API's rules; one wrong row and nothing is written. An unchanged
 * price with a past date is fine (that is what an exported file holds); a changed one is not.
 */
export async function importPriceList(deps: Deps, actor: Actor, body: z.infer<typeof PriceImportBody>): Promise<PriceImportResultT> {
  const now = deps.clock();
  const file = await readPriceFile(body.format, decodeFile(body.fileBase64));
  if (file.rows.length === 0) throw fileError('В файле нет строк с услугами', 'The file has no service rows');
  return withTx(deps.h, async (trx) => {
    const t = await today(trx, actor.clinicId, now);
    const items = new Map((await repo.allItems(trx, actor.clinicId)).map((i) => [i.code, i]));
    const versions = new Map<string, PriceVersion[]>();
    for (const v of await repo.allVersions(trx, actor.clinicId)) {
      const list = versions.get(v.item_id) ?? [];
      list.push({ validFrom: v.valid_from, priceMin: Number(v.price_min), priceMax: v.price_max === null ? null : Number(v.price_max) });
      versions.set(v.item_id, list);
    }
    const errors: FieldError[] = [];
    const bad = new Set<number>();
    const seen = new Map<string, number>();
    const plans: Plan[] = [];
    for (const r of file.rows) {
      const rowError = (field: string, message: { ru: string; en: string }) => {
        errors.push({ field: `rows.${r.row}.${columnOf(field)}`, message });
        bad.add(r.row);
      };
      // A repeated code is named even when the row it repeats is wrong itself.
      const c = r.cells['Код'];
      const code = typeof c === 'string' || typeof c === 'number' ? String(c).trim() : '';
      const first = seen.get(code);
      if (code && first !== undefined) rowError('code', { ru: `Код ${code} уже есть в строке ${first}`, en: `Code ${code} is already in row ${first}` });
      else if (code) seen.set(code, r.row);
      const { input, errors: e } = readRow(r, file.columns, t);
      if (!input || first !== undefined) {
        errors.push(...e);
        bad.add(r.row);
        continue;
      }
      const item = items.get(input.code);
      let price: PriceVersion | null = null;
      if (input.priceMin === null) {
        if (!item) rowError('priceMin', { ru: 'У новой услуги должна быть цена', en: 'A new service needs a price' });
      } else if (!item || !same(versionAt(versions.get(item.id) ?? [], input.validFrom), input.priceMin, input.priceMax)) {
        price = { validFrom: input.validFrom, priceMin: input.priceMin, priceMax: input.priceMax };
        const p = newVersionProblem(price, t);
        if (p) rowError(p.field, { ru: p.ru, en: p.en });
      }
      plans.push({ input, item, fields: item ? changedFields(input, item) : [], price });
    }
    if (errors.length) {
      throw new DomainError(
        'validation_failed',
        { ru: `Ошибки в строках файла: ${bad.size}. Ничего не загружено — исправьте файл и загрузите снова`, en: `Rows with errors: ${bad.size}. Nothing was imported: fix the file and upload it again` },
        errors.slice(0, MAX_ERRORS),
      );
    }
    const result = { created: 0, updated: 0, repriced: 0, unchanged: 0, rows: file.rows.length, dryRun: body.dryRun === true };
    for (const p of plans) {
      if (!p.item) result.created++;
      else if (!p.fields.length && !p.price) result.unchanged++;
      if (p.item && p.fields.length) result.updated++;
      if (p.item && p.price) result.repriced++;
    }
    if (!result.dryRun) for (const p of plans) await apply(trx, actor, now, p);
    return result;
  });
}

async function apply(trx: Db, actor: Actor, now: Date, p: Plan) {
  const at = now.toISOString();
  const { input: i } = p;
  const key = priceSearchKey({ code: i.code, mohCode: i.mohCode ?? p.item?.moh_code ?? null, name: i.name });
  let id = p.item?.id;
  let how: string | undefined;
  if (!id) {
    id = newId();
    await repo.insertItem(trx, {
      id, clinic_id: actor.clinicId, code: i.code, moh_code: i.mohCode ?? null, name: i.name, search_key: key, section: i.section,
      note: i.note ?? null, is_active: i.hidden ? 0 : 1, created_at: at, updated_at: at,
    });
  } else if (p.fields.length) {
    await repo.updateItem(trx, actor.clinicId, id, {
      name: i.name, section: i.section, search_key: key, updated_at: at,
      ...(i.mohCode !== undefined && { moh_code: i.mohCode }),
      ...(i.note !== undefined && { note: i.note }),
      ...(i.hidden !== undefined && { is_active: i.hidden ? 0 : 1 }),
    });
  }
  if (p.price) how = await repo.putVersion(trx, { id: newId(), clinicId: actor.clinicId, itemId: id, ...p.price, by: actor.userId, at });
  if (!p.item || p.fields.length || p.price) {
    const details = { source: 'import', ...(p.item && { fields: p.fields }), ...(p.price && { validFrom: p.price.validFrom, version: how }) };
    await appendAudit(trx, auditEntry(actor, now, { action: p.item ? 'update' : 'create', objectType: 'price_item', objectId: id, details }));
  }
}
