import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import type { CallQueryT, ConversionListQueryT, ConversionQuery } from '../contracts/calls.js';
import * as repo from '../db/repos/calls.repo.js';
import { classifyCall, conversion, CONVERSION_EXCELLENT, CONVERSION_GOOD, inFigure, type ConversionCall, type ConversionRow } from '../domain/calls/conversion.js';
import { isIsoDate } from '../domain/dates.js';
import { fieldError } from '../domain/errors.js';
import { formatPhone } from '../domain/phone.js';
import { localDateOf, localTimeOf } from '../domain/schedule/time.js';
import { callView, checkFilterRefs, period } from './calls.service.js';
import type { Actor, Deps } from './context.js';

/** CALL-5: primary calls → primary visits booked, by administrator, source, branch, week and month. */
type ConversionDbRow = Awaited<ReturnType<typeof repo.conversionRows>>[number];
const asConversionCall = (c: ConversionDbRow): ConversionCall => ({
  direction: c.direction, callerType: c.caller_type, startedAt: c.started_at, userId: c.user_id, sourceId: c.source_id, branchId: c.branch_id,
  outcome: c.outcome, appointmentId: c.appointment_id, hadVisitBefore: Number(c.had_visit) === 1, visitStatus: c.visit_status ?? null, visitStartsAt: c.visit_starts_at ?? null,
});

export async function conversionReport(deps: Deps, actor: Actor, q: z.infer<typeof ConversionQuery>) {
  const now = deps.clock();
  const db = deps.h.db;
  const p = await period(db, actor.clinicId, now, q.from, q.to, 84);
  const [rows, names] = await Promise.all([repo.conversionRows(db, actor.clinicId, p.fromIso, p.toIso), repo.namesFor(db, actor.clinicId)]);
  const r = conversion(rows.map(asConversionCall), p.tz, now.getTime());
  const label = (list: { id: string; name: string }[]) => (row: ConversionRow) => ({ ...row, label: list.find((x) => x.id === row.key)?.name ?? '' });
  const self = (row: ConversionRow) => ({ ...row, label: row.key });
  return {
    from: p.from, to: p.to, good: CONVERSION_GOOD, excellent: CONVERSION_EXCELLENT,
    total: self(r.total),
    byAdmin: r.byAdmin.map(label(names.users)),
    bySource: r.bySource.map(label(names.sources)),
    byBranch: r.byBranch.map(label(names.branches)),
    byWeek: r.byWeek.map(self),
    byMonth: r.byMonth.map(self),
  };
}

const LIST_LIMIT = 2000;
const REF_TABLE = { admin: 'users', source: 'info_sources', branch: 'branches' } as const;

/** Issue #14: the calls behind one figure of the report, classified by the report's own function (a figure and its list cannot disagree). */
export async function conversionList(deps: Deps, actor: Actor, q: ConversionListQueryT) {
  const db = deps.h.db;
  if (q.key !== undefined && !q.group) throw fieldError('group', { ru: 'Укажите разбивку для строки', en: 'Name the breakdown of the row' });
  if (q.group && q.key === undefined) throw fieldError('key', { ru: 'Укажите строку разбивки', en: 'Name the row of the breakdown' });
  const key = q.key ?? '';
  const badKey = () => fieldError('key', { ru: 'Нет такой строки', en: 'No such row' });
  if (q.group === 'week' && !isIsoDate(key)) throw badKey();
  if (q.group === 'month' && !(/^\d{4}-(0[1-9]|1[0-2])$/.test(key))) throw badKey();
  if ((q.group === 'admin' || q.group === 'source' || q.group === 'branch') && key !== '' && !(await repo.refExists(db, REF_TABLE[q.group], actor.clinicId, key))) throw badKey();
  const now = deps.clock();
  const p = await period(db, actor.clinicId, now, q.from, q.to, 84);
  const rows = await repo.conversionRows(db, actor.clinicId, p.fromIso, p.toIso);
  const hits = rows.filter((c) => {
    const k = classifyCall(asConversionCall(c), p.tz, now.getTime());
    return k !== null && inFigure(k, q.measure, q.group, key);
  });
  hits.sort((x, y) => (x.started_at < y.started_at ? 1 : x.started_at > y.started_at ? -1 : x.id < y.id ? 1 : -1));
  const list = await repo.conversionListRows(db, actor.clinicId, hits.slice(0, LIST_LIMIT).map((c) => c.id));
  return {
    from: p.from, to: p.to, total: hits.length, limit: LIST_LIMIT,
    items: list.map((r) => ({
      id: r.id, startedAt: r.started_at, patientId: r.patient_id, callerName: r.caller_name, outcome: r.outcome,
      patientName: r.surname ? [r.surname, r.first_name, r.patronymic].filter(Boolean).join(' ') : null,
      userName: r.user_name ?? null, sourceName: r.source_name ?? null, branchName: r.branch_name ?? null,
      visit: r.visit_id && r.visit_starts_at && r.visit_status && r.visit_branch_id ? { id: r.visit_id, startsAt: r.visit_starts_at, status: r.visit_status, branchId: r.visit_branch_id } : null,
    })),
  };
}

