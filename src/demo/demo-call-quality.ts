/**
 * CALL-8 demo: the chief doctor (and now and then the owner) has scored about forty incoming calls
 * of the last three months against the quality checklist. The experienced administrator scores
 * high; the new one, halfway through her internship, starts lower and improves month by month;
 * both slip most on the script's harder rules (the forbidden phrase, the price at the end, the
 * alternative question), so «Контроль качества» has a visible trend and real weakest items.
 */
import { QUALITY_KEYS, scoreOf, type QualityAnswers, type QualityKey } from '../domain/calls/call-quality.js';
import type { CallQualityScoresTable, CallsTable } from '../db/schema.js';
import type { Insertable } from 'kysely';
import type { Rng } from './demo-random.js';
import { DAY_MS, iso } from './demo-time.js';

/** How often an item slips even for a good administrator (the rest slip rarely). */
const HARD: Partial<Record<QualityKey, number>> = {
  no_forbidden: 0.35, price_last: 0.3, alternative: 0.25, need_summary: 0.25, source: 0.2, name_used: 0.15, second_ring: 0.12,
};
/** The supervisor's note names the first slip she heard (or praises a clean call now and then). */
const COMMENTS: [QualityKey, string][] = [
  ['no_forbidden', 'Сказала «я могу вам предложить» — разобрать на планёрке.'],
  ['price_last', 'Цену назвала сразу, до презентации.'],
  ['second_ring', 'Ответила после четвёртого гудка.'],
  ['source', 'Не уточнила, откуда пациент узнал о клинике.'],
  ['alternative', 'Время предложила одним вариантом, без «или-или».'],
];
function commentOf(rng: Rng, answers: QualityAnswers): string | null {
  const slip = COMMENTS.find(([k]) => answers[k] === false);
  if (slip) return rng.chance(0.7) ? slip[1] : null;
  return rng.chance(0.3) ? 'Хороший звонок: оба варианта времени, обращалась по имени.' : null;
}

export interface QualityDeps {
  rng: Rng;
  nowMs: number;
  clinicId: string;
  calls: readonly Insertable<CallsTable>[];
  /** The experienced administrator and the new one. */
  admins: { senior: string; trainee: string };
  scorers: { chief: string; owner: string };
  id: () => string;
  count?: number;
}

export function demoCallQuality(d: QualityDeps): Insertable<CallQualityScoresTable>[] {
  const fromMs = d.nowMs - 90 * DAY_MS;
  const pool = d.calls
    .filter((c) => c.direction === 'in' && c.caller_type !== 'non_patient' && (c.user_id === d.admins.senior || c.user_id === d.admins.trainee) && Number(c.duration_sec) > 30)
    .filter((c) => Date.parse(c.started_at) < d.nowMs - DAY_MS)
    .sort((a, b) => a.started_at.localeCompare(b.started_at) || a.id.localeCompare(b.id));
  const want = d.count ?? 40;
  const stride = Math.max(1, Math.floor(pool.length / want));
  const out: Insertable<CallQualityScoresTable>[] = [];
  for (let i = 0; i < pool.length && out.length < want; i += stride) {
    const c = pool[i]!;
    const ms = Date.parse(c.started_at);
    const progress = Math.min(1, Math.max(0, (ms - fromMs) / (d.nowMs - fromMs)));
    // The trainee slips twice as often at first and close to the senior's level by now.
    const slip = c.user_id === d.admins.trainee ? 2.2 - 1.1 * progress : 1;
    const answers = {} as QualityAnswers;
    for (const k of QUALITY_KEYS) {
      const notApplicable = (k === 'directions' && c.caller_type === 'repeat') || (k === 'prices' && ['reschedule', 'cancel', 'confirmation'].includes(c.purpose));
      answers[k] = notApplicable ? null : !d.rng.chance(Math.min(0.9, (HARD[k] ?? 0.05) * slip));
    }
    const { score, max } = scoreOf(answers);
    const scoredMs = Math.min(d.nowMs - 60_000, ms + d.rng.int(1, 3) * DAY_MS);
    out.push({
      id: d.id(), clinic_id: d.clinicId, call_id: c.id, scored_by: d.rng.chance(0.8) ? d.scorers.chief : d.scorers.owner,
      items_json: JSON.stringify(answers), score, max_score: max, comment: commentOf(d.rng, answers), created_at: iso(scoredMs),
    });
  }
  return out;
}
