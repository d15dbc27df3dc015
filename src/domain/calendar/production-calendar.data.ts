/**
 * Russian production calendar (производственный календарь) data, one record per shipped year.
 *
 * Sources:
 * - Non-working public holidays: ст. 112 ТК РФ (1–6 and 8 January New Year holidays,
 *   7 January Christmas, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November).
 * - Automatic transfer: ч. 2 ст. 112 ТК РФ — a Saturday/Sunday that coincides with a holiday
 *   moves to the next working day, except for the January holidays (those are moved, if at
 *   all, by the Government's decree).
 * - Pre-holiday shortened days: ч. 1 ст. 95 ТК РФ (the working day right before a non-working
 *   holiday is one hour shorter).
 * - Transfers by decree: Постановление Правительства РФ «О переносе выходных дней в … году».
 *
 * Only days that differ from the plain Mon–Fri working / Sat–Sun weekend pattern are listed,
 * plus every holiday (even one falling on a weekend). One entry per date: a weekend day made
 * working that is also a pre-holiday day (e.g. Saturday 1 November 2025) is recorded as
 * 'short', because a shortened day is by definition a working day.
 *
 * This file is data only: it imports nothing, so the domain functions in
 * production-calendar.ts and any future importer (seeding, admin UI) can share it.
 */

/** Kind of a listed day; mirrors `CalendarOverride['kind']` in production-calendar.ts. */
export type ProductionCalendarEntryKind = 'holiday' | 'day_off' | 'working' | 'short';

/** One listed day: ISO date, what it is, and a Russian note explaining why. */
export interface ProductionCalendarEntry {
  readonly date: string;
  readonly kind: ProductionCalendarEntryKind;
  readonly note: string;
}

/** The Government decree on transferring days off for a year. */
export interface ProductionCalendarDecree {
  /** Decree number as printed, without «№». */
  readonly number: string;
  /** Date of signing, DD.MM.YYYY as printed in the decree's heading. */
  readonly date: string;
  readonly title: string;
}

/** One shipped year. */
export interface ProductionCalendarYear {
  readonly year: number;
  /**
   * 'decree': the year's decree has been checked and its transfers are included.
   * 'statutory_only': no decree was available; only the Labour Code rules are applied,
   * so the transfers of the January weekend holidays (and anything else the decree adds)
   * are missing.
   */
  readonly status: 'decree' | 'statutory_only';
  readonly decree: ProductionCalendarDecree | null;
  /** Human-readable source/warning for the whole year, in Russian. */
  readonly note: string;
  /** Listed days, sorted by date, one entry per date. */
  readonly entries: readonly ProductionCalendarEntry[];
}

const NEW_YEAR = 'Новогодние каникулы';
const SHORT = 'Предпраздничный день, сокращён на один час (ст. 95 ТК РФ)';

/** The marker the 2027 data carries until the decree for 2027 is checked. */
export const STATUTORY_ONLY_NOTE = 'по ст. 112 ТК РФ; проверьте постановление о переносе';

/** Holidays of ст. 112 ТК РФ for a year, one entry per date. */
function statutoryHolidays(year: number): ProductionCalendarEntry[] {
  const d = (mmdd: string): string => `${year}-${mmdd}`;
  return [
    { date: d('01-01'), kind: 'holiday', note: NEW_YEAR },
    { date: d('01-02'), kind: 'holiday', note: NEW_YEAR },
    { date: d('01-03'), kind: 'holiday', note: NEW_YEAR },
    { date: d('01-04'), kind: 'holiday', note: NEW_YEAR },
    { date: d('01-05'), kind: 'holiday', note: NEW_YEAR },
    { date: d('01-06'), kind: 'holiday', note: NEW_YEAR },
    { date: d('01-07'), kind: 'holiday', note: 'Рождество Христово' },
    { date: d('01-08'), kind: 'holiday', note: NEW_YEAR },
    { date: d('02-23'), kind: 'holiday', note: 'День защитника Отечества' },
    { date: d('03-08'), kind: 'holiday', note: 'Международный женский день' },
    { date: d('05-01'), kind: 'holiday', note: 'Праздник Весны и Труда' },
    { date: d('05-09'), kind: 'holiday', note: 'День Победы' },
    { date: d('06-12'), kind: 'holiday', note: 'День России' },
    { date: d('11-04'), kind: 'holiday', note: 'День народного единства' },
  ];
}

