import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import type { MoneyExportQuery } from '../contracts/money-report.js';
import { withTx } from '../db/connect.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import { localDateOf, localTimeOf } from '../domain/schedule/time.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { debts, moneyReport, paymentsList, shiftReports } from './money-report.service.js';

const METHOD_RU: Record<string, string> = { cash: 'наличные', card: 'карта', transfer: 'перевод', insurer: 'страховая', advance: 'с баланса' };
/** Rubles that Russian Excel reads as a number: «2500,50», minus sign, no grouping. */
const rub = (k: number | null) => (k === null ? '' : `${k < 0 ? '-' : ''}${Math.floor(Math.abs(k) / 100)},${String(Math.abs(k) % 100).padStart(2, '0')}`);
/** Text Excel would take for a formula gets Excel's own apostrophe. */
const txt = (s: string | null | undefined) => (s && /^[=+\-@\t\r]/.test(s) ? `'${s}` : (s ?? ''));
const ddmm = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '');
const at = (iso: string | null, tz: string) => (iso ? `${ddmm(localDateOf(Date.parse(iso), tz))} ${localTimeOf(Date.parse(iso), tz)}` : '');

/** A table of the owner's money view as CSV (UTF-8 with BOM, `;`, CRLF: opens in Russian Excel as is). */
export async function exportMoney(deps: Deps, actor: Actor, q: z.infer<typeof MoneyExportQuery>) {
  const period = { from: q.from, to: q.to, branchId: q.branchId };
  let head: string[];
  let rows: (string | number)[][];
  let tz = 'Europe/Moscow';
  if (q.table === 'days' || q.table === 'methods' || q.table === 'doctors' || q.table === 'services') {
    const r = await moneyReport(deps, actor, period);
    tz = r.timeZone;
    if (q.table === 'days') {
      head = ['Дата', 'Поступило, ₽', 'Возвраты, ₽', 'Выручка, ₽', 'Операций'];
      rows = r.byDay.map((d) => [ddmm(d.date), rub(d.income), rub(d.refunds), rub(d.revenue), d.count]);
    } else if (q.table === 'methods') {
      head = ['Способ оплаты', 'Поступило, ₽', 'Возвраты, ₽', 'Выручка, ₽', 'Операций'];
      rows = r.byMethod.map((m) => [METHOD_RU[m.method]!, rub(m.income), rub(m.refunds), rub(m.revenue), m.count]);
    } else if (q.table === 'doctors') {
      head = ['Врач', 'Выставлено, ₽', 'Оплачено, ₽', 'Долг, ₽'];
      rows = r.byDoctor.map((d) => [txt(d.name), rub(d.billed), rub(d.paid), rub(d.debt)]);
    } else {
      head = ['Код', 'Услуга', 'Количество', 'Выставлено, ₽', 'Оплачено, ₽', 'Долг, ₽'];
      rows = r.byService.map((s) => [txt(s.code), txt(s.name), s.quantity, rub(s.billed), rub(s.paid), rub(s.debt)]);
    }
  } else if (q.table === 'debts') {
    const r = await debts(deps, actor, { limit: 1000 });
    tz = (await clinicTimeAndSettings(deps.h.db, actor.clinicId)).time_zone;
    head = ['Карта', 'Пациент', 'Телефон', 'Долг, ₽', 'Неоплаченных счетов', 'Старейший счёт', 'Выставлен', 'Последний визит'];
    rows = r.items.map((d) => [d.cardNumber, txt(d.name), txt(d.phone), rub(d.debt), d.unpaidBills, d.oldestBill ? d.oldestBill.number : '', d.oldestBill ? ddmm(localDateOf(Date.parse(d.oldestBill.issuedAt), tz)) : '', ddmm(d.lastVisit)]);
  } else if (q.table === 'shifts') {
    const r = await shiftReports(deps, actor, period);
    head = ['Смена', 'Филиал', 'Открыл', 'Открыта', 'Закрыл', 'Закрыта', 'Размен, ₽', 'Поступило, ₽', 'Возвраты, ₽', 'Ожидалось в кассе, ₽', 'Пересчитано, ₽', 'Расхождение, ₽', 'Примечание'];
    tz = (await clinicTimeAndSettings(deps.h.db, actor.clinicId)).time_zone;
    rows = r.items.map((s) => [s.number, txt(s.branchName), txt(s.openedBy), at(s.openedAt, tz), txt(s.closedBy), at(s.closedAt, tz), rub(s.openingFloat), rub(s.income), rub(s.refunds), rub(s.expectedCash), rub(s.countedCash), rub(s.discrepancy), txt(s.note)]);
  } else {
    head = ['Чек', 'Дата и время', 'Пациент', 'Операция', 'Способ', 'Сумма, ₽', 'Счёт', 'Принял', 'Причина'];
    tz = (await clinicTimeAndSettings(deps.h.db, actor.clinicId)).time_zone;
    rows = [];
    for (let offset = 0; offset < 100_000; offset += 100) {
      const page = await paymentsList(deps, actor, { ...period, limit: 100, offset });
      rows.push(...page.items.map((p) => [p.number, at(p.at, tz), txt(p.patientName), p.kind === 'refund' ? 'возврат' : 'оплата', METHOD_RU[p.method]!, rub(p.kind === 'refund' ? -p.amount : p.amount), p.billNumber ?? 'аванс', txt(p.by), txt(p.reason)]));
      if (page.items.length < 100) break;
    }
  }
  const now = deps.clock();
  await withTx(deps.h, (trx) => appendAudit(trx, auditEntry(actor, now, { action: 'export', objectType: 'money_report', objectId: null, details: { table: q.table, from: q.from, to: q.to } })));
  const body = Buffer.from(stringify([head, ...rows], { delimiter: ';', record_delimiter: 'windows', bom: true }), 'utf8');
  return { body, fileName: `money-${q.table}-${q.from}-${q.to}.csv`, contentType: 'text/csv; charset=utf-8' };
}
