import { localDateOf } from '../schedule/time.js';

/**
 * CALL-8: the checklist a supervisor scores a call against. First what patients value most, in the
 * order seed 002 ranks it («критерии расставлены в порядке значимости для пациентов»), opened by the
 * script's first rule (answer by the second ring); then the script's own rules and stages in the
 * order a call goes. The words are the seed's.
 */
export const QUALITY_ITEMS = [
  { key: 'second_ring', ru: 'Ответил не позже второго звонка', en: 'Answered by the second ring' },
  { key: 'clinic_name', ru: 'Чётко произнёс название клиники', en: 'Said the clinic’s name clearly' },
  { key: 'own_name', ru: 'Представился, назвав своё имя', en: 'Introduced themselves by name' },
  { key: 'friendly', ru: 'Голос и тон исполнены доброжелательности, говорил улыбаясь', en: 'A friendly voice and tone, spoke smiling' },
  { key: 'prices', ru: 'Сориентировал по ценам на обязательные и дополнительные услуги (скидки, акции)', en: 'Oriented the caller on prices of the needed and extra services (discounts, promotions)' },
  { key: 'extra_answers', ru: 'Ответил на дополнительные вопросы (о клинике, специалистах, оборудовании)', en: 'Answered further questions (the clinic, specialists, equipment)' },
  { key: 'contact_phone', ru: 'Попросил оставить номер контактного телефона', en: 'Asked for a contact phone number' },
  { key: 'directions', ru: 'Подробно ответил, как добраться до клиники', en: 'Explained in detail how to get to the clinic' },
  { key: 'initiative', ru: 'Взял инициативу в разговоре на себя', en: 'Took the initiative in the conversation' },
  { key: 'name_used', ru: 'Спросил, как зовут пациента, и обращался по имени', en: 'Asked the caller’s name and used it' },
  { key: 'need_summary', ru: 'Подвёл итог потребности и получил подтверждение («…верно?»)', en: 'Summarised the need and had it confirmed («…right?»)' },
  { key: 'price_last', ru: 'Стоимость назвал в конце мини-презентации, языком выгод', en: 'Named the price at the end of the mini presentation, in terms of benefits' },
  { key: 'alternative', ru: 'Время предложил альтернативным вопросом: два варианта («или-или»)', en: 'Offered the time as an alternative question: two options («either-or»)' },
  { key: 'no_forbidden', ru: 'Не произнёс запрещённую фразу «я могу вам предложить»', en: 'Did not say the forbidden phrase «я могу вам предложить»' },
  { key: 'source', ru: 'Выяснил, откуда пациент узнал о клинике', en: 'Asked where the caller heard of the clinic' },
  { key: 'goodbye', ru: 'Попрощался по скрипту: «Всего доброго, хорошего вам дня!»', en: 'Said goodbye as the script says: «Всего доброго, хорошего вам дня!»' },
] as const;

export type QualityKey = (typeof QUALITY_ITEMS)[number]['key'];
export const QUALITY_KEYS = QUALITY_ITEMS.map((i) => i.key) as [QualityKey, ...QualityKey[]];

/** An item's mark: done, not done, or not applicable to this call (null: left out of the maximum). */
export type QualityAnswers = Record<QualityKey, boolean | null>;

/** The score of one call: one point per item done, out of the items that applied. */
export function scoreOf(answers: QualityAnswers): { score: number; max: number } {
  let score = 0;
  let max = 0;
  for (const k of QUALITY_KEYS) {
    const v = answers[k];
    if (v === null || v === undefined) continue;
    max += 1;
    if (v) score += 1;
  }
  return { score, max };
}

/** One scored call as the results read it. */
export interface ScoredCall {
  userId: string;
  /** The call's start (the month it belongs to is the clinic's local month of the call). */
  startedAt: string;
  answers: Partial<Record<string, boolean | null>>;
  score: number;
  max: number;
}

export interface ItemShare {
  key: QualityKey;
  /** Calls where the item was done. */
  yes: number;
  /** Calls where the item applied. */
  applicable: number;
  /** yes / applicable, null when it never applied. */
  share: number | null;
}

export interface AdminQuality {
  userId: string;
  count: number;
  /** Mean of the calls' percentages (each call weighs the same, whatever items applied). */
  avgPct: number | null;
  months: { month: string; count: number; avgPct: number | null }[];
  items: ItemShare[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const pctOf = (c: { score: number; max: number }) => (c.max > 0 ? (c.score / c.max) * 100 : null);

function average(calls: ScoredCall[]): number | null {
  const ps = calls.map(pctOf).filter((p): p is number => p !== null);
  return ps.length ? round1(ps.reduce((a, b) => a + b, 0) / ps.length) : null;
}

function shares(calls: ScoredCall[]): ItemShare[] {
  return QUALITY_KEYS.map((key) => {
    let yes = 0;
    let applicable = 0;
    for (const c of calls) {
      const v = c.answers[key];
      if (v === null || v === undefined) continue;
      applicable += 1;
      if (v) yes += 1;
    }
    return { key, yes, applicable, share: applicable ? yes / applicable : null };
  });
}

/** The items done least often first (never-applicable ones last): what to train next. */
export function weakest(items: ItemShare[]): ItemShare[] {
  return [...items].sort((a, b) => (a.share ?? 2) - (b.share ?? 2) || QUALITY_KEYS.indexOf(a.key) - QUALITY_KEYS.indexOf(b.key));
}

/**
 * CALL-8 results: per administrator the average percentage per month (the clinic's local month of
 * the call) and over the period, the share of calls where each item was done; and the clinic's
 * items overall, weakest first.
 */
export function qualityResults(calls: ScoredCall[], months: string[], tz: string) {
  const monthOf = (c: ScoredCall) => localDateOf(Date.parse(c.startedAt), tz).slice(0, 7);
  const byUser = new Map<string, ScoredCall[]>();
  for (const c of calls) byUser.set(c.userId, [...(byUser.get(c.userId) ?? []), c]);
  const admins: AdminQuality[] = [...byUser.entries()].map(([userId, list]) => ({
    userId,
    count: list.length,
    avgPct: average(list),
    months: months.map((month) => {
      const m = list.filter((c) => monthOf(c) === month);
      return { month, count: m.length, avgPct: average(m) };
    }),
    items: shares(list),
  }));
  return { count: calls.length, avgPct: average(calls), admins, items: weakest(shares(calls)) };
}

/** The months 'YYYY-MM' from `from` to `to` inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}