function sorted(entries: ProductionCalendarEntry[]): readonly ProductionCalendarEntry[] {
  return Object.freeze(
    [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((e) => Object.freeze(e)),
  );
}

/**
 * 2025. Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»:
 * 4 января (сб) → 2 мая (пт); 5 января (вс) → 31 декабря (ср); 23 февраля (вс) → 8 мая (чт);
 * 8 марта (сб) → 13 июня (пт); 1 ноября (сб) → 3 ноября (пн).
 * Shortened days: 7 марта, 30 апреля, 11 июня, 1 ноября (working Saturday).
 * Result: 247 working days, 1972 hours at a 40-hour week.
 */
const Y2025: ProductionCalendarYear = {
  year: 2025,
  status: 'decree',
  decree: { number: '1335', date: '04.10.2024', title: 'О переносе выходных дней в 2025 году' },
  note: 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»',
  entries: sorted([
    ...statutoryHolidays(2025),
    { date: '2025-03-07', kind: 'short', note: SHORT },
    { date: '2025-04-30', kind: 'short', note: SHORT },
    { date: '2025-05-02', kind: 'day_off', note: 'Перенос выходного с субботы 4 января (Постановление № 1335)' },
    { date: '2025-05-08', kind: 'day_off', note: 'Перенос выходного с воскресенья 23 февраля (Постановление № 1335)' },
    { date: '2025-06-11', kind: 'short', note: SHORT },
    { date: '2025-06-13', kind: 'day_off', note: 'Перенос выходного с субботы 8 марта (Постановление № 1335)' },
    {
      date: '2025-11-01',
      kind: 'short',
      note: 'Рабочая суббота: выходной перенесён на понедельник 3 ноября (Постановление № 1335); предпраздничный день, сокращён на один час',
    },
    { date: '2025-11-03', kind: 'day_off', note: 'Перенос выходного с субботы 1 ноября (Постановление № 1335)' },
    { date: '2025-12-31', kind: 'day_off', note: 'Перенос выходного с воскресенья 5 января (Постановление № 1335)' },
  ]),
};

/**
 * 2026. Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»:
 * 3 января (сб) → 9 января (пт); 4 января (вс) → 31 декабря (чт).
 * By ч. 2 ст. 112 ТК РФ (no decree needed): 8 марта (вс) → 9 марта (пн); 9 мая (сб) → 11 мая (пн).
 * Shortened days: 30 апреля, 8 мая, 11 июня, 3 ноября.
 * Result: 247 working days, 1972 hours at a 40-hour week.
 */
const Y2026: ProductionCalendarYear = {
  year: 2026,
  status: 'decree',
  decree: { number: '1466', date: '24.09.2025', title: 'О переносе выходных дней в 2026 году' },
  note: 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»',
  entries: sorted([
    ...statutoryHolidays(2026),
    { date: '2026-01-09', kind: 'day_off', note: 'Перенос выходного с субботы 3 января (Постановление № 1466)' },
    {
      date: '2026-03-09',
      kind: 'day_off',
      note: 'Перенос выходного с воскресенья 8 марта на следующий рабочий день (ч. 2 ст. 112 ТК РФ)',
    },
    { date: '2026-04-30', kind: 'short', note: SHORT },
    { date: '2026-05-08', kind: 'short', note: SHORT },
    {
      date: '2026-05-11',
      kind: 'day_off',
      note: 'Перенос выходного с субботы 9 мая на следующий рабочий день (ч. 2 ст. 112 ТК РФ)',
    },
    { date: '2026-06-11', kind: 'short', note: SHORT },
    { date: '2026-11-03', kind: 'short', note: SHORT },
    { date: '2026-12-31', kind: 'day_off', note: 'Перенос выходного с воскресенья 4 января (Постановление № 1466)' },
  ]),
};

/**
 * 2027: NO DECREE CHECKED. No decree «О переносе выходных дней в 2027 году» could be found
 * in the sources available when this was written, so only the Labour Code is applied:
 * - holidays on weekdays: 1, 4–8 января, 23 февраля (вт), 8 марта (пн), 4 ноября (чт);
 * - 2 и 3 января (сб, вс) are holidays on a weekend and, being January holidays, are NOT moved
 *   automatically: the decree normally moves them to other dates — missing here;
 * - ч. 2 ст. 112: 1 мая (сб) → 3 мая (пн), 9 мая (вс) → 10 мая (пн), 12 июня (сб) → 14 июня (пн);
 * - ст. 95: shortened 22 февраля, 30 апреля, 11 июня, 3 ноября, 31 декабря (before 1 January 2028).
 * Replace this record with the decree's data once it is published.
 */
const Y2027: ProductionCalendarYear = {
  year: 2027,
  status: 'statutory_only',
  decree: null,
  note: STATUTORY_ONLY_NOTE,
  entries: sorted([
    ...statutoryHolidays(2027),
    { date: '2027-02-22', kind: 'short', note: `${SHORT}; ${STATUTORY_ONLY_NOTE}` },
    { date: '2027-04-30', kind: 'short', note: `${SHORT}; ${STATUTORY_ONLY_NOTE}` },
    {
      date: '2027-05-03',
      kind: 'day_off',
      note: `Перенос выходного с субботы 1 мая на следующий рабочий день; ${STATUTORY_ONLY_NOTE}`,
    },
    {
      date: '2027-05-10',
      kind: 'day_off',
      note: `Перенос выходного с воскресенья 9 мая на следующий рабочий день; ${STATUTORY_ONLY_NOTE}`,
    },
    { date: '2027-06-11', kind: 'short', note: `${SHORT}; ${STATUTORY_ONLY_NOTE}` },
    {
      date: '2027-06-14',
      kind: 'day_off',
      note: `Перенос выходного с субботы 12 июня на следующий рабочий день; ${STATUTORY_ONLY_NOTE}`,
    },
    { date: '2027-11-03', kind: 'short', note: `${SHORT}; ${STATUTORY_ONLY_NOTE}` },
    { date: '2027-12-31', kind: 'short', note: `${SHORT}; ${STATUTORY_ONLY_NOTE}` },
  ]),
};

/** All shipped years, keyed by year. */
export const PRODUCTION_CALENDAR_DATA: Readonly<Record<number, ProductionCalendarYear>> = Object.freeze({
  2025: Y2025,
  2026: Y2026,
  2027: Y2027,
});