const HEAD = ['Дата', 'Время', 'Направление', 'Тип', 'Цель', 'Пациент / звонящий', 'Телефон', 'Источник', 'Итог', 'Причина', 'Администратор', 'Ответ, с', 'Длительность, с', 'Визит', 'Заметка'];
const DIRECTION: Record<string, string> = { in: 'входящий', out: 'исходящий' };
const TYPE: Record<string, string> = { primary: 'первичный', repeat: 'повторный', non_patient: 'не пациент' };
const PURPOSE: Record<string, string> = {
  booking: 'запись', price: 'цена', info: 'информация', reschedule: 'перенос', cancel: 'отмена', doctor: 'вопрос врачу', recall: 'повторный осмотр',
  confirmation: 'подтверждение', other: 'другое', advertising: 'реклама', supplier: 'поставщик', director: 'директору',
};
const OUTCOME: Record<string, string> = {
  booked: 'записан', not_booked: 'не записан', info_given: 'только информация', callback: 'перезвонить', routed: 'передано', confirmed: 'подтвердил',
};

/** CALL-4: the filtered call base as a CSV for a spreadsheet (semicolons, BOM: Excel opens Cyrillic right). */
export async function exportCalls(deps: Deps, actor: Actor, q: CallQueryT) {
  await checkFilterRefs(deps.h.db, actor.clinicId, q);
  const p = await period(deps.h.db, actor.clinicId, deps.clock(), q.from, q.to);
  const lines: string[][] = [HEAD];
  for await (const batch of repo.streamCalls(deps.h.db, actor.clinicId, { ...q, fromIso: p.fromIso, toIso: p.toIso })) {
    for (const row of batch) {
      const c = callView(row);
      const ms = Date.parse(c.startedAt);
      lines.push([
        localDateOf(ms, p.tz), localTimeOf(ms, p.tz), DIRECTION[c.direction] ?? c.direction, TYPE[c.callerType] ?? c.callerType, PURPOSE[c.purpose] ?? c.purpose,
        c.patientName ?? c.callerName ?? '', c.phone ? formatPhone(c.phone) : '', c.sourceName ?? '', OUTCOME[c.outcome] ?? c.outcome, c.outcomeReason ?? '',
        c.userName ?? '', c.answerSec === null ? '' : String(c.answerSec), String(c.durationSec),
        c.visit ? `${localDateOf(Date.parse(c.visit.startsAt), p.tz)} ${localTimeOf(Date.parse(c.visit.startsAt), p.tz)}` : '', c.note ?? '',
      ]);
    }
  }
  return { fileName: `calls-${p.from}-${p.to}.csv`, body: Buffer.from(stringify(lines, { delimiter: ';', record_delimiter: 'windows', bom: true }), 'utf8') };
}
