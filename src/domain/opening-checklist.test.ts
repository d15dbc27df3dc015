import { describe, expect, it } from 'vitest';
import { cleanItemTexts, isHandled, openingOutcome, openingTimeOf } from './opening-checklist.js';
import { DomainError } from './errors.js';

const HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '21:00' }));

describe('the opening checklist rules (DESK-1)', () => {
  it('opens by the branch’s weekday hours; the production calendar’s holidays close it', () => {
    expect(openingTimeOf(HOURS, '2026-11-23')).toBe('09:00'); // Monday
    expect(openingTimeOf(HOURS, '2026-11-22')).toBeNull(); // Sunday
    expect(openingTimeOf(HOURS, '2026-11-04', 'holiday')).toBeNull();
    expect(openingTimeOf(HOURS, '2026-12-31', 'day_off')).toBeNull();
    expect(openingTimeOf(HOURS, '2026-12-30', 'short')).toBe('09:00');
  });

  it('late by whole minutes after opening in the clinic’s zone, whatever the server’s zone', () => {
    const base = { date: '2026-11-23', today: '2026-11-24', opens: '09:00' };
    expect(openingOutcome({ ...base, tz: 'Europe/Moscow', completedAt: '2026-11-23T06:07:00.000Z' })).toEqual({ status: 'late', lateMinutes: 7 });
    expect(openingOutcome({ ...base, tz: 'Europe/Moscow', completedAt: '2026-11-23T06:00:59.000Z' })).toEqual({ status: 'on_time', lateMinutes: null });
    expect(openingOutcome({ ...base, tz: 'Europe/Moscow', completedAt: '2026-11-23T05:52:00.000Z' })).toEqual({ status: 'on_time', lateMinutes: null });
    // 09:00 in Vladivostok is 23:00 UTC of the day before.
    expect(openingOutcome({ ...base, tz: 'Asia/Vladivostok', completedAt: '2026-11-22T23:30:00.000Z' })).toEqual({ status: 'late', lateMinutes: 30 });
    // Berlin in summer (UTC+2) and winter (UTC+1).
    expect(openingOutcome({ date: '2026-07-01', today: '2026-07-02', opens: '09:00', tz: 'Europe/Berlin', completedAt: '2026-07-01T07:10:00.000Z' })).toEqual({ status: 'late', lateMinutes: 10 });
    expect(openingOutcome({ date: '2026-12-01', today: '2026-12-02', opens: '09:00', tz: 'Europe/Berlin', completedAt: '2026-12-01T07:10:00.000Z' })).toEqual({ status: 'on_time', lateMinutes: null });
  });

  it('skipped only on a past open day; today is still in progress; a closed day is neither', () => {
    const tz = 'Europe/Moscow';
    expect(openingOutcome({ date: '2026-11-23', today: '2026-11-24', opens: '09:00', completedAt: null, tz }).status).toBe('skipped');
    expect(openingOutcome({ date: '2026-11-24', today: '2026-11-24', opens: '09:00', completedAt: null, tz }).status).toBe('in_progress');
    expect(openingOutcome({ date: '2026-11-22', today: '2026-11-24', opens: null, completedAt: null, tz }).status).toBe('closed');
    expect(openingOutcome({ date: '2026-11-22', today: '2026-11-24', opens: null, completedAt: '2026-11-22T08:00:00.000Z', tz }).status).toBe('on_time');
  });

  it('an item counts as handled when ticked or explained with a note that says something', () => {
    expect(isHandled({ doneAt: '2026-11-23T05:40:00.000Z', note: null })).toBe(true);
    expect(isHandled({ doneAt: null, note: 'буклеты закончились' })).toBe(true);
    expect(isHandled({ doneAt: null, note: '  ' })).toBe(false);
    expect(isHandled({ doneAt: null, note: null })).toBe(false);
  });

  it('item texts: trimmed, spaces collapsed; empty, over-long and repeated ones refused by field', () => {
    expect(cleanItemTexts([{ text: '  Проверить   бахилы ' }])).toEqual(['Проверить бахилы']);
    try {
      cleanItemTexts([{ text: ' ' }, { text: 'Бахилы' }, { text: 'бахилы' }, { text: 'я'.repeat(201) }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).errors.map((x) => x.field)).toEqual(['items.0.text', 'items.2.text', 'items.3.text']);
    }
    expect(() => cleanItemTexts([])).toThrow(DomainError);
  });
});
