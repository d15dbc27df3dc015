import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import type { CallQueryT, ConversionQuery } from '../contracts/calls.js';
import * as repo from '../db/repos/calls.repo.js';
import { conversion, CONVERSION_EXCELLENT, CONVERSION_GOOD, type ConversionRow } from '../domain/calls/conversion.js';
import { formatPhone } from '../domain/phone.js';
import { localDateOf, localTimeOf } from '../domain/schedule/time.js';
import { callView, checkFilterRefs, period } from './calls.service.js';
import type { Actor, Deps } from './context.js';

/** CALL-5: primary calls → primary visits booked, by administrator, source, branch, week and month. */
export async function conversionReport(deps: Deps, actor: Actor, q: z.infer<typeof ConversionQuery>) {
  const now = deps.clock();
  const db = deps.h.db;
  const p = await period(db, actor.clinicId, now, q.from, q.to, 84);
  const [rows, names] = await Promise.all([repo.conversionRows(db, actor.clinicId, p.fromIso, p.toIso), repo.namesFor(db, actor.clinicId)]);
  const r = conversion(
    rows.map((c) => ({
      direction: c.direction, callerType: c.caller_type, startedAt: c.started_at, userId: c.user_id, sourceId: c.source_id, branchId: c.branch_id,
      outcome: c.outcome, appointmentId: c.appointment_id, hadVisitBefore: Number(c.had_visit) === 1, visitStatus: c.visit_status ?? null, visitStartsAt: c.visit_starts_at ?? null,
    })),
    p.tz,
    now.getTime(),
  );
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
