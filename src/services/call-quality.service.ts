import type { z } from 'zod';
import type { QualityInputT, QualityListQuery, QualityResultsQuery } from '../contracts/call-quality.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as repo from '../db/repos/call-quality.repo.js';
import { clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import { monthsBetween, QUALITY_ITEMS, QUALITY_KEYS, qualityResults, scoreOf, type QualityAnswers } from '../domain/calls/call-quality.js';
import { fieldError, notFound } from '../domain/errors.js';
import { localInstant } from '../domain/schedule/time.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { localToday } from './schedule-context.js';

const CALL = { ru: 'Звонок', en: 'Call' };
const checklist = () => QUALITY_ITEMS.map((i) => ({ key: i.key, ru: i.ru, en: i.en }));

function scoreView(r: repo.QualityRow) {
  const pct = Number(r.max_score) > 0 ? Math.round((Number(r.score) / Number(r.max_score)) * 1000) / 10 : null;
  return {
    id: r.id,
    callId: r.call_id,
    callStartedAt: r.started_at,
    direction: r.direction,
    callerName: r.surname ? [r.surname, r.first_name, r.patronymic].filter(Boolean).join(' ') : r.caller_name,
    phone: r.phone,
    adminId: r.user_id,
    adminName: r.admin_name ?? null,
    scoredBy: r.scored_by,
    scoredByName: r.scorer_name ?? null,
    items: JSON.parse(r.items_json) as Record<string, boolean | null>,
    score: Number(r.score),
    maxScore: Number(r.max_score),
    pct,
    comment: r.comment,
    createdAt: r.created_at,
  };
}

/** The checklist and the call's score, if it has one (another clinic's call: 404). */
export async function callQuality(deps: Deps, actor: Actor, callId: string) {
  const db = deps.h.db;
  if (!(await repo.callToScore(db, actor.clinicId, callId))) throw notFound(CALL);
  const r = await repo.scoreOfCall(db, actor.clinicId, callId);
  return { checklist: checklist(), score: r ? scoreView(r) : null };
}

/**
 * CALL-8: a supervisor scores a call against the checklist. One score per call: scoring again
 * replaces the marks (the audit keeps who changed them). A call nobody is recorded as having taken
 * cannot be scored: the score is about an administrator's work.
 */
export async function scoreCall(deps: Deps, actor: Actor, callId: string, input: QualityInputT) {
  const now = deps.clock();
  const db = deps.h.db;
  const call = await repo.callToScore(db, actor.clinicId, callId);
  if (!call) throw notFound(CALL);
  if (!call.user_id) throw fieldError('callId', { ru: 'У звонка не указан администратор: оценивать некого', en: 'The call has no administrator recorded: nobody to score' });
  const answers = Object.fromEntries(QUALITY_KEYS.map((k) => [k, input.items[k] ?? null])) as QualityAnswers;
  const { score, max } = scoreOf(answers);
  if (max === 0) throw fieldError('items', { ru: 'Отметьте хотя бы один пункт', en: 'Mark at least one item' });
  const comment = input.comment?.trim() || null;
  await withTx(deps.h, async (trx) => {
    const existing = await repo.scoreOfCall(trx, actor.clinicId, callId);
    const row = { scored_by: actor.userId, items_json: JSON.stringify(answers), score, max_score: max, comment, created_at: now.toISOString() };
    if (existing) await repo.updateScore(trx, actor.clinicId, existing.id, row);
    else await repo.insertScore(trx, { id: newId(), clinic_id: actor.clinicId, call_id: callId, ...row });
    await appendAudit(trx, auditEntry(actor, now, {
      action: existing ? 'update' : 'create', objectType: 'call_quality', objectId: callId, details: { score, max },
    }));
  });
  return scoreView((await repo.scoreOfCall(db, actor.clinicId, callId))!);
}

/** The months asked for (YYYY-MM, both included; the last six when omitted) as instants in the clinic's zone. */
async function months(deps: Deps, actor: Actor, from?: string, to?: string) {
  const tz = (await clinicTimeAndSettings(deps.h.db, actor.clinicId)).time_zone;
  const { today } = localToday(deps.clock(), tz);
  const t = to ?? today.slice(0, 7);
  let f = from;
  if (!f) {
    const [y, m] = t.split('-').map(Number) as [number, number];
    const back = y * 12 + (m - 1) - 5;
    f = `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, '0')}`;
  }
  if (f > t) throw fieldError('to', { ru: 'Месяц окончания раньше месяца начала', en: 'The end month is before the start month' });
  const list = monthsBetween(f, t);
  if (list.length > 24) throw fieldError('from', { ru: 'Период не длиннее 24 месяцев', en: 'The period is at most 24 months' });
  const [ty, tm] = t.split('-').map(Number) as [number, number];
  const next = tm === 12 ? `${ty + 1}-01-01` : `${ty}-${String(tm + 1).padStart(2, '0')}-01`;
  return {
    tz, from: f, to: t, months: list,
    fromIso: new Date(localInstant(`${f}-01`, '00:00', tz)).toISOString(),
    toIso: new Date(localInstant(next, '00:00', tz)).toISOString(),
  };
}

/** The scores of calls made in the months asked, newest call first. */
export async function listScores(deps: Deps, actor: Actor, q: z.infer<typeof QualityListQuery>) {
  const db = deps.h.db;
  if (q.userId && !(await repo.userExists(db, actor.clinicId, q.userId))) throw fieldError('userId', { ru: 'Не найдено', en: 'Not found' });
  const p = await months(deps, actor, q.from, q.to);
  const { rows, total } = await repo.listScores(db, actor.clinicId, { fromIso: p.fromIso, toIso: p.toIso, userId: q.userId }, q.limit ?? 50, q.offset ?? 0);
  return { items: rows.map(scoreView), total };
}

/** CALL-8 results: per administrator the average per month and the share of each item; the clinic's weakest items. */
export async function results(deps: Deps, actor: Actor, q: z.infer<typeof QualityResultsQuery>) {
  const db = deps.h.db;
  const p = await months(deps, actor, q.from, q.to);
  const [rows, names] = await Promise.all([repo.scoresForResults(db, actor.clinicId, p.fromIso, p.toIso), repo.userNames(db, actor.clinicId)]);
  const r = qualityResults(
    rows.map((x) => ({ userId: x.user_id!, startedAt: x.started_at, answers: JSON.parse(x.items_json) as Record<string, boolean | null>, score: Number(x.score), max: Number(x.max_score) })),
    p.months,
    p.tz,
  );
  const nameOf = (id: string) => names.find((n) => n.id === id)?.full_name ?? '';
  return {
    from: p.from, to: p.to, months: p.months, checklist: checklist(), count: r.count, avgPct: r.avgPct, items: r.items,
    admins: r.admins.map((a) => ({ ...a, name: nameOf(a.userId) })).sort((a, b) => a.name.localeCompare(b.name, 'ru')),
  };
}
