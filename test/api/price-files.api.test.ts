import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { demoPriceList } from '../../src/demo/demo-price-list.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at Monday 2026-11-23 12:00 Moscow.
const TODAY = '2026-11-23';
const HEADER = 'Код;Код МЗ;Наименование;Раздел;Цена, ₽;Цена до, ₽;Действует с;Примечание;Скрыта';
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const isProblem = (r: { headers: Record<string, unknown> }) => /application\/problem\+json/.test(String(r.headers['content-type']));

/** A zip with one deflated entry: `size` bytes of zeros unpacked, a few KB packed. */
function zipOf(name: string, size: number): Buffer {
  const data = deflateRawSync(Buffer.alloc(size));
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(0, 22); local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20); central.writeUInt32LE(0, 24); central.writeUInt16LE(n.length, 28); central.writeUInt32LE(0, 42);
  const cdOffset = 30 + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12); end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

describe.each(DIALECTS)('the price list as CSV and XLSX files (%s)', (dialect) => {
  let t: TestApp;
  let chief: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  const counts = async () => ({
    items: Number((await t.h.db.selectFrom('price_items').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    versions: Number((await t.h.db.selectFrom('price_versions').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    audit: Number((await t.h.db.selectFrom('audit_log').select((e) => e.fn.countAll().as('n')).where('object_type', '=', 'price_item').executeTakeFirstOrThrow()).n),
  });
  const exportCsv = async (date = '') => (await admin('GET', `/api/price-list/export?format=csv${date && `&date=${date}`}`)).rawPayload.toString('utf8');
  const imp = (fileBase64: string, format: 'csv' | 'xlsx' = 'csv', dryRun?: boolean) => chief('POST', '/api/price-list/import', { format, fileBase64, ...(dryRun !== undefined && { dryRun }) });
  /** A CSV of the given rows under the header, as Excel saves it. */
  const csv = (...rows: string[]) => `\ufeff${[HEADER, ...rows].join('\r\n')}\r\n`;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const demo = demoPriceList({ clinicId: t.fx.clinicId, today: TODAY, createdAt: '2026-01-10T09:00:00.000Z', chiefId: t.fx.users.chief_doctor.id, id: newId });
    await t.h.db.insertInto('price_items').values(demo.items).execute();
    await t.h.db.insertInto('price_versions').values(demo.versions).execute();
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    const hidden = (await admin('GET', '/api/price-list?q=' + encodeURIComponent('Т-02'))).json().items[0];
    expect((await chief('PATCH', `/api/price-list/${hidden.id}`, { isActive: false })).statusCode).toBe(200);
  }, 60_000);
  afterAll(() => t?.close());

  it('the desk exports today’s list as CSV for Russian Excel: BOM, «;», CRLF, rubles, DD.MM.YYYY, hidden services too', async () => {
    const r = await admin('GET', '/api/price-list/export?format=csv');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    expect(r.headers['content-disposition']).toBe(`attachment; filename="prajskurant-${TODAY}.csv"`);
    const text = r.rawPayload.toString('utf8');
    expect(text.startsWith(`\ufeff${HEADER}\r\n`)).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(77);
    expect(lines.find((l) => l.startsWith('Т-02;'))).toMatch(/;да$/);
    // Т-01 costs 5 500 ₽ from the 1st of the month; the announced rise of 01.01 is not in force today.
    expect(lines.find((l) => l.startsWith('Т-01;'))).toMatch(/^Т-01;A16\.07\.002\.010;[^;]+;Терапия;\d+;;01\.11\.2026;/);
    expect(lines.some((l) => /;\d+;\d+;/.test(l))).toBe(true); // a range has both bounds
    const jan = await exportCsv('2027-01-01');
    expect(jan.split('\r\n').find((l) => l.startsWith('Т-01;'))).toContain(';01.01.2027;');
  });

  it('an exported CSV and XLSX imported back change nothing', async () => {
    const before = await counts();
    const r = await imp(b64(await exportCsv()));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ created: 0, updated: 0, repriced: 0, unchanged: 76, rows: 76, dryRun: false });
    const x = await admin('GET', '/api/price-list/export?format=xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-disposition']).toBe(`attachment; filename="prajskurant-${TODAY}.xlsx"`);
    const rx = await imp(x.rawPayload.toString('base64'), 'xlsx');
    expect(rx.json()).toEqual({ created: 0, updated: 0, repriced: 0, unchanged: 76, rows: 76, dryRun: false });
    expect(await counts()).toEqual(before);
  });

  it('the XLSX has one sheet «Прейскурант», a bold header, money as numbers in rubles and dates as dates', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await admin('GET', '/api/price-list/export?format=xlsx')).rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Прейскурант']);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, ...HEADER.split(';')]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    const row = ws.getRows(2, 80)!.find((r) => r.getCell(1).value === 'Т-01')!;
    expect(row.getCell(5).value).toBe(5500);
    expect(row.getCell(5).numFmt).toContain('₽');
    expect(row.getCell(7).value).toEqual(new Date('2026-11-01T00:00:00Z'));
  });

  it('a changed price makes a new version from the file’s date and keeps the old one; new codes and new names too, audited without prices', async () => {
    const before = await counts();
    const lines = (await exportCsv()).replace(/^\ufeff/, '').trimEnd().split('\r\n');
    const t01 = lines.find((l) => l.startsWith('Т-01;'))!.split(';');
    t01[4] = '5 750'; t01[6] = '';
    const t03 = lines.find((l) => l.startsWith('Т-03;'))!.split(';');
    t03[2] = 'Новое имя услуги';
    const r = await imp(b64(csv(t01.join(';'), t03.join(';'), 'Н-99;;Новая услуга;Терапия;"1 200,50";;;;')));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ created: 1, updated: 1, repriced: 1, unchanged: 0, rows: 3, dryRun: false });
    const after = await counts();
    expect(after).toEqual({ items: before.items + 1, versions: before.versions + 2, audit: before.audit + 3 });
    const found = (await admin('GET', '/api/price-list?q=' + encodeURIComponent('Т-01'))).json().items[0];
    const detail = (await admin('GET', `/api/price-list/${found.id}`)).json();
    expect(detail.versions.map((v: { validFrom: string; priceMin: number }) => [v.validFrom, v.priceMin])).toEqual([['2027-01-01', 590_000], [TODAY, 575_000], ['2026-11-01', 550_000], ['2025-12-01', 500_000]]);
    const n99 = (await admin('GET', '/api/price-list?q=' + encodeURIComponent('Н-99'))).json().items[0];
    expect(n99.price).toEqual({ validFrom: TODAY, priceMin: 120_050, priceMax: null });
    const audit = (await chief('GET', '/api/audit?objectType=price_item&limit=3')).json();
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual(['create', 'update', 'update']);
    expect(JSON.stringify(audit.items)).not.toMatch(/575000|120050|5 750/);
  });

  it('wrong rows are named by row and column in Russian, and nothing is written', async () => {
    const before = await counts();
    const r = await imp(b64(csv(
      'Т-01;A16.07.002.010;Пломба;Терапия;5 800;;20.11.2026;;',
      'Х-01;А16.07.002;Услуга;Терапия;100;;;;',
      'Х-02;;Диапазон;Терапия;500;400;;;',
      'Х-02;;Повтор;Терапия;500;;;;',
      'Х-03;;;Терапия;сто;;32.01.2027;;может быть',
    )));
    expect(r.statusCode, r.body).toBe(400);
    expect(isProblem(r)).toBe(true);
    const errors = r.json().errors as { field: string; message_ru: string }[];
    expect(errors.map((e) => e.field), JSON.stringify(errors)).toEqual([
      'rows.2.Действует с', 'rows.3.Код МЗ', 'rows.4.Цена до, ₽', 'rows.5.Код',
      'rows.6.Цена, ₽', 'rows.6.Действует с', 'rows.6.Скрыта', 'rows.6.Наименование',
    ]);
    expect(errors[0].message_ru).toContain('прошлые цены не меняются');
    expect(errors[1].message_ru).toContain('Минздрава');
    expect(errors[3].message_ru).toContain('строке 4');
    expect(r.json().detail_ru).toContain('Ничего не загружено');
    expect(await counts()).toEqual(before);
  });

  it('a dry run answers the same counts and writes nothing', async () => {
    const before = await counts();
    const file = b64(csv('ПР-01;;Пробная услуга;Терапия;300;;;;', 'Т-01;;Пломба;Терапия;6 000;;01.12.2026;;'));
    const r = await imp(file, 'csv', true);
    expect(r.json()).toEqual({ created: 1, updated: 1, repriced: 1, unchanged: 0, rows: 2, dryRun: true });
    expect(await counts()).toEqual(before);
  });

  it('takes a CSV separated by «,» without a BOM, amounts with spaces and commas', async () => {
    const file = 'Код,Наименование,Раздел,"Цена, ₽","Цена до, ₽",Действует с\n' + 'З-01,Запятая,Терапия,"2 500,50","3 000",01.12.2026\n';
    const r = await imp(b64(file));
    expect(r.json()).toMatchObject({ created: 1, rows: 1 });
    const item = (await admin('GET', '/api/price-list?date=2026-12-01&q=' + encodeURIComponent('З-01'))).json().items[0];
    expect(item).toMatchObject({ name: 'Запятая', isActive: true, price: { validFrom: '2026-12-01', priceMin: 250_050, priceMax: 300_000 } });
  });

  it('takes a CSV that Russian Excel saved in Windows-1251 (no «₽» there: «Цена, ?»)', async () => {
    const cp1251 = (s: string) => Buffer.from([...s].map((c) => {
      const n = c.codePointAt(0)!;
      return n >= 0x410 && n <= 0x44f ? n - 0x350 : n === 0x401 ? 0xa8 : n === 0x451 ? 0xb8 : n < 0x80 || n === 0xab || n === 0xbb ? n : 0x3f;
    }));
    const file = cp1251(`${HEADER.replace(/₽/g, '?')}\r\nВ-01;;Отбеливание «Ёлка»;Эстетика;9 900;;;;\r\n`);
    const r = await imp(file.toString('base64'));
    expect(r.json()).toMatchObject({ created: 1, rows: 1 });
    const item = (await admin('GET', '/api/price-list?q=' + encodeURIComponent('В-01'))).json().items[0];
    expect(item).toMatchObject({ name: 'Отбеливание «Ёлка»', section: 'Эстетика', price: { priceMin: 990_000 } });
  });

  it('takes an XLSX made by exceljs; refuses a formula cell by row and column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.addRow(HEADER.split(';'));
    ws.addRow(['XL-01', 'B01.065.001', 'Осмотр из Excel', 'Терапия', 1500, null, new Date('2026-12-01T00:00:00Z'), 'заметка', null]);
    const ok = await imp(Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'), 'xlsx');
    expect(ok.json()).toMatchObject({ created: 1, rows: 1 });
    ws.addRow(['XL-02', null, 'С формулой', 'Терапия', { formula: 'E2*2' }]);
    const before = await counts();
    const bad = await imp(Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'), 'xlsx');
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors).toMatchObject([{ field: 'rows.3.Цена, ₽' }]);
    expect(bad.json().errors[0].message_ru).toContain('формула');
    expect(await counts()).toEqual(before);
  });

  it('hostile files get 400/413 problem+json, never a 500', async () => {
    const cases: [string, 'csv' | 'xlsx', number, string][] = [
      ['@@@ not base64 @@@', 'csv', 400, 'base64'],
      [b64(`${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(';')}\r\n1;2\r\n`), 'csv', 400, 'столбцов'],
      [b64(`${HEADER}\r\n${'x;'.repeat(10_000)}\r\n`), 'csv', 400, 'столбцов'],
      [b64('Код;Цена\r\nТ-01;100\r\n'), 'csv', 400, 'нет столбцов «Наименование», «Раздел»:'],
      [b64(''), 'csv', 400, 'пуст'],
      [b64('это не zip'), 'xlsx', 400, 'не читается'],
      [b64(zipOf('xl/worksheets/sheet1.xml', 60 * 1024 * 1024)), 'xlsx', 413, 'распакованном'],
      [b64(Buffer.alloc(5 * 1024 * 1024 + 100, 0x41)), 'csv', 413, '5 МБ'],
    ];
    for (const [file, format, status, says] of cases) {
      const r = await imp(file, format);
      expect(r.statusCode, `${format} ${file.slice(0, 40)} → ${r.body.slice(0, 200)}`).toBe(status);
      expect(isProblem(r)).toBe(true);
      expect(r.json().detail_ru).toContain(says);
    }
    const huge = await imp(b64(Buffer.alloc(6 * 1024 * 1024, 0x41)));
    expect(huge.statusCode).toBe(413);
    expect(isProblem(huge)).toBe(true);
  }, 60_000);

  it('the administrator may export but not import; nobody anonymous does either', async () => {
    expect((await admin('GET', '/api/price-list/export?format=xlsx')).statusCode).toBe(200);
    const r = await admin('POST', '/api/price-list/import', { format: 'csv', fileBase64: b64(csv('А-01;;Чужая;Терапия;1;;;;')), dryRun: true });
    expect(r.statusCode).toBe(403);
    expect((await as(t.app, null)('GET', '/api/price-list/export?format=csv')).statusCode).toBe(401);
    expect((await admin('GET', '/api/price-list/export?format=pdf')).statusCode).toBe(400);
  });
});
